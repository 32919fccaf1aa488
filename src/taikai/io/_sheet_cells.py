"""What an xlsx sheet's reader says of its cells, naming them as Excel shows them (column letters, ``F5``): cells past
the named columns, and the names in row 2 under the blank ones of row 1 (a header of two rows); and of Excel's lock
file (``~$reviews.xlsx``), given in place of the workbook open in Excel, or beside a file read while open in it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._cut import cut_list
from taikai._exceptions import DataWarning
from taikai._warn import warn_user
from taikai.io._line_problems import LineProblem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from taikai._column_names import Head


def names_below(head: Head, empty: list[int]) -> str:
    """Return, quoted, the cells of row 2 in the columns *empty* of row 1 when each holds what looks like a column
    name (a short text, not a number): a header of two rows; else ``""``."""
    from taikai._column_names import HEADER_CELL

    row = head.rows[1] if len(head.rows) > 1 else ()
    cells = [row[j - 1].strip() if j <= len(row) else "" for j in empty]
    if not all(cells) or any(len(c) > HEADER_CELL or c.replace(".", "", 1).isdigit() for c in cells):
        return ""
    return ", ".join(map(repr, cells))


_INDEX_LABEL = re.compile(r"\d+|\d{4}-\d\d-\d\d(?: \d\d:\d\d:\d\d(?:\.\d+)?)?")
"""A label of the index pandas' ``df.to_excel(path)`` writes in column A, as the sheet's reader gives it: a whole
number (a frame filtered, sorted or concatenated: 3, 0, 17, …) or a date and time (a ``DatetimeIndex``)."""


def pandas_index(head: Head, empty: list[int]) -> bool:
    """Return whether the one column *empty* of row 1 with no name is column A holding an index's labels down the
    rows below it, whole numbers (0, 1, 2, …, or those a frame filtered or sorted keeps) or dates: the index
    pandas' ``df.to_excel(path)`` writes there by default (``index=True``), which a CSV file's reader reads too
    (``df.to_csv(path)``), as a column named ``""``. A name in row 2 (a header of two rows) is no such label."""
    cells = [row[0].strip() if row else "" for row in head.rows[1:]]
    while cells and not cells[-1]:
        cells.pop()
    return empty == [1] and bool(cells) and all(_INDEX_LABEL.fullmatch(c) for c in cells)


def beyond_named(values: Sequence[object], width: int, row: int) -> str:
    """Say which cells of sheet row *row* (*values*) hold a value past the *width* named columns, by their Excel
    names (``cell(s) F5 beyond the 4 named columns, A to D``), and what to do: name their column in row 1, or
    clear them. A labeller's comments typed beside a sheet, in a column they gave no name, stopped ``train --add``
    at its first such row with no word of what to do."""
    from openpyxl.utils import get_column_letter

    filled = [j for j, v in enumerate(values[width:], width + 1) if v is not None]
    cells = [f"{get_column_letter(j)}{row}" for j in filled]
    letters = [get_column_letter(j) for j in filled]
    named = f"column {letters[0]} a name" if len(letters) == 1 else f"columns {cut_list(letters, 5)} names"
    return LineProblem.UNNAMED_CELLS.message(
        cells=cut_list(cells, 5), width=width, last=get_column_letter(width), named=named
    )


LOCK_FILE = "~$"
"""How the name of the file Excel writes beside a workbook it has open starts (``~$reviews.xlsx``)."""


def lock_file_error(path: Path) -> str:
    """Return what to say of *path*, a file named as Excel's lock file (``~$reviews.xlsx``): it holds the name of
    who has the workbook open, no rows; the workbook is the file named without ``~$``, named when it is there."""
    workbook = path.with_name(path.name.removeprefix(LOCK_FILE))
    there = (
        f"read {workbook} instead (as last saved: save it in Excel first)"
        if workbook.is_file()
        else f"read the workbook itself ({workbook.name}, where it was opened from)"
    )
    return (
        f"{path}: the lock file Excel keeps beside a workbook while it is open (it holds who opened it, no rows): "
        f"{there}"
    )


def say_open_in_excel(path: Path) -> None:
    """Warn (:class:`~taikai.errors.DataWarning`) when Excel's lock file of *path* (``~$reviews.xlsx``, or
    ``~$reviews.csv``: Excel keeps one beside any file it has open) is beside it: the file is open in Excel, and
    is read as last saved, without the edits not saved yet."""
    lock = Path(path).with_name(LOCK_FILE + Path(path).name)
    if Path(path).name.startswith(LOCK_FILE) or not lock.is_file():
        return
    warn_user(
        f"{path}: is open in Excel (its lock file {lock.name} is beside it), and is read as last saved: edits not "
        "saved yet are not read; save it and close it in Excel, then run again (if it is not open, the lock file "
        "was left by Excel closing unexpectedly: delete it)",
        DataWarning,
    )
