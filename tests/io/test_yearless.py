"""A date written without its year (10/24, 10月24日, as Excel saves a cell formatted m/d or m月d日) is no date,
and is said with what to do (io/_yearless.py)."""

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.errors import InputError
from taikai.io import check_date_column, parse_dates
from taikai.io._yearless import is_yearless

DATES = ["2026-10-01", "2026/10/02", "2026年10月3日", "2026-10-04"]


@pytest.mark.parametrize(
    ("cell", "yearless"),
    [
        ("10/24", True),
        ("1/5", True),
        ("10-24", True),
        (" 10/24 10:05", True),
        ("10月24日", True),
        ("10月24日(土)", True),
        ("10月24日 10時05分", True),
        ("2026/10", False),  # a month
        ("2026/10/24", False),
        ("1/2/03", False),  # a year last, two digits
        ("1.5", False),
        ("10/24/2026", False),
        ("10", False),
    ],
)
def test_a_month_and_day_without_a_year_is_told_apart(cell, yearless):
    assert is_yearless(cell) is yearless


@pytest.mark.parametrize("cell", ["10/24", "1/1", "12-28", "10/24 10:05", "10月24日"])
def test_a_date_without_its_year_reads_as_no_date(cell):
    """Regression: pandas read 10/24 as October 24 of the year 1: a column of them was counted in periods named
    1-01 … 1-12 (drift and the report), and among dates such a cell was "far outside the others (mistyped?)"."""
    assert parse_dates(pd.Series([cell, "2026-10-01"])).isna().tolist() == [True, False]


@pytest.mark.parametrize("cells", [["10/24", "10/25"], ["10月24日", "10月25日(土)"]])
def test_a_column_of_dates_without_a_year_is_refused_saying_why(cells):
    """Regression: 10/24 was read as a date of the year 1; 10月24日 was refused without saying what it lacked."""
    with pytest.raises(InputError, match=r"a month and day without a year, as Excel saves .*Format Cells, Date"):
        check_date_column(pd.Series(cells), "posted_at", "dump.csv")


@pytest.mark.parametrize(
    ("cells", "warned"),
    [
        (["10/24", "11/3"], "2 row(s) hold a date without its year (e.g. '10/24'), and count as rows without a date"),
        (["10月24日", None], "1 row(s) hold a date without its year (e.g. '10月24日')"),
        (["不明", None], None),  # no date, and no month and day either: the count of rows without a date says it
    ],
)
def test_dates_without_a_year_among_dates_are_said(cells, warned):
    """Regression: rows of 10月24日 among dates were counted as rows without a date, with no word of why."""
    df = pd.DataFrame({"reason": "fees", "sentiment": "negative", "posted_at": [*DATES, *cells]})
    with pytest.warns(taikai.DataWarning) as caught:
        counted = analysis.reasons_over_time(df, "posted_at")
    said = [str(w.message) for w in caught if "without its year" in str(w.message)]
    assert int(counted.to_numpy().sum()) == len(DATES)
    if warned is None:
        assert said == []
    else:
        assert len(said) == 1 and warned in said[0] and "m月d日" in said[0]
