"""A date column read as a whole: one order for its year-last dates, and its dates far outside the bulk set apart."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taikai.errors import DATE_COLUMN
from taikai.io._date_order import ORDER_HINT, DateOrder, month_first, order_evidence
from taikai.io._dates import EXCEL_HINT, EXCEL_SERIALS, as_written, parse_dates

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

RANGE_RULE = (
    "its year is more than one year before the 1st percentile's year or after the 99th percentile's (percentiles of "
    "the column's readable dates, at their nearest ranks inward: with fewer than 101 dates, the second and the "
    "second last)"
)
"""When a date is out of range: far outside the bulk of the column's dates (a mistyped 1970-01-01 or 2062-03-14)."""


@dataclass(frozen=True)
class YearRange:
    """The years a column's dates are counted in (both included); dates of other years are out of range."""

    first: int
    last: int

    @classmethod
    def of(cls, years: np.ndarray) -> YearRange | None:
        """The range of a column whose readable dates fall in *years* (``None``: none is readable)."""
        import numpy as np

        if not len(years):
            return None
        low = int(np.percentile(years, 1, method="higher"))  # nearest ranks inward: with under 101 dates, the
        high = int(np.percentile(years, 99, method="lower"))  # bulk leaves out the first and the last date
        return cls(min(low, high) - 1, max(low, high) + 1)

    def holds(self, dates: pd.Series) -> pd.Series:
        """Whether each of *dates* is in range (NaT is not)."""
        return dates.dt.year.between(self.first, self.last).fillna(False).astype(bool)


@dataclass(frozen=True)
class DateColumn:
    """A date column read: *dates* (NaT where unread or out of range; *read*: every date read, out of range too),
    how many rows were *unread* and how many *out_of_range* (of *years*), and the *order* its year-last dates were
    read in (``None``: it has none), with one of them that reads *either* way (:class:`OrderEvidence`)."""

    dates: pd.Series
    read: pd.Series
    unread: int
    out_of_range: int
    order: DateOrder | None
    years: YearRange | None
    either: str | None = None


def read_date_column(values: pd.Series, column: str = "", where: str = "", tz: str | None = None) -> DateColumn:
    """Read the date column *column* (of *where*, named in errors) as a whole: see :func:`parse_dates` for the
    order of its year-last dates and the time zone *tz* its dates are read in; a date is out of range when
    :data:`RANGE_RULE`."""
    evidence = order_evidence(values)
    order = evidence.order(column, where)
    dates = parse_dates(values, order, tz)
    read = dates.notna()
    years = YearRange.of(dates[read].dt.year.to_numpy())
    held = years.holds(dates) if years is not None else read
    unread, out = int((~read).sum()), int((read & ~held).sum())
    return DateColumn(dates.where(held), dates, unread, out, order, years, evidence.either)


def order_warning(order: DateOrder | None, where: str, column: str, example: str | None = None) -> str | None:
    """Return the warning for a column whose year-last dates could be either order (read month-first), else ``None``; it
    cites *example*, one of the column's dates (:attr:`OrderEvidence.either`), or ``03/04/2026`` without one."""
    if order is not DateOrder.UNTOLD:
        return None
    example = example or "03/04/2026"
    return (
        f"{where}: {DATE_COLUMN.given(column)}: dates such as {example} read either way, and none in the column "
        f"tells the order: they were read month-first ({month_first(example)}); if they are day-first, {ORDER_HINT}"
    )


def range_warning(out_of_range: int, years: YearRange | None, where: str, column: str) -> str | None:
    """Return the warning for the rows whose date is out of range (left out of the periods), else ``None``."""
    if not out_of_range or years is None:
        return None
    return (
        f"{where}: {DATE_COLUMN.given(column)}: {out_of_range:,} row(s) have a date far outside the others (outside "
        f"{years.first}-{years.last}) and are left out of the periods; check those dates (mistyped?)"
    )


_SERIAL = re.compile(r"\d{5}(?:\.\d+)?", re.ASCII)
"""An Excel serial date as a CSV writes it: days since 1899-12-30, a time of day as the fraction (``45678.5``)."""


def excel_serials(values: Iterable[object]) -> list[str]:
    """Return the cells of *values* (of a date column) that look like Excel serial dates (``45678``, ``45678.5``), as
    written: numbers, which are not read as dates."""
    found = []
    for value in values:
        text = as_written(value)
        if _SERIAL.fullmatch(text) and int(text.split(".")[0]) in EXCEL_SERIALS:
            found.append(text)
    return found


def serial_warning(rows: int, example: str, where: str, column: str) -> str | None:
    """Return the warning for the *rows* of a date column that hold Excel serial dates (such as *example*), which count
    as rows without a date; ``None`` without such rows."""
    if not rows:
        return None
    advice = EXCEL_HINT.removesuffix("; then ")
    return (
        f"{where}: {DATE_COLUMN.given(column)}: {rows:,} row(s) hold a number, not a date (e.g. {example!r}), and "
        f"count as rows without a date; {advice}"
    )
