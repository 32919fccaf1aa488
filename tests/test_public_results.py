"""Every public result dataclass compares with ``==`` (a bool, arrays and frames by shape and values), and either
hashes (all its values are hashable) or does not offer ``hash`` at all (``__hash__`` is ``None``), rather than
advertising a hash that fails on a dict field or an ``==`` that raises on a numpy array."""

from __future__ import annotations

import copy
import dataclasses
import re
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai.batch import BatchOptions, BatchSummary
from taikai.model import FeatureConfig
from taikai.training import AddedComparison, HeldOutScores

RULES = Path(__file__).parents[1] / "examples" / "rules.toml"
TEXTS = ["手数料が高すぎる", "時間がない", "", "hello world"]  # two classified, one empty, one not Japanese


@pytest.fixture(scope="module")
def results(tiny_model, tiny_csv):
    """One instance of each public result dataclass, made by the public API where it makes one."""
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    predictions = tiny_model.predict_frame(labelled[["text"]])
    masked = taikai.mask_pii("連絡は taro@example.com まで")
    scores = HeldOutScores(reason_accuracy=0.5, reason_macro_f1=0.4)
    with pytest.warns(taikai.DataWarning, match="were in this model's training data"):
        evaluated = taikai.evaluate(tiny_model, tiny_csv)
    return {
        "AddedComparison": AddedComparison(rows=4, folds=2, without=scores, with_added=scores),
        "BatchOptions": BatchOptions(text_column="text"),
        "BatchSummary": BatchSummary(input="in.csv", output="out.csv", statuses={"ok": 3}),
        "Classified": tiny_model.classify(pd.Series(TEXTS, index=[3, 3, 1, 0])),  # on a Series's index
        "DriftReport": taikai.check_drift(labelled[["text"]], tiny_model),
        "DriftStatistics": tiny_model.metadata.drift,
        "EvaluationReport": evaluated,
        "Explanation": taikai.explain(tiny_model, TEXTS[0]),
        "FeatureConfig": FeatureConfig(),
        "InputFile": tiny_model.metadata.inputs[0],
        "Keywords": taikai.keywords(tiny_model),
        "Masked": masked,
        "ModelMetadata": tiny_model.metadata,
        "PiiSpan": masked.spans[0],
        "Prediction": tiny_model.predict(TEXTS[0])[0],
        "RuleSet": taikai.load_rules(RULES),
        "RulesScore": taikai.evaluate_rules(RULES, tiny_csv, tiny_model),
        "Suggestion": taikai.suggest(predictions, n=3),
    }


HASHABLE = {
    "AddedComparison",
    "BatchOptions",
    "Explanation",
    "FeatureConfig",
    "InputFile",
    "Masked",
    "PiiSpan",
    "RuleSet",
}
"""The results whose values are all hashable; the others hold a dict, a list, an array or a frame."""
PUBLIC = sorted(
    name
    for name in taikai.__all__
    if isinstance(getattr(taikai, name), type) and dataclasses.is_dataclass(getattr(taikai, name))
)


def test_every_public_dataclass_is_checked(results):
    assert sorted(results) == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_equals_a_deep_copy(results, name):
    result = results[name]
    assert (result == copy.deepcopy(result)) is True
    assert (result != copy.deepcopy(result)) is False


@pytest.mark.parametrize("name", PUBLIC)
def test_hash_works_or_is_not_offered(results, name):
    result = results[name]
    if name in HASHABLE:
        assert hash(result) == hash(copy.deepcopy(result))
        assert len({result, copy.deepcopy(result)}) == 1
    else:
        assert type(result).__hash__ is None
        with pytest.raises(TypeError, match=f"unhashable type: '{name}'"):
            hash(result)


def test_classified_compares_its_probabilities(tiny_model):
    result = tiny_model.classify(TEXTS)
    changed = result.reason_proba.copy()
    changed[0, 0] += 0.01
    assert (result == dataclasses.replace(result, reason_proba=changed)) is False  # same shape, another value
    assert (result == dataclasses.replace(result, reason_proba=changed[:1])) is False  # another shape
    assert (result == "not a result") is False


def test_suggestion_compares_its_rows(tiny_model, tiny_csv):
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    predictions = tiny_model.predict_frame(labelled[["text"]])
    first = taikai.suggest(predictions, n=3)
    assert (first == dataclasses.replace(first, rows=first.rows.iloc[::-1])) is False
    assert (first == dataclasses.replace(first, seed=1)) is False


# (result, what its one-line repr starts with, what its Markdown in a notebook holds)
SHOWN = [
    ("EvaluationReport", "EvaluationReport(Scored 40 of 40 rows. reason_macro_f1 ", "## Primary reason"),
    ("RuleSet", "RuleSet(13 rule(s) from ", "| rule | label | any | all | not | regex |\n|---|"),
    ("Keywords", "Keywords(reason: 8 label(s), up to 10 feature(s) each; sentiment: 3", "| head | label | features |"),
    ("RulesScore", "RulesScore(13 rule(s) from ", "| rule | label | hits | right | precision | recall |\n|---|"),
]


@pytest.mark.parametrize(("name", "start", "table"), SHOWN, ids=[s[0] for s in SHOWN])
def test_a_large_result_shows_a_summary_and_a_table_in_a_notebook(results, name, start, table):
    result = results[name]
    shown = repr(result)
    assert shown.startswith(start) and shown.endswith(")") and "\n" not in shown and len(shown) < 300, shown
    markdown = result._repr_markdown_()
    assert table in markdown and "|" in markdown.splitlines()[-1 if name != "RulesScore" else 4]  # misfires after
    if name in {"RuleSet", "Keywords"}:  # one table: every row as many cells as its header (a regex's | escaped)
        rows = [line for line in markdown.splitlines() if line.startswith("|")]
        assert {len(re.findall(r"(?<!\\)\|", row)) for row in rows} == {table.split("\n")[0].count("|")}


def test_a_drift_report_shows_a_summary_and_its_text_in_a_notebook(results):
    """Before: its repr was the dataclass's, every word count of the reference included (377,000 characters for the
    shipped model), which a notebook printed for ``taikai.check_drift(df)``."""
    report = results["DriftReport"]
    shown = repr(report)
    assert shown.startswith("DriftReport(<frame>: ") and shown.endswith(")") and "\n" not in shown, shown
    assert len(shown) < 300 and report.verdict_line() in shown, shown
    shown_in_notebook: list[str] = []  # IPython calls _repr_pretty_(printer, cycle) for a cell's last value
    report._repr_pretty_(SimpleNamespace(text=shown_in_notebook.append), False)
    assert shown_in_notebook == [str(report)] == [report.to_text()]


@pytest.mark.parametrize("name", ["Explanation", "DriftReport"])
def test_a_result_ending_a_notebook_cell_shows_its_text(results, name):
    """Before (Explanation): ``taikai.explain(m, text)`` ending a cell showed only the one-line repr, while a
    drift report or a suggestion showed what its command prints."""
    result = results[name]
    shown_in_notebook: list[str] = []  # IPython calls _repr_pretty_(printer, cycle) for a cell's last value
    result._repr_pretty_(SimpleNamespace(text=shown_in_notebook.append), False)
    assert shown_in_notebook == [str(result)] and "\n" in str(result) and str(result) != repr(result)


@pytest.mark.parametrize(
    ("summary", "shown"),
    [
        (
            BatchSummary("in.csv", "out.csv", rows=3, statuses={"ok": 2, "empty": 1}),
            "in.csv → out.csv: 3 rows (ok 2, empty 1)",
        ),
        (BatchSummary("a b.xlsx", "out.parquet", rows=1, statuses={"ok": 1}), "a b.xlsx → out.parquet: 1 row (ok 1)"),
        (BatchSummary("in.csv", "out.csv"), "in.csv → out.csv: 0 rows (none)"),
    ],
)
def test_a_batch_summary_shows_one_line_and_its_text_in_a_notebook(summary, shown):
    """Before: its repr was the dataclass's, some 1,300 characters of every field (``seconds=0.2064798419996805``),
    which a notebook printed for ``taikai.classify_file(...)`` ending a cell."""
    assert repr(summary) == f"BatchSummary({shown})"
    shown_in_notebook: list[str] = []
    summary._repr_pretty_(SimpleNamespace(text=shown_in_notebook.append), False)
    assert shown_in_notebook == [str(summary)]


@pytest.mark.parametrize(
    ("name", "start", "most"),
    [
        ("ModelMetadata", "ModelMetadata(format ", 400),  # before: 120,000 characters, every training row's hash
        ("DriftStatistics", "DriftStatistics(source=", 1000),  # before: 24,000, every word's count
        ("DriftReport", "DriftReport(", 300),
    ],
)
def test_a_model_of_the_full_corpus_shows_its_records_in_a_few_lines(name, start, most):
    model = taikai.load_model()  # the shipped model: thousands of rows and words recorded
    result = {"ModelMetadata": model.metadata, "DriftStatistics": model.metadata.drift}.get(name)
    result = result or taikai.check_drift(pd.DataFrame({"text": TEXTS}), model)
    shown = repr(result)
    assert shown.startswith(start) and len(shown) < most, (len(shown), shown[:300])


@pytest.mark.parametrize(
    "texts",
    [np.array(["手数料が高い"]), np.array(["手数料が高い"], dtype=object).astype(np.str_), [np.str_("手数料が高い")]],
    ids=["array", "array of str_", "list of str_"],
)
def test_a_prediction_s_text_is_a_plain_str(tiny_model, texts):
    """Regression: the texts of a numpy array came back as numpy's str_ (``np.str_('手数料が高い')`` in a notebook)."""
    [prediction] = tiny_model.predict(texts)
    assert type(prediction.text) is str and type(prediction.to_dict()["text"]) is str


@pytest.mark.parametrize(
    "evaluated",
    [
        lambda model, frame: taikai.evaluate(model, frame),
        lambda model, frame: taikai.evaluate_rules(RULES, frame, model),
    ],
    ids=["EvaluationReport", "RulesScore"],
)
def test_a_frames_rows_are_named_in_a_notebook_as_printed(tiny_model, tiny_csv, evaluated):
    """Regression: a notebook rendered ``_repr_markdown_``'s ``<frame>`` as an HTML tag, shown as nothing: the
    rows unscored or misclassified read ``- : row 4 (data row, 1-based): …``."""
    frame = pd.read_csv(tiny_csv)
    frame.loc[3, "text"] = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", taikai.DataWarning)
        result = evaluated(tiny_model, frame)
    printed, markdown = str(result), result._repr_markdown_()
    assert "<frame>" in printed and "<frame>" not in markdown
    assert markdown == printed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
