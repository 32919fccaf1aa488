"""Open an xlsx workbook read-only, whatever its name, saying what a file that is none is and what to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from taikai.errors import InputError
from taikai.io._sheet_cells import LOCK_FILE, lock_file_error
from taikai.io._sniff import is_old_excel, old_excel_error, spreadsheet_error

_RESAVE = "save it again from Excel as an .xlsx workbook, or export the sheet as CSV"


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
