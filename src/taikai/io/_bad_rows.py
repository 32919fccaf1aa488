"""Labelled rows that cannot be used, and how a message lists them: the first few at their file line, then a count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from taikai._cut import cut_lines, quoted

SHOWN_BAD_ROWS = 5
"""How many rows a warning or a summary quotes before it counts the rest."""


@dataclass(frozen=True)
class BadRow:
    """A labelled row that cannot be used: where it is (``file:line``), its problems (``column: problem; …``), text;
    ``text_only``: its text was its one problem (not its labels), as when the text column names another column."""

    where: str
    problems: str
    text: str
    text_only: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.problems} ({quoted(self.text, 39)})"


def list_rows(head: str, rows: Sequence[object], where: str = "", shown: int = SHOWN_BAD_ROWS) -> list[str]:
    """Return *head*, then one indented line per row of the first *shown* of *rows*, then ``… and N more`` (and,
    given *where* every one is, ``(K in all; where)``) when there are more."""
    return [head, *cut_lines(rows, shown, where)]
