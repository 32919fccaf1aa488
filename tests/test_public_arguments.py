"""The public API refuses a wrong argument at its entry point, naming the argument, what was given and what is
accepted: ``TypeError`` for a wrong type, :class:`taikai.InputError` for a wrong value (not an AttributeError,
KeyError or pandas error from deep inside)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai.analysis import build_report, distinctive_words, html_table, write_report
from taikai.errors import InputError

RULES = Path(__file__).parents[1] / "examples" / "rules.toml"


@pytest.fixture(scope="module")
def files(tmp_path_factory, tiny_model, tiny_csv):
    """A labelled frame, its predictions (frame and file) and a one-sheet workbook of texts."""
    root = tmp_path_factory.mktemp("arguments")
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    predictions = tiny_model.predict_frame(labelled[["text"]])
    predictions.to_csv(root / "pred.csv", index=False)
    labelled.to_csv(root / "labelled.csv", index=False)
    labelled[["text"]].to_excel(root / "in.xlsx", index=False)
    return {"root": root, "labelled": labelled, "predictions": predictions}


CASES = [
    # (call, error, message): call(model, files) -> anything
    ("predict 1.5", lambda m, f: m.predict(1.5), TypeError, "texts must be a str or an iterable of texts"),
    (
        "predict 123",
        lambda m, f: m.predict(123),
        TypeError,
        "texts must be a str or an iterable of texts (a list, a pandas Series, …), not int 123",
    ),
    (
        "predict rules",
        lambda m, f: m.predict("手数料", rules=5),
        TypeError,
        "rules must be the path of a rules file, a RuleSet (taikai.load_rules), a list of them, or None, not int 5",
    ),
    (
        "Model metadata",
        lambda m, f: taikai.Model(m.pipeline, metadata=m.metadata.to_dict()),
        TypeError,
        "metadata must be a ModelMetadata (model.metadata, ModelMetadata.from_dict(values)) or None, not a dict",
    ),
    (
        "Model path",
        lambda m, f: taikai.Model(m.pipeline, m.metadata, path=5),
        TypeError,
        "path must be a str or pathlib.Path, not int 5",
    ),
    (  # regression: ValueError: 'x' is not a valid RulesMode, naming no argument
        "output_columns rules_mode",
        lambda m, f: m.output_columns("overide"),
        taikai.RulesError,
        "rules_mode must be one of flag, override, not 'overide'",
    ),
    (  # regression: a str's letters were read as the columns ("the columns are ['t', 'e', 'x', 't']")
        "check_columns str",
        lambda m, f: m.check_columns("text", "text"),
        TypeError,
        "columns must be the column labels of a frame (df.columns), not str 'text'",
    ),
    (
        "predict_frame str",
        lambda m, f: m.predict_frame("x.csv"),
        TypeError,
        "df must be a pandas DataFrame, not str 'x.csv': read a file with taikai.io.read_table(path).frame, or",
    ),
    (
        "predict_frame prefix",
        lambda m, f: m.predict_frame(f["labelled"][["text"]], prefix=3),
        TypeError,
        "prefix must be a str such as 'pred_', not int 3",
    ),
    (
        "classify_file rules_mode without rules",
        lambda m, f: taikai.classify_file(f["root"] / "in.xlsx", f["root"] / "o.csv", "text", rules_mode="override"),
        InputError,
        "rules_mode='override' applies to rules: give them with rules= (a rules file, or taikai.load_rules(path))",
    ),
    (
        "classify_file sheet type",
        lambda m, f: taikai.classify_file(f["root"] / "in.xlsx", f["root"] / "o.csv", "text", model=m, sheet=1.5),
        TypeError,
        "sheet must be a sheet name or 1-based number (str or int), or None for the first, not float 1.5",
    ),
    (
        "classify_file no sheet",
        lambda m, f: taikai.classify_file(f["root"] / "in.xlsx", f["root"] / "o.csv", "text", model=m, sheet=2),
        InputError,
        # regression: a one-sheet workbook was listed ("the sheets are ['Sheet1']", "a number from 1 to 1")
        "in.xlsx: no sheet '2'; the workbook's only sheet is 'Sheet1': give its name, or 1",
    ),
    (
        "classify_file input",
        lambda m, f: taikai.classify_file(None, "o.csv", "text"),
        TypeError,
        "input must be a str or pathlib.Path, not None",
    ),
    (
        "classify_file output",
        lambda m, f: taikai.classify_file("in.csv", 5, "text"),
        TypeError,
        "output must be a str or pathlib.Path, not int 5",
    ),
    (
        "classify_file model",
        lambda m, f: taikai.classify_file(f["root"] / "in.xlsx", f["root"] / "o.csv", "text", model=5),
        TypeError,
        "model must be a Model, the directory of one (str or pathlib.Path), or None, not int 5",
    ),
    (
        "classify_file options",
        lambda m, f: taikai.classify_file("in.csv", "o.csv", "text", options="x"),
        TypeError,
        "options must be a BatchOptions, or None (give the options as keywords), not str 'x'",
    ),
    (
        "classify_file jobs type",
        lambda m, f: taikai.classify_file("in.csv", "o.csv", "text", jobs="2"),
        TypeError,
        "jobs must be an int, not str '2'",
    ),
    (
        "classify_file jobs value",
        lambda m, f: taikai.classify_file("in.csv", "o.csv", "text", jobs=-1),
        InputError,
        "jobs must be at least 0, not -1",
    ),
    (
        "classify_file chunk_size",
        lambda m, f: taikai.classify_file("in.csv", "o.csv", "text", chunk_size="5"),
        TypeError,
        "chunk_size must be an int, not str '5'",
    ),
    (
        "suggest strategy",
        lambda m, f: taikai.suggest(f["predictions"], strategy="xx"),
        InputError,
        "strategy must be one of margin, entropy, random, not 'xx'",
    ),
    ("suggest n", lambda m, f: taikai.suggest(f["predictions"], n="5"), TypeError, "n must be an int, not str '5'"),
    (
        "suggest seed",
        lambda m, f: taikai.suggest(f["predictions"], seed="a"),
        TypeError,
        "seed must be an int, not str 'a'",
    ),
    (
        "suggest predictions",
        lambda m, f: taikai.suggest(None),
        TypeError,
        "predictions must be the path of a predictions file, or a pandas DataFrame, not None",
    ),
    (
        "suggest out",
        lambda m, f: taikai.suggest(f["predictions"], out=5),
        TypeError,
        "out must be a str or pathlib.Path, not int 5",
    ),
    ("load_model", lambda m, f: taikai.load_model(5), TypeError, "path must be a str or pathlib.Path, not int 5"),
    (
        "load_rules path",
        lambda m, f: taikai.load_rules(None),
        TypeError,
        "path must be a str or pathlib.Path, not None",
    ),
    (
        "load_rules labels",
        lambda m, f: taikai.load_rules(RULES, labels="fees"),
        TypeError,
        "labels must be a list of reason ids (model.reason_labels) or None, not str 'fees'",
    ),
    (  # regression: re's "expected string or bytes-like object, got 'float'"
        "load_rules labels of numbers",
        lambda m, f: taikai.load_rules(RULES, labels=["fees", 1.0]),
        TypeError,
        "labels must be a list of reason ids (model.reason_labels) or None, not list ['fees', 1.0]: 1.0 is no reason "
        "id; give them as str",
    ),
    (  # regression: the str's letters were read as the model's reasons, and every rule's label said unknown
        "RuleSet.check_labels str",
        lambda m, f: taikai.load_rules(RULES).check_labels("fees"),
        TypeError,
        "labels must be a list of reason ids (model.reason_labels), not str 'fees'",
    ),
    (
        "RuleSet.for_labels str",
        lambda m, f: taikai.load_rules(RULES).for_labels("fees"),
        TypeError,
        "labels must be a list of reason ids (model.reason_labels), not str 'fees'",
    ),
    (
        "parse_rules labels of numbers",
        lambda m, f: taikai.rules.parse_rules("", labels=[1]),
        TypeError,
        "labels must be a list of reason ids (model.reason_labels) or None, not list [1]: 1 is no reason id",
    ),
    (
        "reason_name lang",
        lambda m, f: taikai.reason_name("fees", lang="fr"),
        InputError,
        "lang must be one of ja, en, not 'fr'",  # listed as every other lang= and freq= message lists them
    ),
    ("reason_name lang list", lambda m, f: taikai.reason_name("fees", lang=["ja"]), TypeError, "not list ['ja']"),
    (
        "sentiment_name lang",
        lambda m, f: taikai.labels.sentiment_name("positive", lang="fr"),
        InputError,
        "lang must be one of ja, en, not 'fr'",  # listed as every other lang= and freq= message lists them
    ),
    (
        "reason_name labels int",
        lambda m, f: taikai.reason_name("fees", labels=3),
        TypeError,
        "labels must be a list of reason labels (model.reason_labels) or None, not int 3",
    ),
    (  # a str's letters were read as labels of one's own: fees was named fees, not 手数料が高い
        "reason_name labels str",
        lambda m, f: taikai.reason_name("fees", labels="fees"),
        TypeError,
        "labels must be a list of reason labels (model.reason_labels) or None, not str 'fees'",
    ),
    (
        "sentiment_name labels str",
        lambda m, f: taikai.labels.sentiment_name("positive", labels="positive"),
        TypeError,
        "labels must be a list of sentiment labels (model.sentiment_labels) or None, not str 'positive'",
    ),
    (
        "reasons_over_time freq list",
        lambda m, f: taikai.analysis.reasons_over_time(f["predictions"], "text", freq=["M"]),
        TypeError,  # a value of another type, as a str option given one (check_str)
        "freq must be one of M (months; pandas' ME or MS alike), W (weeks, Monday to Sunday; pandas' W-SUN "
        "alike), Q (quarters; QE, QS alike) or Y (years; YE, YS alike), or a quarter or year of a fiscal year "
        "ending in another month (Q-MAR, Y-MAR: from April, as 年度), not list ['M']",
    ),
    (
        "check_drift freq list",
        lambda m, f: taikai.check_drift(f["labelled"], m, date_column="text", freq=["W"]),
        TypeError,
        "freq must be one of M (months; pandas' ME or MS alike), W (weeks, Monday to Sunday; pandas' W-SUN "
        "alike), Q (quarters; QE, QS alike) or Y (years; YE, YS alike), or a quarter or year of a fiscal year "
        "ending in another month (Q-MAR, Y-MAR: from April, as 年度), not list ['W']",
    ),
    (
        "build_report lang list",
        lambda m, f: build_report(f["predictions"], lang=["ja"], charts=False),
        TypeError,
        "lang must be one of ja, en, not list ['ja']",
    ),
    (
        "drift_section lang list",
        lambda m, f: taikai.analysis.drift_section(f["predictions"], m, lang=["ja"]),
        TypeError,
        "lang must be one of ja, en, not list ['ja']",
    ),
    (  # a period length the section cannot use is refused, as the report refuses it, not put in a note
        "drift_section freq",
        lambda m, f: taikai.analysis.drift_section(f["predictions"], m, date_column="text", freq="D"),
        InputError,
        "freq must be one of M (months; pandas' ME or MS alike), W (weeks, Monday to Sunday; pandas' W-SUN "
        "alike), Q (quarters; QE, QS alike) or Y (years; YE, YS alike), or a quarter or year of a fiscal year "
        "ending in another month (Q-MAR, Y-MAR: from April, as 年度), not 'D'",
    ),
    (
        "explain top",
        lambda m, f: taikai.explain(m, "手数料が高い", top="3"),
        TypeError,
        "top must be an int, not str '3'",
    ),
    (
        "explain model",
        lambda m, f: taikai.explain(5, "手数料が高い"),
        TypeError,
        "model must be a Model, the directory of one",
    ),
    ("keywords top", lambda m, f: taikai.keywords(m, top="3"), TypeError, "top must be an int, not str '3'"),
    (
        "distinctive_words frame",
        lambda m, f: taikai.distinctive_words("pred.csv"),
        TypeError,
        "predictions must be a pandas DataFrame (read a file with taikai.io.read_predictions), not str 'pred.csv'",
    ),
    (
        "distinctive_words min_count",
        lambda m, f: taikai.distinctive_words(f["predictions"], min_count="2"),
        TypeError,
        "min_count must be an int, not str '2'",
    ),
    (
        "evaluate model",
        lambda m, f: taikai.evaluate(5, f["labelled"]),
        TypeError,
        "model must be a Model (or any Classifier), the directory of one, or None, not int 5",
    ),
    (
        "evaluate data",
        lambda m, f: taikai.evaluate(m, None),
        TypeError,
        "data must be the path of a labelled file (str or pathlib.Path), or a pandas DataFrame, not None",
    ),
    (
        "evaluate_rules rules",
        lambda m, f: taikai.evaluate_rules(5, "lab.csv", m),
        TypeError,
        "rules must be the path of a rules file",
    ),
    (
        "evaluate_rules data",
        lambda m, f: taikai.evaluate_rules(RULES, f["labelled"].to_dict(), m),
        TypeError,
        "data must be the path of a labelled file (str or pathlib.Path), or a pandas DataFrame, not a dict",
    ),
    (
        "evaluate_rules examples",
        lambda m, f: taikai.evaluate_rules(RULES, "lab.csv", m, examples="2"),
        TypeError,
        "examples must be an int, not str '2'",
    ),
    (
        "check_drift dump",
        lambda m, f: taikai.check_drift(None, m),
        TypeError,
        "dump must be the path of a file (str or pathlib.Path), or a pandas DataFrame, not None",
    ),
    (  # regression: the texts alone, as classify takes them, were refused saying only "not a Series"
        "check_drift dump Series",
        lambda m, f: taikai.check_drift(pd.Series(["手数料が高い"]), m),
        TypeError,
        'or a pandas DataFrame, not a Series: pass the texts as a frame, dump=series.to_frame("text")',
    ),
    (
        "check_drift reference Series",
        lambda m, f: taikai.check_drift(f["predictions"], m, reference=pd.Series(["手数料が高い"])),
        TypeError,
        'or a pandas DataFrame, not a Series: pass the texts as a frame, reference=series.to_frame("text")',
    ),
    (
        "check_drift reference",
        lambda m, f: taikai.check_drift(f["predictions"], m, reference=5),
        TypeError,
        "reference must be the path of a file (str or pathlib.Path), or a pandas DataFrame, not int 5",
    ),
    (
        "train data",
        lambda m, f: taikai.train(None),
        TypeError,
        "data must be the path of a labelled file (str or pathlib.Path), or a pandas DataFrame, not None",
    ),
    (
        "train folds",
        lambda m, f: taikai.train(f["labelled"], folds="2"),
        TypeError,
        "folds must be an int, not str '2'",
    ),
    (
        "train config",
        lambda m, f: taikai.train(f["labelled"], config="x"),
        TypeError,
        "config must be a FeatureConfig (FeatureConfig.shipped(), …) or None, not str 'x'",
    ),
    (
        "train add",
        lambda m, f: taikai.train(f["labelled"], add={"more.csv"}, folds=0),
        TypeError,
        "add must be a labelled file (str or pathlib.Path) or DataFrame, or a list of them, not set {'more.csv'}",
    ),
    (
        "train on_bad_rows",
        lambda m, f: taikai.train(f["labelled"], on_bad_rows="xx", folds=0),
        InputError,
        "on_bad_rows must be one of skip, error, not 'xx'",
    ),
    # a column argument that names no column: before, KeyError: None or "unhashable type: 'list'" from pandas
    *(
        (
            f"{call} {argument}={given!r}",
            run,
            TypeError,
            f"{argument} must be a column label (a str, or an int for a frame read with header=None){tail}, "
            f"not {shown}",
        )
        for call, run_with in {
            "evaluate": lambda **kw: lambda m, f: taikai.evaluate(m, f["labelled"], **kw),
            "evaluate a file": lambda **kw: lambda m, f: taikai.evaluate(m, f["root"] / "labelled.csv", **kw),
            "train": lambda **kw: lambda m, f: taikai.train(f["labelled"], folds=0, **kw),
            "evaluate_rules": lambda **kw: lambda m, f: taikai.evaluate_rules(RULES, f["labelled"], m, **kw),
        }.items()
        for argument, given, shown, tail in (
            ("text_column", None, "None", ""),
            ("text_column", ["text"], "list ['text']", ""),
            ("reasons_column", None, "None", ""),
            ("reasons_column", True, "bool True", ""),
            ("sentiment_column", ["sentiment"], "list ['sentiment']", ", or None for data without sentiment"),
        )
        if not (call == "evaluate_rules" and argument == "sentiment_column")
        for run in [run_with(**{argument: given})]
    ),
]


NAMED_WITH_THEIR_OPTION = [
    # (call, message): call(model, files); a wrong value named as given in Python, then the option (regression: these
    # named only the option, as "--n must be at least 1, not 0", or said a split value was missing rows)
    (
        "suggest n",
        lambda m, f: taikai.suggest(f["predictions"], n=0),
        "n=0 (--n on the command line) must be at least 1",
    ),
    # regression: top=0 gave an explanation without contributions and empty keywords, which --top 0 refuses
    (
        "explain top",
        lambda m, f: taikai.explain(m, "手数料が高い", top=0),
        "top=0 (--top on the command line) must be at least 1",
    ),
    ("keywords top", lambda m, f: taikai.keywords(m, top=0), "top=0 (--top on the command line) must be at least 1"),
    (
        "distinctive_words top",
        lambda m, f: taikai.distinctive_words(f["predictions"], top=0),
        "top must be at least 1, not 0",
    ),
    (
        "train add_weight",
        lambda m, f: taikai.train(f["labelled"], add_weight=-1.0, folds=0),
        "add_weight=-1.0 (--add-weight -1.0 on the command line) must be positive",
    ),
    (
        "classify_file encoding",
        lambda m, f: taikai.classify_file(f["root"] / "pred.csv", f["root"] / "e.csv", "text", encoding="utf-9"),
        "encoding='utf-9' (--encoding on the command line): unknown encoding; give a name such as utf-8",
    ),
    (
        "train out",
        lambda m, f: taikai.train(f["labelled"], out=f["root"] / "pred.csv", folds=0),
        "(--out on the command line): is a file, not a model directory; choose a directory (it is created)",
    ),
    (
        "evaluate split without a split column",
        lambda m, f: taikai.evaluate(m, f["labelled"], split="tset"),
        "split= (--split on the command line) must be one of test, train, all, not 'tset'",
    ),
    (
        "evaluate split with a split column",
        lambda m, f: taikai.evaluate(m, f["labelled"].assign(split="test"), split="tset"),
        "split= (--split on the command line) must be one of test, train, all, not 'tset'",
    ),
]


@pytest.mark.parametrize(
    ("call", "message"), [c[1:] for c in NAMED_WITH_THEIR_OPTION], ids=[c[0] for c in NAMED_WITH_THEIR_OPTION]
)
def test_a_wrong_value_is_named_as_given_in_python_and_on_the_command_line(tiny_model, files, call, message):
    with pytest.raises(InputError) as caught:
        call(tiny_model, files)
    shown = str(caught.value)
    assert shown.startswith(message) or (message.startswith("(") and f"pred.csv' {message}" in shown), shown


@pytest.mark.parametrize(("call", "error", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_argument_is_refused_at_the_entry_point(tiny_model, files, call, error, message):
    with pytest.raises(error, match=re.escape(message)) as caught:
        call(tiny_model, files)
    assert type(caught.value) is error or issubclass(error, InputError)


def test_a_sheet_number_may_be_an_int(tiny_model, files):
    summary = taikai.classify_file(
        files["root"] / "in.xlsx", files["root"] / "one.csv", "text", model=tiny_model, sheet=1
    )
    assert summary.rows == len(files["labelled"])


SHEET_IS_NO_CHOICE = {
    "taikai.io.Table": "the name of the sheet that was read",
    "taikai.io.check_labelled": "the name of the sheet that was read, for messages",
    "taikai.io.ExcelCells": "an openpyxl worksheet written to",
}


def _sheet_parameters() -> list[tuple[str, object]]:
    """Return every public function or class (by its dotted name) that takes a ``sheet`` argument, with its hint."""
    import importlib
    import inspect

    from api_reference import FROM_SOURCES, PACKAGES  # scripts/ is on the tests' path

    found = []
    for package in sorted(set(PACKAGES) - FROM_SOURCES):
        module = importlib.import_module(package)
        for name in module.__all__:
            obj = getattr(module, name)
            try:
                parameter = inspect.signature(obj).parameters.get("sheet")
            except (TypeError, ValueError):
                continue
            if parameter is not None:
                found.append((f"{package}.{name}", parameter.annotation))
    return found


@pytest.mark.parametrize(("name", "hint"), _sheet_parameters(), ids=[n for n, _ in _sheet_parameters()])
def test_every_public_sheet_argument_is_hinted_to_take_a_number(name, hint):
    """Regression: check_drift, open_reader, read_table, ReadOptions and BatchOptions said ``sheet: str | None``
    while a 1-based int (``sheet=2``) works there as everywhere."""
    if name in SHEET_IS_NO_CHOICE:
        return
    assert hint == "str | int | None", f"{name}: sheet: {hint}"


@pytest.fixture(scope="module")
def two_sheets(tmp_path_factory, files) -> Path:
    """A workbook whose first sheet holds no text column and whose second holds the texts."""
    path = tmp_path_factory.mktemp("sheets") / "two.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"note": ["not the texts"]}).to_excel(writer, sheet_name="cover", index=False)
        files["labelled"][["text"]].to_excel(writer, sheet_name="texts", index=False)
    return path


@pytest.mark.parametrize(
    ("call", "rows"),
    [
        (lambda m, p: taikai.check_drift(p, m, text_column="text", sheet=2).overall.statistics.rows, len),
        (lambda m, p: len(taikai.io.read_table(p, sheet=2).frame), len),
        (lambda m, p: sum(c.rows for c in taikai.io.open_reader(p, sheet=2).chunks(1000)), len),
        (lambda m, p: sum(c.rows for c in taikai.io.ReadOptions(sheet=2).open(p).chunks(1000)), len),
        (lambda m, p: taikai.classify_file(p, p.with_name("o.csv"), "text", model=m, sheet=2).rows, len),
    ],
    ids=["check_drift", "read_table", "open_reader", "ReadOptions", "classify_file"],
)
def test_a_sheet_number_reads_that_sheet(tiny_model, files, two_sheets, call, rows):
    assert call(tiny_model, two_sheets) == rows(files["labelled"])


WRONG_COLUMNS = [
    # (call, message): call(model, files, tiny_csv); the message names the Python argument, the option in brackets
    (
        "classify_file text_column",
        lambda m, f, lab: taikai.classify_file(lab, f["root"] / "c.parquet", text_column="body", model=m),
        "tiny.csv: no column 'body'; the columns are ['text', 'reasons', 'sentiment']; "
        "give the right one to text_column= (--text-column on the command line)",
    ),
    (
        "classify_file id_column",
        lambda m, f, lab: taikai.classify_file(lab, f["root"] / "c.parquet", "text", model=m, id_column="nid"),
        "no column 'nid'; the columns are ['text', 'reasons', 'sentiment']; "
        "give the right one to id_column= (--id-column on the command line)",
    ),
    (
        "predict_frame text_column",
        lambda m, f, lab: m.predict_frame(f["labelled"], text_column="body"),
        "no column 'body'; the columns are ['text', 'reasons', 'sentiment']; "
        "give the right one to text_column= (--text-column on the command line)",
    ),
    (
        "train reasons_column",
        lambda m, f, lab: taikai.train(lab, reasons_column="gold", folds=0),
        # the column that looks to hold the reasons, with the argument that reads it (h208)
        "tiny.csv: no column 'gold', but 'reasons' looks to hold labels: give it as reasons_column='reasons' "
        "(--reasons-column reasons on the command line); the columns are ['text', 'reasons', 'sentiment']",
    ),
    (
        "train text_column and sentiment_column",
        lambda m, f, lab: taikai.train(f["labelled"], text_column="body", sentiment_column="mood", folds=0),
        "<frame>: no column 'body' nor 'mood', but 'sentiment' looks to hold labels: give it as "
        "sentiment_column='sentiment' (--sentiment-column sentiment on the command line); give the column of texts to "
        "text_column= (--text-column on the command line); the columns are ['text', 'reasons', 'sentiment']",
    ),
    (
        "evaluate text_column",
        lambda m, f, lab: taikai.evaluate(m, lab, text_column="body"),
        "give the right one to text_column= (--text-column on the command line)",
    ),
    (
        "evaluate_rules reasons_column",
        lambda m, f, lab: taikai.evaluate_rules(RULES, lab, m, reasons_column="gold"),
        "give it as reasons_column='reasons' (--reasons-column reasons on the command line)",
    ),
    (
        "suggest id_column",
        lambda m, f, lab: taikai.suggest(f["root"] / "pred.csv", id_column="nid"),
        "pred.csv: no column 'nid'; the columns are ['text', 'status', ",
    ),
    (
        "suggest text_column",
        lambda m, f, lab: taikai.suggest(f["predictions"], text_column="body"),
        "give the right one to text_column= (--text-column on the command line)",
    ),
    (
        "check_drift date_column",
        lambda m, f, lab: taikai.check_drift(lab, m, date_column="when"),
        "tiny.csv: no column 'when'; the columns are ['text', 'reasons', 'sentiment']; "
        "give the right one to date_column= (--date-column on the command line)",
    ),
    (
        "check_drift reference_text_column",
        lambda m, f, lab: taikai.check_drift(lab, m, reference=lab, reference_text_column="body"),
        "give the right one to reference_text_column= (--reference-text-column on the command line)",
    ),
    (
        "write_report by",
        lambda m, f, lab: write_report(f["root"] / "pred.csv", f["root"] / "r.html", by="plan"),
        "pred.csv: no column 'plan'; the columns are ['text', 'status', ",
    ),
    (
        "write_report text_column",
        lambda m, f, lab: write_report(f["root"] / "pred.csv", f["root"] / "r.html", text_column="body"),
        "give the right one to text_column= (--text-column on the command line)",
    ),
    (
        "write_report id_column",
        lambda m, f, lab: write_report(f["root"] / "pred.csv", f["root"] / "r.html", id_column="nid"),
        "give the right one to id_column= (--id-column on the command line)",
    ),
    (
        "build_report id_column",
        lambda m, f, lab: build_report(f["predictions"], id_column="nid", drift=False),
        "the predictions frame: no column 'nid'; the columns are ['text', 'status', ",
    ),
    (
        "distinctive_words label_column",
        lambda m, f, lab: taikai.distinctive_words(f["predictions"], label_column="gold"),
        "no column 'gold'; the columns are ['text', 'status', ",
    ),
]


@pytest.mark.parametrize(("call", "message"), [c[1:] for c in WRONG_COLUMNS], ids=[c[0] for c in WRONG_COLUMNS])
def test_a_wrong_column_names_the_argument_with_its_option_in_brackets(tiny_model, files, tiny_csv, call, message):
    with pytest.raises(InputError) as caught:
        call(tiny_model, files, tiny_csv)
    assert message in str(caught.value)
    # the argument first, not --option
    assert re.search(r"(; give the right ones? to|: give (it|them) as) [a-z_]+=( |'|$)", str(caught.value))


COLUMN_ARGUMENTS = [
    (taikai.evaluate, "text_column"),
    (taikai.evaluate, "reasons_column"),
    (taikai.evaluate, "sentiment_column"),
    (taikai.train, "text_column"),
    (taikai.train, "reasons_column"),
    (taikai.train, "sentiment_column"),
    (taikai.Model.predict_frame, "text_column"),
    (taikai.check_drift, "text_column"),
    (taikai.suggest, "text_column"),
]


@pytest.mark.parametrize(("function", "name"), COLUMN_ARGUMENTS, ids=lambda x: getattr(x, "__qualname__", x))
def test_a_column_argument_is_annotated_as_any_label_a_frame_may_have(function, name):
    """Regression: evaluate and train took an int label (a frame read with header=None) but were annotated str, so
    mypy --strict refused a script that README says may pass one."""
    import inspect

    assert inspect.signature(function).parameters[name].annotation in ("Hashable", "Hashable | None")


def test_evaluate_takes_the_int_labels_of_a_frame_read_without_a_header(tiny_model, files):
    frame = files["labelled"][["text", "reasons", "sentiment"]].T.reset_index(drop=True).T  # columns 0, 1, 2
    with pytest.warns(taikai.DataWarning, match="were in this model's training data"):  # its rows, told by content
        report = taikai.evaluate(tiny_model, frame, text_column=0, reasons_column=1, sentiment_column=2)
    assert report.n_scored == len(frame)


FORMATS = "csv, tsv, jsonl, parquet, xlsx"
ENCODING_NAME = "an encoding name (a str) such as 'utf-8' or 'cp932'"
WRONG_READING = [
    # (id, call(model, files), error, message): regression (h112): each was a raw AttributeError or TypeError, or a
    # message that named no argument (or the dump's sheet= for the reference's).
    (
        "reference_sheet True",
        lambda m, f: taikai.check_drift(
            f["root"] / "pred.csv", m, reference=f["root"] / "in.xlsx", reference_sheet=True
        ),
        TypeError,
        "reference_sheet must be a sheet name or 1-based number (str or int), or None for the first, not bool True",
    ),
    (
        "reference_input_format xls",
        lambda m, f: taikai.check_drift(f["root"] / "pred.csv", m, reference="r.xls", reference_input_format="xls"),
        InputError,
        "reference_input_format='xls' (--reference-input-format on the command line): unknown format; choose one of "
        + FORMATS,
    ),
    (
        "reference_input_format 3",
        lambda m, f: taikai.check_drift(f["root"] / "pred.csv", m, reference="r.csv", reference_input_format=3),
        TypeError,
        f"reference_input_format must be one of {FORMATS}, or None for the format of the extension, not int 3",
    ),
    (
        "check_drift input_format 3",
        lambda m, f: taikai.check_drift(f["root"] / "pred.csv", m, input_format=3),
        TypeError,
        f"input_format must be one of {FORMATS}, or None for the format of the extension, not int 3",
    ),
    (
        "classify_file input_format 3",
        lambda m, f: taikai.classify_file(f["root"] / "in.xlsx", f["root"] / "o.csv", "text", input_format=3),
        TypeError,
        f"input_format must be one of {FORMATS}, or None for the format of the extension, not int 3",
    ),
    (
        "classify_file output_format 3",
        lambda m, f: taikai.classify_file(f["root"] / "in.xlsx", f["root"] / "o.csv", "text", output_format=3),
        TypeError,
        f"output_format must be one of {FORMATS}, or None for the format of the extension, not int 3",
    ),
    (
        "check_drift encoding bytes",
        lambda m, f: taikai.check_drift(f["root"] / "pred.csv", m, encoding=b"cp932"),
        TypeError,
        f"encoding must be {ENCODING_NAME}, or None to detect it, not bytes b'cp932'",
    ),
    (
        "check_drift reference_encoding bytes",
        lambda m, f: taikai.check_drift(
            f["root"] / "pred.csv", m, reference=f["root"] / "pred.csv", reference_encoding=b"cp932"
        ),
        TypeError,
        f"reference_encoding must be {ENCODING_NAME}, or None to detect it, not bytes b'cp932'",
    ),
    (
        "classify_file encoding bytes",
        lambda m, f: taikai.classify_file(f["root"] / "pred.csv", f["root"] / "o.csv", "text", encoding=b"cp932"),
        TypeError,
        f"encoding must be {ENCODING_NAME}, or None to detect it, not bytes b'cp932'",
    ),
    (
        "classify_file output_encoding bytes",
        lambda m, f: taikai.classify_file(f["root"] / "pred.csv", f["root"] / "o.csv", "text", output_encoding=b"x"),
        TypeError,
        "output_encoding must be an encoding name (a str) such as 'utf-8', not bytes b'x'",
    ),
    (
        "html_table str",
        lambda m, f: html_table("x"),
        TypeError,
        "df must be a pandas DataFrame, not str 'x'",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [c[1:] for c in WRONG_READING], ids=[c[0] for c in WRONG_READING]
)
def test_a_wrong_reading_option_names_its_argument(tiny_model, files, call, error, message):
    with pytest.raises(error) as caught:
        call(tiny_model, files)
    assert type(caught.value) is error
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "call",
    [
        lambda m: taikai.keywords(m, top=np.int64(3)),
        lambda m: taikai.explain(m, "手数料が高い", top=np.int64(3)),
        lambda m: distinctive_words(m.predict_frame(pd.DataFrame({"text": ["手数料が高い"] * 3})), top=np.int64(2)),
    ],
    ids=["keywords", "explain", "distinctive_words"],
)
def test_a_numpy_integer_is_an_int(tiny_model, call):
    """Regression: keywords(top=np.int64(3)) said "top must be an int, not int64"."""
    assert call(tiny_model) is not None


def test_a_numpy_sheet_number_reads_that_sheet(files):
    from taikai.io import read_table

    assert list(read_table(files["root"] / "in.xlsx", sheet=np.int64(1)).frame.columns) == ["text"]


def test_a_model_s_path_given_as_a_str_is_a_path(tiny_model):
    """Regression: Model(pipeline, metadata, path="x") kept the str, where load_model gives a Path."""
    model = taikai.Model(tiny_model.pipeline, tiny_model.metadata, path="x")
    assert model.path == Path("x") and isinstance(model.path, Path)
