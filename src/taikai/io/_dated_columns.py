"""The columns of a file or frame that read as dates, named when the date column given is not there (``--date-column
posted_at`` on an export whose dates are in ``投稿日``), by ``taikai report`` and ``taikai drift`` alike, and when no
date column was given (the report's trend section), as a text column's error names the columns of reviews."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import TYPE_CHECKING

from taikai.errors import DATE_COLUMN, InputError
from taikai.io._dates import parse_dates

if TYPE_CHECKING:
    import pandas as pd

    from taikai.io._records import Reader

SAMPLE = 200
"""The non-empty cells of a column read to tell whether it holds dates (its first ones): a million rows are not."""
READ_SHARE = 0.9
"""The share of those that must be written as dates and read as dates: a column of free text with a date in it now
and then does not, while one with a few Excel serial numbers or ``不明`` among its dates does."""
DATED_SHOWN = 3
"""The columns named at most (by an error, and by the report's note that no date column was given)."""


def _written(value: object) -> bool:
    """Whether *value* could be a date as a cell holds one: a date or a text that is not digits only (numbers and
    ids such as ``20250001`` are not named as dates, though ``parse_dates`` reads eight digits as one)."""
    if isinstance(value, date):  # datetime and pandas' Timestamp too: an xlsx cell typed as a date
        return True
    return isinstance(value, str) and bool(value.strip()) and not value.strip().isdigit()


def dated_columns(frame: pd.DataFrame, skip: tuple[object, ...] = ()) -> list[str]:
    """Return the columns of *frame* (but *skip*: the text column, the segments') that read as dates: of a datetime
    dtype, or with :data:`READ_SHARE` of their first :data:`SAMPLE` cells written as dates (:func:`_written`) and
    read by :func:`parse_dates`. A column of dates in both day-first and month-first order is not named."""
    import pandas as pd

    found: list[str] = []
    for i, name in enumerate(frame.columns):
        if not isinstance(name, str) or name in skip:
            continue
        values = frame.iloc[:, i]
        if pd.api.types.is_datetime64_any_dtype(values.dtype):
            found.append(name)
            continue
        if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
            continue  # numbers (ids, probabilities) and flags are not dates
        cells = values.dropna().head(SAMPLE)
        written = cells[cells.map(_written).astype(bool)] if len(cells) else cells
        if len(written) < READ_SHARE * len(cells) or not len(written):
            continue
        try:
            read = int(parse_dates(written.astype(object)).notna().sum())
        except InputError:  # both orders: left to --date-column, which says so
            continue
        if read >= READ_SHARE * len(cells):
            found.append(name)
    return found


def _head(data: pd.DataFrame | Reader) -> pd.DataFrame | None:
    """*data* as a frame: a frame as it is, a file a reader reads as its first :data:`SAMPLE` rows (``None`` when
    they cannot be read: what reads the file then says why)."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data  # each column's first non-empty cells are read
    try:
        chunk = next(iter(data.chunks(SAMPLE)), None)
    except (InputError, OSError, ValueError):
        return None
    if chunk is None or not chunk.rows:
        return None
    return pd.DataFrame(dict(zip(map(str, data.columns), chunk.data, strict=False)))


def dates_told(data: pd.DataFrame | Reader, name: Hashable | None) -> str:
    """Return the end of the error of a date column *name* that *data* (a frame, or the file a reader reads) has
    not (``--date-column posted_at``, as the README writes it, on an export whose dates are in ``投稿日``): the
    columns that read as dates and how to give one (``; '投稿日' reads as dates: date_column='投稿日' (--date-column
    投稿日 on the command line)``); ``""`` when *data* has a column written as *name*, or none reads as dates."""
    if name is None or any(str(c) == str(name) for c in data.columns):
        return ""
    return _named(data)


def dates_elsewhere(data: pd.DataFrame | Reader, name: Hashable) -> str:
    """Return the end of the error of a date column *name* of *data* that holds no dates (``--date-column 本文``):
    the other columns that read as dates and how to give one, as :func:`dates_told` says them; ``""`` for none."""
    return _named(data, (str(name),))


def _named(data: pd.DataFrame | Reader, skip: tuple[object, ...] = ()) -> str:
    """The columns of *data* (but *skip*) that read as dates, and how to give one; ``""`` for none."""
    head = _head(data)
    found = dated_columns(head, skip)[:DATED_SHOWN] if head is not None else []
    if not found:
        return ""
    said = " and ".join(map(repr, found))
    return f"; {said} {'reads' if len(found) == 1 else 'read'} as dates: {DATE_COLUMN.either(found)}"
