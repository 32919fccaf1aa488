"""The before/after comparison of added rows (taikai.model._added): what each accuracy difference is in rows."""

from __future__ import annotations

import json

import pytest

from taikai.model import AddedComparison, HeldOutScores


@pytest.mark.parametrize(
    ("rows", "before", "after", "said"),
    [
        (59, 0.610, 0.559, "(-0.051: net 3 of 59 rows)"),  # the user's case: 3 rows of 59, beyond one or two rows
        (40, 0.500, 0.600, "(+0.100: net 4 of 40 rows, within noise)"),  # below 50 rows: within noise
        (200, 0.700, 0.710, "(+0.010: net 2 of 200 rows, within noise)"),  # two rows: within noise at any count
        (200, 0.700, 0.705, "(+0.005: net 1 of 200 rows, within noise)"),
        (200, 0.700, 0.750, "(+0.050: net 10 of 200 rows)"),
        (100, 0.800, 0.800, "(+0.000: net 0 of 100 rows, within noise)"),
    ],
)
def test_an_accuracy_difference_says_how_many_rows_it_is(rows, before, after, said):
    """Regression: "-0.051" on 59 rows gave no count of rows nor any noise measure."""
    lines = AddedComparison(rows, 5, HeldOutScores(before, 0.5), HeldOutScores(after, 0.5)).lines()
    assert lines[1].startswith("  reason accuracy") and lines[1].endswith(f"  {said}")
    assert lines[2].endswith("(+0.000)")  # a macro-F1 is no count of rows


@pytest.mark.parametrize(
    ("sentiment_rows", "said"), [(None, "net 6 of 60 rows)"), (20, "net 2 of 20 rows, within noise)")]
)
def test_the_sentiment_difference_counts_the_rows_with_a_sentiment(sentiment_rows, said):
    scores = HeldOutScores(0.5, 0.5, 0.5, 0.5), HeldOutScores(0.5, 0.5, 0.6, 0.5)
    lines = AddedComparison(60, 5, *scores, sentiment_rows).lines()
    assert next(line for line in lines if line.startswith("  sentiment accuracy")).endswith(said)


@pytest.mark.parametrize(
    ("rows", "before", "after", "moves", "said"),
    [
        # many rows moving both ways: a net 3 of 100 is chance (sign test p 0.66), though more than two rows
        (100, 0.800, 0.830, (12, 9), "(+0.030: 12 rows now right, 9 now wrong: net 3 of 100 rows, within noise)"),
        (200, 0.700, 0.750, (40, 30), "(+0.050: 40 rows now right, 30 now wrong: net 10 of 200 rows, within noise)"),
        (200, 0.700, 0.750, (10, 0), "(+0.050: 10 rows now right, 0 now wrong: net 10 of 200 rows)"),  # p 0.002
        (100, 0.800, 0.850, (5, 0), "(+0.050: 5 rows now right, 0 now wrong: net 5 of 100 rows, within noise)"),
        (200, 0.750, 0.700, (3, 13), "(-0.050: 3 rows now right, 13 now wrong: net 10 of 200 rows)"),  # p 0.02
        (60, 0.500, 0.517, (1, 0), "(+0.017: 1 row now right, 0 now wrong: net 1 of 60 rows, within noise)"),
    ],
)
def test_an_accuracy_difference_says_the_rows_that_moved_each_way(rows, before, after, moves, said):
    """Regression: "net 3 of 100 rows" hid that 12 rows went right and 9 went wrong, and was not called noise."""
    comparison = AddedComparison(rows, 5, HeldOutScores(before, 0.5), HeldOutScores(after, 0.5), None, None, 0, *moves)
    assert comparison.lines()[1].endswith(f"  {said}")
    written = comparison.to_dict()
    assert (written["reason_now_right"], written["reason_now_wrong"]) == moves
    assert "sentiment_now_right" not in written  # not scored: not written
    assert AddedComparison.from_dict(json.loads(json.dumps(written))) == comparison


@pytest.mark.parametrize(
    ("moves", "said"),
    [
        ((14, 4), "(+0.100: 14 rows now right, 4 now wrong: net 10 of 100 rows)"),  # sign test p 0.03
        ((24, 14), "(+0.100: 24 rows now right, 14 now wrong: net 10 of 100 rows, within noise)"),  # p 0.14
    ],
)
def test_a_sentiment_difference_says_its_own_moves(moves, said):
    scores = HeldOutScores(0.5, 0.5, 0.5, 0.5), HeldOutScores(0.5, 0.5, 0.6, 0.5)
    lines = AddedComparison(100, 5, *scores, None, None, 0, 0, 0, *moves).lines()
    assert lines[1].endswith("(+0.000: 0 rows now right, 0 now wrong: net 0 of 100 rows, within noise)")
    assert next(line for line in lines if line.startswith("  sentiment accuracy")).endswith(said)
