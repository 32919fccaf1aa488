"""A date column of pandas periods counted per week or month: each period is read as its first day, so a period
longer than the one counted by (a quarter counted per month) would be counted whole in the month it starts in.

A period no longer than the one counted by is read by its start, like a date: a week (``2024-12-30/2025-01-05``)
counted per month is counted in the month of its Monday (December 2024), all its rows together. A month written
without a day (``2025-01``, ``2025年01月``), read as its first day, is such a period too: counted per week, it is
refused as a pandas month is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from taikai.errors import DATE_COLUMN, FREQ, InputError

if TYPE_CHECKING:
    import pandas as pd

_LONGEST_DAYS = {"W": 7, "M": 31}
"""The most days a period of each ``freq`` spans: a period of a date column longer than that is refused."""
_NAMES = {"W": "week", "M": "month"}
_MONTH = re.compile(r"\s*\d{4}\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月)\s*")
"""A month without a day, as dates read it (its first day): ``2025-01``, ``2025/1``, ``2025.01``, ``2025年01月``."""


def period_name(period: pd.Period, short: bool = False) -> str:
    """Return the name of a month (``2026-03``) or an ISO week (``2026-W12``; ``W12`` when *short*), as every
    table of the product names it: the report's trend tables and charts, its drift section and ``taikai drift``."""
    if period.freqstr.startswith("W"):
        year, week, _ = period.start_time.isocalendar()
        return f"W{week:02d}" if short else f"{year}-W{week:02d}"
    return f"{period.year}-{period.month:02d}"


def _month_only(values: Iterable[object]) -> str | None:
    """Return the first of *values* that is a month written without a day, else ``None``."""
    for value in values:
        if not isinstance(value, str):
            continue
        found = _MONTH.fullmatch(unicodedata.normalize("NFKC", value))
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
    longest = _LONGEST_DAYS.get(freq)
    month = _month_only(values) if freq == "W" and not found else None
    if month is not None:
        raise InputError(
            f"{where}: {DATE_COLUMN.given(column)} holds months without a day ({month!r}), longer than a week "
            f"({FREQ.given(freq)}): each would be counted whole in the week of its first day; pass "
            f"{FREQ.either(['M'])} to count its rows per month, or give the rows' own dates in the column"
        )
    for period in found.values():
        days = (period.end_time - period.start_time).days + 1
        if longest is None or days <= longest:
            continue
        name = _NAMES[freq]
        matching = [f for f, most in _LONGEST_DAYS.items() if days <= most]
        count = f"pass {FREQ.given(matching[0])} to count its rows per {_NAMES[matching[0]]}, or " if matching else ""
        raise InputError(
            f"{where}: {DATE_COLUMN.given(column)} holds pandas periods of {period.freqstr} ({str(period)!r}: "
            f"{days} days), longer than a {name} ({FREQ.given(freq)}): each would be counted whole in the {name} "
            f"it starts in; {count}give the rows' own dates (timestamps) in the column"
        )
