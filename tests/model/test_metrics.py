"""Metrics and Scores: the ``metrics`` of a model's metadata typed, a field per key, written back as read (the keys
in their order, nulls and keys of a later taikai kept); a field set after reading is written after them, in the
order training writes them (cv, added, test, note)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from taikai.model import AddedComparison, HeldOutScores, Metrics, ModelMetadata, Scores

WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "metadata_written"
_UNSCORED = {"sentiment_accuracy": None, "sentiment_macro_f1": None}
ADDED = {
    "rows": 1,
    "folds": 2,
    "without": {"reason_accuracy": 1.0, "reason_macro_f1": None} | _UNSCORED,
    "with": {"reason_accuracy": 0.5, "reason_macro_f1": None} | _UNSCORED,
}


@pytest.mark.parametrize(
    ("values", "typed"),
    [
        ({"cv": {"folds": 2, "reason_accuracy": 0.5}}, {"folds": 2, "reason_accuracy": 0.5}),
        ({"cv": {"reason_accuracy": 1, "folds": 0, "note": None}}, {"reason_accuracy": 1, "folds": 0, "note": None}),
        (
            {"cv": {"folds": 3, "brier": 0.1}, "later": [1], "note": "n"},
            {"folds": 3, "extra": {"brier": 0.1}},
        ),
    ],
    ids=["as written", "reordered, an int score and a null", "keys of a later taikai"],
)
def test_metrics_are_typed_and_written_back_as_read(values, typed):
    metadata = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8"))
    metadata["metrics"] = values
    metrics = ModelMetadata.from_dict(metadata).metrics
    assert isinstance(metrics, Metrics) and isinstance(metrics.cv, Scores)
    assert {name: getattr(metrics.cv, name) for name in typed} == typed
    assert json.dumps(metrics.to_dict()) == json.dumps(values)


@pytest.mark.parametrize(
    ("metrics", "written"),
    [
        (Metrics(), {}),
        (
            replace(
                replace(Metrics.from_dict({"cv": {"folds": 2}}), test=Scores(rows=8)),
                added=AddedComparison(1, 2, HeldOutScores(1.0, None), HeldOutScores(0.5, None)),
                note="n",
            ),
            {"cv": {"folds": 2}, "added": ADDED, "test": {"rows": 8}, "note": "n"},
        ),
    ],
    ids=["empty", "set after reading, as training sets them"],
)
def test_fields_set_after_reading_are_written_in_training_s_order(metrics, written):
    assert json.dumps(metrics.to_dict()) == json.dumps(written)


@pytest.mark.parametrize(
    ("scores", "numbers"),
    [
        (Scores(rows=8, reason_accuracy=0.5, note="n", report={"a": 1}), {"reason_accuracy": 0.5, "rows": 8}),
        (Scores.from_dict({"folds": 2, "brier": 0.25, "flag": True}), {"folds": 2, "brier": 0.25}),
    ],
    ids=["known", "a key of a later taikai, a bool left out"],
)
def test_numbers_are_the_numeric_scores_and_counts(scores, numbers):
    assert scores.numbers() == numbers


def test_scored_lists_the_sets_of_scores_in_the_order_written():
    metrics = Metrics.from_dict({"test": {"rows": 8}, "note": "n", "cv": {"folds": 2}})
    assert list(metrics.scored()) == ["test", "cv"]


_READ_ADDED = json.loads((WRITTEN / "added.json").read_text(encoding="utf-8"))["metrics"]["added"]


@pytest.mark.parametrize(
    "added",
    [
        _READ_ADDED,
        dict(reversed(list(_READ_ADDED.items()))),
        _READ_ADDED | {"with": {"reason_macro_f1": 0.5, "reason_accuracy": None, "brier": [0.1]}, "later": {"a": 1}},
        {k: v for k, v in _READ_ADDED.items() if k != "near_copies"} | {"sentiment_rows": 3, "reason_rows": None},
    ],
    ids=["as written", "reordered", "keys of a later taikai, scores reordered", "counts of an older taikai"],
)
def test_the_comparison_of_added_labels_is_typed_and_written_back_as_read(added):
    metadata = json.loads((WRITTEN / "added.json").read_text(encoding="utf-8"))
    metadata["metrics"]["added"] = added
    meta = ModelMetadata.from_dict(metadata)
    comparison = meta.added_comparison()
    assert isinstance(comparison, AddedComparison) and comparison is meta.metrics.added
    assert (comparison.rows, comparison.with_added.reason_accuracy) == (added["rows"], added["with"]["reason_accuracy"])
    assert json.dumps(meta.to_dict()) == json.dumps(metadata)


def test_a_comparison_equals_and_hashes_as_one_of_its_values_whatever_the_order_of_its_keys():
    read = AddedComparison.from_dict(dict(reversed(list(_READ_ADDED.items()))))
    made = AddedComparison(38, 2, read.without, read.with_added, near_copies=0)
    assert read == made and hash(read) == hash(made)
    assert list(made.to_dict()) == ["rows", "folds", "without", "with", "near_copies"]  # as training writes it
