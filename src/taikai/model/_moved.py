"""The added rows that the before/after comparison of ``taikai train --add`` scored differently with them in
training than without (:class:`MovedRow`): which rows the counts of rows now right and now wrong are, each at its
``FILE:LINE``, so that an analyst can read them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from taikai._cut import cut_list

SHOWN_MOVED = 5
"""How many rows now right, and how many now wrong, per head, the comparison's lines name (all are in the
metadata)."""
WHERE_ALL = "all in metadata.json, metrics.added.moved"
"""Where every moved row is, said when the lines name only the first :data:`SHOWN_MOVED`."""


@dataclass(frozen=True)
class MovedRow:
    """One added row whose ``head`` (``reason``: the primary reason; ``sentiment``) the model trained without the
    added rows (``without``) and the one trained with the other folds (``with_added``) predicted differently, one of
    them right (``gold``); ``place`` is the row's ``FILE:LINE`` as training names rows (``""``: not known)."""

    head: str
    place: str
    gold: str
    without: str
    with_added: str

    @property
    def now_right(self) -> bool:
        """Whether the added rows made the row right (else they made it wrong)."""
        return self.with_added == self.gold

    def shown(self) -> str:
        """Return the row as a line names it: ``a.xlsx:7 (gold fees, was trouble)``, ``… (gold time, now fees)``."""
        other = f"was {self.without}" if self.now_right else f"now {self.with_added}"
        return f"{self.place or '?'} (gold {self.gold}, {other})"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready values (``with`` for ``with_added``, as the comparison's scores are written)."""
        return {
            "head": self.head,
            "place": self.place,
            "gold": self.gold,
            "without": self.without,
            "with": self.with_added,
        }

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> MovedRow:
        """Read what :meth:`to_dict` wrote."""
        return cls(*(str(values[key]) for key in ("head", "place", "gold", "without", "with")))


def moved_lines(moved: Sequence[MovedRow], head: str) -> list[str]:
    """Return the lines naming the rows *head* now gets right and now gets wrong (none for none), the first
    :data:`SHOWN_MOVED` of each."""
    lines = []
    for right, said in ((True, "now right"), (False, "now wrong")):
        rows = [m.shown() for m in moved if m.head == head and m.now_right == right]
        if rows:
            listed = cut_list(rows, SHOWN_MOVED, WHERE_ALL, sep="; ")
            lines.append(f"    {head} {said}: {listed}")
    return lines
