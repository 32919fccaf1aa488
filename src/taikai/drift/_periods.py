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


def _held(values: Iterable[Any]) -> list[Any]:
    """The values of *values* that hold something (not missing, NaN or blank)."""
    return [v for v in values if v is not None and v == v and str(v).strip() != ""]  # v == v: not NaN


def check_dates(
    column: str,
    source: str,
    values: list[Any],
    date_columns: Callable[[int], Iterable[list[Any]]] | None = None,
    index: int = -1,
    chunk_rows: int = CHUNK_ROWS,
) -> None:
    """Raise the report's error when none of the first chunk's date cells reads as a date and (with
    *date_columns*, which yields the column chunk by chunk from the start) no later value of the column does
    either: ``不明`` or blanks in the first 6,000 rows and dates after them is a date column, as the report reads
    it; blanks and then only ``不明`` is not, and the error quotes ``不明``. Without *date_columns* the first chunk
    decides when it holds values, and a blank first chunk is left to be judged once the dump is counted.
    *chunk_rows*: the rows of a chunk (a full first chunk is named in the error as the first rows)."""
    held = _held(values)
    if held and _dated(held):
        return
    if date_columns is None:
        if held:
            raise no_dates_error(column, source, values, first=len(values) if len(values) >= chunk_rows else None)
        return
    quoted = held[:2]  # the first values of the column, quoted in the error (as the report quotes them)
    for chunk in date_columns(index):
        if _dated(chunk):
            return
        if len({str(v).strip() for v in quoted}) < 2:
            quoted.extend(_held(chunk)[:chunk_rows])
    raise no_dates_error(column, source, quoted)


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
