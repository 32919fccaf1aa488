"""Open an xlsx workbook read-only, whatever its name, saying what a file that is none is and what to do."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from taikai.errors import InputError
from taikai.io._sheet_cells import LOCK_FILE, lock_file_error
from taikai.io._sniff import is_old_excel, old_excel_error, spreadsheet_error

_RESAVE = "save it again from Excel as an .xlsx workbook, or export the sheet as CSV"

OPENPYXL_UNREAD = (
    r".* extension is not supported and will be removed",  # data validation lists, slicers, sparklines, …
    r"Failed to load a conditional formatting rule",
    r"Workbook contains no (default style|stylesheet)",
    r"DrawingML support is incomplete",
    r"Unable to read chart",
    r"Cannot parse header or footer",
    r"Print area cannot be set",
    r"Defined names for sheet index",
)
"""openpyxl's warnings of what a workbook holds besides its cells' values: taikai reads the values alone and never
writes the workbook back, so nothing "will be removed" from it; said on stderr as Python's two lines (file and source
line) at every read, they were no ``taikai: warning`` a log grep finds, and read as if the file were changed. A
date cell whose value openpyxl cannot read (``Cell C5 is marked as a date …``) is still said."""

_BATCH = 1000
"""Rows read at most under one warning filter (the first batch is one row, for a header, then doubling)."""


@contextmanager
def unread_parts_quiet() -> Iterator[None]:
    """Ignore, for the block, openpyxl's warnings of the parts of a workbook taikai does not read
    (:data:`OPENPYXL_UNREAD`)."""
    with warnings.catch_warnings():
        for message in OPENPYXL_UNREAD:
            warnings.filterwarnings("ignore", message=message, category=UserWarning, module=r"openpyxl\.")
        yield


def sheet_rows(ws: Any, **where: Any) -> Iterator[tuple[Any, ...]]:
    """Yield the values of the rows of the read-only sheet *ws* (``ws.iter_rows(values_only=True, **where)``), with
    openpyxl's warnings of the parts taikai does not read ignored while it parses them (:data:`OPENPYXL_UNREAD`):
    the filter holds only while openpyxl reads a batch of rows, never while the caller runs between two."""
    rows = ws.iter_rows(values_only=True, **where)
    size = 1
    while True:
        with unread_parts_quiet():
            batch = list(islice(rows, size))
        yield from batch
        if len(batch) < size:
            return
        size = min(2 * size, _BATCH)


def _xlsx_problem(exc: Exception) -> str:
    """Return in words why openpyxl could not open a workbook."""
    import zipfile

    if isinstance(exc, zipfile.BadZipFile):
        return "an xlsx file is a zip archive, and this file is not one: damaged, or another format renamed .xlsx"
    if isinstance(exc, KeyError):
        return f"the part {exc.args[0]!r} of the workbook is missing: the file is damaged"
    return f"the file is damaged or not an xlsx workbook: {exc}"


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """Open the xlsx workbook *path* read-only for the block, whatever its name: openpyxl refuses a path whose
    extension is not one of Excel's, so it is given the open file (``--input-format xlsx`` reads ``wb.csv``).
    A file that is not a workbook is an :class:`InputError` saying what it is and what to do."""
    import openpyxl

    with open(path, "rb") as handle:
        try:
            with unread_parts_quiet():  # a workbook's styles, names and print areas: not read
                wb = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
            if is_old_excel(path):  # openpyxl's own message advises xlrd, which taikai does not use
                raise old_excel_error(path) from None
            if (other := spreadsheet_error(path)) is not None:  # .ods, .xlsb: zip archives, of no xlsx workbook
                raise other from None
            if path.name.startswith(LOCK_FILE):  # Excel's owner file, beside a workbook open in it
                raise InputError(lock_file_error(path)) from None
            raise InputError(f"{path}: not a readable xlsx workbook ({_xlsx_problem(exc)}); {_RESAVE}") from exc
        try:
            yield wb
        finally:
            wb.close()
