"""Tell the format of a file, and open the one reader for it: the only way taikai reads a data file."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import InputError
from taikai.io._records import Reader

FORMATS = ("csv", "tsv", "jsonl", "parquet", "xlsx")
TEXT_FORMATS = ("csv", "tsv", "jsonl")
"""Formats read line by line, in an encoding."""
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}


def format_of(path: Path, given: str | None = None, option: str = "--input-format") -> str:
    """Return the format named by *given*, or the one *path*'s extension says, or raise :class:`InputError`."""
    if given:
        if given.lower() not in FORMATS:
            raise InputError(f"unknown format {given!r}; choose one of {', '.join(FORMATS)}")
        return given.lower()
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise InputError(
            f"{path}: cannot tell the format from the extension {Path(path).suffix!r}; "
            f"pass {option} {'|'.join(FORMATS)}"
        )
    return found


def check_output_dir(path: Path, option: str = "") -> None:
    """Raise :class:`InputError` unless the folder that is to hold the file *path* exists (before any work)."""
    path = Path(path)
    parent = path.parent
    named = f"{option} {path}" if option else str(path)
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise InputError(f"{named}: the folder {parent} {what}; create it first, or write somewhere else")
    if path.is_dir():
        raise InputError(f"{named}: is a folder; give a file name")


def open_reader(
    path: Path,
    fmt: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    encoding_errors: str = "strict",
) -> Reader:
    """Return the reader of *path* in format *fmt* (default: from its extension).

    *encoding_errors* (``strict`` or ``replace``) applies to the text formats: see :data:`ENCODING_ERRORS`.
    """
    path = Path(path)
    fmt = format_of(path, fmt)
    if sheet and fmt != "xlsx":
        raise InputError(f"--sheet applies to xlsx input, not to {fmt}")
    if fmt in ("csv", "tsv"):
        from taikai.io._text_readers import CsvReader

        return CsvReader(path, encoding, "\t" if fmt == "tsv" else ",", encoding_errors)
    if fmt == "jsonl":
        from taikai.io._text_readers import JsonlReader

        return JsonlReader(path, encoding, encoding_errors)
    if encoding:
        raise InputError(f"--encoding applies to CSV, TSV and JSONL input, not to {fmt}")
    from taikai.io._table_readers import ParquetReader, XlsxReader

    return ParquetReader(path) if fmt == "parquet" else XlsxReader(path, sheet)
