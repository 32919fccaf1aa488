"""A date column of pandas periods counted per week or month: each period is read as its first day, so a period
longer than the one counted by (a quarter counted per month) would be counted whole in the month it starts in.

A period no longer than the one counted by is read by its start, like a date: a week (``2024-12-30/2025-01-05``)
counted per month is counted in the month of its Monday (December 2024), all its rows together. A month written
without a day (``2025-01``, ``2025年01月``, ``令和7年1月``, ``R7.1``), read as its first day, is such a period too:
counted per week, it is refused as a pandas month is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from taikai._freq import longest_days, unit_name
from taikai._freq import period_name as period_name
from taikai.errors import DATE_COLUMN, FREQ, InputError
from taikai.io._eras import western_dates

_MONTH = re.compile(r"\s*\d{4}\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月)\s*")
"""A month without a day, as dates read it (its first day): ``2025-01``, ``2025/1``, ``2025.01``, ``2025年01月``;
an era's month (``令和7年1月``, ``令7年1月``, ``R7.1``) once written with its Western year (:func:`western_dates`)."""


def _month_only(values: Iterable[object]) -> str | None:
    """Return the first of *values* that is a month written without a day, else ``None``."""
    for value in values:
        if not isinstance(value, str):
            continue
        found = _MONTH.fullmatch(western_dates(unicodedata.normalize("NFKC", value)))
        if found is not None and 1 <= int(found.group(1) or found.group(2)) <= 12:
            return value
    return None


def check_period_span(values: Iterable[object], freq: str, column: str, where: str) -> None:
    """Raise :class:`InputError` when the date column *column* (of *where*) holds pandas periods longer than a
    period of *freq* (``W`` or ``M``): quarterly periods counted per month would each be counted in the month
    they start in, as if all their rows were written then. Periods no longer than *freq* are read by their start.
    Counted per week, a month written without a day (``2025-01``, ``2025年01月``) is refused too."""
    import pandas as pd

    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.PeriodDtype):
        present = values.dropna()
        found = {"": present.iloc[0]} if len(present) else {}  # one freq: its first period tells its span
    else:
        found = {}
        for value in values:
            if isinstance(value, pd.Period) and value.freqstr not in found:
                found[value.freqstr] = value
    longest = longest_days(freq)
    month = _month_only(values) if freq == "W" and not found else None
    if month is not None:
        raise InputError(
            f"{where}: {DATE_COLUMN.given(column)} holds months without a day ({month!r}), longer than a week "
            f"({FREQ.given(freq)}): each would be counted whole in the week of its first day; pass "
            f"{FREQ.either(['M'])} to count its rows per month, or give the rows' own dates in the column"
        )
    for period in found.values():
        days = (period.end_time - period.start_time).days + 1
        if days <= longest:
            continue
        name = unit_name(freq)
        matching = [f for f in ("W", "M", "Q", "Y") if days <= longest_days(f)]
        count = (
            f"pass {FREQ.given(matching[0])} to count its rows per {unit_name(matching[0])}, or " if matching else ""
        )
        raise InputError(
            f"{where}: {DATE_COLUMN.given(column)} holds pandas periods of {period.freqstr} ({str(period)!r}: "
            f"{days} days), longer than a {name} ({FREQ.given(freq)}): each would be counted whole in the {name} "
            f"it starts in; {count}give the rows' own dates (timestamps) in the column"
        )
