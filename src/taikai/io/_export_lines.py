"""Lines spreadsheets and BI tools add to a CSV or TSV export: Excel's ``sep=,`` line before the header, and the
header again mid-file where two exports were joined into one (``cat a.csv b.csv``; an xlsx sheet's row too)."""

from __future__ import annotations

import re
from collections.abc import Sequence
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


class HeaderRepeats:
    """The check :func:`repeats_header` of every record of one table against its header *columns*, with the
    header's names worked out once: a reader asks it of every record, and a record of texts none of which is a
    name once stripped (nor starts with a BOM) is answered without the full check, as most are; one holding other
    values (an xlsx row's numbers and empty cells) gets the full check."""

    def __init__(self, columns: Sequence[object]) -> None:
        self.columns = columns
        names = [str(c) for c in columns]
        self._known = frozenset(names + [n.strip() for n in names])  # a name padded with spaces, stripped too

    def __call__(self, fields: Sequence[object]) -> bool:
        """Whether the record *fields* is the header again (:func:`repeats_header`)."""
        first = fields[0] if fields else None
        if self._known and not (isinstance(first, str) and first.startswith("\ufeff")):
            try:  # str.strip returns a text with nothing to strip as it is: no copy of a long review
                if self._known.isdisjoint(map(str.strip, fields)):  # type: ignore[arg-type]
                    return False
            except TypeError:  # a cell that is no text: the full check reads it as its str
                pass
        return repeats_header(fields, self.columns)


def repeats_header(fields: Sequence[object], columns: Sequence[object]) -> bool:
    """Whether the record *fields* is the header *columns* again (its first cell after a BOM, as a second export
    joined to the first starts), or the header of a copy of the same table with a column added, left out or moved
    (a labeller's sheet with a comment column of their own, pasted under another's): at least three of its cells
    are names of *columns*, each once, and they are most of the cells it fills. A row holding a column's name in
    a cell or two is a row (a review that reads ``本文``)."""
    cells = ["" if v is None else str(v) for v in fields]
    names = [str(c) for c in columns]
    if cells:
        cells[0] = cells[0].lstrip("\ufeff")
    while cells and not cells[-1] and len(cells) > len(names):  # a sheet's empty cells past the named columns
        cells.pop()
    if cells == names:
        return True
    filled = [c.strip() for c in cells if c.strip()]
    named = [c for c in filled if c in names]
    return len(named) >= _NAMES_OF_A_HEADER and len(set(named)) == len(named) and len(named) > len(filled) / 2


_NAMES_OF_A_HEADER = 3
"""The column names a row must repeat to be read as the header of a copy with other columns (a narrower table's
header is one only when repeated exactly)."""
