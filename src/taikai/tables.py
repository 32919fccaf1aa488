"""Read Parquet and xlsx inputs in chunks, and assemble Parquet and xlsx outputs from Arrow chunk files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from taikai.errors import InputError
from taikai.formats import BadLine, Chunk, _check_columns, _check_path, _transpose

XLSX_MAX_ROWS = 1_048_576
"""Rows in one Excel sheet, the header included."""


class ParquetReader:
    """Read a Parquet file batch by batch; its schema is kept for Parquet output."""

    def __init__(self, path: Path):
        _check_path(path)
        self.path = path
        try:
            self.file = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc
        self.schema = self.file.schema_arrow
        self.columns = _check_columns(path, list(self.schema.names))
        self.total = self.file.metadata.num_rows

    def chunks(self, chunk_size: int, position: dict | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows, skipping the rows a saved *position* has done."""
        skip = done = position["records"] if position else 0
        for batch in self.file.iter_batches(batch_size=chunk_size):
            if skip >= batch.num_rows:
                skip -= batch.num_rows
                continue
            batch, skip = batch.slice(skip), 0
            done += batch.num_rows
            data = [batch.column(j).to_pylist() for j in range(batch.num_columns)]
            yield Chunk(data, batch.num_rows, position={"records": done, "done": done})


class XlsxReader:
    """Read one sheet of an xlsx workbook (the first, or ``sheet`` by name or 1-based number); row 1 names columns."""

    schema = None

    def __init__(self, path: Path, sheet: str | None = None):
        _check_path(path)
        self.path, self.sheet = path, sheet
        wb, ws = self._open()
        try:
            self.total = (ws.max_row or 1) - 1 if ws.max_row else None
            ws.reset_dimensions()
            header = next(ws.iter_rows(values_only=True), None)
        finally:
            wb.close()
        header = list(header or ())
        while header and header[-1] is None:
            header.pop()
        if not header:
            raise InputError(f"{path}: sheet {ws.title!r} is empty; row 1 must name the columns")
        empty = [j + 1 for j, v in enumerate(header) if v is None]
        if empty:
            raise InputError(f"{path}: sheet {ws.title!r}: row 1 has no column name in column(s) {empty}; name them")
        self.columns = _check_columns(path, [str(v) for v in header])

    def _open(self):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
            raise InputError(f"{self.path}: not a readable xlsx workbook ({type(exc).__name__}: {exc})") from exc
        if self.sheet is None:
            return wb, wb.worksheets[0]
        if self.sheet in wb.sheetnames:
            return wb, wb[self.sheet]
        if self.sheet.isdigit() and 1 <= int(self.sheet) <= len(wb.sheetnames):
            return wb, wb.worksheets[int(self.sheet) - 1]
        wb.close()
        raise InputError(f"{self.path}: no sheet {self.sheet!r}; the sheets are {wb.sheetnames}")

    def chunks(self, chunk_size: int, position: dict | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows; an empty row is counted as blank, cells past the header are bad."""
        width = len(self.columns)
        line = position["line"] if position else 1
        done = position["done"] if position else 0
        wb, ws = self._open()
        ws.reset_dimensions()
        try:
            rows: list = []
            bad: list[BadLine] = []
            blank = 0
            for values in ws.iter_rows(min_row=line + 1, values_only=True):
                line += 1
                done += 1
                if len(values) > width and any(v is not None for v in values[width:]):
                    raw = "\t".join("" if v is None else str(v) for v in values)
                    bad.append(BadLine(line, f"cells beyond the {width} named columns", raw))
                elif all(v is None for v in values):
                    blank += 1
                else:
                    rows.append(tuple(values[:width]) + (None,) * (width - len(values)))
                if len(rows) == chunk_size:
                    yield Chunk(_transpose(rows, width), len(rows), bad, blank, {"line": line, "done": done})
                    rows, bad, blank = [], [], 0
            if rows or bad or blank:
                yield Chunk(_transpose(rows, width), len(rows), bad, blank, {"line": line, "done": done})
        finally:
            wb.close()


def read_part(path: Path) -> pa.Table:
    """Return the Arrow table of one chunk file."""
    with pa.ipc.open_stream(pa.memory_map(str(path))) as reader:
        return reader.read_all()


def write_parquet(parts: list[Path], schema: pa.Schema, out: Path) -> int:
    """Write the chunk files into one Parquet file, one row group per chunk; return 0 (nothing replaced)."""
    with pq.ParquetWriter(out, schema) as writer:
        for part in parts:
            table = read_part(part)
            writer.write_table(table, row_group_size=max(1, table.num_rows))
    return 0


def write_xlsx(parts: list[Path], schema: pa.Schema, out: Path) -> int:
    """Write the chunk files into one xlsx sheet; return the number of characters Excel cannot hold, removed."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    removed = 0

    def clean(value):
        nonlocal removed
        if isinstance(value, str):
            fixed, n = ILLEGAL_CHARACTERS_RE.subn("", value)
            removed += n
            return fixed
        if isinstance(value, float) and value != value:
            return None
        if isinstance(value, (list, dict)):
            return str(value)
        return value

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("taikai")
    ws.append([clean(name) for name in schema.names])
    for part in parts:
        table = read_part(part)
        columns = [table.column(j).to_pylist() for j in range(table.num_columns)]
        for row in _transpose_rows(columns):
            ws.append([clean(v) for v in row])
    wb.save(out)
    return removed


def _transpose_rows(columns: list[list]):
    return zip(*columns, strict=True) if columns else iter(())
