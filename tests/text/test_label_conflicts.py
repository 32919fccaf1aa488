"""Texts labelled twice, differently: found by their text key, counted, named at their places."""

import pytest

from taikai.text import LabelConflicts, label_conflicts, row_labels
from taikai.text._label_conflicts import RowLabels

FEES = RowLabels(("fees",), "negative")


@pytest.mark.parametrize(
    ("texts", "labels", "found"),
    [
        # the same labels twice: a repeat, not a conflict
        (["手数料が高い", "手数料が高い"], [FEES, FEES], (0, 0)),
        # another primary reason, or another sentiment
        (["手数料が高い", "手数料が高い"], [FEES, RowLabels(("other",), "negative")], (1, 2)),
        (["手数料が高い", "手数料が高い"], [FEES, RowLabels(("fees",), "neutral")], (1, 2)),
        # the same set with another primary, or a further reason more
        (["手数料", "手数料"], [RowLabels(("fees", "time")), RowLabels(("time", "fees"))], (1, 2)),
        (["手数料", "手数料"], [RowLabels(("fees", "time")), RowLabels(("fees",))], (1, 2)),
        # further reasons in another order: the same labels
        (["手数料", "手数料"], [RowLabels(("fees", "time", "other")), RowLabels(("fees", "other", "time"))], (0, 0)),
        # a row coded with reasons only, or a sentiment only, says nothing of the other head
        (["手数料", "手数料"], [FEES, RowLabels(("fees",))], (0, 0)),
        (["手数料", "手数料"], [FEES, RowLabels((), "negative")], (0, 0)),
        # one review as Excel and a CP932 round trip write it (full-width letters, 〜 and ～), three rows
        (["ＵＩが使いにくい〜", "UIが使いにくい～", "uiが使いにくい〜"], [FEES, FEES, RowLabels(("other",))], (1, 3)),
        # different texts, blank and missing ones are no review
        (["手数料", "単価"], [FEES, RowLabels(("low_pay",))], (0, 0)),
        (["", " ", None, float("nan")], [FEES, RowLabels(("other",)), FEES, RowLabels(("time",))], (0, 0)),
    ],
)
def test_texts_labelled_in_different_ways_are_counted(texts, labels, found):
    conflicts = label_conflicts(texts, labels, [f"a.csv:{i + 2}" for i in range(len(texts))])
    assert (conflicts.texts, conflicts.rows) == found
    assert len(conflicts.shown) == found[0]


def test_the_first_conflicts_are_named_with_their_rows_and_the_rest_counted():
    texts = [f"理由{i}" for i in range(7)] * 2
    labels = [FEES] * 7 + [RowLabels(("other", "time"), "neutral")] * 7
    conflicts = label_conflicts(texts, labels, [f"a.csv:{i + 2}" for i in range(14)])
    assert (conflicts.texts, conflicts.rows, len(conflicts.shown)) == (7, 14, 5)
    assert conflicts.shown[0] == "a.csv:2 (fees, negative) and a.csv:9 (other|time, neutral)"
    warning = conflicts.warning("Each row is trained with its own labels", "a.csv")
    assert warning is not None
    assert warning.startswith("a.csv: 7 text(s) are labelled in different ways on 14 rows")
    assert "; and 2 more. Each row is trained with its own labels: settle each text's labels" in warning
    assert conflicts.to_dict()["texts"] == 7


def test_no_conflict_gives_no_warning():
    assert LabelConflicts().warning("Each row is scored") is None


@pytest.mark.parametrize(
    ("sets", "sentiments", "labels"),
    [
        ([["fees", "time"], []], ["negative", ""], [RowLabels(("fees", "time"), "negative"), RowLabels((), "")]),
        ([["fees"]], None, [RowLabels(("fees",), "")]),
        ([["fees"]], [None], [RowLabels(("fees",), "")]),
    ],
)
def test_row_labels_read_a_labelled_tables_columns(sets, sentiments, labels):
    assert row_labels(sets, sentiments) == labels
