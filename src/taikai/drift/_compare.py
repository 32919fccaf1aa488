"""Compare a dump's statistics with a reference: one figure per check, each with its documented threshold, widened
by what chance gives at the part's number of rows (:mod:`taikai.drift._chance`).

The thresholds were set in docs/drift.md: each figure was measured on held-out splits of the corpus, on the
sample dump (whole and per month and week, and rearranged: its dates shuffled, its rows resampled), and on clearly
drifted text (news, hotel reviews, English), and each threshold sits between the two groups with a margin.
"""

from __future__ import annotations

import math
from dataclasses import replace

from taikai.drift._chance import js_chance, mean_chance, share_chance
from taikai.drift._figures import _LOW, Figure, NewWord, new_word_share, new_words
from taikai.drift._mix import js_divergence
from taikai.drift._plural import rows as _rows
from taikai.drift._thresholds import (
    CONFIDENCE_DROP,
    LENGTH_RATIO,
    LOW_CONFIDENCE_MARGIN,
    MIN_ROWS,
    NEW_WORD_SHARE,
    NEW_WORDS_SHOWN,
    OOV_MARGIN,
    REASON_JS,
    REASON_SHARE_MARGIN,
    SENTIMENT_JS,
    UNCLASSIFIABLE_MARGIN,
)
from taikai.model import DriftStatistics

_SHARES = frozenset({"unclassifiable_share", "oov_rate", "low_confidence_share", "new_word_share", "reason_share"})
"""Figures that are shares of rows or tokens: none can pass a limit of 100 % or more."""


def out_of_reach(name: str, limit: float) -> bool:
    """Whether no value of the figure called *name* can pass *limit*: a share's at 100 % or more, a mean
    probability's or a length's at 0 or less (a reference counted on a few dozen rows can give such limits)."""
    if math.isnan(limit):
        return False
    if name in _SHARES:
        return limit >= 1.0
    return name in _LOW and limit <= 0.0


def _figure(
    name: str,
    label: str,
    value: float,
    reference: float,
    limit: float,
    rule: str,
    judged: bool,
    chance: tuple[float, int] = (0.0, 0),
) -> Figure:
    """The figure *name*: is *value* past *limit*, widened by *chance* (how much, at how many rows; taken from the
    limit of a figure that alerts below it)?"""
    widen, rows = chance
    if widen > 0:
        sign = -1 if name in _LOW else 1
        limit, rule = limit + sign * widen, f"{rule} {'−' if sign < 0 else '+'} chance at {_rows(rows)}"
        if name in _SHARES:  # the widened limit is the quantile k / rows itself, not a float sum an ulp below it
            limit = round(limit * rows) / rows
    unreachable = out_of_reach(name, limit)
    judged = judged and not (math.isnan(value) or math.isnan(limit) or unreachable)
    alert = judged and (value < limit if name in _LOW else value > limit)
    return Figure(name, label, value, reference, limit, rule, alert, judged, unreachable, widen)


def _reason_share(stats: DriftStatistics, reference: DriftStatistics, judged: bool) -> Figure:
    """The share of one predicted reason against its share in *reference* + ``REASON_SHARE_MARGIN``, widened by
    chance at the part's classified rows: of the reason nearest its limit (most past it), the first in the
    reference's order on a tie. One divergence over all reasons cannot see one reason rising from 9 % to 51 %."""
    total, ref_total, n = sum(stats.reasons.values()), sum(reference.reasons.values()), stats.classified
    labels = list(reference.reasons) + [label for label in stats.reasons if label not in reference.reasons]
    candidates = []
    for label in labels:
        share = stats.reasons.get(label, 0) / total if total else math.nan
        ref = reference.reasons.get(label, 0) / ref_total if ref_total else math.nan
        allowed = ref + REASON_SHARE_MARGIN
        figure = _figure(
            "reason_share",
            "share of one reason",
            share,
            ref,
            allowed,
            f"reference + {REASON_SHARE_MARGIN * 100:g} points",
            judged,
            (share_chance(allowed, n), n),
        )
        candidates.append(replace(figure, subject=label))
    if not candidates:  # no label at all: nothing to judge
        return _figure("reason_share", "share of one reason", math.nan, math.nan, math.nan, "", False)
    return max(candidates, key=lambda f: -math.inf if math.isnan(f.value - f.limit) else f.value - f.limit)


def reference_judgeable(reference: DriftStatistics) -> bool:
    """Whether *reference* has enough classified rows to judge against (``MIN_ROWS``, as a dump or a period)."""
    return reference.classified >= MIN_ROWS


def compare(stats: DriftStatistics, reference: DriftStatistics) -> tuple[tuple[Figure, ...], tuple[NewWord, ...]]:
    """Return the figures of *stats* against *reference*, and its new words (at most ``NEW_WORDS_SHOWN``).

    No figure is judged when *reference* has fewer than ``MIN_ROWS`` classified rows (:func:`reference_judgeable`):
    a reference is held to the same rule as a dump; nor are its new words listed (absent from a tiny reference is
    no news), and the share of new words is NaN (not measured). A model without a sentiment head (no sentiment
    label in either statistics) has no ``sentiment_shift`` figure."""
    usable = reference_judgeable(reference)
    enough = stats.classified >= MIN_ROWS and usable
    ref, n = reference, stats.classified
    words = new_words(stats, reference) if usable else []
    figures = (
        _figure(
            "unclassifiable_share",
            "unclassifiable rows",
            stats.unclassifiable_share,
            ref.unclassifiable_share,
            ref.unclassifiable_share + UNCLASSIFIABLE_MARGIN,
            f"reference + {UNCLASSIFIABLE_MARGIN * 100:g} points",
            stats.rows >= MIN_ROWS and usable,
            (share_chance(ref.unclassifiable_share + UNCLASSIFIABLE_MARGIN, stats.rows), stats.rows),
        ),
        _figure(
            "oov_rate",
            "token OOV rate",
            stats.oov_rate,
            ref.oov_rate,
            ref.oov_rate + OOV_MARGIN,
            f"reference + {OOV_MARGIN * 100:g} points",
            enough,
            (share_chance(ref.oov_rate + OOV_MARGIN, n), n),  # a row's tokens come together: the row is the unit
        ),
        _figure(
            "tokens_per_row",
            "tokens per row",
            stats.tokens_per_row,
            ref.tokens_per_row,
            ref.tokens_per_row * LENGTH_RATIO,
            f"{LENGTH_RATIO:g} × reference",
            enough,
        ),
        _figure(
            "short_rows",
            "tokens per row (short texts)",
            stats.tokens_per_row,
            ref.tokens_per_row,
            ref.tokens_per_row / LENGTH_RATIO,
            f"reference / {LENGTH_RATIO:g}",
            enough,
        ),
        _figure(
            "mean_confidence",
            "mean top probability",
            stats.mean_confidence,
            ref.mean_confidence,
            ref.mean_confidence - CONFIDENCE_DROP,
            f"reference − {CONFIDENCE_DROP * 100:g} points",
            enough,
            (mean_chance(ref, n), n),
        ),
        _figure(
            "low_confidence_share",
            "rows with top probability < 0.5",
            stats.low_confidence_share,
            ref.low_confidence_share,
            ref.low_confidence_share + LOW_CONFIDENCE_MARGIN,
            f"reference + {LOW_CONFIDENCE_MARGIN * 100:g} points",
            enough,
            (share_chance(ref.low_confidence_share + LOW_CONFIDENCE_MARGIN, n), n),
        ),
        _figure(
            "reason_shift",
            "reason mix shift (Jensen–Shannon, bits)",
            js_divergence(stats.reasons, ref.reasons),
            0.0,
            REASON_JS,
            "fixed limit",
            enough,
            (js_chance(ref.reasons, n), n),
        ),
        _reason_share(stats, ref, enough),
        _figure(
            "sentiment_shift",
            "sentiment mix shift (Jensen–Shannon, bits)",
            js_divergence(stats.sentiments, ref.sentiments),
            0.0,
            SENTIMENT_JS,
            "fixed limit",
            enough,
            (js_chance(ref.sentiments, n), n),
        ),
        _figure(
            "new_word_share",
            "share of new words",
            new_word_share(stats, words) if usable else math.nan,  # not measured: n/a, not 0
            0.0,
            NEW_WORD_SHARE,
            "fixed limit",
            enough,
            (share_chance(NEW_WORD_SHARE, stats.word_rows), stats.word_rows),
        ),
    )
    felt = stats.sentiments or ref.sentiments  # a model without a sentiment head counts none: no mix to compare
    return tuple(f for f in figures if felt or f.name != "sentiment_shift"), tuple(words[:NEW_WORDS_SHOWN])
