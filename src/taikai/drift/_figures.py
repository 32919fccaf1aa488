"""A figure of a dump compared with its reference (its value, limit and verdict), the new words, and how both are
written. The figures themselves are computed in :mod:`taikai.drift._compare`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from taikai.drift._thresholds import (
    CHANCE,
    NEW_WORD_MIN_ROWS,
    NEW_WORD_MIN_SHARE,
    NEW_WORD_RATIO,
)
from taikai.model import DriftStatistics
from taikai.text import percent


@dataclass(frozen=True)
class Figure:
    """One checked figure of a dump or period: its value, the reference's, the threshold and the verdict.

    ``limit`` is the value past which the figure alerts (for the shifts and ``new_word_share`` the reference is
    the distribution itself, so ``reference`` is 0), widened by ``chance`` for the part's number of rows.
    ``judged`` is false when there were too few rows (or the figure does not apply, e.g. no word vocabulary, or
    its limit is out of reach: a share's above 100 %, a mean probability's below 0, as a reference counted on a
    few dozen rows can give); such a figure never alerts.
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
    chance: float = 0.0
    """How far ``limit`` was moved from the documented threshold for the part's size: what chance alone gives at
    its number of rows (:mod:`taikai.drift._chance`); 0 for a figure whose threshold is not widened."""
    subject: str | None = None
    """The label a figure of one label is of (``reason_share``: the reason nearest its limit, ``fees``); ``None``
    for a figure of the whole part."""

    @property
    def title(self) -> str:
        """The figure's label, with the label it is of when it has one (``share of one reason: fees``)."""
        return self.label if self.subject is None else f"{self.label}: {self.subject}"

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
            "chance": _json(self.chance),
            "subject": self.subject,
        }

    def reason(self) -> str:
        """Say why the figure alerts: its value, the limit it passed and how the limit is set."""
        sign = "<" if self.name in _LOW else ">"
        value = figure_text(self.name, self.value, against=self.limit)
        return f"{self.title} {value} {sign} {limit_text(self.name, self.limit, self.value)} ({self.rule})"


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
            return f"reference {percent(self.reference_share, '', decimals=1)}"
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


def figure_text(name: str, value: float, against: float | None = None) -> str:
    """Return a value of the figure called *name* as the report writes it.

    With *against* (the figure's limit, written as :func:`figure_text` writes it), the value gets as many more digits
    (up to 4) as it takes not to read as the limit when it differs from it: ``0.1003`` against ``0.100``, so that a
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


def limit_text(name: str, limit: float, value: float) -> str:
    """Return the limit of the figure called *name* as written beside *value*: with the digits *value* took to read
    past it (see :func:`figure_text`), unless the limit is round at fewer (``0.100`` beside ``0.1003``), so that a
    limit widened by chance never reads past the value (``0.11862`` beside ``0.11863``, not ``0.119``)."""
    shown = figure_text(name, limit)
    if math.isnan(value) or math.isnan(limit) or value == limit:
        return shown
    digits = 1 if name in ("tokens_per_row", "short_rows") else 3  # of the value: percents are fractions
    if abs(limit - round(limit, digits)) < 1e-12:
        return shown
    extra = 0
    while _shown(name, value, extra) == _shown(name, limit, extra) and extra < 4:
        extra += 1
    return _shown(name, limit, extra)


def new_words(stats: DriftStatistics, reference: DriftStatistics) -> list[NewWord]:
    """Return the words in ``NEW_WORD_MIN_SHARE`` of *stats*' rows and at most a ``NEW_WORD_RATIO``-th of that
    share of the reference's, most frequent first; and so rare there that a reference of its size holding the word
    as often as *stats* does would show it as rarely only with probability ``CHANCE``: a word in 8 % of a dump's
    rows is absent from a 35-row reference one time in 19 by chance alone, and is no news (docs/drift.md)."""
    if not stats.word_rows or not reference.word_rows:
        return []
    from scipy.special import bdtr  # P(X <= k) for X ~ Binomial(rows, share)

    least = max(NEW_WORD_MIN_ROWS, math.ceil(NEW_WORD_MIN_SHARE * stats.word_rows))
    found = []
    for word, rows in stats.words.items():
        if rows < least:
            continue
        share = rows / stats.word_rows
        reference_share = reference.word_share(word)
        held = reference.words.get(word, reference.words_floor - 1)  # the most rows it can hold there
        if reference_share * NEW_WORD_RATIO <= share and bdtr(held, reference.word_rows, share) <= CHANCE:
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
