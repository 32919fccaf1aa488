"""Read the cells of a date column: dates and times as written in dumps, whatever their format or time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def parse_dates(values: pd.Series) -> pd.Series:
    """Return *values* as naive datetimes; unreadable values become NaT.

    Dates with one time zone keep their local date; a mix of time zones is converted to UTC.
    """
    import pandas as pd

    try:
        dates = pd.to_datetime(values, errors="coerce", format="mixed")
    except (ValueError, TypeError):
        dates = pd.to_datetime(values, errors="coerce", format="mixed", utc=True)
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(values, errors="coerce", format="mixed", utc=True)
    return dates.dt.tz_localize(None) if dates.dt.tz is not None else dates
