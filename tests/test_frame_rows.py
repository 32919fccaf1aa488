"""Every message about a row of a frame passed to the API names it by its index label too, when that is not its
position (a frame indexed by ids, or filtered), so that ``df.loc`` finds it; the default index says nothing more."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai._frame_rows import frame_row, index_labels, json_label
from taikai.analysis import build_report, evaluate_rules
from taikai.errors import InputError

IDS = pd.Index([f"r{i}" for i in range(40)], name="review_id")
FILTERED = pd.RangeIndex(100, 140)
DEFAULT = pd.RangeIndex(40)
INDEXES = [
    pytest.param(IDS, "; index 'r{at}'", id="ids"),
    pytest.param(FILTERED, "; index {label}", id="filtered"),
    pytest.param(DEFAULT, "", id="default"),
]


@pytest.fixture(scope="module")
def frame(tiny_csv) -> pd.DataFrame:
    return pd.read_csv(tiny_csv)


def _said(told: str, at: int) -> str:
    return told.format(at=at, label=100 + at)


def _unknown_label(df: pd.DataFrame, at: int) -> pd.DataFrame:
    out = df.copy()
    out.iloc[at, out.columns.get_loc("reasons")] = "lowpay"
    return out


def _bad_split(df: pd.DataFrame, at: int) -> pd.DataFrame:
    out = df.assign(split=["train"] * 30 + ["test"] * 10)
    out.iloc[at, out.columns.get_loc("split")] = "tst"
    return out


CALLS = [
    pytest.param(
        lambda df, model, csv, rules: taikai.train(_unknown_label(df, 2)), 2, "reasons: unknown", id="train-label"
    ),
    pytest.param(lambda df, model, csv, rules: taikai.train(_bad_split(df, 3)), 3, "split 'tst'", id="train-split"),
    pytest.param(
        lambda df, model, csv, rules: taikai.train(csv, add=_unknown_label(df, 1)),
        1,
        "reasons: unknown",
        id="train-add",
    ),
    pytest.param(
        lambda df, model, csv, rules: taikai.evaluate(model, _unknown_label(df, 4)),
        4,
        "reasons: unknown",
        id="evaluate-label",
    ),
    pytest.param(
        lambda df, model, csv, rules: taikai.evaluate(model, _bad_split(df, 5), split="test"),
        5,
        "split",
        id="evaluate-split",
    ),
    pytest.param(
        lambda df, model, csv, rules: evaluate_rules(rules, _unknown_label(df, 6), model=model),
        6,
        "reasons",
        id="rules",
    ),
]


@pytest.fixture(scope="module")
def rules_file(tmp_path_factory):
    """A rule that fires on 単価, a word of low_pay reviews: it misfires."""
    path = tmp_path_factory.mktemp("rules") / "rules.toml"
    path.write_text('[[rule]]\nname = "pay"\nlabel = "fees"\nany = ["単価"]\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(("index", "told"), INDEXES)
@pytest.mark.parametrize(("call", "at", "problem"), CALLS)
def test_a_refused_row_of_a_frame_is_named_by_its_index_label(
    frame, tiny_model, tiny_csv, rules_file, index, told, call, at, problem
):
    """Regression: these rows were named by position only (row 3), which df.loc does not find in a frame indexed by
    ids or filtered."""
    with pytest.raises(InputError) as caught:
        call(frame.set_axis(index), tiny_model, tiny_csv, rules_file)
    where = f"<frame>: row {at + 1} (data row, 1-based{_said(told, at)}): "
    assert re.search(re.escape(where) + ".*" + re.escape(problem), str(caught.value)), str(caught.value)


@pytest.mark.parametrize(("index", "told"), INDEXES)
def test_a_misfire_of_a_rule_on_a_frame_is_named_by_its_index_label(frame, tiny_model, rules_file, index, told):
    """Regression: evaluate_rules named a misfire on a frame ``row 1`` only, in its listing and its JSON."""
    score = evaluate_rules(rules_file, frame.set_axis(index), model=tiny_model)
    first = frame.index[frame["text"].str.contains("単価") & ~frame["reasons"].str.contains("fees")][0]
    label = index[first]
    said = _said(told, first).replace("; index", " (index") + (")" if told else "")
    assert f"- row {first + 1}{said}: gold" in score.to_markdown()
    example = score.to_dict()["rules"][0]["examples"][0]
    json.dumps(example)
    assert example.get("index", "absent") == ("absent" if not told else json_label(label))


def _probability_text(out: pd.DataFrame, column: str) -> pd.DataFrame:
    out[column] = out[column].astype(object)
    out.iloc[2, out.columns.get_loc(column)] = "x"
    return out


def _probability_gone(out: pd.DataFrame, column: str) -> pd.DataFrame:
    out.iloc[2, out.columns.get_loc(column)] = np.nan
    return out


def _status_typed(out: pd.DataFrame, column: str) -> pd.DataFrame:
    out.iloc[2, out.columns.get_loc("status")] = "bogus"
    return out


EDITS = [
    pytest.param(_probability_text, "'x' is not a probability", id="text-in-probability"),
    pytest.param(_status_typed, "the status 'bogus' is none of", id="status"),
]
READERS = [
    pytest.param(lambda out, model: build_report(out), EDITS, id="report"),
    pytest.param(lambda out, model: taikai.suggest(out), EDITS, id="suggest"),
    pytest.param(
        lambda out, model: taikai.check_drift(out, model=model),
        [*EDITS, pytest.param(_probability_gone, "empty, but the row's status is ok", id="empty-probability")],
        id="drift-dump",
    ),
    pytest.param(
        lambda out, model: taikai.check_drift(out.reset_index(drop=True), model=model, reference=out),
        EDITS,
        id="drift-reference",
    ),
]


@pytest.mark.parametrize(("index", "told"), INDEXES)
@pytest.mark.parametrize(
    ("read", "edit", "problem"),
    [
        pytest.param(read.values[0], *edit.values, id=f"{read.id}-{edit.id}")
        for read in READERS
        for edit in read.values[1]
    ],
)
def test_an_edited_cell_of_a_predictions_frame_is_named_by_its_index_label(
    frame, tiny_model, index, told, read, edit, problem
):
    """Regression: build_report on predict_frame's output with an edited probability named ``data row 3`` only, and
    check_drift named the edited cells of a dump or reference frame so after that was fixed."""
    out = tiny_model.predict_frame(frame[["text"]].set_axis(index))
    column = next(c for c in out.columns if str(c).startswith("p_reason_"))
    with pytest.raises(InputError, match=re.escape(f"data row 3 (after the header{_said(told, 2)}): {problem}")):
        read(edit(out, column), tiny_model)


@pytest.mark.parametrize(
    ("position", "label", "said"),
    [
        (1, None, "<frame>: row 2 (data row, 1-based)"),
        (1, 1, "<frame>: row 2 (data row, 1-based)"),
        (1, 1.0, "<frame>: row 2 (data row, 1-based)"),
        (1, 7, "<frame>: row 2 (data row, 1-based; index 7)"),
        (1, True, "<frame>: row 2 (data row, 1-based; index True)"),
        (0, "a", "<frame>: row 1 (data row, 1-based; index 'a')"),
        (0, ("a", 1), "<frame>: row 1 (data row, 1-based; index ('a', 1))"),
        (0, np.int64(3), "<frame>: row 1 (data row, 1-based; index 3)"),
        (3, np.int64(3), "<frame>: row 4 (data row, 1-based)"),
    ],
)
def test_frame_row(position, label, said):
    assert frame_row("<frame>", position, label) == said


@pytest.mark.parametrize(
    ("index", "labels"),
    [(pd.RangeIndex(3), None), (pd.Index([0, 1, 2]), None), (pd.Index([1, 2, 3]), [1, 2, 3]), (["a"], ["a"])],
)
def test_index_labels(index, labels):
    assert index_labels(index) == labels
