"""Find what Excel shows differently from what an xlsx sheet's values read: hidden rows and columns, merged cells.

openpyxl's read-only worksheet (as :class:`~taikai.io._table_readers.XlsxReader` reads) gives neither rows' nor
columns' dimensions nor merged ranges, so the sheet's XML is searched as bytes, block by block: a row hidden by hand
or by a filter (``<row r="7" hidden="1">``) is still read and classified, a hidden column (``<col min="3" max="3"
hidden="1"/>``) is read as any other (a hidden ``reasons`` column scored beside a visible ``理由`` one), and a merged
range (``<mergeCell ref="B4:B5"/>``) holds its value in its top-left cell only, the others reading as empty. A block
holding none of these words is not searched further, so a sheet with none costs one read of its bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from taikai._cut import cut_list

if TYPE_CHECKING:
    from collections.abc import Collection

_BLOCK = 1 << 20
_OVERLAP = 1 << 12
"""Bytes of a block searched again with the next, for a tag cut between them (found twice: kept once)."""
_ROW = re.compile(rb"<(?:\w+:)?row\s([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden\s*=\s*["\'](?:1|true)["\']')
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*)>")
_MIN = re.compile(rb'\bmin\s*=\s*["\'](\d+)["\']')
_MAX = re.compile(rb'\bmax\s*=\s*["\'](\d+)["\']')
_NUMBER = re.compile(rb'\br\s*=\s*["\'](\d+)["\']')
_MERGED = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*\bref\s*=\s*["\']([A-Z]+)(\d+):([A-Z]+)(\d+)["\']')
SHOWN = 5
"""Rows or ranges named in a warning; the rest are counted."""


@dataclass(frozen=True)
class Layout:
    """The rows of a sheet hidden in Excel (1-based, in order), its merged ranges as (first row, last row,
    first column, last column, ``"B4:B5"``), and its hidden columns (1-based, in order)."""

    hidden: tuple[int, ...]
    merged: tuple[tuple[int, int, int, int, str], ...]
    columns: tuple[int, ...] = ()


def sheet_layout(ws: Any) -> Layout:
    """Return the :class:`Layout` of the read-only sheet *ws*; an empty one if its XML cannot be read."""
    from openpyxl.utils import column_index_from_string

    source = getattr(ws, "_get_source", None)
    if source is None:
        return Layout((), ())
    hidden: set[int] = set()
    columns: set[int] = set()
    merged: set[tuple[int, int, int, int, str]] = set()
    with source() as src:
        tail = b""
        while block := src.read(_BLOCK):
            text = tail + block
            if b"hidden" in text:
                for row in _ROW.finditer(text):
                    number = _NUMBER.search(row[1])
                    if number and _HIDDEN.search(row[1]):
                        hidden.add(int(number[1]))
                for col in _COL.finditer(text):  # <col min="3" max="4" hidden="1"/>: columns C and D
                    low, high = _MIN.search(col[1]), _MAX.search(col[1])
                    if low and _HIDDEN.search(col[1]):
                        columns.update(range(int(low[1]), int((high or low)[1]) + 1))
            if b"mergeCell" in text:
                for m in _MERGED.finditer(text):
                    left, top, right, bottom = m[1].decode(), int(m[2]), m[3].decode(), int(m[4])
                    first, last = column_index_from_string(left), column_index_from_string(right)
                    merged.add((top, bottom, first, last, f"{left}{top}:{right}{bottom}"))
            tail = block[-_OVERLAP:]
    return Layout(tuple(sorted(hidden)), tuple(sorted(merged)), tuple(sorted(columns)))


def layout_warnings(
    where: str, layout: Layout, first: int, width: int, last: int | None = None, told: set[object] | None = None
) -> list[str]:
    """Return the warnings of *layout* for the rows read from row *first* to row *last* (``None``: the sheet's last),
    columns 1 to *width*, of the sheet *where* names (``book.xlsx: sheet 'x'``): the hidden rows, which are
    classified all the same, and the merged ranges, whose cells other than the top-left one read as empty. *told*
    holds the rows and ranges warned of before, which are left out; those warned of now are added to it."""
    told = set() if told is None else told
    end = float("inf") if last is None else last
    said = []
    hidden = [row for row in layout.hidden if first <= row <= end and row not in told]
    if hidden:
        said.append(
            f"{where}: {len(hidden):,} row(s) hidden in Excel (by hand or by a filter) are read all the same, as "
            f"every row is: row(s) {cut_list(hidden, SHOWN)}; unhide them to see every row read, or "
            "delete them in the sheet if they are not to be read"
        )
    merged = [
        ref
        for top, bottom, left, _, ref in layout.merged
        if bottom >= first and top <= end and left <= width and bottom > 1 and ref not in told
    ]
    told.update(hidden, merged)
    if merged:
        said.append(
            f"{where}: merged cells: {cut_list(merged, SHOWN)}; only the top-left cell of a merged range holds its "
            "value, so its other cells read as empty (a row of them as an empty row): unmerge them in Excel, fill "
            "each cell, and run again"
        )
    return said


def column_warning(where: str, layout: Layout, names: list[str], read: Collection[str] | None = None) -> str:
    """Return the warning of the columns of *layout* hidden in Excel among the named ones (*names*, from column A)
    that a command reads (*read*: their names; ``None``: every one, a whole frame), of the sheet *where* names: a
    command reads such a column as any other (its texts, labels or ids), though the sheet does not show it; ``""``
    when none is hidden. A hidden column the command only carries along (batch copies it to its output) is not
    said: what it holds changes nothing."""
    from openpyxl.utils import get_column_letter

    hidden = [
        f"{get_column_letter(j)} ({names[j - 1]!r})"
        for j in layout.columns
        if j <= len(names) and (read is None or names[j - 1] in read)
    ]
    if not hidden:
        return ""
    return (
        f"{where}: {len(hidden):,} column(s) hidden in Excel are read all the same, as every column is: "
        f"{cut_list(hidden, SHOWN)}; unhide them to see what a command may read from them (texts, labels, ids, "
        "dates), or delete them from the sheet if they are not to be read"
    )


def sheet_warning(where: str, ws: Any) -> str:
    """Return the warning of the sheet *ws*, read as the workbook's first (no sheet given), when Excel hides it (a
    lookup or an old copy kept out of sight): the rows read are not those the workbook shows; with the sheets it
    shows and how to read one. ``""`` for a sheet shown."""
    import shlex

    from taikai.errors import SHEET

    if getattr(ws, "sheet_state", "visible") == "visible":
        return ""
    shown = [s.title for s in getattr(ws.parent, "worksheets", ()) if s.sheet_state == "visible"]
    named = SHEET.current()
    how = ""
    if shown:
        option = f" ({named.option} {shlex.quote(shown[0])} on the command line)" if named.option else ""
        listed = ", ".join(map(repr, shown))
        how = f"; the sheets Excel shows are {listed}: read one with {named.name}={shown[0]!r}{option}"
    return (
        f"{where}, read as the workbook's first sheet, is hidden in Excel: its rows are not those the workbook "
        f"shows{how}, or unhide it (right-click a sheet tab > Unhide) if it is the one to read"
    )
