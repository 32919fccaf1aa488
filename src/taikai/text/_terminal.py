"""Text fitted to a terminal's width, as display width counts it (a CJK character takes two columns): lines wrapped
between words (or, for a run without spaces wider than a line, between characters), and Markdown tables with their
columns lined up, split into groups of columns when they are wider than the terminal."""

from __future__ import annotations

import re
from collections.abc import Sequence

from taikai.text._width import display_width, pad

_CELL_BREAK = re.compile(r"(?<!\\)\|")
"""A ``|`` that ends a Markdown table's cell (an escaped ``\\|``, :func:`~taikai.text.markdown_cell`'s, does not)."""
_RULE = re.compile(r"^:?-+:?$")
"""A cell of a Markdown table's separator row (``---``, ``---:``)."""
_LEAD = re.compile(r"^(\s*(?:[-*] )?(?:[A-Za-z][A-Za-z_ ]{0,19}: +)?)")
"""The indent of a line, its bullet and the name of its field (``thresholds: ``, ``reference: ``), under whose end
the wrapped lines of an item go on."""


def wrap_pieces(head: str, pieces: Sequence[str], width: int | None, *, break_wide: bool = False) -> list[str]:
    """Return *head* and *pieces*, a space between two, on lines at most *width* columns wide (``None``: on one
    line), each line after the first indented to where the first's pieces start.

    A piece wider than a line: by default, on a terminal too narrow for the widest piece there, the pieces start on
    the next line, two columns in from the head, and a piece wider still goes on whole; with *break_wide* (prose,
    whose Japanese runs have no spaces to break at), it fills the line and goes on on the next, broken between two
    characters where it reaches the width."""
    hang = display_width(head)
    lines = [head]
    if not break_wide and width is not None and hang + max(map(display_width, pieces), default=0) > width:
        hang = display_width(head) - display_width(head.lstrip()) + 2
        lines = [head.rstrip(), " " * hang]
    for piece in pieces:
        line = lines[-1]
        if display_width(line) == hang:  # nothing on it yet: the piece goes on
            lines[-1] = f"{line}{piece}"
        elif width is None or display_width(line) + 1 + display_width(piece) <= width:
            lines[-1] = f"{line} {piece}"
        elif break_wide and display_width(piece) > width - hang:
            lines[-1] = f"{line} {piece}"  # broken below, from where the line is
        else:
            lines.append(" " * hang + piece)
        if break_wide and width is not None:
            lines[-1:] = _broken(lines[-1], hang, width)
    return lines


def _broken(line: str, hang: int, width: int) -> list[str]:
    """Return *line* broken between two characters into lines at most *width* columns wide (those after the first
    indented by *hang*); *line* as it is when it fits, or when no character fits after the indent."""
    lines = []
    while display_width(line) > width and width - hang >= 2:
        used, cut = 0, 0
        for i, ch in enumerate(line):
            if used + display_width(ch) > width:
                cut = i
                break
            used += display_width(ch)
        if cut <= hang:
            break
        lines.append(line[:cut].rstrip())
        line = " " * hang + line[cut:].lstrip()
    return [*lines, line]


def wrap_line(line: str, width: int | None) -> list[str]:
    """Return *line* wrapped at *width* columns between its words, the lines after the first under the start of its
    text after its indent, bullet (``- ``) and field name (``thresholds: ``, as ``taikai info`` writes them); *line*
    as it is without a width, or when it fits."""
    if width is None or display_width(line) <= width:
        return [line]
    lead = _LEAD.match(line)
    head = lead.group(1) if lead else ""
    return wrap_pieces(head, line[len(head) :].split(" "), width, break_wide=True) if line.strip() else [line]


def terminal_markdown(text: str, width: int | None) -> str:
    """Return the Markdown *text* for a terminal *width* columns wide: each table's columns lined up by display
    width (numbers right-aligned, as its separator row says), a table wider than the terminal split into tables of
    fewer columns, each headed by the first column; every other line wrapped between words (:func:`wrap_line`).
    Still Markdown, read as the same. *text* unchanged without a width (a file, a pipe, a notebook)."""
    if width is None:
        return text
    out: list[str] = []
    table: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            out += _table(table, width)
            table = []
        out += wrap_line(line, width)
    return "\n".join(out[:-1])


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in _CELL_BREAK.split(row.strip())[1:-1]]


def _table(rows: list[str], width: int) -> list[str]:
    """Return a Markdown table's *rows* lined up, in groups of columns that fit *width* (see
    :func:`terminal_markdown`); the rows as they are when they are not a table of one header and its separator."""
    cells = [_cells(row) for row in rows]
    if len(cells) < 2 or len({len(c) for c in cells}) != 1 or not all(map(_RULE.match, cells[1])):
        return rows
    right = [rule.endswith(":") for rule in cells[1]]
    body = [cells[0], *cells[2:]]
    sizes = [max(3, *(display_width(row[c]) for row in body)) for c in range(len(right))]
    groups: list[list[int]] = []
    for c in range(1, len(sizes)):
        group = groups[-1] if groups else None
        if group is None or 4 + sum(sizes[i] + 3 for i in [0, *group, c]) - 3 > width:
            groups.append([c])
        else:
            group.append(c)
    lines: list[str] = []
    for group in groups or [[]]:
        columns = [0, *group]
        lines += [""] if lines else []
        for i, row in enumerate(body):
            shown = [_aligned(row[c], sizes[c], right[c]) for c in columns]
            lines.append(f"| {' | '.join(shown)} |")
            if i == 0:
                lines.append("|" + "|".join("-" * (sizes[c] + 1) + (":" if right[c] else "-") for c in columns) + "|")
    return lines


def _aligned(cell: str, size: int, right: bool) -> str:
    return " " * max(0, size - display_width(cell)) + cell if right else pad(cell, size)
