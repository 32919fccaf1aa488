"""Compare a dump's statistics with a reference: one figure per check, each with its documented threshold.

The thresholds were set in docs/drift.md: each figure was measured on held-out splits of the corpus, on the
sample dump (whole and per month and week), and on clearly drifted text (news, hotel reviews, English), and
each threshold sits between the two groups with a margin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from taikai.drift._mix import js_divergence
from taikai.drift._thresholds import (
    CONFIDENCE_DROP,
    LENGTH_RATIO,
    LOW_CONFIDENCE_MARGIN,
    MIN_ROWS,
    NEW_WORD_MIN_ROWS,
    NEW_WORD_MIN_SHARE,
    NEW_WORD_RATIO,
    NEW_WORD_SHARE,
    NEW_WORDS_SHOWN,
    OOV_MARGIN,
    REASON_JS,
    SENTIMENT_JS,
    UNCLASSIFIABLE_MARGIN,
)
from taikai.model import DriftStatistics


@dataclass(frozen=True)
class Figure:
    """One checked figure of a dump or period: its value, the reference's, the threshold and the verdict.

    ``limit`` is the value past which the figure alerts (for the shifts and ``new_word_share`` the reference is
    the distribution itself, so ``reference`` is 0). ``judged`` is false when there were too few rows (or the
    figure does not apply, e.g. no word vocabulary, or its limit is out of reach: a share's above 100 %, a mean
    probability's below 0, as a reference counted on a few dozen rows can give); such a figure never alerts.
    ``out_of_reach`` says the latter.
    """

    name: str
    label: str
    value: float
    reference: float
    limit: float
    rule: str
    alert: bool
    judged: bool
    out_of_reach: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (NaN as ``None``)."""
        return {
            "name": self.name,
            "label": self.label,
            "value": _json(self.value),
            "reference": _json(self.reference),
            "limit": _json(self.limit),
            "rule": self.rule,
            "alert": self.alert,
            "judged": self.judged,
            "out_of_reach": self.out_of_reach,
        }

    def reason(self) -> str:
        """Say why the figure alerts: its value, the limit it passed and how the limit is set."""
        sign = "<" if self.name in _LOW else ">"
        value = show(self.name, self.value, against=self.limit)
        return f"{self.label} {value} {sign} {show(self.name, self.limit)} ({self.rule})"


@dataclass(frozen=True)
class NewWord:
    """A word common in the dump and absent or rare in the reference: rows holding it here and there.

    ``reference_share`` is what the check compares; for a word absent from the reference's word table it is the
    largest share the word can have there (``reference_floor`` − 1 rows: the table keeps no word below that many
    rows). ``in_reference`` says whether the table holds the word; the report shows an absent word as absent.
    """

    word: str
    rows: int
    share: float
    reference_share: float
    in_reference: bool = True
    reference_floor: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values: ``reference_share`` is ``None`` for a word absent from the reference's table
        (``in_reference`` false; it is in fewer than ``reference_floor`` of the reference's rows)."""
        return {
            "word": self.word,
            "rows": self.rows,
            "share": self.share,
            "reference_share": self.reference_share if self.in_reference else None,
            "in_reference": self.in_reference,
            "reference_floor": self.reference_floor,
        }

    def shown_reference(self) -> str:
        """Return the reference's side as the text report writes it: its share, or that the word is absent."""
        if self.in_reference:
            return f"reference {self.reference_share:.1%}"
        if self.reference_floor > 1:
            return f"reference: absent (below the table's floor of {self.reference_floor} rows)"
        return "reference: absent"


def _json(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def _shown(name: str, value: float, extra: int) -> str:
    if name in ("tokens_per_row", "short_rows"):
        return f"{value:.{1 + extra}f}"
    if name.endswith("_shift"):
        return f"{value:.{3 + extra}f}"
    return f"{value:.{1 + extra}%}"


def show(name: str, value: float, against: float | None = None) -> str:
    """Return a value of the figure called *name* as the report writes it.

    With *against* (the figure's limit, written as ``show`` writes it), the value gets as many more digits (up
    to 4) as it takes not to read as the limit when it differs from it: ``0.1003`` against ``0.100``, so that a
    value past its limit reads as past it.
    """
    if math.isnan(value):
        return "n/a"
    shown = _shown(name, value, 0)
    if against is None or math.isnan(against) or value == against:
        return shown
    limit = _shown(name, against, 0)
    extra = 0
    while shown == limit and extra < 4:
        extra += 1
        shown, limit = _shown(name, value, extra), _shown(name, against, extra)
    return shown


def new_words(stats: DriftStatistics, reference: DriftStatistics) -> list[NewWord]:
    """Return the words in ``NEW_WORD_MIN_SHARE`` of *stats*' rows and at most a ``NEW_WORD_RATIO``-th of that
    share of the reference's, most frequent first."""
    if not stats.word_rows or not reference.word_rows:
        return []
    least = max(NEW_WORD_MIN_ROWS, math.ceil(NEW_WORD_MIN_SHARE * stats.word_rows))
    found = []
    for word, rows in stats.words.items():
        if rows < least:
            continue
        share = rows / stats.word_rows
        reference_share = reference.word_share(word)
        if reference_share * NEW_WORD_RATIO <= share:
            found.append(NewWord(word, rows, share, reference_share))
    return sorted(found, key=lambda w: (-w.rows, w.word))


_LOW = frozenset({"short_rows", "mean_confidence"})
"""Figures that alert below their limit; the others alert above it."""


def new_word_share(stats: DriftStatistics, words: list[NewWord]) -> float:
    """Return the weight of the new *words* in *stats*: their row counts over the row counts of all its words
    (each word counted once per row that holds it), not the share of rows holding a new word.

    A count of new words would grow with the size of the dump and let one seasonal word (年末 in December)
    weigh as much as a whole new vocabulary; their share of the words does not. Nor does it read 79 % for a
    December whose rows mostly say 年末, as the share of rows holding one would (docs/drift.md).
    """
    total = sum(stats.words.values())
    return sum(w.rows for w in words) / total if total else math.nan


_SHARES = frozenset({"unclassifiable_share", "oov_rate", "low_confidence_share", "new_word_share"})
"""Figures that are shares of rows or tokens: none can pass a limit of 100 % or more."""


def out_of_reach(name: str, limit: float) -> bool:
    """Whether no value of the figure called *name* can pass *limit*: a share's at 100 % or more, a mean
    probability's or a length's at 0 or less (a reference counted on a few dozen rows can give such limits)."""
    if math.isnan(limit):
        return False
    if name in _SHARES:
        return limit >= 1.0
    return name in _LOW and limit <= 0.0


def _figure(name: str, label: str, value: float, reference: float, limit: float, rule: str, judged: bool) -> Figure:
    unreachable = out_of_reach(name, limit)
    judged = judged and not (math.isnan(value) or math.isnan(limit) or unreachable)
    alert = judged and (value < limit if name in _LOW else value > limit)
    return Figure(name, label, value, reference, limit, rule, alert, judged, unreachable)


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
    ref = reference
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
        ),
        _figure(
            "oov_rate",
            "token OOV rate",
            stats.oov_rate,
            ref.oov_rate,
            ref.oov_rate + OOV_MARGIN,
            f"reference + {OOV_MARGIN * 100:g} points",
            enough,
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
        ),
        _figure(
            "low_confidence_share",
            "rows with top probability < 0.5",
            stats.low_confidence_share,
            ref.low_confidence_share,
            ref.low_confidence_share + LOW_CONFIDENCE_MARGIN,
            f"reference + {LOW_CONFIDENCE_MARGIN * 100:g} points",
            enough,
        ),
        _figure(
            "reason_shift",
            "reason mix shift (Jensen–Shannon, bits)",
            js_divergence(stats.reasons, ref.reasons),
            0.0,
            REASON_JS,
            "fixed limit",
            enough,
        ),
        _figure(
            "sentiment_shift",
            "sentiment mix shift (Jensen–Shannon, bits)",
            js_divergence(stats.sentiments, ref.sentiments),
            0.0,
            SENTIMENT_JS,
            "fixed limit",
            enough,
        ),
        _figure(
            "new_word_share",
            "share of new words",
            new_word_share(stats, words) if usable else math.nan,  # not measured: n/a, not 0
            0.0,
            NEW_WORD_SHARE,
            "fixed limit",
            enough,
        ),
    )
    felt = stats.sentiments or ref.sentiments  # a model without a sentiment head counts none: no mix to compare
    return tuple(f for f in figures if felt or f.name != "sentiment_shift"), tuple(words[:NEW_WORDS_SHOWN])
