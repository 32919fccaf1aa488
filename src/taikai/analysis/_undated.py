"""The warning of the report's tables (:func:`taikai.analysis.reasons_over_time`, ``sentiment_over_time``) for the
classified rows left out of the periods for want of a date, the cells that hold no date named by data row as
``taikai drift`` names them (:class:`taikai.io.DateNotes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from taikai.errors import DATE_COLUMN
from taikai.io import DateNotes

if TYPE_CHECKING:
    import pandas as pd

BLANK, UNREAD, AT = "__taikai_blank_date__", "__taikai_unread_date__", "__taikai_data_row__"
"""The columns the tables add to the classified rows: a blank date cell, a value that reads as no date, the row's
position (its data row from 0)."""
UNDATED = "classified row(s) have no date"


def undated_warning(rows: pd.DataFrame, values: pd.Series, where: str, column: str) -> str | None:
    """The warning for the classified *rows* (with the columns above) left out of the periods for want of a date,
    whose date column *column* (of *where*) holds *values*; ``None`` when every one has a date."""
    cells = _unread_cells(values, rows) if rows[UNREAD].any() else ""
    return _warning(int(rows[BLANK].sum()), int(rows[UNREAD].sum()), where, column, cells)


def _warning(blank: int, unread: int, where: str, column: str, cells: str) -> str | None:
    """The warning for the classified rows left out of the periods for want of a date (blank, or not a date), the
    first of the cells that hold no date named by *cells* (:meth:`taikai.io.DateNotes.unread_cells`)."""
    if not blank and not unread:
        return None
    kinds = [f"{blank:,} blank" if blank else "", f"{unread:,} holding no date that can be read" if unread else ""]
    named = f"{cells}; " if cells else ""
    check = f"; check those cells ({named}a date reads as 2026-03-14, 2026/03/14 or 2026年3月14日)" if unread else ""
    return (
        f"{where}: {DATE_COLUMN.given(column)}: {blank + unread:,} {UNDATED} ({', '.join(k for k in kinds if k)}) "
        f"and are left out of the periods{check}"
    )


def _unread_cells(values: pd.Series, rows: pd.DataFrame) -> str:
    """The first cells of the date column *values* that hold no date that can be read, of the classified *rows*,
    named by data row as ``taikai drift`` names them (:class:`taikai.io.DateNotes`)."""
    left = np.zeros(len(values), dtype=bool)
    left[rows.loc[rows[UNREAD], AT].to_numpy(dtype=int)] = True
    return DateNotes.of(values.tolist(), read=(~left).tolist()).unread_cells()
