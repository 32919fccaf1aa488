"""The tables of counts the tests of changes, the share table and the charts read: anything else is refused, saying
which call makes the table (given the predictions frame, as a notebook holds it, they failed deep inside)."""

import pandas as pd
import pytest

from taikai import analysis
from taikai.errors import InputError


def _frames():
    """The predictions a notebook holds, and the count tables made of them."""
    from support_frames import classified

    frame = pd.DataFrame(
        {
            "review_id": [f"r{i}" for i in range(60)],
            "posted_at": ["2026-01-05"] * 30 + ["2026-02-05"] * 30,
            "platform": ["Lancers", "Upwork"] * 30,
            "reason": ["fees", "trouble", "fees"] * 20,
        }
    )
    return classified(frame)


# (function, what it is given, in place of its table of counts: the error, and what it says)
NOT_COUNTS = [
    ("segment_changes", lambda f: (f, "platform"), TypeError, "column 'review_id' holds 'r0', which is no count"),
    ("segment_changes", lambda f: (f, "platform"), TypeError, "segment_changes(segment_breakdown(predictions, by))"),
    ("period_changes", lambda f: (f, "posted_at"), TypeError, "period_changes(reasons_over_time(predictions, date"),
    ("period_changes", lambda f: ([[3, 4]],), TypeError, "table must be a DataFrame of counts, periods x reasons"),
    ("period_changes", lambda f: (analysis.reason_distribution(f),), TypeError, "column 'name' holds '報酬"),
    (
        "segment_changes",
        lambda f: (analysis.segment_breakdown(f, "platform") / 30,),
        InputError,
        "row 'Lancers', column 'fees' holds 0.666667 (shares are no counts",
    ),
    (
        "segment_changes",
        lambda f: (analysis.segment_breakdown(f, "platform").reindex(["Lancers", "Upwork", "Other"]),),
        InputError,
        "row 'Other', column 'low_pay' is empty",
    ),
    ("period_changes", lambda f: (analysis.reasons_over_time(f, "posted_at"), ["2026-01"]), InputError, "2 periods"),
    ("segment_changes", lambda f: (analysis.segment_breakdown(f, "platform"), "by"), InputError, "not 'by'; its rows"),
    ("trend_counts", lambda f: (f,), TypeError, "trend_counts(reasons_over_time(predictions, date_column))"),
    ("trend_shares", lambda f: (f,), TypeError, "column 'review_id' holds 'r0', which is no count"),
    ("shares_over_time", lambda f: (f,), TypeError, "shares_over_time(reasons_over_time(predictions, date_column))"),
    (
        "shares_over_time",
        lambda f: (analysis.shares_over_time(analysis.reasons_over_time(f, "posted_at")),),
        InputError,
        "row Period('2026-01', 'M'), column 'fees' holds 0.666667",
    ),
    ("segment_bars", lambda f: (f,), TypeError, "segment_bars(segment_breakdown(predictions, by))"),
    ("sentiment_bars", lambda f: (f,), TypeError, "sentiment_bars(sentiment_by_reason(predictions))"),
    ("biggest", lambda f: (f,), TypeError, "changes must be a list of Change, as period_changes or segment_changes"),
]


@pytest.mark.parametrize(("function", "given", "error", "said"), NOT_COUNTS)
def test_a_table_that_is_no_counts_is_refused_saying_which_table(function, given, error, said):
    """Given the predictions frame, a frame of shares or of names, a missing count or labels of another length, the
    functions raised ValueError: invalid literal for int() (of 'R00001R00002…', the ids joined, from trend_counts),
    TypeError: can only concatenate str (not "int") to str, or cut shares to 0 and found no change at all."""
    with pytest.raises(error) as raised:
        getattr(analysis, function)(*given(_frames()))
    assert said in str(raised.value)


@pytest.mark.parametrize(
    ("function", "made", "found"),
    [
        ("segment_changes", lambda f: analysis.segment_breakdown(f, "platform"), 2),
        ("period_changes", lambda f: analysis.reasons_over_time(f, "posted_at"), 1),
    ],
)
def test_the_table_made_for_it_is_read(function, made, found):
    assert len(getattr(analysis, function)(made(_frames()))) == found
