"""Tables of a predictions frame: shares per period, misclassified rows."""

import math

import pandas as pd
import pytest

import taikai
from taikai import analysis


def _nan_as_none(table):
    return [[None if math.isnan(x) else round(x, 4) for x in row] for row in table.to_numpy(dtype=float)]


@pytest.mark.parametrize(
    "counts, expected",
    [
        ({"fees": [1, 3], "time": [3, 1]}, [[0.25, 0.75], [0.75, 0.25]]),
        # a period without reviews has no shares (a gap), not 0 %
        ({"fees": [2, 0, 1], "time": [0, 0, 1]}, [[1.0, 0.0], [None, None], [0.5, 0.5]]),
        ({"fees": [], "time": []}, []),
    ],
    ids=["two periods", "empty period", "no periods"],
)
def test_shares_over_time_divides_each_period_by_its_total(counts, expected):
    index = pd.period_range("2026-01", periods=len(counts["fees"]), freq="M", name="period")
    table = pd.DataFrame(counts, index=index).rename_axis(columns="reason")
    shares = analysis.shares_over_time(table)
    assert _nan_as_none(shares) == expected
    assert shares.index.equals(table.index) and list(shares.columns) == list(table.columns)


def test_shares_over_time_of_reasons_over_time():
    df = pd.DataFrame(
        {
            "reason": ["fees", "fees", "time", "fees"],
            "posted_at": ["2026-01-03", "2026-01-20", "2026-01-21", "2026-03-02"],
        }
    )
    monthly = analysis.reasons_over_time(df, "posted_at", "M")
    shares = analysis.shares_over_time(monthly)
    assert shares.loc[pd.Period("2026-01", "M"), "fees"] == pytest.approx(2 / 3)
    assert shares.loc[pd.Period("2026-02", "M")].isna().all()
    assert shares.loc[pd.Period("2026-03", "M"), "fees"] == 1.0


def test_shares_over_time_refuses_what_is_not_a_frame():
    with pytest.raises(TypeError, match=r"^table must be a pandas DataFrame of counts .*, not list \[1, 2\]$"):
        analysis.shares_over_time([1, 2])


@pytest.mark.parametrize(
    "reason, status, gold, wrong",
    [
        ("fees", "ok", "fees", False),
        ("time", "ok", "fees", True),
        ("time", "ok", "fees|time", True),  # the primary reason is the first
        ("fees", "ok", "fees|time", False),
        ("fees", "ok", " fees | time ", False),  # spaces around reasons
        ("fees", "ok", "fees、time", False),  # separators as taikai.evaluate reads them
        ("fees", "ok", "手数料が高い", False),  # a Japanese name is its id
        ("fees", "ok", "", False),  # no gold reason: nothing to compare
        ("fees", "ok", None, False),
        (None, "empty", "fees", False),  # not classified: evaluate lists it as unscored
    ],
)
def test_misclassified_compares_the_predicted_reason_with_the_primary_gold_reason(reason, status, gold, wrong):
    df = pd.DataFrame({"reason": [reason], "status": [status], "gold": [gold], "text": ["x"]}, index=[7])
    found = analysis.misclassified(df, gold_column="gold")
    assert list(found.index) == ([7] if wrong else [])
    assert list(found.columns) == list(df.columns)


def test_misclassified_keeps_the_rows_of_a_scored_frame_in_order(tiny_model):
    texts = ["手数料が高すぎて続けられない", "手数料が高すぎて続けられない", "", "手数料が高すぎて続けられない"]
    frame = pd.DataFrame({"text": texts, "gold": ["fees", "time|fees", "time", "rejection"]}, index=[10, 11, 12, 13])
    scored = tiny_model.predict_frame(frame)
    assert scored.loc[10, "reason"] == "fees"
    found = analysis.misclassified(scored)
    assert list(found.index) == [11, 13]


@pytest.mark.parametrize(
    "given, column, error, message",
    [
        ("scored.csv", "gold", TypeError, "df must be a pandas DataFrame of predictions"),
        (
            pd.DataFrame({"reason": ["fees"], "text": ["x"]}),
            "gold",
            taikai.InputError,
            "no column 'gold'; the columns are ['reason', 'text']; give the right one to gold_column=",
        ),
        (pd.DataFrame({"gold": ["fees"]}), "gold", taikai.InputError, "not a predictions file: no 'reason' column"),
    ],
    ids=["not a frame", "no gold column", "not classified"],
)
def test_misclassified_refuses_a_frame_it_cannot_compare(given, column, error, message):
    with pytest.raises(error) as caught:
        analysis.misclassified(given, gold_column=column)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("gold_column", [0, "0"])
def test_misclassified_of_a_frame_with_integer_column_labels(gold_column):
    """Regression: a frame read with header=None named its gold column 0, and "0" was not found."""
    df = pd.DataFrame({"reason": ["time", "fees"], "status": ["ok", "ok"], 0: ["fees", "fees"]})
    assert list(analysis.misclassified(df, gold_column=gold_column).index) == [0]
