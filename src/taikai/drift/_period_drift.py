"""The figures of one part of a dump against the reference (:class:`PeriodDrift`: the whole dump, ``all``, or one
period), its new words, the reason whose share moved most, and the verdict its row of a period table says."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from taikai.drift._compare import compare
from taikai.drift._compare import reference_judgeable as _enough_reference
from taikai.drift._figures import Figure, NewWord
from taikai.drift._mix import ShareMove, largest_move
from taikai.drift._thresholds import MIN_ROWS, ONE_TEXT_SHARE
from taikai.model import DriftStatistics
from taikai.text import percent

OVERALL = "all"
_REFERENCE_TOO_SMALL = f"reference too small: fewer than {MIN_ROWS} classified rows"
UNCLASSIFIABLE_ONLY = f"no (unclassifiable share only: fewer than {MIN_ROWS} classified)"
"""A period's verdict when only its unclassifiable share could be judged (enough rows, too few classified)."""
REFERENCE_TOO_SMALL = "not judged (reference too small)"
"""A period's verdict when the reference has too few classified rows to judge anything against."""


@dataclass(frozen=True)
class PeriodDrift:
    """The figures of one part of a dump (``period`` is ``"all"`` for the whole dump), its new words, and the
    predicted reason whose share moved most from the reference (``None`` when nothing was classified)."""

    period: str
    statistics: DriftStatistics
    figures: tuple[Figure, ...]
    new_words: tuple[NewWord, ...]
    reason_move: ShareMove | None = None
    words_not_listed: str | None = None
    """Why no new words are listed (the reference is too small to judge against); ``None`` when they are."""
    one_text: int = 0
    """The rows holding the part's most common text, told apart as the duplicate count tells them (its text as the
    model reads it: :func:`taikai.text.normalize`); 1 when every text differs, 0 when not counted."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # its statistics hold dicts: not hashable, so hash() is not offered

    @classmethod
    def of(cls, period: str, stats: DriftStatistics, reference: DriftStatistics, one_text: int = 0) -> PeriodDrift:
        """Compare *stats* with *reference* (*one_text*: the rows holding the part's most common text)."""
        figures, words = compare(stats, reference)
        floor = reference.words_floor
        marked = tuple(replace(w, in_reference=w.word in reference.words, reference_floor=floor) for w in words)
        why = None if _enough_reference(reference) else _REFERENCE_TOO_SMALL
        return cls(period, stats, figures, marked, largest_move(stats.reasons, reference.reasons), why, one_text)

    def __repr__(self) -> str:
        """Return the part, its rows and its verdict on one line, with the figures past their thresholds: a notebook
        showing ``report.periods`` lists one line per period, not every count and figure of each field by field."""
        stats = self.statistics
        past = ", ".join(f.title for f in self.figures if f.alert)
        verdict = f"{self.table_verdict} ({past})" if past else self.table_verdict
        return f"PeriodDrift({self.period}: {stats.rows:,} rows, {stats.classified:,} classified; drift: {verdict})"

    @property
    def share_judged_apart(self) -> str | None:
        """The reason ``share of one reason`` is of (the one nearest its limit, judged for a rise) when it is not
        the reason that moved most (one that fell most, or a common one whose limit is further off); else ``None``.
        """
        subject = next((f.subject for f in self.figures if f.name == "reason_share"), None)
        moved = None if self.reason_move is None else self.reason_move.label
        return subject if subject is not None and moved is not None and subject != moved else None

    @property
    def alert(self) -> bool:
        """Whether any figure passed its threshold."""
        return any(f.alert for f in self.figures)

    @property
    def judged(self) -> bool:
        """Whether any figure could be judged (enough rows, see :data:`~taikai.drift.MIN_ROWS`)."""
        return any(f.judged for f in self.figures)

    @property
    def filled_by_one_text(self) -> bool:
        """Whether one text fills the part: ``ONE_TEXT_SHARE`` of its rows or more, in a part of ``MIN_ROWS`` rows
        or more. Its figures still count each of those rows (as ``taikai batch`` classifies each, and the report
        charts each), so the part may drift on that text alone: a paste or spam, not a change in reviewers."""
        rows = self.statistics.rows
        return rows >= MIN_ROWS and self.one_text >= 2 and self.one_text >= ONE_TEXT_SHARE * rows

    @property
    def one_text_share(self) -> str:
        """The share of the part's rows its most common text fills, as the report writes it (``99 %`` → ``99%``)."""
        return percent(self.one_text / self.statistics.rows, "") if self.statistics.rows else "n/a"

    def one_text_line(self, whole: str = "whole dump") -> str | None:
        """Say that one text fills the part (*whole*: what the dump's rows are called), or ``None``."""
        if not self.filled_by_one_text:
            return None
        place = whole if self.period == OVERALL else self.period
        return (
            f"{place}: one text fills {self.one_text:,} of its {self.statistics.rows:,} rows ({self.one_text_share}), "
            "as the model reads it: a paste or spam rather than a change in reviewers; every figure counts each row"
        )

    @property
    def table_verdict(self) -> str:
        """The period's verdict as its row of a period table says it: ``yes``, ``no``, ``too few rows`` (nothing
        judged), :data:`REFERENCE_TOO_SMALL` (nothing judged against a reference of too few rows, whatever the
        period's), or :data:`UNCLASSIFIABLE_ONLY` when its rows were enough to judge the unclassifiable share but too
        few were classified to judge any other figure (its other values are shown, not judged)."""
        if self.alert:
            return "yes"
        if not self.judged:
            return REFERENCE_TOO_SMALL if self.words_not_listed else "too few rows"
        return UNCLASSIFIABLE_ONLY if self.statistics.classified < MIN_ROWS else "no"

    def figure(self, name: str) -> Figure:
        """Return the figure called *name*; raise ``KeyError`` naming the figures there are when there is none."""
        for found in self.figures:
            if found.name == name:
                return found
        raise KeyError(f"no figure {name!r}; the figures are {', '.join(f.name for f in self.figures)}")

    @property
    def unclassifiable(self) -> dict[str, int]:
        """The part's unclassifiable rows by kind: ``blank`` (no text), ``no_japanese`` (not text, or no kana word
        nor kanji: an English review) and ``mostly_not_japanese`` (classified, but under half kana and kanji)."""
        stats = self.statistics
        return {"blank": stats.empty, "no_japanese": stats.error, "mostly_not_japanese": stats.foreign}

    def unclassifiable_said(self) -> str:
        """The kinds of unclassifiable rows that the part holds, as the text says them (``3 blank, 7 without
        Japanese text``); empty when it holds none."""
        names = {"blank": "blank", "no_japanese": "without Japanese text", "mostly_not_japanese": "mostly not Japanese"}
        return ", ".join(f"{n:,} {names[kind]}" for kind, n in self.unclassifiable.items() if n)

    def reasons(self, whole: str = "whole dump") -> list[str]:
        """Say, per figure past its threshold, what it is and where (*whole*: what the dump's rows are called); the
        unclassifiable share with its kinds (blank rows are an export's fault, English ones another source's)."""
        place = whole if self.period == OVERALL else self.period
        kinds = self.unclassifiable_said()
        return [
            f"{place}: {f.reason()}" + (f": {kinds}" if f.name == "unclassifiable_share" and kinds else "")
            for f in self.figures
            if f.alert
        ]

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        stats = self.statistics
        return {
            "period": self.period,
            "rows": stats.rows,
            "classified": stats.classified,
            "alert": self.alert,
            "judged": self.judged,
            "figures": {f.name: f.to_dict() for f in self.figures},
            "new_words": None if self.words_not_listed else [w.to_dict() for w in self.new_words],
            "new_words_not_listed": self.words_not_listed,
            "reason_moved_most": self.reason_move.to_dict() if self.reason_move is not None else None,
            "unclassifiable_rows": self.unclassifiable,
            "one_text_rows": self.one_text,
            "filled_by_one_text": self.filled_by_one_text,
        }
