"""Lines spreadsheets and BI tools add to a CSV or TSV export: Excel's ``sep=,`` line before the header, and the
header again mid-file where two exports were joined into one (``cat a.csv b.csv``; an xlsx sheet's row too)."""

from __future__ import annotations

import re
from pathlib import Path

from taikai.errors import InputError
from taikai.io._decoded_lines import raw_lines
from taikai.io._line_problems import LineProblem

_SEPARATOR = re.compile(rb"sep=([^\r\n])(?:\r\n|\r|\n)?", re.IGNORECASE)
"""Excel's first line naming a CSV file's delimiter (``sep=,``), which Excel reads and does not show."""
_FORMATS = {",": "csv", "\t": "tsv"}


def repeated_header(line: int) -> str:
    """Return what is wrong with a CSV/TSV line repeating the header, which is file line *line* (2 below Excel's
    ``sep=,`` line)."""
    return LineProblem.REPEATED_HEADER.message(line=line)


REPEATED_HEADER_ROW = LineProblem.REPEATED_HEADER_ROW.message()


def repeated_header_record(row: int | None = None) -> str:
    """Return what is wrong with a record repeating the column names in a file of a table written from a frame:
    a Parquet file's data row *row* (1-based), or a JSONL line (*row* ``None``) whose values are its keys. Two
    exports joined, then read with their second header as a row, and written so."""
    if row is None:
        return LineProblem.REPEATED_HEADER_OBJECT.message()
    return LineProblem.REPEATED_HEADER_RECORD.message(row=f"{row:,}")


def separator_line(path: Path, start: int, delimiter: str) -> tuple[int, int]:
    """Return the byte offset and line number of *path*'s header, which starts at byte *start* (past a BOM) unless
    Excel's ``sep=,`` line (``sep=\t`` in a TSV file), naming the delimiter for Excel, comes first: then the line
    after it. A ``sep=`` line naming another delimiter than *delimiter* is refused, naming the format that reads it
    or what to save the file as."""
    with open(path, "rb") as f:
        f.seek(start)
        first = next(raw_lines(f, 16), b"")
    named = _SEPARATOR.fullmatch(first)
    if named is None:
        return start, 0
    sep = named.group(1).decode("latin-1")
    if sep == delimiter:
        return start + len(first), 1
    other = _FORMATS.get(sep)
    how = (
        f"read it with input_format='{other}' (--input-format {other} on the command line)"
        if other
        else "taikai reads comma (CSV) and tab (TSV) separated files: save it from Excel as CSV UTF-8"
    )
    said = first.decode("latin-1").rstrip("\r\n")
    raise InputError(f"{path}:1: the line {said!r} says the fields are separated by {sep!r}, not {delimiter!r}: {how}")
