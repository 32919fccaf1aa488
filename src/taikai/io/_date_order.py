"""The order of a date column's ``NN/NN/YYYY`` dates (day or month first), decided once for the whole column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from taikai.errors import DATE_COLUMN, InputError

if TYPE_CHECKING:
    import pandas as pd

YEAR_LAST = re.compile(r"\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d)(.*)", re.DOTALL)
"""A date with its year last (``03/04/2026``, ``03.04.2026``, ``3-4-2026``), maybe a time after it: groups 1 and 3
are the first two fields, 4 the year, 5 the rest."""
_START = r"\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}"
"""The start of a year-last date, for a quick look through many values."""
ORDER_HINT = "write dates as YYYY-MM-DD (2026-03-14), which reads one way only"
"""What the messages of dates read two ways (``03/04/2026``: March or April?) advise: ISO dates."""


class DateOrder(Enum):
    """How a column's year-last dates (``NN/NN/YYYY``) are read."""

    DAY_FIRST = "day-first"
    """Some value can only be day-first (``13/03/2026``): all are."""
    MONTH_FIRST = "month-first"
    """Some value can only be month-first (``03/13/2026``): all are."""
    UNTOLD = "untold"
    """Every value reads either way (both fields 12 or less): read month-first, as Excel's US export writes."""

    @property
    def day_first(self) -> bool:
        """Whether the first field is the day."""
        return self is DateOrder.DAY_FIRST


@dataclass(frozen=True)
class OrderEvidence:
    """What the year-last values of (part of) a column say about their order: one value that only reads
    day-first, one that only reads month-first, whether there are any such values at all, and one date that reads
    either way (*either*: its date only, ``05/06/2026``, without a time or text after it; day and month differing
    where one does), which the warning about an untold order cites."""

    day_first: str | None = None
    month_first: str | None = None
    year_last: bool = False
    either: str | None = None

    def __add__(self, other: OrderEvidence) -> OrderEvidence:
        either = self.either or other.either
        if self.either is not None and other.either is not None and _same_both_ways(self.either):
            either = other.either  # 03/03/2026 reads one date either way: another makes a better example
        return OrderEvidence(
            self.day_first or other.day_first,
            self.month_first or other.month_first,
            self.year_last or other.year_last,
            either,
        )

    def order(self, column: str = "", where: str = "") -> DateOrder | None:
        """The order of the column (``None``: it holds no year-last dates); raise :class:`InputError` when its
        values are written both ways (*column* and *where* name it in the error)."""
        if self.day_first is not None and self.month_first is not None:
            named = f"{where}: {DATE_COLUMN.given(column)}" if column else "the date column"
            raise InputError(
                f"{named} holds dates written day-first (e.g. {self.day_first!r}) and month-first (e.g. "
                f"{self.month_first!r}), so neither order reads them all; {ORDER_HINT}"
            )
        if self.day_first is not None:
            return DateOrder.DAY_FIRST
        if self.month_first is not None:
            return DateOrder.MONTH_FIRST
        return DateOrder.UNTOLD if self.year_last else None


def order_evidence(values: pd.Series) -> OrderEvidence:
    """Return what the year-last values among *values* say about their order (each distinct value read once)."""
    import pandas as pd

    distinct = pd.Series(values.dropna().unique(), dtype=object)
    texts = distinct[distinct.map(lambda v: isinstance(v, str))].astype(str)
    # a quick look first (Arrow's regex: a million distinct values in under a second), the groups of the few left
    texts = texts[texts.astype("string[pyarrow]").str.match(_START).to_numpy(dtype=bool, na_value=False)]
    found = texts.str.extract(YEAR_LAST.pattern, flags=re.DOTALL)
    held = found[4].notna()
    if not held.any():
        return OrderEvidence()
    first, second = found.loc[held, 0].astype(int), found.loc[held, 2].astype(int)
    shown = texts[held].str.strip()
    day_only = shown[(first > 12) & (second <= 12)]
    month_only = shown[(second > 12) & (first <= 12)]
    # the date only: a cell may go on with a time or text after it (03/04/2026 田中さんに連絡)
    dates = found.loc[held, 0] + found.loc[held, 1] + found.loc[held, 2] + found.loc[held, 1] + found.loc[held, 3]
    either = dates[(first <= 12) & (second <= 12)].sort_values(key=lambda d: d.map(_same_both_ways), kind="stable")
    return OrderEvidence(
        str(day_only.iloc[0]) if len(day_only) else None,
        str(month_only.iloc[0]) if len(month_only) else None,
        True,
        str(either.iloc[0]) if len(either) else None,
    )


def _same_both_ways(date: str) -> bool:
    """Whether the year-last *date* has the same day and month (``03/03/2026``): it reads one date either way."""
    found = YEAR_LAST.fullmatch(date)
    return found is not None and int(found.group(1)) == int(found.group(3))


def year_first(value: str, order: DateOrder | None) -> str:
    """Return *value* with a year-last date at its start written year first (``2026-03-04``) as *order* reads it;
    any other value as it is. A field that cannot be the month (``13``) makes a value no date reads."""
    found = YEAR_LAST.fullmatch(value)
    if found is None:
        return value
    first, _, second, year, rest = found.groups()
    day, month = (first, second) if order is not None and order.day_first else (second, first)
    return f"{year}-{int(month):02d}-{int(day):02d}{rest}"


def month_first(date: str) -> str:
    """Return the year-last *date* as read month-first, in words: ``03/04/2026`` is ``March 4``."""
    import calendar

    found = YEAR_LAST.fullmatch(date)
    if found is None:
        return date
    return f"{calendar.month_name[int(found.group(1))]} {int(found.group(3))}"
