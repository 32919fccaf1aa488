"""The public functions that take a model or data refuse their arguments given in the wrong order, or the data given
alone, with a TypeError that says how the function is called; right calls, and the command line's, are left alone."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai._argument_order import CALL_ORDERS, argument_order
from taikai.analysis import build_report, write_report
from taikai.cli import cli
from taikai.errors import ModelNotFoundError

RULES = Path(__file__).parents[1] / "examples" / "rules.toml"
DEFAULT = "for the default model"
EVALUATE = "evaluate(model, data) takes the model first, then the data: it was given "
EVALUATE_WRITE = f"; write evaluate(model, data), or evaluate(None, data) {DEFAULT}"
EXPLAIN = "explain(model, text) takes the model first, then the text: it was given "
EXPLAIN_WRITE = f"; write explain(model, text), or explain(None, text) {DEFAULT}"
DRIFT = "check_drift(dump, model) takes the dump first, then the model: it was given "
DRIFT_WRITE = f"; write check_drift(dump, model), check_drift(dump) {DEFAULT}, or check_drift(dump, reference=file)"
RULES_ORDER = "evaluate_rules(rules, data, model) takes the rules first, then the data, then the model: it was given "
RULES_WRITE = f"; write evaluate_rules(rules, data, model), or evaluate_rules(rules, data) {DEFAULT}"
KEYWORDS = "keywords(model) takes a model, and no data: it was given "
BATCH = "classify_file(input, output, model=model) takes the input file, then the output file, and the model as a "
BATCH += "keyword: it was given "
BATCH_WRITE = f"; write classify_file(input, output, model=model), or leave model out {DEFAULT}"
REPORT = "build_report(df, model=model) takes the predictions frame first, and the model as a keyword: it was given "
WRITE_REPORT = "write_report(predictions, out, model=model) takes the predictions file, then the page to write, and "
WRITE_REPORT += "the model as a keyword: it was given "


@pytest.fixture(scope="module")
def given(tmp_path_factory, tiny_model, tiny_model_dir, tiny_csv):
    """What the calls are given: the model, its directory, a labelled file and frame, predictions (frame and file)."""
    root = tmp_path_factory.mktemp("order")
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    predictions = tiny_model.predict_frame(labelled[["text"]])
    predictions.to_csv(root / "pred.csv", index=False)
    return {
        "m": tiny_model,
        "dir": str(tiny_model_dir),
        "csv": str(tiny_csv),
        "df": labelled,
        "pred": predictions,
        "pred_csv": str(root / "pred.csv"),
        "out": str(root / "out.csv"),
        "rules": str(RULES),
    }


def _file(name: str) -> str:
    return f"a data file ('{{{name}}}')"


CASES = {
    # id: (call(given), the message's start, with {csv}, {dir}, … the given paths)
    "evaluate(data)": (lambda g: taikai.evaluate(g["csv"]), f"{EVALUATE}{_file('csv')} as the model and no data"),
    "evaluate(frame)": (lambda g: taikai.evaluate(g["df"]), f"{EVALUATE}a DataFrame as the model and no data"),
    "evaluate(frame, model)": (
        lambda g: taikai.evaluate(g["df"], g["m"]),
        f"{EVALUATE}a DataFrame as the model and a Model as the data{EVALUATE_WRITE}",
    ),
    "evaluate(data, model)": (
        lambda g: taikai.evaluate(g["csv"], g["m"]),
        f"{EVALUATE}{_file('csv')} as the model and a Model as the data{EVALUATE_WRITE}",
    ),
    "evaluate(data, None)": (lambda g: taikai.evaluate(g["csv"], None), f"{EVALUATE}{_file('csv')} as the model;"),
    "evaluate(data, directory)": (
        lambda g: taikai.evaluate(g["csv"], g["dir"]),
        f"{EVALUATE}{_file('csv')} as the model and a model directory ('{{dir}}') as the data;",
    ),
    "evaluate(data=)": (lambda g: taikai.evaluate(data=g["df"]), f"{EVALUATE}no model{EVALUATE_WRITE}"),
    "explain(text)": (
        lambda g: taikai.explain("手数料が高い"),
        f"{EXPLAIN}a text ('手数料が高い') as the model and no text{EXPLAIN_WRITE}",
    ),
    "explain(model)": (lambda g: taikai.explain(g["m"]), f"{EXPLAIN}no text{EXPLAIN_WRITE}"),
    "explain(text, model)": (
        lambda g: taikai.explain("手数料が高い", g["m"]),
        f"{EXPLAIN}a text ('手数料が高い') as the model and a Model as the text{EXPLAIN_WRITE}",
    ),
    "explain(text, model directory)": (
        lambda g: taikai.explain("手数料が高い", g["dir"]),
        f"{EXPLAIN}a text ('手数料が高い') as the model and a model directory ('{{dir}}') as the text{EXPLAIN_WRITE}",
    ),
    "explain(text with a line break)": (
        lambda g: taikai.explain("手数料が高い\nやめた", None),
        f"{EXPLAIN}a text ('手数料が高い\\nやめた') as the model and None as the text{EXPLAIN_WRITE}",
    ),
    # regression: the text then None, the model said to come first, was "手数料が高い: no such model directory; …
    # or leave it out to use the shipped model", which explain(text) then refuses
    "explain(text, None)": (
        lambda g: taikai.explain("手数料が高い", None),
        f"{EXPLAIN}a text ('手数料が高い') as the model and None as the text{EXPLAIN_WRITE}",
    ),
    "explain(English text, None)": (
        lambda g: taikai.explain("fees are high", None),
        f"{EXPLAIN}a text ('fees are high') as the model and None as the text{EXPLAIN_WRITE}",
    ),
    "explain(text, text=None)": (
        lambda g: taikai.explain("手数料が高い", text=None),
        f"{EXPLAIN}a text ('手数料が高い') as the model and None as the text{EXPLAIN_WRITE}",
    ),
    "evaluate(text too long for a name, data)": (
        lambda g: taikai.evaluate("手数料が高い" * 20, g["csv"]),
        f"{EVALUATE}a text ('{'手数料が高い' * 3}手数…') as the model{EVALUATE_WRITE}",  # cut, and marked so
    ),
    "evaluate(text, model)": (
        lambda g: taikai.evaluate("モデル2025", g["m"]),
        f"{EVALUATE}a text ('モデル2025') as the model and a Model as the data{EVALUATE_WRITE}",
    ),
    "check_drift(model, dump)": (
        lambda g: taikai.check_drift(g["m"], g["pred_csv"]),
        f"{DRIFT}a Model as the dump and {_file('pred_csv')} as the model{DRIFT_WRITE}",
    ),
    "check_drift(directory, dump)": (
        lambda g: taikai.check_drift(g["dir"], g["pred_csv"]),
        f"{DRIFT}a model directory ('{{dir}}') as the dump and {_file('pred_csv')} as the model;",
    ),
    "check_drift(None, dump)": (
        lambda g: taikai.check_drift(None, g["pred"]),
        f"{DRIFT}a DataFrame as the model{DRIFT_WRITE}",
    ),
    "check_drift(model)": (lambda g: taikai.check_drift(g["m"]), f"{DRIFT}a Model as the dump{DRIFT_WRITE}"),
    "check_drift(dump, None, model)": (
        lambda g: taikai.check_drift(g["pred"], None, g["m"]),
        f"{DRIFT}a Model as the reference;",
    ),
    "evaluate_rules(model, rules, data)": (
        lambda g: taikai.evaluate_rules(g["m"], g["rules"], g["csv"]),
        f"{RULES_ORDER}a Model as the rules, a rules file ('{{rules}}') as the data and {_file('csv')} as the "
        f"model{RULES_WRITE}",
    ),
    "evaluate_rules(data, rules)": (
        lambda g: taikai.evaluate_rules(g["csv"], g["rules"]),
        f"{RULES_ORDER}a rules file ('{{rules}}') as the data{RULES_WRITE}",
    ),
    "evaluate_rules(rules)": (lambda g: taikai.evaluate_rules(g["rules"]), f"{RULES_ORDER}no data{RULES_WRITE}"),
    "evaluate_rules(rules, model, data)": (
        lambda g: taikai.evaluate_rules(g["rules"], g["m"], g["df"]),
        f"{RULES_ORDER}a Model as the data and a DataFrame as the model{RULES_WRITE}",
    ),
    "keywords(data)": (
        lambda g: taikai.keywords(g["csv"]),
        f"{KEYWORDS}{_file('csv')} as the model; write keywords(model), or keywords() {DEFAULT} "
        "(distinctive_words(predictions) ranks the words of predictions)",
    ),
    "keywords(frame)": (lambda g: taikai.keywords(g["pred"]), f"{KEYWORDS}a DataFrame as the model;"),
    "classify_file(model, input, output)": (
        lambda g: taikai.classify_file(g["m"], g["csv"], g["out"]),
        f"{BATCH}a Model as the input{BATCH_WRITE}",
    ),
    "classify_file(input, model)": (
        lambda g: taikai.classify_file(g["csv"], g["m"]),
        f"{BATCH}a Model as the output{BATCH_WRITE}",
    ),
    "classify_file(input)": (lambda g: taikai.classify_file(g["csv"]), f"{BATCH}no output{BATCH_WRITE}"),
    "classify_file(input, output, model)": (
        lambda g: taikai.classify_file(g["csv"], g["out"], g["m"]),
        f"{BATCH}a Model as text_column{BATCH_WRITE}",
    ),
    "suggest(model, predictions)": (
        lambda g: taikai.suggest(g["m"], g["pred_csv"]),
        "suggest(predictions, out) takes predictions (a file taikai batch wrote, or a frame of model.predict_frame), "
        "not a model: it was given a Model as the predictions; write suggest(predictions, out), e.g. "
        "suggest(model.predict_frame(frame), out)",
    ),
    "distinctive_words(model, predictions)": (
        lambda g: taikai.distinctive_words(g["m"], g["pred"]),
        "distinctive_words(predictions) takes predictions (a frame of model.predict_frame), not a model: it was given "
        "a Model as the predictions;",
    ),
    "train(model, data)": (
        lambda g: taikai.train(g["m"], g["csv"]),
        "train(data, out) takes labelled data (a file or frame), then the directory to save the new model in: it was "
        "given a Model as the data; write train(data, out)",
    ),
    "train(data, model)": (lambda g: taikai.train(g["csv"], g["m"]), "train(data, out) takes labelled data (a file"),
    "build_report(model)": (lambda g: build_report(g["m"]), f"{REPORT}a Model as the df;"),
    "build_report(predictions, model)": (
        lambda g: build_report(g["pred"], g["m"]),
        f"{REPORT}a Model as date_column; write build_report(df, model=model), or leave model out for the one that "
        "made the predictions",
    ),
    "write_report(model, out)": (
        lambda g: write_report(g["m"], g["out"]),
        f"{WRITE_REPORT}a Model as the predictions;",
    ),
    "write_report(predictions)": (lambda g: write_report(g["pred_csv"]), f"{WRITE_REPORT}no out;"),
}


@pytest.mark.parametrize(("call", "message"), CASES.values(), ids=CASES.keys())
def test_arguments_in_the_wrong_order_or_the_data_alone_say_what_to_write(given, call, message):
    """Regression: evaluate("data.csv") said evaluate() was missing 'data', evaluate("data.csv", model) and
    check_drift(model, "dump.csv") that the file was no model directory, build_report(model) raised AttributeError."""
    with pytest.raises(TypeError) as caught:
        call(given)
    assert str(caught.value).startswith(message.format(**given))


RIGHT = {
    # calls that run as before: (call(given), what they return)
    "model directory": (lambda g: taikai.explain(g["dir"], "手数料が高い", top=1), taikai.Explanation),
    "model.joblib": (lambda g: taikai.explain(str(Path(g["dir"]) / "model.joblib"), "時間", top=1), taikai.Explanation),
    "keywords(directory)": (lambda g: taikai.keywords(g["dir"], 2), taikai.Keywords),
    "evaluate(model, frame)": (lambda g: taikai.evaluate(g["m"], g["df"]), taikai.EvaluationReport),
    "check_drift(frame, model)": (lambda g: taikai.check_drift(g["pred"], g["m"]), taikai.DriftReport),
    "distinctive_words(frame)": (lambda g: taikai.distinctive_words(g["pred"], "text", "reason", 2), pd.DataFrame),
}


@pytest.mark.filterwarnings("ignore::taikai.DataWarning")  # evaluate on the training rows says so
@pytest.mark.parametrize(("call", "returned"), RIGHT.values(), ids=RIGHT.keys())
def test_right_calls_are_not_refused(given, call, returned):
    assert isinstance(call(given), returned)


MISSING = {
    # a model directory that does not exist, named as a text may be: left to the loader, which says so
    "evaluate(Japanese name, data)": (lambda g: taikai.evaluate("モデル2025", g["csv"]), "モデル2025"),
    "evaluate(name with a space, data)": (lambda g: taikai.evaluate("my model", g["csv"]), "my model"),
    "explain(Japanese name, text)": (lambda g: taikai.explain("モデル2025", "手数料が高い"), "モデル2025"),
    "explain(short text, text)": (lambda g: taikai.explain("手数料が高い", "時間"), "手数料が高い"),
    "check_drift(dump, name with a space)": (lambda g: taikai.check_drift(g["pred_csv"], "my model"), "my model"),
    "keywords(Japanese name)": (lambda g: taikai.keywords("モデル 2025"), "モデル 2025"),
    "evaluate_rules(rules, data, Japanese name)": (
        lambda g: taikai.evaluate_rules(g["rules"], g["csv"], "旧モデル"),
        "旧モデル",
    ),
}


@pytest.mark.parametrize(("call", "name"), MISSING.values(), ids=MISSING.keys())
def test_a_missing_model_directory_named_like_a_text_is_said_to_be_missing(given, call, name):
    """Regression: evaluate("モデル2025", "reviews.csv") was refused as given "a text" the wrong way round."""
    with pytest.raises(ModelNotFoundError) as caught:
        call(given)
    assert str(caught.value).startswith(f"{name}: no such model directory; give the directory of a trained model")


def test_a_model_directory_named_as_a_text_is_still_a_model(tiny_model_dir, tmp_path):
    shutil.copytree(tiny_model_dir, tmp_path / "手数料 モデル")
    assert taikai.explain(str(tmp_path / "手数料 モデル"), "手数料が高い", top=1).reason is not None


def test_paths_in_the_wrong_order_are_left_to_the_function_which_the_command_line_words(given):
    """The command line passes Paths: a Path alone in the wrong place is no proof, and its error stays the function's
    own (taikai: error: …, naming --model), not a TypeError in Python's words."""
    with pytest.raises(taikai.ModelError, match=r"a file, not a model directory"):
        taikai.evaluate(Path(given["csv"]), Path(given["dir"]))
    result = CliRunner().invoke(cli, ["evaluate", given["dir"], "--model", given["csv"]])
    assert result.exit_code != 0 and "taikai: error:" in result.output and "Traceback" not in result.output
    assert "takes the model first" not in result.output


def _takes_a_model_or_data(function: object) -> bool:
    names = set(inspect.signature(function).parameters)
    return bool(names & {"model", "data", "dump", "predictions", "input", "df"})


FUNCTIONS = [getattr(taikai, n) for n in taikai.__all__ if inspect.isfunction(getattr(taikai, n))]
FUNCTIONS += [build_report, write_report]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_every_public_function_that_takes_a_model_or_data_is_checked_and_keeps_its_signature(function):
    if not _takes_a_model_or_data(function):
        assert function.__name__ not in CALL_ORDERS
        return
    assert function.__name__ in CALL_ORDERS, f"{function.__name__}: add its call order to CALL_ORDERS"
    assert inspect.signature(function) == inspect.signature(function.__wrapped__)
    assert function.__doc__ == function.__wrapped__.__doc__


def test_every_call_order_is_of_a_public_function():
    assert set(CALL_ORDERS) == {f.__name__ for f in FUNCTIONS if _takes_a_model_or_data(f)}


def test_a_role_for_no_parameter_is_refused_at_import():
    def evaluate(model: object, given: object) -> None: ...

    with pytest.raises(ValueError, match=r"evaluate has no positional parameter \['data'\]"):
        argument_order(evaluate)
