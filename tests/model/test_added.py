"""The before/after comparison of added rows (taikai.model._added): what each accuracy difference is in rows."""

from __future__ import annotations

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
