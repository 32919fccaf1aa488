"""What one xlsx sheet holds, checked for a local run that writes xlsx: its columns before the run, its rows before
the run when the input says how many it has (a table), else as the chunks come."""

from __future__ import annotations

from pathlib import Path

import taikai.io as tio
from taikai.errors import InputError


def _sheet_rows() -> int:
    """Return the rows of an xlsx sheet below its header (read at each check, as :data:`taikai.io.XLSX_MAX_ROWS`
    is then)."""
    return tio.XLSX_MAX_ROWS - 1


def check_xlsx_columns(input: Path, columns: int, ours: int) -> None:
    """Refuse an xlsx output of the *input*'s *columns* and the model's *ours* when one sheet cannot hold them."""
    width = columns + ours
    if width > tio.XLSX_MAX_COLUMNS:
        raise InputError(
            f"{input}: {columns:,} columns and the model's {ours} make {width:,}, "
            f"more than one xlsx sheet holds ({tio.XLSX_MAX_COLUMNS:,}); write CSV, JSONL or Parquet output "
            "instead (nothing was written)"
        )


def check_xlsx_rows(input: Path, rows: int) -> None:
    """Refuse an xlsx output of the *rows* a table *input* has (or ``--limit``'s first N) beyond a sheet's."""
    if rows > _sheet_rows():
        raise InputError(
            f"{input}: {rows:,} rows do not fit in one xlsx sheet ({_sheet_rows():,} at most); "
            "write CSV or Parquet output instead"
        )


def check_xlsx_more_rows(input: Path, rows: int) -> None:
    """Refuse an xlsx output once the *rows* read so far (a chunk's included) are more than a sheet's."""
    if rows > _sheet_rows():
        raise InputError(
            f"{input}: more than {_sheet_rows():,} rows do not fit in one xlsx sheet; "
            "write CSV or Parquet output instead (nothing was written)"
        )
