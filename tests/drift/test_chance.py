"""The widening of each limit for a part's size: what chance alone gives at its number of rows (docs/drift.md)."""

import math
from statistics import NormalDist

import pytest

from taikai.drift._chance import js_chance, mean_chance, share_chance
from taikai.drift._thresholds import CHANCE
from taikai.model import DriftStatistics

SHIPPED_REASONS = {"low_pay": 1164, "fees": 615, "rejection": 988, "time": 613, "graduated": 518}
SHIPPED_REASONS |= {"platform_switch": 319, "trouble": 1239, "other": 1367}


def _above(count: int, rows: int, share: float) -> float:
    """P(X > count) for X ~ Binomial(rows, share), summed term by term (in logs: 3,000 rows overflow floats)."""

    def log_term(k: int) -> float:
        choose = math.lgamma(rows + 1) - math.lgamma(k + 1) - math.lgamma(rows - k + 1)
        return choose + k * math.log(share) + (rows - k) * math.log1p(-share)

    return sum(math.exp(log_term(k)) for k in range(count + 1, rows + 1))


@pytest.mark.parametrize(
    ("allowed", "rows", "limit"),
    [
        (0.05, 33, 7 / 33),  # the unclassifiable share of a week: 7 of 33 rows pass only once in a thousand
        (0.05, 3000, 0.0623),  # the whole sample dump: about a point more
        (0.461, 31, 23 / 31),
        (0.15, 136, 0.25),
    ],
)
def test_a_share_is_widened_to_the_binomial_quantile(allowed, rows, limit):
    widened = allowed + share_chance(allowed, rows)
    assert widened == pytest.approx(limit, abs=5e-4)
    count = round(widened * rows)
    assert _above(count, rows, allowed) <= CHANCE < _above(count - 1, rows, allowed)


@pytest.mark.parametrize(("allowed", "rows"), [(1.05, 100), (1.0, 30), (0.2, 0), (math.nan, 50)])
def test_a_share_out_of_reach_or_of_nothing_is_not_widened(allowed, rows):
    widened = share_chance(allowed, rows)
    assert widened == 0.0 or (math.isnan(allowed) and math.isnan(widened))


def test_the_widening_shrinks_as_the_rows_grow():
    sizes = [30, 60, 136, 300, 1000, 3000]
    for chance in (
        [share_chance(0.062, n) for n in sizes],
        [js_chance(SHIPPED_REASONS, n) for n in sizes],
        [mean_chance(DriftStatistics("r", confidence=(0,) * 10 + (50,) * 10, confidence_sum=0.0), n) for n in sizes],
    ):
        assert chance == sorted(chance, reverse=True) and chance[-1] < chance[0] / 5


@pytest.mark.parametrize(("rows", "low", "high"), [(30, 0.16, 0.19), (100, 0.045, 0.06), (1000, 0.003, 0.006)])
def test_the_reason_mix_chance_is_that_of_draws_from_the_reference(rows, low, high):
    """The 99.9th percentile of the JS of rows drawn from the shipped model's reference mix (docs/drift.md's 99th
    percentiles are 0.132, 0.038 and 0.003 at these sizes); seeded, so the same every run."""
    chance = js_chance(SHIPPED_REASONS, rows)
    assert low < chance < high
    from taikai.drift._chance import _js_quantile

    _js_quantile.cache_clear()
    assert js_chance(SHIPPED_REASONS, rows) == chance


@pytest.mark.parametrize(("allowed", "rows"), [(0.0005, 1), (0.0002, 4), (0.0001, 10)])
def test_a_limit_no_row_passes_by_chance_is_not_narrowed(allowed, rows):
    """Rows drawn at so small a share pass 0 rows but with probability under CHANCE: the quantile, 0, is below the
    limit, and the limit is kept as it is (widened by 0, never narrowed)."""
    assert share_chance(allowed, rows) == 0.0


@pytest.mark.parametrize("rows", [1, 100, 2500])
def test_the_mean_chance_is_the_normal_quantile_of_a_mean_of_rows(rows):
    """Half the reference's rows in the lowest bin (0.025), half in the highest (0.975): a spread of 0.475, so the
    quantile CHANCE of a mean of *rows* is 3.09 × 0.475 / sqrt(rows)."""
    reference = DriftStatistics("r", confidence=(50,) + (0,) * 18 + (50,), confidence_sum=0.0)
    expected = -NormalDist().inv_cdf(CHANCE) * 0.475 / math.sqrt(rows)
    assert mean_chance(reference, rows) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("reference", "same_as"),
    [
        ({"fees": 10, "time": 0}, {"fees": 10}),  # one label drawn: nothing to widen
        ({"fees": 10, "time": 5, "other": 0}, {"fees": 10, "time": 5}),
    ],
)
def test_a_label_the_reference_never_holds_does_not_change_the_chance(reference, same_as):
    assert js_chance(reference, 50) == js_chance(same_as, 50)


@pytest.mark.parametrize(
    "chance",
    [
        lambda: mean_chance(DriftStatistics("r", confidence=(0,) * 10 + (50,) * 10, confidence_sum=0.0), 0),
        lambda: js_chance(SHIPPED_REASONS, 0),
    ],
    ids=["mean", "js"],
)
def test_a_part_of_no_rows_is_not_widened(chance):
    assert chance() == 0.0
