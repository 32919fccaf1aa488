"""Find the formulas of an xlsx sheet that the workbook holds no value for, which read as empty cells.

A workbook written by a program (openpyxl, pandas with openpyxl) holds each formula (``="手数料が"&"高い"``) with no
computed value: only Excel (or LibreOffice) computes and saves one when it opens and saves the workbook. Read for
its values (as :class:`~taikai.io._table_readers.XlsxReader` reads), such a cell is empty, as a blank cell is, and a
text there would become a row with no text. :func:`warn_uncached` says so, naming the sheet and the cells; in row 1
(:func:`uncached_header`) such a cell leaves its column with no name, and the reader refuses the sheet, naming it.

It costs nothing on a sheet read without an empty cell. Otherwise the sheet's XML is first searched, as bytes, for a
formula with no value after it; only a sheet that holds one is parsed again, for the cells that hold a formula and
no value (a workbook Excel saved holds a value for each formula, and is not parsed again). A
formula whose value is an empty text (``=IF(A2="","",A2)``, saved by Excel as ``t="str"``) is no such cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from taikai._cut import cut_list
from taikai._warn import warn_user
from taikai.errors import DataWarning

_UNCACHED = re.compile(
    rb"<(?:\w+:)?f(?:\s[^>]*)?(?:/>|>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
"""A formula element of a sheet's XML (``<f>…</f>``, ``<f t="shared" … />``, ``<x:f>``) with no value, or an empty
one, after it in its cell."""
_BLOCK = 1 << 20
_OVERLAP = 1 << 16
"""Bytes of a block searched again with the next, for a cell cut between them (a formula of 8,192 characters)."""
_SHOWN = 10
"""Cells named in the warning; the rest are counted."""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _has_uncached(ws: Any) -> bool:
    """Return whether the XML of the read-only sheet *ws* may hold a formula with no value (``True`` if it cannot
    be read so); a formula whose value is an empty text is found too (the cells are then looked at)."""
    return sheet_holds(ws, _UNCACHED, _OVERLAP)


def sheet_holds(ws: Any, pattern: re.Pattern[bytes], overlap: int) -> bool:
    """Return whether *pattern* is found in the XML of the read-only sheet *ws*, read a block at a time, each block
    after the last *overlap* bytes of the one before (``True`` if it cannot be read so)."""
    source = getattr(ws, "_get_source", None)
    if source is None:
        return True
    with source() as src:
        tail = b""
        while block := src.read(_BLOCK):
            if pattern.search(tail + block):
                return True
            tail = block[-overlap:]
    return False


def formula_cells(ws: Any, first: int, last: int | None, width: int, cached: bool = False) -> Iterator[tuple[int, int]]:
    """Yield (row, column) of each cell of rows *first* to *last* (``None``: the sheet's last), columns 1 to
    *width*, of the read-only sheet *ws* that holds a formula and no value (*cached*: a formula and a value)."""
    from openpyxl.utils import column_index_from_string
    from openpyxl.xml.functions import iterparse

    row = column = 0
    with ws._get_source() as src:
        for event, element in iterparse(src, events=("start", "end")):
            tag = _local(element.tag)
            if tag == "row" and event == "start":
                row, column = int(element.get("r") or row + 1), 0
            elif tag == "c" and event == "end":
                coordinate = re.fullmatch(r"([A-Z]+)(\d+)", element.get("r", ""))
                column = column_index_from_string(coordinate[1]) if coordinate else column + 1
                children = {_local(child.tag): child for child in element}
                saved = "v" in children and bool(children["v"].text or element.get("t") == "str")
                within = first <= row and (last is None or row <= last) and column <= width
                if "f" in children and saved == cached and within:
                    yield row, column
            elif tag == "row":
                element.clear()  # as openpyxl's own parser does
                if last is not None and row >= last:
                    return


def uncached_header(ws: Any, width: int) -> list[str]:
    """Return the coordinates (``B1``) of the cells of row 1, columns 1 to *width*, of the read-only sheet *ws*
    that hold a formula and no value: read as empty, they would leave their columns with no name. Only row 1 is
    parsed (not the whole sheet searched first: a header's empty styled cell is common in a workbook of any size)."""
    from openpyxl.utils import get_column_letter

    if width < 1 or getattr(ws, "_get_source", None) is None:
        return []
    return [f"{get_column_letter(column)}{row}" for row, column in formula_cells(ws, 1, 1, width)]


def cells_named(cells: list[tuple[int, int]], columns: list[str]) -> str:
    """Return how a warning names the formula *cells* (row, column) of a sheet whose columns are named *columns*:
    ``3 cell(s) in 2 row(s) (column(s) text: B2, B3, C3)``, the first :data:`_SHOWN` and how many more."""
    from openpyxl.utils import get_column_letter

    rows = len({row for row, _ in cells})
    shown = cut_list([f"{get_column_letter(c)}{r}" for r, c in cells], _SHOWN)
    named = ", ".join(sorted({columns[c - 1] for _, c in cells}, key=columns.index))
    return f"{len(cells):,} cell(s) in {rows:,} row(s) (column(s) {named}: {shown})"


def warn_uncached(path: object, ws: Any, first: int, last: int, columns: list[str], said: set[str]) -> None:
    """Warn (:class:`DataWarning`) about the cells of rows *first* to *last* of the read-only sheet *ws* (read for
    its values; *columns* are its columns' names) that hold a formula and no computed value, which were read as
    empty cells, naming them and their rows, and saying how to have them computed; nothing if there are none, or
    if the warning is among those *said* by the reader already (its rows read again: a batch run's schema scan)."""

    if last < first or not _has_uncached(ws):
        return
    cells = list(formula_cells(ws, first, last, len(columns)))
    if not cells:
        return
    message = (
        f"{path}: sheet {ws.title!r}: {cells_named(cells, columns)} hold a "
        "formula but no value computed for it, as a workbook written by a program (openpyxl, pandas) and never "
        "opened in Excel does; they were read as empty cells: open the workbook in Excel (or LibreOffice) and save "
        "it, or export the sheet as CSV from there, and run again"
    )
    if message not in said:
        said.add(message)
        warn_user(message, DataWarning)
