"""Read xlsx sheets chunk by chunk (Parquet files: :mod:`taikai.io._parquet_reader`)."""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from taikai._column_names import HEAD_ROWS, Head
from taikai._masked_messages import masks
from taikai._repeated_header import HeaderRepeats
from taikai.errors import SHEET, InputError, as_int, wrong_type
from taikai.io._excel_numbers import warn_imprecise
from taikai.io._export_lines import REPEATED_HEADER_ROW
from taikai.io._json_lines import nested_hint
from taikai.io._line_problems import LineProblem
from taikai.io._parquet_reader import ParquetReader
from taikai.io._recalculated import FormulaMarks, header_formulas, recalculated, warn_recalculated
from taikai.io._records import BadLine, Chunk, Position, check_columns, check_path, transpose
from taikai.io._sheet_cells import beyond_named, names_below, pandas_index
from taikai.io._sheet_layout import Layout, column_warning, layout_warnings, sheet_layout, sheet_warning
from taikai.io._table_totals import total_rows
from taikai.io._uncached_formulas import warn_uncached
from taikai.io._workbook import open_workbook, sheet_rows


def sheet_names(path: Path) -> list[str]:
    """Return the names of the sheets of the xlsx workbook *path*, in order; none if it cannot be read (reading it
    then says why)."""
    try:
        with open_workbook(path) as wb:
            return list(wb.sheetnames)
    except (InputError, OSError):  # the reader reports a damaged workbook, with what to do
        return []


def sheet_argument(sheet: object, default: str = "the first") -> str | None:
    """Return the ``sheet=`` argument of a Python call as ``--sheet`` gives it: a name as it is, a 1-based number
    as its digits (``sheet=2`` is ``--sheet 2``), ``None`` as it is; anything else (a bool, a float) is a
    ``TypeError`` whose message names *default*, the sheet read without one."""
    number = as_int(sheet)  # a numpy integer too, not a bool
    if number is None and not isinstance(sheet, str | None):
        accepted = f"a sheet name or 1-based number (str or int), or None for {default}"
        raise wrong_type(SHEET.current().name, sheet, accepted)
    return None if sheet is None else str(sheet if number is None else number)


class XlsxReader:
    """Read one sheet of an xlsx workbook (the first, or ``sheet`` by name or 1-based number); row 1 names columns.
    With *rows* (``--limit``), only the first *rows* rows will be read: the sheet's hidden rows and merged cells are
    said of the rows read, once read, not of the whole sheet before."""

    schema = None

    def __init__(self, path: Path, sheet: str | int | None = None, rows: int | None = None):
        check_path(path)
        self.path, self.sheet, self.rows = path, sheet_argument(sheet), rows
        self._said: set[str] = set()  # the warnings of formulas with no value given, each once
        self._layout: Layout | None = None  # the sheet's hidden rows and merged cells, scanned on the first read
        self._told: set[object] = set()  # the hidden rows and merged ranges warned of
        self.read: tuple[str, ...] | None = None  # the columns the command reads (None: all): see mark_columns_read
        with self._open() as (wb, ws):
            self.title: str = ws.title
            self.sheets: list[str] = list(wb.sheetnames)
            self._recalc = recalculated(wb)  # xlsxwriter's: each formula saved with 0 for Excel to compute
            self.total: int | None = (ws.max_row or 1) - 1 if ws.max_row else None
            ws.reset_dimensions()
            header = next(sheet_rows(ws), None)
            formulas = header_formulas(ws, header, self._recalc) if header else ""
        if formulas:
            self._refuse_formulas(formulas)
        names = list(header or ())
        while names and names[-1] is None:
            names.pop()
        empty = [j + 1 for j, v in enumerate(names) if v is None]
        if not names or (empty and not pandas_index(self.head(), empty)):  # pandas' index: a column of no name,
            self._refuse_header(empty)  # read as a CSV file's is (df.to_csv(path) writes it so too)
        self.columns = check_columns(path, ["" if v is None else str(v) for v in names])
        self._header = tuple(names)

    def _refuse_formulas(self, problem: str) -> None:
        """Raise :class:`InputError` for the cells of row 1 that hold a formula with no value read for it, which
        would leave their columns with no name (:func:`header_formulas` says which and what to do: *problem*)."""
        of, _ = sheet_read(self)
        where = of.removeprefix(" of ") or f"sheet {self.title!r}"
        raise InputError(f"{self.path}: {where}: {problem}")

    def _refuse_header(self, empty: list[int]) -> None:
        """Raise :class:`InputError` for a row 1 that is blank (*empty* none) or has no name in columns *empty* (but
        pandas' index, read): when a row below is a header's (a title over merged cells above it), say to delete the
        rows above it; a sheet of no rows at all is said to be empty, naming the workbook's sheets (how to read
        another depends on the command: ``--sheet``, or, for an ``--add`` file, the sheet named ``labels``)."""
        from openpyxl.utils import get_column_letter

        of, _ = sheet_read(self)
        where = of.removeprefix(" of ") or f"sheet {self.title!r}"
        head = self.head()
        advice = head.header_below_gaps()
        if empty:
            cause = f"row 1 has no column name in column(s) {', '.join(map(get_column_letter, empty))}"
            # column A alone may be a frame's index pandas wrote (df.to_excel(path)) of labels other than numbers
            # or dates, which are read as it (pandas_index)
            pandas = "; or, if column A is a frame's index pandas wrote, write it with df.to_excel(path, index=False)"
            pandas *= empty == [1]
            if advice:
                raise InputError(f"{self.path}: {where}: {cause}, as a title over merged cells has: {advice}{pandas}")
            below = names_below(head, empty)
            if below:
                raise InputError(
                    f"{self.path}: {where}: {cause}; row 2 has {below} there: the header seems to take two rows; "
                    f"keep one: put every column's name in row 1 and delete row 2{pandas}"
                )
            raise InputError(f"{self.path}: {where}: {cause}; name them{pandas}")
        if advice:
            raise InputError(f"{self.path}: {where}: row 1 is blank: {advice}")
        if any(any(cell.strip() for cell in row) for row in head.rows):
            raise InputError(f"{self.path}: {where}: row 1 is blank; it must name the columns")
        raise InputError(f"{self.path}: {where} is empty; row 1 must name the columns")

    def head(self) -> Head:
        """Return the first rows of the sheet read (:data:`~taikai._column_names.HEAD_ROWS` of them), each as its
        cells' text, an empty cell ``""``."""
        with self._open() as (_, ws):
            ws.reset_dimensions()
            cells = sheet_rows(ws, max_row=HEAD_ROWS)
            return Head(tuple(tuple("" if v is None else str(v) for v in row) for row in cells), "row")

    @contextmanager
    def _open(self) -> Iterator[tuple[Any, Any]]:
        """Open the workbook for the block and yield it with the sheet read."""
        with open_workbook(self.path) as wb:
            yield wb, self._sheet(wb)

    def _sheet(self, wb: Any) -> Any:
        if self.sheet is None:
            return wb.worksheets[0]
        if self.sheet in wb.sheetnames:
            return wb[self.sheet]
        if self.sheet.isdigit() and 1 <= int(self.sheet) <= len(wb.sheetnames):
            return wb.worksheets[int(self.sheet) - 1]
        if len(wb.sheetnames) == 1:
            only = wb.sheetnames[0]
            raise InputError(
                f"{self.path}: no sheet {self.sheet!r}; the workbook's only sheet is {only!r}: give its name, or 1"
            )
        raise InputError(
            f"{self.path}: no sheet {self.sheet!r}; the sheets are {wb.sheetnames}: give one of their names, "
            f"or a number from 1 to {len(wb.sheetnames)}"
        )

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows; an empty row is counted as blank, cells past the header are bad.
        Read from a *position* marked ``past`` (a record past a ``--limit``: :func:`~taikai.io.rows_past`), what the
        rows hold is not warned of: they are not the run's."""
        width = len(self.columns)
        repeats_header = HeaderRepeats(self._header)
        line = position["line"] if position else 1
        done = position["done"] if position else 0
        quiet = bool(position and position.get("past"))
        with self._open() as (wb, ws):
            totals = total_rows(wb, ws)  # an Excel table's total row (合計): no review, not read
            if not quiet and self.rows is None:  # every row from here on is read: said before
                self._warn_layout(ws, line + 1)
            ws.reset_dimensions()
            rows: list[tuple[Any, ...]] = []
            starts: list[int] = []
            bad: list[BadLine] = []
            blank, first, empty = 0, line + 1, 0  # empty: the last row read with an empty cell (a formula's?)
            marks = FormulaMarks(ws, first, width, self._recalc)  # numbers saved for formulas never computed
            try:
                for values in sheet_rows(ws, min_row=line + 1):
                    line += 1
                    values = marks.mark(line, values)
                    done += 1
                    if line in totals:
                        blank += 1
                        self._warn_total(line, totals[line], quiet)
                    elif repeats_header(values):  # two exports pasted into one sheet: no review
                        raw = "\t".join("" if v is None else str(v) for v in values).rstrip("\t")
                        bad.append(BadLine(line, REPEATED_HEADER_ROW, raw, kind=LineProblem.REPEATED_HEADER_ROW))
                    elif len(values) > width and any(v is not None for v in values[width:]):
                        raw = "\t".join("" if v is None else str(v) for v in values)
                        bad.append(
                            BadLine(line, beyond_named(values, width, line), raw, kind=LineProblem.UNNAMED_CELLS)
                        )
                    elif all(v is None for v in values):
                        blank, empty = blank + 1, line
                    else:
                        rows.append(tuple(values[:width]) + (None,) * (width - len(values)))
                        starts.append(line)
                        empty = line if None in values[:width] else empty
                    if len(rows) == chunk_size:
                        warn_imprecise(self.path, self.title, self.columns, rows, starts, self._said)
                        yield Chunk(transpose(rows, width), len(rows), bad, blank, {"line": line, "done": done}, starts)
                        rows, starts, bad, blank = [], [], [], 0
                if rows or bad or blank:
                    warn_imprecise(self.path, self.title, self.columns, rows, starts, self._said)
                    yield Chunk(transpose(rows, width), len(rows), bad, blank, {"line": line, "done": done}, starts)
            except GeneratorExit:  # the rows wanted were read (a limit): say what those held
                if not quiet:
                    self._warn_read(ws, first, line, empty, marks.marked)
                raise
            finally:
                marks.close()
            if not quiet:
                self._warn_read(ws, first, line, empty, marks.marked)

    def _warn_total(self, row: int, table: str, quiet: bool) -> None:
        """Warn once (:class:`DataWarning`) that sheet row *row*, the total row of the Excel table *table*, is not
        read; unless *quiet* (a row past the run's)."""
        from taikai._warn import warn_user
        from taikai.errors import DataWarning

        if not quiet and f"total row {row}" not in self._said:
            self._said.add(f"total row {row}")
            warn_user(
                f"{self.path}: sheet {self.title!r}: row {row} is the total row of {table}, which sums the rows "
                "above it: it is not read as a review (counted as a blank row); turn it off (Table Design > Total "
                "Row) if it holds a review",
                DataWarning,
            )

    def _warn_read(self, ws: Any, first: int, last: int, empty: int, marked: list[tuple[int, int]]) -> None:
        """Warn of what rows *first* to *last*, read, held: formulas with no value saved (up to row *empty*, the
        last row read with an empty cell), the cells *marked* (a value saved for a formula never computed), and
        with :attr:`rows`, hidden rows and merged cells."""
        warn_uncached(self.path, ws, first, empty, self.columns, self._said)
        warn_recalculated(self.path, self.title, self.columns, marked, self._said)
        if self.rows is not None:
            self._warn_layout(ws, first, last)

    def _warn_layout(self, ws: Any, first: int, last: int | None = None) -> None:
        """Warn once (:class:`DataWarning`) of the rows *first* to *last* (``None``: the sheet's last) hidden in
        Excel, of its hidden columns (whichever rows are read) and of merged cells, each once; the sheet's XML is
        scanned for them once, however often it is read (the schema scan, then the rows)."""
        from taikai._warn import warn_user
        from taikai.errors import DataWarning

        if self._layout is None:
            self._layout = sheet_layout(ws)
        where = f"{self.path}: sheet {self.title!r}"
        said = layout_warnings(where, self._layout, first, len(self.columns), last, self._told)
        if Layout not in self._told:  # the hidden columns: said once, whichever rows are read
            self._told.add(Layout)
            said.insert(0, column_warning(where, self._layout, self.columns, self.read))
            said.insert(0, sheet_warning(where, ws) if self.sheet is None else "")  # a hidden sheet read as first
        for message in filter(None, said):
            warn_user(message, DataWarning)


def mark_columns_read(reader: object, names: Iterable[object]) -> None:
    """Tell *reader* which of its columns the command reads (*names*: its text, label, id or date columns; ``None``
    among them is skipped), before it reads its rows: of an xlsx sheet, the columns hidden in Excel are then warned
    of among these only, not those carried along unread; without this call, among all (a whole frame is read). A
    reader of another format has no hidden columns: nothing is kept. (It was ``columns_read``, the name of
    :func:`taikai.model.columns_read`, which returns the columns to read by; the old name reads with a warning.)"""
    if isinstance(reader, XlsxReader):
        reader.read = tuple(str(name) for name in names if name is not None)


def sheet_read(reader: object, wanted: Sequence[object] = ()) -> tuple[str, str]:
    """Return how a message on the columns of *reader* names the sheet read (`` of sheet 'x' (the first; its sheets
    are x, y)``) and what to do to read another (``, or read another sheet with …``; the first other sheet whose
    header holds every column *wanted*, the ones missing, by its name), for a workbook of more than one sheet; for a
    JSONL reader, ``""`` and which column's objects hold a key *wanted* with how to lift it (see
    :func:`taikai.io._json_lines.nested_hint`), if one does; ``("", "")`` for any other reader."""
    if not isinstance(reader, XlsxReader) or len(reader.sheets) < 2:  # a JSONL key inside a column's objects, said
        nested, path = getattr(reader, "nested", None), getattr(reader, "path", None)
        parquet = isinstance(reader, ParquetReader)  # a struct column's field, said so
        return "", nested_hint(path, nested, wanted, parquet=parquet) if nested and isinstance(path, Path) else ""
    why = "the first; " if reader.sheet is None else ""
    of = f" of sheet {reader.title!r} ({why}its sheets are {', '.join(reader.sheets)})"
    named = SHEET.current()
    names = [str(c) for c in wanted]
    for other in (title for title in reader.sheets if title != reader.title and names):
        try:
            columns = XlsxReader(reader.path, other).columns
        except InputError:  # a sheet without a header row holds none of them
            continue
        if all(name in columns for name in names):
            has = " and ".join(map(repr, names))
            given = str(reader.sheets.index(other) + 1) if masks(other) else other  # masked, no name to give
            option = f" ({named.option} {shlex.quote(given)} on the command line)" if named.option else ""
            value = given if given != other else repr(other)
            return of, f"; sheet {other!r} has {has}: read it with {named.name}={value}{option}"
    return of, f", or read another sheet with {named.name}= ({named.option} NAME on the command line)"
