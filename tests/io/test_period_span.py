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
