"""The periods counted by (``taikai._freq``): each date in the quarter or (fiscal) year an analyst would name it by,
at the edges of weeks, quarters and fiscal years (a fiscal year from April, 年度, is named by the year it starts in:
pandas names 2025-04-01 ``2026Q1`` of ``Q-MAR``, taikai ``FY2025-Q1``)."""

import pandas as pd
import pytest

from taikai._freq import fiscal_note, period_name, period_note, unit_name
from taikai.errors import check_freq

# (date, freq as given, the name of its period)
NAMES = [
    ("2025-12-28", "W", "2025-W52"),  # a Sunday: the last day of its ISO week
    ("2025-12-29", "W", "2026-W01"),  # the Monday after: ISO week 1 of 2026
    ("2025-03-31", "M", "2025-03"),
    ("2025-03-31", "Q", "2025-Q1"),
    ("2025-04-01", "QE", "2025-Q2"),
    ("2025-12-31", "QS", "2025-Q4"),
    ("2025-03-31", "QE-MAR", "FY2024-Q4"),  # the last day of FY2024 (令和6年度)
    ("2025-04-01", "QE-MAR", "FY2025-Q1"),  # the first of FY2025: April to June is its Q1
    ("2025-12-31", "Q-MAR", "FY2025-Q3"),
    ("2026-01-01", "QS-APR", "FY2025-Q4"),  # January to March: the fiscal year's last quarter, begun the year before
    ("2026-03-31", "QE-MAR", "FY2025-Q4"),
    ("2026-04-01", "QE-MAR", "FY2026-Q1"),
    ("2025-06-30", "QE-JUN", "FY2024-Q4"),  # a year to June: FY2024 is July 2024 to June 2025
    ("2025-07-01", "QE-JUN", "FY2025-Q1"),
    ("2025-12-31", "Y", "2025"),
    ("2026-01-01", "YE", "2026"),
    ("2026-03-31", "YE-MAR", "FY2025"),
    ("2026-04-01", "YS-APR", "FY2026"),
    ("2025-01-31", "Y-JAN", "FY2024"),  # a year to January: February 2024 to January 2025
]


@pytest.mark.parametrize(("date", "freq", "name"), NAMES)
def test_a_date_is_in_the_period_an_analyst_names(date, freq, name):
    read = check_freq(freq)
    period = pd.Series(pd.to_datetime([date])).dt.to_period(read).iloc[0]
    assert period_name(period) == name


@pytest.mark.parametrize(
    ("freq", "en", "ja", "note"),
    [
        ("M", "month", "月", ""),
        ("W", "week", "週", ""),
        ("Q", "quarter", "四半期", ""),
        ("Y", "year", "年", ""),
        ("Q-MAR", "fiscal quarter", "四半期", "FY2025: 2025-04 to 2026-03"),
        ("Y-MAR", "fiscal year", "年度", "FY2025: 2025-04 to 2026-03"),
        ("Q-JUN", "fiscal quarter", "四半期", "FY2025: 2025-07 to 2026-06"),
        ("Y-NOV", "fiscal year", "年度", "FY2025: 2025-12 to 2026-11"),
        (None, "period", "期間", ""),
    ],
)
def test_a_period_is_called_what_it_is(freq, en, ja, note):
    assert (unit_name(freq), unit_name(freq, "ja"), fiscal_note(freq)) == (en, ja, note)


@pytest.mark.parametrize(
    ("freq", "first", "note"),
    [
        ("W", "2025-W49", "ISO weeks, Monday to Sunday: 2025-W49 is 2025-12-01 to 2025-12-07"),
        ("W", "2026-W01", "ISO weeks, Monday to Sunday: 2026-W01 is 2025-12-29 to 2026-01-04"),  # a week-year's first
        ("W", "2020-W53", "ISO weeks, Monday to Sunday: 2020-W53 is 2020-12-28 to 2021-01-03"),
        ("W", None, ""),  # no period to name
        ("Y-MAR", "FY2025", "FY2025: 2025-04 to 2026-03"),  # a fiscal year's months, as fiscal_note says them
        ("M", "2025-12", ""),
    ],
)
def test_a_week_is_said_with_its_days(freq, first, note):
    """Regression: taikai drift --freq W headed its table "per week of posted_at" and named its rows 2025-W49 alone:
    which days a week number covers was left to the reader (a fiscal year's months were said)."""
    assert period_note(freq, first) == note
