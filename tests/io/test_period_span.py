"""A date column of pandas periods longer than the period counted by is refused; shorter ones read by their start."""

import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.io import check_period_span

QUARTERS = pd.Series(pd.PeriodIndex(["2025Q1", "2025Q2"], freq="Q"))
MONTHS = pd.Series(pd.period_range("2025-01", periods=3, freq="M"))
WEEKS = pd.Series(pd.period_range("2024-12-30", periods=3, freq="W"))
DAYS = pd.Series(pd.period_range("2025-01-01", periods=3, freq="D"))


@pytest.mark.parametrize(
    ("values", "freq", "said"),
    [
        (QUARTERS, "M", "periods of Q-DEC ('2025Q1': 90 days), longer than a month (freq='M' (--freq on the"),
        (QUARTERS, "W", "periods of Q-DEC ('2025Q1': 90 days), longer than a week (freq='W' (--freq on the"),
        (MONTHS, "W", "pass freq='M' (--freq on the command line) to count its rows per month, or give the rows'"),
        (list(QUARTERS.astype(object)), "M", "periods of Q-DEC"),  # as a dump's chunk gives them: objects
        (pd.Series(["2025-01-01", *QUARTERS.astype(object)], dtype=object), "M", "periods of Q-DEC"),
    ],
)
def test_periods_longer_than_freq_are_refused(values, freq, said):
    """Regression: quarterly periods counted per month were relabelled as the months they start in, silently."""
    with pytest.raises(InputError, match=r"^d\.csv: date_column='posted' \(--date-column on the command line\)") as e:
        check_period_span(values, freq, "posted", "d.csv")
    assert said in str(e.value)
    assert str(e.value).endswith("give the rows' own dates (timestamps) in the column")


@pytest.mark.parametrize(
    ("values", "freq"),
    [(MONTHS, "M"), (WEEKS, "M"), (WEEKS, "W"), (DAYS, "W"), (DAYS, "M"), (pd.Series(["2025-01-01"]), "M")],
)
def test_periods_no_longer_than_freq_and_dates_pass(values, freq):
    assert check_period_span(values, freq, "posted", "d.csv") is None


@pytest.mark.parametrize(
    "values",
    [
        ["2025年01月", "2025年02月"],
        ["2025-01-05", "2025-01"],  # one is enough: it would be counted whole in the week of January 1
        pd.Series(["2025/1", None, "2025/2"], dtype=object),
        ["２０２５年１月"],  # full-width, as Excel writes it
        [" 2025.12 "],
        ["令和7年1月", "令和7年2月"],  # an era's month (h360): read as its first day since era dates are read
        ["令和元年５月"],
        # (h405) an era's month as Excel's Japanese calendar and short era names write it, now read as its first day
        ["R7.1"],
        ["令7/1"],
        ["令7年1月"],
        ["Ｈ３１．４"],
    ],
)
def test_months_without_a_day_counted_per_week_are_refused(values):
    """Regression: ``2025年01月`` counted per week put all of January's rows in the week of 2024-12-30, silently."""
    with pytest.raises(
        InputError, match=r"^d\.csv: date_column='posted' \(--date-column on the command line\) holds "
    ) as e:
        check_period_span(values, "W", "posted", "d.csv")
    assert "months without a day" in str(e.value) and "pass freq='M' (--freq M on the command line)" in str(e.value)


@pytest.mark.parametrize(
    ("values", "freq"),
    [
        (["2025年01月", "2025-02"], "M"),  # counted per month: a month is its month
        (["2025-01-05", "2025/01/06", "2025年1月7日", "20250108", "令和7年1月9日"], "W"),
        (["2025-13", "1234-56", "2025"], "W"),  # no month: no date, left to be read as none
        (["R7.1", "令7年1月"], "M"),
        (["R7.1.5", "S1.2", "R1.4"], "W"),  # a day of an era; no month of its era (an id)
    ],
)
def test_days_and_months_counted_per_month_pass(values, freq):
    assert check_period_span(values, freq, "posted", "d.csv") is None
