"""Name the blank cells of a column (missing, empty or only spaces) so that no written value is ever named or
counted as they are: the segments of the report and the context columns of its review tables."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MISSING_SEGMENT = "(空欄)"
BLANK_CELLS = "(空欄: 値のないセル)"
"""The name of the blank cells of a column that holds a value written :data:`MISSING_SEGMENT` (as Excel's pivot
tables write ``(blank)``): that value keeps its name and stays a segment of its own."""


def cell_texts(values: pd.Series) -> pd.Series:
    """Return the cells of *values* as text, as pandas writes them (``astype("string")``), but for a column of dates
    with a time zone whose every time is midnight there: its dates, ``2026-01-05``, as pandas writes such a column
    without one (not ``2026-01-05 00:00:00+09:00``); a time is kept with its offset."""
    import pandas as pd

    dtype = values.dtype
    zoned = isinstance(dtype, pd.DatetimeTZDtype) or getattr(getattr(dtype, "pyarrow_dtype", None), "tz", None)
    if zoned:
        local = pd.Series(values.dt.tz_localize(None).to_numpy(dtype="datetime64[ns]"), index=values.index)
        if (local.dropna() == local.dropna().dt.normalize()).all():
            return local.dt.strftime("%Y-%m-%d").astype("string")
    return values.astype("string")


def blank_cells(values: pd.Series) -> pd.Series:
    """Return, per cell of *values*, whether it is blank (missing, empty or only spaces)."""
    return values.isna() | values.astype("string").str.strip().eq("").fillna(True)


def blank_name(values: pd.Series, blank: str = MISSING_SEGMENT, distinct: str = BLANK_CELLS) -> str:
    """Return the name of the blank cells of the column *values*: *blank*, or *distinct* when a cell of *values*
    is written *blank* (stripped), numbered (``(空欄: 値のないセル) 2``) when a cell is written so too: no value of
    the column is ever named as its blanks are, nor counted with them."""
    taken = set(cell_texts(values[~blank_cells(values)]).str.strip())
    if blank not in taken:
        return blank
    name, number = distinct, 2
    while name in taken:
        name, number = f"{distinct} {number}", number + 1
    return name


def blank_as_missing(values: pd.Series, name: str | None = None) -> pd.Series:
    """Return *values* with every blank cell (missing, empty or only spaces) shown as *name* (by default
    :func:`blank_name` of *values*, :data:`MISSING_SEGMENT` unless a value is written so), as
    :func:`segment_breakdown` names the segment of such rows; other values are kept as they are, and so is the
    column's type where it can hold *name* (text, or categories with *name* added) or no cell is blank: an int, a
    date or a category column of a notebook's frame stays one (not Python objects), a text column stays text."""
    import pandas as pd

    blank = blank_cells(values)
    if not blank.any():
        return values
    label = blank_name(values) if name is None else name
    if isinstance(values.dtype, pd.CategoricalDtype):
        if label not in values.cat.categories:
            values = values.cat.add_categories([label])
        return values.where(~blank, label)
    if pd.api.types.is_string_dtype(values.dtype):  # pandas' or pyarrow's strings (dtype_backend="pyarrow")
        return values.where(~blank, label)
    return values.astype(object).where(~blank, label)


def segment_values(rows: pd.DataFrame, by: Hashable, blank: str = MISSING_SEGMENT) -> pd.Series:
    """Return the segment of each row of *rows*: its value of column *by*, stripped; blank as *blank*."""
    values = cell_texts(rows[by]).str.strip()
    return values.where(~blank_cells(rows[by]), blank).astype(str)
