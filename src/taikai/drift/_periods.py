"""The dates of a dump: whether its date column holds any, and its rows added to the statistics of their periods."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from taikai.drift._counting import Row, StatisticsBuilder
from taikai.io import no_dates_error, parse_dates

CHUNK_ROWS = 5000
"""The rows of a chunk a dump is counted in (:func:`taikai.drift.file_statistics`)."""
FREQUENCIES = {"M": "month", "W": "week"}
"""The period lengths of ``drift --freq``, with their names: month, week."""


def _dated(values: Sequence[Any]) -> bool:
    """Whether any of *values* reads as a date."""
    import pandas as pd

    return bool(parse_dates(pd.Series(list(values), dtype=object)).notna().any())


def check_dates(
    column: str,
    source: str,
    values: list[Any],
    date_columns: Callable[[int], Iterable[list[Any]]] | None = None,
    index: int = -1,
    chunk_rows: int = CHUNK_ROWS,
) -> None:
    """Raise the report's error when the first chunk's date cells hold values but none of them reads as a date,
    and (with *date_columns*) no later value of the column does either: ``不明`` in the first 6,000 rows and dates
    after them is a date column, as the report reads it. *chunk_rows*: the rows of a chunk (a full first chunk is
    named in the error as the first rows)."""
    held = [v for v in values if v is not None and v == v and str(v).strip() != ""]  # v == v: not NaN
    if not held or _dated(held):
        return
    if date_columns is None:
        raise no_dates_error(column, source, values, first=len(values) if len(values) >= chunk_rows else None)
    if not any(_dated(chunk) for chunk in date_columns(index)):
        raise no_dates_error(column, source, values)


def add_periods(
    periods: dict[Any, StatisticsBuilder], dates: Sequence[Any], freq: str, overall: StatisticsBuilder, rows: list[Row]
) -> int:
    """Add the rows of one chunk to the builders of their periods; return how many had no readable date."""
    import pandas as pd

    keys = parse_dates(pd.Series(list(dates), dtype=object)).dt.to_period(freq)
    undated = 0
    for period, row in zip(keys, rows, strict=True):
        if pd.isna(period):
            undated += 1
            continue
        builder = periods.get(period)
        if builder is None:
            builder = periods[period] = overall.child(f"{overall.source} {period}")
        builder.add((row,))
    return undated
