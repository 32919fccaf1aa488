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
    # the distribution table, which has no test: it was refused saying "the test needs the number of reviews"
    ("sentiment_bars", lambda f: (analysis.sentiment_distribution(f),), TypeError, "not the count and share of sentim"),
    ("sentiment_bars", lambda f: (analysis.sentiment_distribution(f),), TypeError, "write sentiment_bars(sentiment_by"),
    (
        "trend_counts",
        lambda f: (analysis.shares_over_time(analysis.reasons_over_time(f, "posted_at")),),
        InputError,
        "(shares are no counts: the chart and its shares need the number of reviews)",
    ),
    ("biggest", lambda f: (f,), TypeError, "changes must be a list of Change, as period_changes or segment_changes"),
    # the bars per reason read name/count tables: given the predictions they said "label must be a reason id … int 0"
    ("reason_bars", lambda f: (f,), TypeError, "reason_bars(reason_distribution(predictions))"),
    ("reason_bars", lambda f: (f,), TypeError, "it has no column 'count' (its columns: review_id, posted_at,"),
    ("stated_bars", lambda f: (f,), TypeError, "stated_bars(stated_reasons(predictions))"),
    ("reason_bars", lambda f: (analysis.stated_reasons(f),), TypeError, "no column 'count'"),  # was KeyError
    ("stated_bars", lambda f: (analysis.reason_distribution(f),), TypeError, "no column 'primary'"),
    ("reason_bars", lambda f: (analysis.reason_distribution(f)["count"],), TypeError, "not a Series"),
    ("reason_bars", lambda f: ("predictions.csv",), TypeError, "not str 'predictions.csv'"),
    ("reason_bars", lambda f: (analysis.reasons_over_time(f, "posted_at"),), TypeError, "no column 'count'"),
    (
        "reason_bars",
        lambda f: (analysis.reason_distribution(f).reset_index(drop=True),),
        TypeError,
        "one row per reason id: row 0 is none",
    ),
    # the tables of predictions given a table made of them: a KeyError, or every row of it counted "ok"
    ("status_counts", lambda f: (analysis.reason_distribution(f),), InputError, "not a predictions file"),
    ("reason_labels", lambda f: (analysis.reason_distribution(f),), InputError, "not a predictions file"),
    # other objects: AttributeErrors of pandas ('findobj', 'value'), matplotlib's "Image data of dtype object"
    ("to_data_uri", lambda f: (f,), TypeError, "fig must be a matplotlib Figure"),
    ("period_label", lambda f: (f,), TypeError, "period must be a pandas Period, one of the index of reasons_over"),
    ("render_text", lambda f: (f.iloc[0],), TypeError, "explanation must be an Explanation, as taikai.explain"),
    ("confusion_plot", lambda f: (["fees", "trouble"], f), TypeError, "square matrix of counts, one row and column"),
    ("confusion_plot", lambda f: (["fees"], [[1, 2]]), TypeError, "(1 x 1, as evaluate(...).reason.confusion"),
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
    ("function", "made"),
    [
        ("reason_bars", lambda f: analysis.reason_distribution(f)),
        ("stated_bars", lambda f: analysis.stated_reasons(f)),
        ("confusion_plot", lambda f: (["fees", "trouble"], [[3, 1], [0, 2]])),
    ],
)
def test_the_chart_is_drawn_of_the_table_made_for_it(function, made):
    made = made(_frames())
    assert getattr(analysis, function)(*(made if isinstance(made, tuple) else (made,))).axes


@pytest.mark.parametrize(
    ("function", "made", "found"),
    [
        ("segment_changes", lambda f: analysis.segment_breakdown(f, "platform"), 2),
        ("period_changes", lambda f: analysis.reasons_over_time(f, "posted_at"), 1),
    ],
)
def test_the_table_made_for_it_is_read(function, made, found):
    assert len(getattr(analysis, function)(made(_frames()))) == found
