"""Assemble Parquet and xlsx outputs from the Arrow chunk files a batch run saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

XLSX_MAX_ROWS = 1_048_576
"""Rows in one Excel sheet, the header included."""
XLSX_MAX_COLUMNS = 16_384
"""Columns in one Excel sheet (A to XFD)."""


def read_part(path: Path) -> Any:
    """Return the Arrow table of one chunk file."""
    import pyarrow as pa

    with pa.ipc.open_stream(pa.memory_map(str(path))) as reader:
        return reader.read_all()


def write_parquet(parts: list[Path], schema: Any, out: Path) -> int:
    """Write the chunk files into one Parquet file, one row group per chunk; return 0 (nothing replaced)."""
    import pyarrow.parquet as pq

    with pq.ParquetWriter(out, schema) as writer:
        for part in parts:
            table = read_part(part)
            writer.write_table(table, row_group_size=max(1, table.num_rows))
    return 0


def excel_value(value: Any) -> tuple[Any, int]:
    """Return *value* as an xlsx cell can hold it, and how many characters Excel cannot store were removed.

    Control characters are dropped, NaN becomes an empty cell, lists and dicts their text.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        fixed, n = ILLEGAL_CHARACTERS_RE.subn("", value)
        return fixed, n
    if isinstance(value, float) and value != value:
        return None, 0
    if isinstance(value, (list, dict)):
        return str(value), 0
    return value, 0


class ExcelCells:
    """Turn values into xlsx cells with :func:`excel_value`, counting the removed characters in ``removed``."""

    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, value: Any) -> Any:
        fixed, n = excel_value(value)
        self.removed += n
        return fixed


def write_xlsx(parts: list[Path], schema: Any, out: Path) -> int:
    """Write the chunk files into one xlsx sheet; return the number of characters Excel cannot hold, removed."""
    from openpyxl import Workbook

    clean = ExcelCells()

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("taikai")
    ws.append([clean(name) for name in schema.names])
    for part in parts:
        table = read_part(part)
        columns = [table.column(j).to_pylist() for j in range(table.num_columns)]
        for row in _transpose_rows(columns):
            ws.append([clean(v) for v in row])
    wb.save(out)
    return clean.removed


def _transpose_rows(columns: list[list[Any]]) -> Iterator[tuple[Any, ...]]:
    return zip(*columns, strict=True) if columns else iter(())
