"""Metrics and Scores: the ``metrics`` of a model's metadata typed, a field per key, written back as read (the keys
in their order, nulls and keys of a later taikai kept); a field set after reading is written after them, in the
order training writes them (cv, added, test, note)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from taikai.model import Metrics, ModelMetadata, Scores

WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "metadata_written"


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
                added={"rows": 1},
                note="n",
            ),
            {"cv": {"folds": 2}, "added": {"rows": 1}, "test": {"rows": 8}, "note": "n"},
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
