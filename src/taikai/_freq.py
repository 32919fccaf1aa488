"""The periods a date column is counted by (``freq=``, ``--freq``): months, ISO weeks, quarters and years, calendar
or fiscal (a fiscal year ending in another month than December: ``Q-MAR``, ``Y-MAR``, the Japanese 年度 from April),
how pandas spells each (a string or an offset object), and how every table names them.

A fiscal year is named by the year it starts in, as 年度 is (``FY2025``: April 2025 to March 2026; its first
quarter, April to June 2025, ``FY2025-Q1``); pandas names it by the year it ends in (``2026Q1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
FREQ_SPELLINGS = {
    **{"M": "M", "ME": "M", "MS": "M", "W": "W", "W-SUN": "W"},
    **{"Q": "Q", "QE": "Q", "QS": "Q", "Y": "Y", "YE": "Y", "YS": "Y", "A": "Y", "AS": "Y"},
}
"""The values of ``freq`` (``--freq``) without a month, and the period each names: ``M`` calendar months (pandas'
``ME`` and ``MS`` count the same months), ``W`` weeks from Monday to Sunday (pandas' ``W-SUN``), ``Q`` calendar
quarters, ``Y`` calendar years. A quarter or year with the month its year ends in (``Q-MAR``, ``QE-MAR``,
``Y-MAR``, ``YE-MAR``) or starts in (``QS-APR``, ``YS-APR``) is read too (:func:`canonical_freq`)."""
_ENDING = {"Q": "Q", "QE": "Q", "Y": "Y", "YE": "Y", "A": "Y"}
_STARTING = {"QS": "Q", "YS": "Y", "AS": "Y"}
_DAYS = {"W": 7, "M": 31, "Q": 92, "Y": 366}
_EN = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_JA = {"W": "週", "M": "月", "Q": "四半期", "Y": "年"}
_JA_COUNTED = {"W": "週", "M": "か月", "Q": "四半期", "Y": "年"}


def canonical_freq(freq: object) -> str | None:
    """Return the period *freq* names as taikai writes it (``M``, ``W``, ``Q``, ``Y``, or ``Q-MAR``/``Y-MAR`` for
    a fiscal year ending in March), or ``None`` when it names none of them. *freq* is a pandas spelling (``ME``,
    ``QE-MAR``, ``YS-APR``) or a pandas offset of one period (``pd.offsets.QuarterEnd(startingMonth=3)``)."""
    text = getattr(freq, "freqstr", None) if not isinstance(freq, str) else freq
    if not isinstance(text, str):
        return None
    if text in FREQ_SPELLINGS:
        return FREQ_SPELLINGS[text]
    kind, _, month = text.partition("-")
    if month not in MONTHS:
        return None
    if kind in _ENDING:
        end = MONTHS.index(month)
    elif kind in _STARTING:
        end = (MONTHS.index(month) - 1) % 12  # a year from April ends in March
    else:
        return None
    code = _ENDING.get(kind) or _STARTING[kind]
    return code if MONTHS[end] == "DEC" else f"{code}-{MONTHS[end]}"


def is_fiscal(freq: str) -> bool:
    """Whether *freq* counts by a fiscal year that does not end in December (``Q-MAR``, ``Y-MAR``)."""
    return "-" in freq


def longest_days(freq: str) -> int:
    """The most days a period of *freq* spans."""
    return _DAYS[freq[:1]]


def unit_name(freq: str | None, lang: str = "en", *, counted: bool = False) -> str:
    """The name of a period of *freq*: ``month``, ``week``, ``quarter``, ``year``, ``fiscal quarter``, ``fiscal
    year`` (``月``, ``週``, ``四半期``, ``年``, ``年度``; ``か月`` after a number, *counted*); ``period`` for none."""
    kind = (freq or "")[:1]
    if lang == "ja":
        if kind == "Y" and is_fiscal(freq or ""):
            return "年度"
        return (_JA_COUNTED if counted else _JA).get(kind, "期間")
    name = _EN.get(kind, "period")
    return f"fiscal {name}" if kind in ("Q", "Y") and is_fiscal(freq or "") else name


def fiscal_span(freq: str | None) -> tuple[str, str] | None:
    """The first and last month of the fiscal year FY2025 of *freq* (``2025-04``, ``2026-03``), ``None`` for
    calendar periods."""
    if freq is None or not is_fiscal(freq):
        return None
    last = MONTHS.index(freq.partition("-")[2]) + 1
    return f"2025-{last % 12 + 1:02d}", f"2026-{last:02d}"


def fiscal_note(freq: str | None) -> str:
    """How a fiscal year of *freq* is named (``FY2025: 2025-04 to 2026-03``), ``""`` for calendar periods."""
    span = fiscal_span(freq)
    return "" if span is None else f"FY2025: {span[0]} to {span[1]}"


def period_note(freq: str | None, first: str | None = None) -> str:
    """What a period of *freq* spans, when its name does not say it: a fiscal year's months (:func:`fiscal_note`),
    or the days of the ISO week *first* (``2025-W49``: ``ISO weeks, Monday to Sunday: 2025-W49 is 2025-12-01 to
    2025-12-07``); ``""`` for the other periods, and for weeks without a *first*."""
    if (freq or "")[:1] != "W" or first is None:
        return fiscal_note(freq)
    import datetime as dt

    year, _, week = first.partition("-W")
    monday = dt.date.fromisocalendar(int(year), int(week), 1)
    return f"ISO weeks, Monday to Sunday: {first} is {monday} to {monday + dt.timedelta(days=6)}"


def period_name(period: pd.Period, short: bool = False) -> str:
    """Return the name of a month (``2026-03``), an ISO week (``2026-W12``; ``W12`` when *short*), a quarter
    (``2026-Q1``), a year (``2026``), a fiscal quarter (``FY2025-Q1``) or a fiscal year (``FY2025``), as every table
    of the product names it: the report's trend tables and charts, its drift section and ``taikai drift``."""
    freq = period.freqstr
    if freq.startswith("W"):
        year, week, _ = period.start_time.isocalendar()
        return f"W{week:02d}" if short else f"{year}-W{week:02d}"
    if freq[:1] not in "QY":
        return f"{period.year}-{period.month:02d}"
    fiscal = not freq.endswith("-DEC")
    start = period.start_time.year if not freq.startswith("Q") else period.qyear - int(fiscal)
    if freq.startswith("Y"):
        return f"FY{start}" if fiscal else str(start)
    return f"{'FY' if fiscal else ''}{start}-Q{period.quarter}"
