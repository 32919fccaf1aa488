"""Dropped added rows whose labels differ from the row kept are named at their FILE:LINE, with the row kept."""

import pandas as pd
import pytest

from taikai.model import Metrics, ModelMetadata, RecordedConfig, TrainingRecord
from taikai.model._describe import training_summary
from taikai.training import Columns, read_inputs

BASE = [["手数料が高い", "fees", "negative"], ["単価が安い", "low_pay", "negative"]]


def write(path, rows):
    pd.DataFrame(rows, columns=["text", "reasons", "sentiment"]).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("files", "duplicates_at", "repeats_at"),
    [
        # Regression: "1 dropped duplicate(s) … carry labels that differ from the row kept" named no row
        (
            {
                "a.csv": [
                    ["生成AIに負けた", "rejection", "negative"],
                    ["新しい話", "other", "neutral"],
                    ["生成AIに負けた", "other", "neutral"],
                ]
            },
            (),
            ("a.csv:2 (kept: a.csv:4)",),
        ),
        (
            {
                "a.csv": [["生成AIに負けた", "rejection", "negative"]],
                "b.csv": [["新しい話", "other", "neutral"], ["生成AIに負けた", "rejection", "neutral"]],
            },
            (),
            ("a.csv:2 (kept: b.csv:3)",),
        ),
        # a row of DATA's with other labels: DATA's row is named as the one kept
        (
            {"a.csv": [["新しい話", "other", "neutral"], ["単価が安い", "time", "neutral"]]},
            ("a.csv:3 (kept: base.csv:3)",),
            (),
        ),
        # the same labels: nothing to name
        ({"a.csv": [["生成AIに負けた", "rejection", "negative"], ["生成AIに負けた", "rejection", "negative"]]}, (), ()),
    ],
)
def test_dropped_rows_with_other_labels_are_named_with_the_row_kept(
    tmp_path, monkeypatch, files, duplicates_at, repeats_at
):
    monkeypatch.chdir(tmp_path)
    base = write("base.csv", BASE)
    added = [write(name, rows) for name, rows in files.items()]
    inputs = read_inputs(base, added, columns=Columns())
    assert (inputs.duplicates_at, inputs.repeats_at) == (duplicates_at, repeats_at)
    assert "_taikai_where" not in inputs.added.columns


def test_no_more_than_five_are_named():
    rows = [[f"生成AIに負けた{i}回目", "rejection", "negative"] for i in range(7)]
    again = [[t, "other", "neutral"] for t, _, _ in rows]
    inputs = read_inputs(
        pd.DataFrame(BASE, columns=["text", "reasons", "sentiment"]),
        [pd.DataFrame(rows + again, columns=["text", "reasons", "sentiment"])],
        columns=Columns(),
    )
    assert inputs.disagreeing_repeats == 7 and len(inputs.repeats_at) == 5
    assert inputs.repeats_at[0] == "<frame>: row 1 (data row, 1-based) (kept: <frame>: row 8 (data row, 1-based))"


@pytest.mark.parametrize(
    ("at", "said"),
    [
        (
            {"repeats": ["a.csv:2 (kept: a.csv:4)"]},
            "(the last one: of the later file, or later in the file): a.csv:2 (kept: a.csv:4)",
        ),
        ({"repeats": ["a.csv:2 (kept: a.csv:4)"], "extra": 1}, ": a.csv:2 (kept: a.csv:4), and 2 more"),
        ({}, "(the last one: of the later file, or later in the file)"),  # a model saved before places were recorded
    ],
)
def test_the_training_summary_names_them(at, said):
    repeats = 3 if at.pop("extra", 0) else 1
    meta = ModelMetadata(
        taikai_version="0",
        created_at="",
        reasons=["fees"],
        sentiments=[],
        reason_thresholds={},
        max_chars=1,
        config=RecordedConfig(),
        metrics=Metrics(),
        seed=0,
        training_data=TrainingRecord.from_dict(
            {
                "added_disagreeing_repeats": repeats,
                "added_disagreeing_in": {"repeats": {"reasons": repeats}},
                "added_disagreeing_at": at or None,
            }
        ),
    )
    [note] = [line for line in training_summary(meta, None).splitlines() if "among the files" in line]
    assert note.endswith(said)


@pytest.mark.parametrize(
    ("frames", "repeat", "names"),
    [
        # regression: two frames given to add= were both <frame>: "<frame>: row 1 (kept: <frame>: row 1)"
        (2, "<frame 1 of add>: row 1 (data row, 1-based) (kept: <frame 2 of add>: row 1 (data row, 1-based))", 2),
        (1, "<frame>: row 1 (data row, 1-based) (kept: <frame>: row 2 (data row, 1-based))", 1),  # one: as before
    ],
)
def test_several_frames_given_to_add_are_named_by_their_place(frames, repeat, names):
    first = pd.DataFrame([["生成AIに負けた", "rejection", "negative"]], columns=["text", "reasons", "sentiment"])
    again = pd.DataFrame([["生成AIに負けた", "other", "neutral"]], columns=["text", "reasons", "sentiment"])
    add = [first, again] if frames == 2 else [pd.concat([first, again], ignore_index=True)]
    inputs = read_inputs(pd.DataFrame(BASE, columns=["text", "reasons", "sentiment"]), add, columns=Columns())
    assert inputs.repeats_at == (repeat,)
    assert len({f.file for f in inputs.files if f.role == "added"}) == names
