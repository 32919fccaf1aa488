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
    ``text_only``: its text was its one problem (not its labels), as when the text column names another column;
    ``header``: it repeats the frame's header (two exports joined), no review (:func:`taikai.text.header_rows`)."""

    where: str
    problems: str
    text: str
    text_only: bool = False
    header: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.problems} ({quoted(self.text, 39)})"


def list_rows(head: str, rows: Sequence[object], where: str = "", shown: int = SHOWN_BAD_ROWS) -> list[str]:
    """Return *head*, then one indented line per row of the first *shown* of *rows*, then ``… and N more`` (and,
    given *where* every one is, ``(K in all; where)``) when there are more."""
    return [head, *cut_lines(rows, shown, where)]


def refuse_header_rows(bad: Sequence[BadRow], source: str, then: str) -> None:
    """Raise :class:`~taikai.errors.InputError` naming the rows of *bad* (of the labelled frame *source*) that repeat
    its header, if any: a frame of two exports joined stops there, as a file does at its header repeated (a bad
    record), rather than have them left out as rows labelled in part; *then*: what to do after dropping them."""
    from taikai.errors import InputError

    headers = [row for row in bad if row.header]
    if headers:
        head = f"{source}: {len(headers):,} row(s) repeat its header:"
        raise InputError("\n".join([*list_rows(head, headers), f"drop them, then {then}"]))
