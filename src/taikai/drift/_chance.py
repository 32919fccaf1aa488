"""How far chance alone moves a figure of a part of a dump with few rows: what its limit is widened by.

A figure of *n* rows is the figure of a sample, so it strays from what the rows' source holds by chance, more the
fewer the rows (about as 1/sqrt(n)): a 31-row week of the sample dump reads 6.1 % unclassifiable rows where the
whole dump reads 0.8 %. The fixed limits (docs/drift.md) say how far a figure may truly stray from the reference;
a part is judged past a limit only when it is past it by more than chance at its size gives once in
:data:`~taikai.drift._thresholds.CHANCE` (each widening below is that far tail, measured under the limit itself or
under the reference). For the whole of a large dump the widening is small, and it vanishes as the rows grow.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

import numpy as np

from taikai.drift._thresholds import CHANCE, CHANCE_DRAWS
from taikai.model import CONFIDENCE_BINS, DriftStatistics


def share_chance(allowed: float, rows: int) -> float:
    """Return how much to add to the limit *allowed* of a share of *rows* rows: the share that rows drawn at the
    share *allowed* pass only with probability ``CHANCE`` (the binomial's upper quantile), less *allowed*.

    0 when the limit is out of reach (100 % or more) or nothing is counted; NaN for a NaN limit."""
    if math.isnan(allowed):
        return math.nan
    if rows <= 0 or allowed >= 1.0 or allowed <= 0.0:
        return 0.0
    from scipy.special import bdtrc  # P(X > k) for X ~ Binomial(rows, allowed)

    low, high = 0, rows  # the least k with P(X > k) <= CHANCE lies in [low, high]
    while low < high:
        middle = (low + high) // 2
        if bdtrc(middle, rows, allowed) <= CHANCE:
            high = middle
        else:
            low = middle + 1
    return max(0.0, low / rows - allowed)


def mean_chance(reference: DriftStatistics, rows: int) -> float:
    """Return how much to take from the limit of the mean top probability of *rows* rows: the normal quantile
    ``CHANCE`` of a mean of *rows* top probabilities, whose spread is the reference's (from its histogram)."""
    if rows <= 0 or not reference.classified:
        return 0.0
    centres = (np.arange(CONFIDENCE_BINS) + 0.5) / CONFIDENCE_BINS
    counts = np.asarray(reference.confidence, dtype=float)
    mean = float(centres @ counts) / counts.sum()
    spread = math.sqrt(max(0.0, float((centres - mean) ** 2 @ counts) / counts.sum()))
    return -NormalDist().inv_cdf(CHANCE) * spread / math.sqrt(rows)


def js_chance(reference: dict[str, int], rows: int) -> float:
    """Return how much to add to the limit of the Jensen–Shannon divergence (bits) of a label mix of *rows* rows:
    the divergence from *reference* that rows drawn from *reference*'s own mix pass only with probability
    ``CHANCE`` (``CHANCE_DRAWS`` seeded draws: the same every run)."""
    counts = tuple(sorted((label, count) for label, count in reference.items() if count > 0))
    if rows <= 0 or len(counts) < 2:
        return 0.0
    return _js_quantile(counts, rows)


@lru_cache(maxsize=512)
def _js_quantile(counts: tuple[tuple[str, int], ...], rows: int) -> float:
    q = np.array([count for _, count in counts], dtype=float)
    q /= q.sum()
    drawn = np.random.default_rng(rows).multinomial(rows, q, size=CHANCE_DRAWS) / rows
    middle = (drawn + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        own = np.where(drawn > 0, drawn * np.log2(drawn / middle), 0.0).sum(axis=1)
        theirs = (q * np.log2(q / middle)).sum(axis=1)
    return float(np.quantile(np.maximum(0.0, (own + theirs) / 2), 1 - CHANCE))
