"""report, suggest and drift read what ``taikai batch --prefix pred_`` writes, beside the input's own ``reason``."""

import html
import json
import shutil

import pandas as pd
import pytest

from taikai.io import read_summary


@pytest.fixture(scope="module")
def prefixed(classify_dump):
    """A batch output with the user's own ``reason`` column and the model's columns under ``pred_``."""
    return classify_dump(
        "scored", ["review_id", "text", "reason"], "survey answer", "--text-column", "text", "--prefix", "pred_"
    )


def copy(path, folder, summary=True):
    """Copy the predictions (and their batch summary, with *summary*) into *folder*."""
    target = shutil.copy(path, folder / path.name)
    if summary:
        shutil.copy(path.with_name("scored.summary.json"), folder / "scored.summary.json")
    return target


COMMANDS = {
    "report": lambda p, tmp, model: ("report", p, "-o", tmp / "r.html", "--no-drift", "--lang", "en"),
    "suggest": lambda p, tmp, model: ("suggest", p, "-o", tmp / "s.csv", "--n", "3"),
    "drift": lambda p, tmp, model: ("drift", p, "-m", model),
}
SAID = {
    "report": "HTML report written to",
    "suggest": "3 rows to label",
    "drift": "(predictions file, read as written",
}


def test_batch_records_the_prefix_in_its_summary(prefixed):
    assert read_summary(prefixed).prefix == "pred_"
    assert json.loads(prefixed.with_name("scored.summary.json").read_text(encoding="utf-8"))["prefix"] == "pred_"


@pytest.mark.parametrize("summary", [True, False], ids=["with summary", "without summary"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_commands_read_prefixed_predictions(invoke, prefixed, tmp_path, tiny_model_dir, command, summary):
    path = copy(prefixed, tmp_path, summary)
    result = invoke(*COMMANDS[command](path, tmp_path, tiny_model_dir))
    assert result.exit_code == 0, result.output
    assert SAID[command] in result.output


def test_report_reads_the_predicted_reason_not_the_users(invoke, prefixed, tmp_path):
    result = invoke("report", prefixed, "-o", tmp_path / "r.html", "--no-drift", "--by", "input_reason")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "6 件のうち 6 件" in page and "survey answer" in page  # the user's column, as a segment


@pytest.fixture(scope="module")
def twice(invoke, prefixed, tmp_path_factory, tiny_model_dir):
    """The plain predictions classified again with ``--prefix pred_``: two sets of predicted columns."""
    folder = tmp_path_factory.mktemp("twice")
    plain = folder / "plain.csv"
    frame = pd.read_csv(prefixed)
    frame.drop(columns=["reason"]).rename(columns=lambda c: c.removeprefix("pred_")).to_csv(plain, index=False)
    out = folder / "scored.csv"
    result = invoke("batch", plain, "-o", out, "--text-column", "text", "--prefix", "pred_", "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("command", list(COMMANDS))
def test_two_sets_without_a_summary_stop_and_name_the_prefixes(invoke, twice, tmp_path, tiny_model_dir, command):
    path = copy(twice, tmp_path, summary=False)
    result = invoke(*COMMANDS[command](path, tmp_path, tiny_model_dir))
    assert result.exit_code == 2
    assert (
        f"{path}: 2 sets of predicted columns, with the prefixes '', 'pred_'; choose one with "
        "prefix= (--prefix on the command line) "
        "('' for the columns without a prefix)"
    ) in result.output


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(
    ("options", "summary"), [([], True), (["--prefix", "pred_"], False), (["--prefix", ""], False)]
)
def test_the_summary_or_prefix_option_chooses_the_set(
    invoke, twice, tmp_path, tiny_model_dir, command, options, summary
):
    path = copy(twice, tmp_path, summary)
    result = invoke(*COMMANDS[command](path, tmp_path, tiny_model_dir), *options)
    assert result.exit_code == 0, result.output
    assert SAID[command] in result.output


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_prefix_the_file_does_not_hold_is_an_error(invoke, prefixed, tmp_path, tiny_model_dir, command):
    result = invoke(*COMMANDS[command](prefixed, tmp_path, tiny_model_dir), "--prefix", "x_")
    assert result.exit_code == 2
    assert f"{prefixed}: no predicted columns with the prefix 'x_'" in result.output
    assert "the predicted columns found have the prefixes 'pred_'" in result.output


@pytest.mark.parametrize(
    ("command", "content", "message"),
    [
        (
            "report",
            "review_id,text",
            "dump.csv: not a predictions file: no 'reason' column, nor a prefixed one such as pred_reason (the "
            "columns are ['review_id', 'text']); classify it first with taikai batch",
        ),
        (
            "report",
            "review_id,text,reason,sentiment",
            "dump.csv: the predictions have no p_reason_* columns (the report needs the probabilities); write them "
            "with taikai batch or predict_frame",
        ),
        (
            "suggest",
            "review_id,text",
            "dump.csv: not a predictions file: no p_reason_* columns, nor prefixed ones such as pred_p_reason_*; "
            "classify it first with taikai batch or predict_frame",
        ),
        (  # regression: a dump whose texts are not under 'text' was told to give its text column first
            "suggest",
            "ID,口コミ",
            "dump.csv: not a predictions file: no p_reason_* columns, nor prefixed ones such as pred_p_reason_*; "
            "classify it first with taikai batch or predict_frame",
        ),
        (
            "report",
            "ID,口コミ",
            "dump.csv: not a predictions file: no 'reason' column, nor a prefixed one such as pred_reason (the "
            "columns are ['ID', '口コミ']); classify it first with taikai batch",
        ),
    ],
)
def test_a_file_without_predictions_is_refused_naming_it(invoke, tmp_path, command, content, message):
    dump = tmp_path / "dump.csv"
    values = {"review_id": "r1", "ID": "r1", "text": "手数料が高い", "口コミ": "手数料が高い", "reason": "fees"}
    values["sentiment"] = "negative"
    dump.write_text(f"{content}\n{','.join(values[c] for c in content.split(','))}\n", encoding="utf-8")
    result = invoke(*COMMANDS[command](dump, tmp_path, None))
    assert result.exit_code == 2
    assert f"{tmp_path}/{message}" in result.output


@pytest.fixture(scope="module")
def by_two_models(invoke, prefixed, tmp_path_factory, tiny_csv):
    """The tiny model's predictions (under ``pred_``) classified again by another model (``m2_``, its summary):
    the summary names the model of the ``m2_`` columns only."""
    folder = tmp_path_factory.mktemp("two_models")
    other = folder / "other_model"
    trained = invoke("train", tiny_csv, "-o", other, "--folds", "2", "--test-size", "0", "--vectors", "none")
    assert trained.exit_code == 0, trained.output
    out = folder / "scored.csv"
    result = invoke("batch", prefixed, "-o", out, "--text-column", "text", "--prefix", "m2_", "-m", other)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(
    ("options", "model", "said", "refused"),
    [
        # the summary's set: its model, from the summary
        (["--prefix", "m2_"], "other_model", "As recorded by the run that made the predictions", False),
        ([], "other_model", "As recorded by the run that made the predictions", False),
        # the other set: not the summary's model, and the drift check reads that set (it stopped on two sets)
        (["--prefix", "pred_"], None, "describes the columns prefixed 'm2_', not the 'pred_' ones read", False),
        # its model given: accepted, not refused as "not the summary's model" (whose advice names the wrong one)
        (["--prefix", "pred_", "-m", "TINY"], "tiny", "The model named by whoever made this page", False),
        (["--prefix", "m2_", "-m", "TINY"], None, "not by model=", True),
    ],
)
def test_the_model_of_a_prefix_the_summary_did_not_write_is_not_the_summarys(
    invoke, by_two_models, tmp_path, tiny_model_dir, options, model, said, refused
):
    """Regression: ``report --prefix pred_`` of a file whose summary recorded ``m2_`` named the summary's model as
    the one that made the pred_ columns, refused their real model given with --model, and its drift section said
    '2 sets of predicted columns … choose one with prefix=' although --prefix was given."""
    options = [str(tiny_model_dir) if o == "TINY" else o for o in options]
    out = tmp_path / "r.html"
    result = invoke("report", by_two_models, "-o", out, "--lang", "en", *options)
    if refused:
        assert result.exit_code == 2 and said in result.output, result.output
        return
    assert result.exit_code == 0, result.output
    page = html.unescape(out.read_text(encoding="utf-8"))
    model_part = page[page.index('<section id="model">') : page.index('<section id="status">')]
    drift_part = page[page.index('<section id="drift">') :]
    assert said in model_part
    if model is not None:
        assert f"<td>{model}</td>" in model_part
    assert "sets of predicted columns" not in drift_part
    assert "No drift" in drift_part or "Drift" in drift_part
