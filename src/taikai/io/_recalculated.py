"""Find the formulas of an xlsx sheet whose saved values the workbook itself says are to be computed again.

xlsxwriter (which pandas' ``to_excel`` uses when it is installed) saves each formula with ``0`` as its value and
marks the workbook ``<calcPr fullCalcOnLoad="1"/>``, for Excel to compute every formula when it opens it; a text
starting with ``=`` (a review) is saved as such a formula. Read for its values, the cell is the ``0``, which would
make a row ``not text: a value of type int`` with no word of the formula. In such a workbook (:func:`recalculated`),
:class:`FormulaMarks` marks, row by row as they are read, the number of each cell that holds a formula and a value
(:func:`taikai._formula_value.formula_value`: the text check then says the cell held a formula), and
:func:`warn_recalculated` names the cells, as :mod:`taikai.io._uncached_formulas` names those with no value at all
(openpyxl's, read as empty: a workbook may hold both, each said once). In row 1, such a cell would name its column
with the number saved (``0``): the reader refuses the sheet (:func:`header_formulas`), naming the cells.

A workbook Excel or LibreOffice saved holds the values it computed, and no such mark: nothing is parsed again. Nor is
a sheet of such a workbook with no formula (searched first as bytes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from taikai._formula_value import formula_value
from taikai._warn import warn_user
from taikai.errors import DataWarning
from taikai.io._uncached_formulas import cells_named, formula_cells, sheet_holds, uncached_header

_CALC = re.compile(rb"<(?:\w+:)?calcPr\s([^>]*)>")
_FULL = re.compile(rb'\bfullCalcOnLoad\s*=\s*["\'](?:1|true)["\']')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")
_NEVER_COMPUTED = (
    "hold a formula whose value was never computed: the workbook asks Excel to compute it when it opens it "
    "(fullCalcOnLoad), as one written by xlsxwriter (pandas' to_excel uses it when installed) and never opened in "
    "Excel does"
)
"""What the cells of a formula with a value saved for Excel to compute are, in the warning and the header's refusal."""
_REWRITE = (
    "write the workbook again with engine_kwargs={'options': {'strings_to_formulas': False}} (pandas' xlsxwriter), "
    "or as CSV; for a formula, open the workbook in Excel (or LibreOffice) and save it"
)
"""What to do about them (a text starting with = is saved so; a formula is computed once Excel saves it)."""


def recalculated(wb: Any) -> bool:
    """Return whether the read-only workbook *wb* asks to have its formulas computed when opened (``fullCalcOnLoad``;
    openpyxl reads a ``calcPr`` without it as with it, so the part is read here); ``False`` if it cannot be read."""
    archive = getattr(wb, "_archive", None)
    if archive is None:
        return False
    try:
        from openpyxl.packaging.manifest import Manifest
        from openpyxl.reader.excel import _find_workbook_part
        from openpyxl.xml.constants import ARC_CONTENT_TYPES
        from openpyxl.xml.functions import fromstring

        manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
        xml = archive.read(_find_workbook_part(manifest).PartName[1:])
    except Exception:  # openpyxl opened it: a part it did without is no formula's
        return False
    calc = _CALC.search(xml)
    return bool(calc and _FULL.search(calc[1]))


def header_formulas(ws: Any, header: tuple[Any, ...], recalc: bool) -> str:
    """Return what is wrong with the formulas of row 1 (read as *header*) of the read-only sheet *ws* and what to
    do, ``""`` if nothing: a formula with no value saved leaves its column with no name; in a workbook that asks to
    compute its formulas on opening (*recalc*: :func:`recalculated`), a formula's saved value (xlsxwriter's ``0``,
    as a column name starting with ``=`` is saved) would name its column, and is no name."""
    from openpyxl.utils import get_column_letter

    cells = uncached_header(ws, len(header)) if None in header else []
    if cells:
        return (
            f"row 1's cell(s) {', '.join(cells)} hold a formula but no value saved for it, as a workbook written by "
            "a program (openpyxl, pandas) and never opened in Excel does, so their column(s) have no name: open the "
            "workbook in Excel (or LibreOffice) and save it, or type the column name(s) in place of the formula(s)"
        )
    if not recalc or getattr(ws, "_get_source", None) is None:
        return ""
    computed = [
        f"{get_column_letter(c)}{r} (read as {header[c - 1]!r})" for r, c in formula_cells(ws, 1, 1, len(header), True)
    ]
    if not computed:
        return ""
    return (
        f"row 1's cell(s) {', '.join(computed)} {_NEVER_COMPUTED}, so what was read is the value saved in its place, "
        f"not a column name. A column name starting with = is saved so: {_REWRITE}, or type the column name(s) in "
        "place of the formula(s)"
    )


def _has_formula(ws: Any) -> bool:
    """Return whether the XML of the read-only sheet *ws* holds a formula element (``True`` if it cannot be read)."""
    return sheet_holds(ws, _FORMULA, 8)


class FormulaMarks:
    """The cells of the read-only sheet *ws*, from row *first* on, columns 1 to *width*, that hold a formula and a
    value saved for it, met in step with the rows read (:meth:`mark`); :meth:`close` when done. Nothing is parsed
    unless the workbook is :func:`recalculated` (*recalc*) and the sheet holds a formula."""

    def __init__(self, ws: Any, first: int, width: int, recalc: bool):
        on = recalc and getattr(ws, "_get_source", None) is not None and _has_formula(ws)
        self._cells: Iterator[tuple[int, int]] = formula_cells(ws, first, None, width, cached=True) if on else iter(())
        self._next = next(self._cells, None)
        self.marked: list[tuple[int, int]] = []
        """(row, column) of each cell marked, in order."""

    def mark(self, line: int, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """Return the *values* of row *line* with the number of each such cell marked (``formula_value``)."""
        while self._next is not None and self._next[0] < line:
            self._next = next(self._cells, None)
        if self._next is None or self._next[0] != line:
            return values
        out = list(values)
        while self._next is not None and self._next[0] == line:
            column = self._next[1]
            if column <= len(out):
                out[column - 1] = formula_value(out[column - 1])
                self.marked.append(self._next)
            self._next = next(self._cells, None)
        return tuple(out)

    def close(self) -> None:
        """Stop parsing the sheet (its part is closed)."""
        close = getattr(self._cells, "close", None)
        if close is not None:
            close()


def warn_recalculated(
    path: object, sheet: str, columns: list[str], cells: list[tuple[int, int]], said: set[str]
) -> None:
    """Warn (:class:`DataWarning`) about the *cells* (row, column) of sheet *sheet* (*columns*: its columns' names)
    that hold a formula whose value the workbook left to be computed, naming them and saying what to do; nothing if
    there are none, or if the warning is among those *said* by the reader already (a batch run's schema scan)."""

    if not cells:
        return
    message = (
        f"{path}: sheet {sheet!r}: {cells_named(cells, columns)} {_NEVER_COMPUTED}, and what was read is the value "
        "saved in its place (0 from xlsxwriter), not what Excel would show. A text starting with = (a review) is "
        f"saved so: {_REWRITE}, or export the sheet as CSV from there, and run again"
    )
    if message not in said:
        said.add(message)
        warn_user(message, DataWarning)
