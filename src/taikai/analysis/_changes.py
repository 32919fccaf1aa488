"""Find the changes worth telling: a reason mix that moved from one period to the next, or sets a segment apart.

Each group (a period, or a segment) is compared with its baseline (the last period before it with enough reviews,
so that a quiet or empty period between does not hide a change; or all other segments)
by a chi-squared test of homogeneity of the two reason mixes (a 2 x k table of counts). The p-values of one
family (all period steps, or all segments) are adjusted with Holm's step-down Bonferroni correction, which keeps
the chance of any false finding in the family under ``ALPHA``. For a group whose mix differs, the reason named is
the one with the largest adjusted standardized residual: the reason that moved most, given its size. Groups with
fewer than ``MIN_GROUP`` classified reviews are not compared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from taikai.analysis._count_table import PERIODS, SEGMENTS, count_rows
from taikai.errors import InputError, check_int, wrong_type

if TYPE_CHECKING:
    import pandas as pd

ALPHA = 0.05
MIN_GROUP = 20
METHOD = "chi-squared test of homogeneity, Holm-Bonferroni correction"
POOLED = "pooled"
"""The key of a segment table's ``attrs`` naming its pooled row (the values past the largest, summed)."""


@dataclass(frozen=True)
class Change:
    """A group's reason mix against its baseline: the reason that moved most, and the test of the whole mix."""

    where: str
    baseline: str
    reason: str
    count: int
    total: int
    baseline_count: int
    baseline_total: int
    residual: float
    chi2: float
    dof: int
    p: float
    p_adjusted: float = 1.0
    pooled: bool = False
    """Whether the group is the pooled rest of a segment table: several values together, no one value."""

    @property
    def share(self) -> float:
        """The reason's share of the group."""
        return self.count / self.total if self.total else 0.0

    @property
    def baseline_share(self) -> float:
        """The reason's share of the baseline group."""
        return self.baseline_count / self.baseline_total if self.baseline_total else 0.0

    @property
    def difference(self) -> float:
        """Share in the group minus share in the baseline (positive: the reason grew)."""
        return self.share - self.baseline_share

    @property
    def significant(self) -> bool:
        """Whether the adjusted p-value is below :data:`ALPHA`."""
        return self.p_adjusted < ALPHA


def mix_test(counts: list[int], baseline: list[int]) -> tuple[float, int, float, list[float]] | None:
    """Return (chi2, degrees of freedom, p, adjusted residuals of *counts*) comparing two mixes of counts.

    ``None`` when a group has fewer than :data:`MIN_GROUP` items or fewer than two categories occur.
    """
    from scipy.stats import chi2 as chi2_distribution

    n, m = sum(counts), sum(baseline)
    if n < MIN_GROUP or m < MIN_GROUP:
        return None
    kept = [j for j in range(len(counts)) if counts[j] + baseline[j] > 0]
    if len(kept) < 2:
        return None
    total = n + m
    statistic = 0.0
    residuals = [0.0] * len(counts)
    for j in kept:
        column = counts[j] + baseline[j]
        for observed, row in ((counts[j], n), (baseline[j], m)):
            expected = row * column / total
            statistic += (observed - expected) ** 2 / expected
        expected = n * column / total
        spread = math.sqrt(expected * (1 - n / total) * (1 - column / total))
        residuals[j] = (counts[j] - expected) / spread if spread > 0 else 0.0
    dof = len(kept) - 1
    return statistic, dof, float(chi2_distribution.sf(statistic, dof)), residuals


def holm(p_values: list[float]) -> list[float]:
    """Return Holm's step-down adjusted p-values, in the order given."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [1.0] * len(p_values)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def _compare(where: str, baseline: str, reasons: list[str], counts: list[int], base: list[int]) -> Change | None:
    test = mix_test(counts, base)
    if test is None:
        return None
    statistic, dof, p, residuals = test
    j = max(range(len(reasons)), key=lambda k: (abs(residuals[k]), -k))
    return Change(
        where, baseline, reasons[j], counts[j], sum(counts), base[j], sum(base), residuals[j], statistic, dof, p
    )


def _adjusted(changes: list[Change]) -> list[Change]:
    return [replace(c, p_adjusted=q) for c, q in zip(changes, holm([c.p for c in changes]))]


def period_changes(table: pd.DataFrame, labels: list[str] | None = None) -> list[Change]:
    """Compare each period's reason mix with the last period before it that has at least :data:`MIN_GROUP`
    reviews: the period before, unless that one is empty or too small.

    *table* holds counts, periods x reasons, as ``reasons_over_time(predictions, date_column)`` returns (a table of
    anything else, shares too, is refused). *labels* name the periods, one per row (default: ``str`` of the
    index). Returns every comparison made, Holm-adjusted: :func:`biggest` picks the ones to tell.
    """
    rows = count_rows(table, PERIODS)
    if labels is not None and (isinstance(labels, str) or len(labels) != len(rows)):
        given = wrong_type("labels", labels, "a list of names") if isinstance(labels, str) else f"{len(labels)} names"
        raise InputError(f"period_changes: labels must name the table's {len(rows)} periods, one each: {given}")
    names = labels or [str(p) for p in table.index]
    reasons = [str(r) for r in table.columns]
    found: list[Change | None] = []
    last: int | None = None
    for i, row in enumerate(rows):
        if last is not None:
            found.append(_compare(names[i], names[last], reasons, row, rows[last]))
        if sum(row) >= MIN_GROUP:
            last = i
    return _adjusted([c for c in found if c is not None])


def segment_changes(table: pd.DataFrame, pooled: str | None = None) -> list[Change]:
    """Compare each segment's reason mix with all other segments together.

    *table* holds counts, segments x reasons, as ``segment_breakdown(predictions, by)`` returns (a table of
    anything else, shares too, is refused). The test of the *pooled* row (a row's name; default: the one
    ``table.attrs["pooled"]`` names, as ``segment_breakdown`` marks the values past the largest, summed) is kept in
    the family but marked ``pooled``: no single value's finding. Returns every comparison made, Holm-adjusted:
    :func:`biggest` picks the ones to tell.
    """
    rows = count_rows(table, SEGMENTS)
    if pooled is not None and pooled not in [str(s) for s in table.index]:
        shown = [str(s) for s in table.index]
        raise InputError(f"segment_changes: pooled must name a row of the table, not {pooled!r}; its rows are {shown}")
    pooled = pooled if pooled is not None else getattr(table, "attrs", {}).get(POOLED)
    reasons = [str(r) for r in table.columns]
    overall = [sum(column) for column in zip(*rows)]
    found = [
        _compare(str(segment), "", reasons, row, [a - b for a, b in zip(overall, row)])
        for segment, row in zip(table.index, rows)
    ]
    marked = [c if c is None or c.where != pooled else replace(c, pooled=True) for c in found]
    return _adjusted([c for c in marked if c is not None])


@dataclass(frozen=True)
class Uncompared:
    """Why a family (periods, or segments) made no comparison: too few groups with :data:`MIN_GROUP` classified
    reviews (``reason`` ``None``), or those groups hold one reason only, ``reason``: no mix to compare (a test of
    homogeneity needs two reasons). ``everywhere``: every classified review of the table has that reason."""

    reason: str | None = None
    everywhere: bool = False


def _one_reason(table: Any, rows: list[list[int]], large: list[int]) -> Uncompared:
    """The :class:`Uncompared` of *table* (counts, groups x reasons) whose groups *large* (their indices in *rows*)
    are big enough to compare: none, one reason in them, or (it should not be) several, said as too few groups."""
    if not large:
        return Uncompared()
    found = {j for i in large for j, v in enumerate(rows[i]) if v}
    everywhere = {j for row in rows for j, v in enumerate(row) if v}
    if len(found) != 1:
        return Uncompared()
    return Uncompared(str(table.columns[found.pop()]), len(everywhere) == 1)


def why_no_period_compared(table: Any) -> Uncompared:
    """Say why :func:`period_changes` made no comparison of *table* (counts, periods x reasons): fewer than two
    periods have :data:`MIN_GROUP` reviews, or the periods that have hold one reason only."""
    rows = [[int(v) for v in row] for row in table.to_numpy()]
    large = [i for i, row in enumerate(rows) if sum(row) >= MIN_GROUP]
    return _one_reason(table, rows, large if len(large) > 1 else [])


def why_no_segment_compared(table: Any) -> Uncompared:
    """Say why :func:`segment_changes` made no comparison of *table* (counts, segments x reasons): no segment has
    :data:`MIN_GROUP` reviews with as many in the others together, or every review has one reason."""
    rows = [[int(v) for v in row] for row in table.to_numpy()]
    total = sum(map(sum, rows))
    large = [i for i, row in enumerate(rows) if sum(row) >= MIN_GROUP and total - sum(row) >= MIN_GROUP]
    return _one_reason(table, rows, large)


def biggest(changes: list[Change], n: int = 3) -> list[Change]:
    """Return up to *n* significant changes, the largest difference in share first (*changes*: as
    :func:`period_changes` and :func:`segment_changes` return them)."""
    check_int("n", n, 0)
    if isinstance(changes, str) or not all(isinstance(c, Change) for c in changes):
        raise wrong_type("changes", changes, "a list of Change, as period_changes or segment_changes returns")
    kept = [c for c in changes if c.significant]
    return sorted(kept, key=lambda c: (-abs(c.difference), c.p_adjusted, c.where))[:n]
