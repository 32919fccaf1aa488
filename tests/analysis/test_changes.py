"""Changes worth telling: the chi-squared test of two reason mixes, Holm's correction, periods and segments."""

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from taikai.analysis import _changes as changes


@pytest.mark.parametrize(
    ("counts", "baseline"),
    [([17, 20, 20], [57, 20, 20]), ([5, 40, 3, 12], [9, 31, 8, 30]), ([30, 0, 10], [25, 0, 15])],
)
def test_mix_test_matches_scipy(counts, baseline):
    chi2, dof, p, residuals = changes.mix_test(counts, baseline)
    kept = [j for j in range(len(counts)) if counts[j] + baseline[j]]
    expected = chi2_contingency(np.array([counts, baseline])[:, kept], correction=False)
    assert chi2 == pytest.approx(expected.statistic) and p == pytest.approx(expected.pvalue)
    assert dof == expected.dof
    # adjusted residuals have unit variance under the null: their sign follows the observed excess
    excess = np.array(counts)[kept] - expected.expected_freq[0]
    assert np.sign([residuals[j] for j in kept]).tolist() == np.sign(excess).tolist()


@pytest.mark.parametrize(("counts", "baseline"), [([5, 5], [40, 40]), ([0, 30], [0, 40]), ([0, 0], [0, 0])])
def test_mix_test_refuses_small_or_single_category_groups(counts, baseline):
    assert changes.mix_test(counts, baseline) is None


@pytest.mark.parametrize(
    ("p", "adjusted"),
    [
        ([0.01, 0.04, 0.03], [0.03, 0.06, 0.06]),
        ([0.5], [0.5]),
        ([0.001, 0.2, 0.01, 0.9], [0.004, 0.4, 0.03, 0.9]),
        ([0.6, 0.6], [1.0, 1.0]),
    ],
)
def test_holm(p, adjusted):
    assert changes.holm(p) == pytest.approx(adjusted)


def test_period_changes_find_the_jump_and_only_it():
    table = pd.DataFrame(
        {"trouble": [17, 17, 57, 55], "fees": [20, 20, 20, 21], "time": [20, 21, 20, 20], "other": [40, 40, 41, 40]},
        index=["2026-01", "2026-02", "2026-03", "2026-04"],
    )
    found = changes.period_changes(table)
    assert [(c.where, c.baseline) for c in found] == [
        ("2026-02", "2026-01"),
        ("2026-03", "2026-02"),
        ("2026-04", "2026-03"),
    ]
    [jump] = changes.biggest(found)
    assert (jump.where, jump.reason, jump.baseline_count, jump.count) == ("2026-03", "trouble", 17, 57)
    assert jump.difference > 0 and jump.p_adjusted == pytest.approx(min(1, 3 * jump.p), rel=1e-9)


@pytest.mark.parametrize(
    ("between", "pairs"),
    [
        ([], [("2025-04", "2025-01")]),  # the periods before are empty: compared with the last one with reviews
        ([[0, 0]], [("2025-04", "2025-01")]),
        ([[3, 4], [0, 0]], [("2025-04", "2025-01")]),  # too few to compare, and too few to be a baseline
        ([[50, 250]], [("2025-02", "2025-01"), ("2025-04", "2025-02")]),  # a full period in between is the baseline
    ],
)
def test_period_changes_skip_empty_and_small_periods_to_the_last_full_one(between, pairs):
    rows = [[50, 250], *between, [218, 82]]
    index = ["2025-01", *[f"2025-{2 + i:02d}" for i in range(len(between))], "2025-04"]
    found = changes.period_changes(pd.DataFrame(rows, columns=["trouble", "fees"], index=index))
    assert [(c.where, c.baseline) for c in found] == pairs
    assert found[-1].significant and (found[-1].baseline_count, found[-1].count) == (50, 218)


def test_segment_changes_compare_each_segment_with_the_rest():
    table = pd.DataFrame(
        {"fees": [219, 10, 12], "low_pay": [60, 60, 55], "time": [40, 35, 30]}, index=["Coconala", "Lancers", "Upwork"]
    )
    found = changes.segment_changes(table)
    coconala = next(c for c in found if c.where == "Coconala")
    assert coconala.reason == "fees" and coconala.baseline_count == 22 and coconala.baseline_total == 202
    assert coconala.significant
    assert changes.biggest(found, 1) == [coconala]


@pytest.mark.parametrize(
    ("attrs", "pooled", "marked"),
    [({}, None, []), ({"pooled": "3 other values"}, None, ["3 other values"]), ({}, "Upwork", ["Upwork"])],
)
def test_segment_changes_mark_the_pooled_rest(attrs, pooled, marked):
    table = pd.DataFrame(
        {"fees": [219, 10, 12], "low_pay": [60, 60, 55], "time": [40, 35, 30]},
        index=["Coconala", "Upwork", "3 other values"],
    )
    table.attrs.update(attrs)
    found = changes.segment_changes(table, pooled)
    assert len(found) == 3  # the pooled rest stays in the family
    assert [c.where for c in found if c.pooled] == marked


def counts(rows, reasons=("fees", "trouble")):
    return pd.DataFrame(rows, columns=list(reasons))


@pytest.mark.parametrize(
    ("rows", "periods", "segments"),
    [
        ([[20, 0], [20, 0], [20, 0]], ("fees", True), ("fees", True)),  # one reason everywhere
        ([[20, 0], [20, 0], [0, 3]], ("fees", False), "compared"),  # the 3 trouble reviews: a mix across segments
        ([[0, 25], [0, 5]], (None, False), (None, False)),  # one month of 20, one segment of 20 against 5: too few
        ([[10, 0], [5, 0]], (None, False), (None, False)),  # too few whatever the mix
        ([], (None, False), (None, False)),
    ],
)
def test_why_nothing_was_compared(rows, periods, segments):
    """Regression: a family of groups large enough but all of one reason was said to have too few reviews."""
    table = counts(rows)
    why = changes.why_no_period_compared(table)
    assert changes.period_changes(table) == [] and (why.reason, why.everywhere) == periods
    if segments == "compared":
        assert changes.segment_changes(table)
    else:
        why = changes.why_no_segment_compared(table)
        assert changes.segment_changes(table) == [] and (why.reason, why.everywhere) == segments
