"""Model.predict_frame on a frame whose columns are a MultiIndex: the text column named by its tuple, the model's
columns added as ('reason', ''), and a column named otherwise refused with the columns and how to name one."""

import re

import pandas as pd
import pytest

import taikai
from taikai import InputError
from taikai.analysis import build_report

TEXTS = ["手数料が高すぎて続けられない", "連絡が遅くて困った"]


def _frame(columns: list[tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame({c: TEXTS if c[-1] == "text" else ["x", "y"] for c in columns})


@pytest.mark.parametrize(
    ("columns", "text_column", "prefix", "added"),
    [
        ([("review", "text"), ("review", "id")], ("review", "text"), "", ("reason", "")),
        ([("a", "b", "text")], ("a", "b", "text"), "", ("reason", "", "")),
        ([("review", "text"), ("reason", "")], ("review", "text"), "pred_", ("pred_reason", "")),
    ],
    ids=["two levels", "three levels", "a prefix beside a reason column"],
)
def test_a_frame_with_levels_of_columns_keeps_them(tiny_model, columns, text_column, prefix, added):
    df = _frame(columns)
    out = tiny_model.predict_frame(df, text_column, prefix=prefix)
    assert isinstance(out.columns, pd.MultiIndex), list(out.columns)  # before: a flat Index of tuples and names
    assert list(out.columns[: len(columns)]) == columns
    assert out[added].tolist() == [p.reason for p in tiny_model.predict(TEXTS)]
    assert out[prefix + "reason"].tolist() == out[added].tolist()  # as pandas names a column added by df["reason"]


@pytest.mark.parametrize(
    ("columns", "text_column", "said"),
    [
        (
            [("review", "text"), ("review", "id")],
            "text",
            "no column 'text'; the columns are [('review', 'text'), ('review', 'id')]; give the right one to "
            "text_column= (--text-column on the command line); the columns have 2 levels: name one as a tuple, such "
            "as text_column=('review', 'text')",
        ),
        (
            [("x", "body"), ("review", "id")],
            "review",
            "the columns have 2 levels: name one as a tuple, such as text_column=('review', 'id')",
        ),
        (
            [("review", "text"), ("reason", "")],
            ("review", "text"),
            "the input already has output column(s) ['reason']",  # before: a second 'reason' column
        ),
    ],
    ids=["a name of the last level", "a name of the first level", "an output column already there"],
)
def test_a_frame_with_levels_of_columns_refused_says_how_to_name_one(tiny_model, columns, text_column, said):
    with pytest.raises(InputError, match=re.escape(said)):
        tiny_model.predict_frame(_frame(columns), text_column)


@pytest.mark.parametrize("columns", [[("review", "text")], [("a", "b", "text")]], ids=["two levels", "three levels"])
def test_one_column_of_levels_is_not_said_to_be_a_file_read_with_the_wrong_separator(tiny_model, columns):
    with pytest.raises(InputError) as refused:  # before: "The one column name holds commas: … pandas.read_csv(…)"
        tiny_model.predict_frame(_frame(columns), "text")
    assert str(refused.value).endswith(f"name one as a tuple, such as text_column={columns[0]!r}"), refused.value


@pytest.mark.parametrize(
    ("columns", "names", "text_column"),
    [
        (pd.Index(["text", "id"]), ["field"], "text"),
        (pd.MultiIndex.from_tuples([("review", "text"), ("review", "id")]), ["part", "field"], ("review", "text")),
        (pd.Index(["text", "id"]), [None], "text"),
    ],
    ids=["one level", "two levels", "none"],
)
def test_the_names_of_the_columns_are_kept(tiny_model, columns, names, text_column):
    """Regression: predict_frame dropped df.columns.name (pd.concat does): df.rename_axis(columns=…) came back
    without it."""
    df = pd.DataFrame([[t, i] for i, t in enumerate(TEXTS)], columns=columns.set_names(names))
    out = tiny_model.predict_frame(df, text_column)
    assert list(out.columns.names) == names
    assert out.columns.nlevels == len(names)


def _read_both(call, flat, levels):
    """The result of *call* on predictions of a flat frame and of the same frame with levels of columns."""
    return call(flat, "text"), call(levels, ("review", "text"))


@pytest.mark.parametrize(
    "call",
    [
        lambda p, text: taikai.distinctive_words(p, text_column=text, min_count=1),
        lambda p, text: taikai.suggest(p, n=5, text_column=text).rows[["model_reason", "p_model_reason"]],
        lambda p, text: len(build_report(p, text_column=text, charts=False, drift=False)) > 0,
    ],
    ids=["distinctive_words", "suggest", "build_report"],
)
def test_predictions_of_a_frame_with_levels_are_read_as_those_of_a_flat_one(tiny_model, tiny_csv, call):
    texts = pd.read_csv(tiny_csv)["text"]
    flat = tiny_model.predict_frame(pd.DataFrame({"text": texts}))
    levels = tiny_model.predict_frame(pd.DataFrame({("review", "text"): texts}), ("review", "text"))
    # before: "no column 'reason'", "not a predictions file: no p_reason_* columns"
    got_flat, got_levels = _read_both(call, flat, levels)
    if isinstance(got_flat, pd.DataFrame):
        pd.testing.assert_frame_equal(got_levels, got_flat)
    else:
        assert got_levels == got_flat
