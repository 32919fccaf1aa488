"""Assemble Parquet and xlsx outputs from the Arrow chunk files a batch run saved."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taikai.io._excel_numbers import as_texts, long_integer_columns
from taikai.io._file_argument import FileKind, check_file
from taikai.io._formula_cells import EXCEL_MAX_CELL
from taikai.io._pandas_types import with_pandas_types
from taikai.io._parquet_reader import is_bytes, utf8_text
from taikai.io._xlsx_line_breaks import keep_carriage_returns

XLSX_MAX_ROWS = 1_048_576
"""Rows in one Excel sheet, the header included."""
XLSX_MAX_COLUMNS = 16_384
"""Columns in one Excel sheet (A to XFD)."""
XLSX_MAX_CELL = EXCEL_MAX_CELL
"""Characters in one Excel cell; a longer text is cut to this (as openpyxl does, counting code points)."""
XLSX_LOST = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""The control characters an xlsx cell cannot hold (openpyxl's ``ILLEGAL_CHARACTERS_RE``), which :func:`excel_value`
removes: a text read back from a sheet (a filled ``taikai suggest`` sheet) has lost them, ``str.translate`` table."""
PARQUET_ROW_GROUP = 65_536
"""Rows in each row group of a Parquet output (the last holds the rest): fixed, so that ``--chunk-size`` does not
change the file, and few groups in a large file, read by any tool without holding more than one in memory."""
MAX_CUT_ROWS = 10
"""How many of the rows with a cut cell are named."""


@dataclass
class CellLosses:
    """What an xlsx output could not hold: characters removed, and cells cut to :data:`XLSX_MAX_CELL`."""

    removed: int = 0
    """Characters Excel cannot store (control characters), removed."""
    cut: int = 0
    """Cells longer than :data:`XLSX_MAX_CELL` characters, cut to it."""
    cut_rows: list[int] = field(default_factory=list)
    """The first :data:`MAX_CUT_ROWS` output rows (1 = the first row under the header) holding a cut cell."""
    cut_rows_total: int = 0
    """How many output rows hold a cut cell."""


def read_part(path: Path) -> Any:
    """Return the Arrow table of one chunk file."""
    import pyarrow as pa

    check_file("path", path, FileKind.PART)

    with pa.ipc.open_stream(pa.memory_map(str(path))) as reader:
        return reader.read_all()


def write_parquet(parts: list[Path], schema: Any, out: Path, nulls: Collection[str] = ()) -> CellLosses:
    """Write the chunk files into one Parquet file in row groups of :data:`PARQUET_ROW_GROUP` rows (the last fewer),
    however many rows each chunk holds; return no losses (it holds all). The NaN of the float columns *nulls* (the
    model's probabilities, which a row not classified has none of) are written as null, as CSV leaves them empty
    and JSONL writes null; the chunk files keep their NaN, so a run resumed from chunks saved before is the same.
    The file names the pandas type of each column (:func:`with_pandas_types`: *schema*'s own, a Parquet input's), so
    that ``pd.read_parquet`` reads an id 1 of a column with a missing id as 1, not 1.0."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    held: list[Any] = []
    rows = groups = 0
    with pq.ParquetWriter(out, with_pandas_types(schema)) as writer:
        for part in parts:
            held.append(_with_nulls(read_part(part), nulls))
            rows += held[-1].num_rows
            while rows >= PARQUET_ROW_GROUP:
                table = pa.concat_tables(held)
                writer.write_table(table.slice(0, PARQUET_ROW_GROUP), row_group_size=PARQUET_ROW_GROUP)
                held, rows, groups = [table.slice(PARQUET_ROW_GROUP)], rows - PARQUET_ROW_GROUP, groups + 1
        if held and (rows or not groups):  # an output of no rows has one empty row group, with its schema
            writer.write_table(pa.concat_tables(held), row_group_size=max(1, rows))
    return CellLosses()


def _with_nulls(table: Any, nulls: Collection[str]) -> Any:
    """Return *table* with the NaN of its float columns *nulls* made null."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for j, f in enumerate(table.schema):
        if f.name in nulls and pa.types.is_floating(f.type):
            column = table.column(j)
            table = table.set_column(j, f, pc.if_else(pc.is_nan(column), pa.scalar(None, f.type), column))
    return table


def excel_value(value: Any) -> tuple[Any, int]:
    """Return *value* as an xlsx cell can hold it, and how many characters Excel cannot store were removed.

    Control characters are dropped, NaN becomes an empty cell, lists and dicts their JSON text, and a date and time
    with a time zone (a Parquet ``timestamp[tz=…]``), or any value openpyxl has no cell for (bytes, a UUID), which
    Excel cannot hold, its text as CSV writes it: openpyxl would stop the output with an empty ``ValueError``.
    """
    import datetime
    import json

    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, KNOWN_TYPES

    if isinstance(value, str):
        fixed, n = ILLEGAL_CHARACTERS_RE.subn("", value)
        return fixed, n
    if isinstance(value, float) and value != value:
        return None, 0
    if isinstance(value, (list, dict)):  # their JSON, as CSV and JSONL output write them
        return json.dumps(value, ensure_ascii=False, default=str), 0
    if isinstance(value, (datetime.datetime, datetime.time)) and value.tzinfo is not None:
        return str(value), 0
    if isinstance(value, KNOWN_TYPES) and not isinstance(value, bytes):
        return value, 0
    return str(value), 0  # bytes of no UTF-8 text (write_xlsx decodes the rest), a UUID: as CSV writes them


class ExcelCells:
    """Turn values into xlsx cells with :func:`excel_value`, counting what was lost in ``losses``.

    A text longer than :data:`XLSX_MAX_CELL` is cut to it; :meth:`row` notes the rows that held one. Given the
    *sheet* the cells go to, a text that starts with ``=`` is written as text, not as a formula: openpyxl writes
    it as a formula otherwise, which Excel computes or calls broken and which reads back empty (the text lost).
    """

    def __init__(self, sheet: Any = None) -> None:
        self.losses = CellLosses()
        self.sheet = sheet
        self.returns = False
        """Whether a text held a CR, which the workbook keeps when written again (:func:`keep_carriage_returns`)."""

    @property
    def removed(self) -> int:
        """Characters removed so far."""
        return self.losses.removed

    def __call__(self, value: Any) -> Any:
        fixed, n = excel_value(value)
        self.losses.removed += n
        self.returns = self.returns or (isinstance(fixed, str) and "\r" in fixed)
        if isinstance(fixed, str) and len(fixed) > XLSX_MAX_CELL:
            self.losses.cut += 1
            fixed = fixed[:XLSX_MAX_CELL]
        if isinstance(fixed, str) and fixed.startswith("=") and self.sheet is not None:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(self.sheet, fixed)
            cell.data_type = "s"  # openpyxl takes any "=…" text for a formula
            return cell
        return fixed

    def row(self, values: Iterable[Any], number: int) -> list[Any]:
        """Return output row *number*'s cells, noting the row if a cell of it was cut."""
        before = self.losses.cut
        cells = [self(v) for v in values]
        if self.losses.cut > before:
            self.losses.cut_rows_total += 1
            if len(self.losses.cut_rows) < MAX_CUT_ROWS:
                self.losses.cut_rows.append(number)
        return cells


def write_xlsx(parts: list[Path], schema: Any, out: Path) -> CellLosses:
    """Write the chunk files into one xlsx sheet; return what Excel cannot hold: characters removed, cells cut. An
    integer column holding a number longer than Excel keeps is written as text (:mod:`taikai.io._excel_numbers`);
    a column of bytes as the text they hold in UTF-8 (as the engines read it), else as CSV writes them."""
    import pyarrow as pa
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("taikai")
    clean = ExcelCells(ws)
    ws.append([clean(name) for name in schema.names])
    number = 0
    integers = any(pa.types.is_integer(f.type) for f in schema)
    long = long_integer_columns(read_part(part) for part in parts) if integers else set()
    texts = {j for j, f in enumerate(schema) if is_bytes(f.type)}
    for part in parts:
        table = read_part(part)
        columns = [table.column(j).to_pylist() for j in range(table.num_columns)]
        columns = [[utf8_text(v) for v in values] if j in texts else values for j, values in enumerate(columns)]
        columns = [as_texts(values) if j in long else values for j, values in enumerate(columns)]
        for row in _transpose_rows(columns):
            number += 1
            ws.append(clean.row(row, number))
    wb.save(out)
    if clean.returns:  # a Windows line break in a text: kept as such, not read back as a bare LF
        keep_carriage_returns(out)
    return clean.losses


def _transpose_rows(columns: list[list[Any]]) -> Iterator[tuple[Any, ...]]:
    return zip(*columns, strict=True) if columns else iter(())
