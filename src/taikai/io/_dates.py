"""Read the cells of a date column: dates and times as written in dumps, whatever their format or time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

DATE_EXAMPLE = "dates or times such as 2026-03-14, 2026/03/14 or 2026-03-14T10:05:00+09:00, one per row"


def parse_dates(values: pd.Series) -> pd.Series:
    """Return *values* as naive datetimes; unreadable values become NaT.

    Dates with one time zone keep their local date; a mix of time zones is converted to UTC. Numbers are not
    dates (pandas would read ids 1, 2, 3 as nanoseconds after 1970).
    """
    import pandas as pd

    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        values = pd.Series(pd.NaT, index=values.index)
    elif values.dtype == object:
        values = values.map(lambda v: None if isinstance(v, int | float) and not isinstance(v, bool) else v)
    try:
        dates = pd.to_datetime(values, errors="coerce", format="mixed")
    except (ValueError, TypeError):
        dates = pd.to_datetime(values, errors="coerce", format="mixed", utc=True)
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(values, errors="coerce", format="mixed", utc=True)
    return dates.dt.tz_localize(None) if dates.dt.tz is not None else dates


def check_date_column(values: pd.Series, column: str, where: str) -> None:
    """Raise :class:`InputError` when no value of the date column *column* (of *where*) reads as a date."""
    if parse_dates(values).notna().any():
        return
    filled = values.dropna().astype(str).str.strip()
    examples = list(dict.fromkeys(filled[filled != ""]))[:2]
    if not examples:
        held = "is empty"
    else:
        held = f"holds no dates (none of its values reads as one, e.g. {', '.join(map(repr, examples))})"
    raise InputError(
        f"{where}: --date-column {column!r} {held}; give a column of {DATE_EXAMPLE}, or leave --date-column out"
    )
