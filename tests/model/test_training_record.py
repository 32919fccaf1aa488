"""TrainingRecord: the ``training_data`` of a model's metadata typed, a field per key, written back as read (the
keys in their order, nulls and keys of a later taikai kept); a field set after reading is written after them."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from taikai.model import Disagreeing, LabelCounts, ModelMetadata, TrainingData, TrainingRecord

WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "metadata_written"


@pytest.mark.parametrize(
    ("values", "typed"),
    [
        ({"rows": 40, "train_rows": 32, "test_rows": 8}, {"rows": 40, "train_rows": 32, "test_rows": 8}),
        (
            {"test_rows": 0, "rows": 3, "train_rows": 3, "skipped_examples": ["a.csv:2"]},
            {"rows": 3, "skipped_examples": ("a.csv:2",)},
        ),
        (
            {"rows": 3, "train_rows": 3, "test_rows": 0, "file": None, "later_key": {"a": [1]}},
            {"file": None, "extra": {"later_key": {"a": [1]}}},
        ),
    ],
    ids=["as written", "reordered, a list", "null and a key of a later taikai"],
)
def test_a_record_is_typed_and_written_back_as_read(values, typed):
    metadata = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8"))
    metadata["training_data"] = values
    record = ModelMetadata.from_dict(metadata).training_data
    assert isinstance(record, TrainingRecord)
    assert {name: getattr(record, name) for name in typed} == typed
    assert record.keys == tuple(values)
    assert json.dumps(record.to_dict()) == json.dumps(values)


@pytest.mark.parametrize(
    ("record", "written"),
    [
        (TrainingRecord(), {}),
        (TrainingRecord(rows=5, test_rows=0), {"rows": 5, "test_rows": 0}),
        (
            replace(TrainingRecord.from_dict({"rows": 5}), label_rows={"reasons": {}}),
            {"rows": 5, "label_rows": {"reasons": {}}},
        ),
    ],
    ids=["empty", "made in code", "a field set after reading"],
)
def test_fields_not_read_are_written_when_set(record, written):
    assert json.dumps(record.to_dict()) == json.dumps(written)
    assert record.recorded() is bool(written)


def test_trained_on_reads_the_record():
    record = TrainingRecord.from_dict({"file": "a.csv", "rows": 10, "train_rows": 8, "test_rows": 2})
    data = replace(ModelMetadata.unsaved(), training_data=record).trained_on()
    assert data == TrainingData(file="a.csv", rows=10, train_rows=8, test_rows=2)


ADDED = json.loads((WRITTEN / "added.json").read_text(encoding="utf-8"))["training_data"]


@pytest.mark.parametrize(
    ("changes", "counts", "places"),
    [
        ({}, LabelCounts(1, 0, keys=("reasons", "sentiment")), tuple(ADDED["added_disagreeing_at"]["duplicates"])),
        (
            {
                "added_disagreeing_in": {"repeats": {"sentiment": 2, "labels": 1}, "duplicates": {"reasons": 1}},
                "added_disagreeing_at": {"later": [1], "duplicates": ["b.csv:3 (kept: a.csv:2)"]},
            },
            LabelCounts(1, keys=("reasons",)),
            ("b.csv:3 (kept: a.csv:2)",),
        ),
        (
            {"added_disagreeing_in": {"duplicates": None}, "added_disagreeing_at": None},
            None,
            (),
        ),
    ],
    ids=["as written", "reordered, keys of a later taikai", "nulls"],
)
def test_the_dropped_added_rows_are_typed_and_written_back_as_read(changes, counts, places):
    metadata = json.loads((WRITTEN / "added.json").read_text(encoding="utf-8"))
    metadata["training_data"] |= changes
    meta = ModelMetadata.from_dict(metadata)
    record = meta.training_data
    assert isinstance(record.added_disagreeing_in, Disagreeing)
    assert record.added_disagreeing_in.duplicates == counts
    assert meta.trained_on().duplicates_differing_at == places
    assert json.dumps(meta.to_dict()) == json.dumps(metadata)


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        (
            {"added_disagreeing_in": {"duplicates": {"reasons": 2, "sentiment": 0, "labels": 1}}},
            TrainingData(duplicates_differing_in={"reasons": 2, "labels": 1}),
        ),
        (
            {"added_disagreeing_at": {"repeats": ["a.csv:2"]}, "skipped_rows": 2, "rows": "40"},
            TrainingData(repeats_differing_at=("a.csv:2",), skipped_rows=2),
        ),
        ({"added_disagreeing_in": [1], "added_disagreeing_at": "a.csv:2", "rows": True}, TrainingData()),
    ],
    ids=["counts", "places, a count of text", "objects of another kind"],
)
def test_training_data_shows_the_record_what_is_not_of_its_kind_as_not_recorded(values, shown):
    assert TrainingData.from_dict(values) == TrainingData.from_record(TrainingRecord.from_dict(values)) == shown


SHIPPED = Path(__file__).resolve().parents[2] / "models" / "default"


@pytest.mark.parametrize(
    "model_dir",
    [WRITTEN / "refit.json", WRITTEN / "added.json", WRITTEN / "frame.json", SHIPPED],
    ids=["refit", "added", "frame", "shipped"],
)
def test_a_model_saved_before_ids_were_recorded_loads_with_none(model_dir, tmp_path):
    """metadata.json without training_data.id_column (every model saved before it, models/default too) loads as
    unchanged: no id column recorded, the summary without an ``ids:`` line (its bytes written back as read:
    tests/model/test_metadata_bytes.py)."""
    from taikai.model import read_metadata, training_summary

    if model_dir.suffix == ".json":  # a file of the fixtures: laid out as a model directory's metadata.json
        (tmp_path / "metadata.json").write_bytes(model_dir.read_bytes())
        model_dir = tmp_path
    assert "id_column" not in (model_dir / "metadata.json").read_text(encoding="utf-8")
    meta = read_metadata(model_dir)
    assert (meta.training_data.id_column, meta.training_data.id_found_by_name) == (None, None)
    assert "ids:" not in training_summary(meta, None)


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ({"id_column": "回答ID", "id_found_by_name": True}, "ids:   回答ID (found by its name)"),
        ({"id_column": "no", "id_found_by_name": False}, "ids:   no (given)"),
    ],
    ids=["found", "given"],
)
def test_the_id_column_is_recorded_written_back_and_summarised(values, line):
    from taikai.model import training_summary

    metadata = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8"))
    metadata["training_data"] = {"rows": 4, "train_rows": 4, "test_rows": 0} | values
    meta = ModelMetadata.from_dict(metadata)
    assert (meta.training_data.id_column, meta.training_data.id_found_by_name) == tuple(values.values())
    assert json.dumps(meta.to_dict()) == json.dumps(metadata)
    assert line in training_summary(meta, None).splitlines()
