"""``freq=`` (``--freq``) is read as pandas spells the same periods: ``ME`` and ``MS`` are months as ``M`` is,
``W-SUN`` weeks as ``W`` is, in every function and command that counts periods; another period is refused with a
message listing what is read (regression: ``freq="ME"``, pandas 2.2's own spelling, was refused)."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai import analysis
from taikai.analysis import ReportOptions
from taikai.cli import cli
from taikai.drift import check_drift
from taikai.errors import InputError, check_freq

HOTELS = Path(__file__).parent / "fixtures" / "hotel_reviews.csv"
DATES = pd.Series(pd.date_range("2026-01-03", periods=8, freq="9D")).dt.strftime("%Y-%m-%d")
PREDICTIONS = pd.DataFrame(
    {
        "reason": ["fees", "time", "fees", "low_pay", "time", "fees", "other", "fees"],
        "sentiment": ["negative", "neutral", "negative", "negative", "positive", "neutral", "neutral", "negative"],
        "posted_at": DATES,
    }
)
SPELLINGS = [("M", "M"), ("ME", "M"), ("MS", "M"), ("W", "W"), ("W-SUN", "W")]
QUARTERS_AND_YEARS = [
    ("Q", "Q"),
    ("QE", "Q"),
    ("QS", "Q"),
    ("QE-DEC", "Q"),
    ("QS-JAN", "Q"),
    ("Q-MAR", "Q-MAR"),
    ("QE-MAR", "Q-MAR"),
    ("QS-APR", "Q-MAR"),  # quarters of a year starting in April: the year ends in March
    ("QE-JUN", "Q-JUN"),
    ("Y", "Y"),
    ("YE", "Y"),
    ("YS", "Y"),
    ("A", "Y"),
    ("YE-MAR", "Y-MAR"),
    ("YS-APR", "Y-MAR"),
    ("A-MAR", "Y-MAR"),
]
OFFSETS = [
    (pd.offsets.MonthEnd(), "M"),
    (pd.offsets.MonthBegin(), "M"),
    (pd.offsets.Week(weekday=6), "W"),
    (pd.offsets.QuarterEnd(startingMonth=12), "Q"),
    (pd.offsets.QuarterEnd(), "Q-MAR"),  # pandas' default QuarterEnd is QE-MAR: its periods are of a year to March
    (pd.offsets.QuarterEnd(startingMonth=3), "Q-MAR"),
    (pd.offsets.QuarterBegin(startingMonth=4), "Q-MAR"),
    (pd.offsets.YearEnd(month=3), "Y-MAR"),
    (pd.offsets.YearBegin(month=4), "Y-MAR"),
]
REFUSED = [
    ("QE-FOO", "not 'QE-FOO'$"),
    ("2QE-MAR", "not '2QE-MAR'$"),
    ("BQE", "not 'BQE'$"),
    ("D", "not 'D'$"),
    ("BME", "not 'BME'$"),
    ("2ME", "not '2ME'$"),
    ("m", "not 'm'$"),
    ("W-MON", r"not 'W-MON': taikai's weeks run Monday to Sunday \(ISO weeks, named 2026-W12\)$"),
    (pd.DateOffset(months=3), r"not <DateOffset: months=3>$"),
    (pd.offsets.QuarterEnd(2), r"not <2 \* QuarterEnds: startingMonth=3>$"),
    (pd.offsets.Week(weekday=0), r"not <Week: weekday=0>: taikai's weeks run Monday to Sunday"),
]
LISTED = (
    r"^freq must be one of M \(months; pandas' ME or MS alike\), W \(weeks, Monday to Sunday; pandas' W-SUN alike\), "
    r"Q \(quarters; QE, QS alike\) or Y \(years; YE, YS alike\), or a quarter or year of a fiscal year ending in "
    r"another month \(Q-MAR, Y-MAR: from April, as 年度\), "
)


@pytest.mark.parametrize(("given", "read"), SPELLINGS + QUARTERS_AND_YEARS + OFFSETS)
def test_check_freq_reads_pandas_spellings_of_months_and_weeks(given, read):
    assert check_freq(given) == read


@pytest.mark.parametrize(("given", "message"), REFUSED)
def test_check_freq_refuses_other_periods_listing_what_it_reads(given, message):
    with pytest.raises(InputError, match=LISTED + message):
        check_freq(given)


@pytest.mark.parametrize(
    ("given", "shown"), [(["M"], r"list \['M'\]"), (pd.Series(["M"]), "a Series"), (pd.NA, "NAType <NA>")]
)
def test_check_freq_refuses_a_value_of_another_type_as_a_type_error(given, shown):
    """A list, a Series or pd.NA is a TypeError, as a str option given one (``check_str``): before, an InputError
    showing a Series' repr of several lines."""
    with pytest.raises(TypeError, match=LISTED + f"not {shown}$"):
        check_freq(given)


@pytest.mark.parametrize("table", ["reasons_over_time", "sentiment_over_time"])
@pytest.mark.parametrize(("given", "read"), SPELLINGS)
def test_the_time_tables_count_the_same_periods_for_each_spelling(table, given, read):
    counted = getattr(analysis, table)(PREDICTIONS, "posted_at", given)
    pd.testing.assert_frame_equal(counted, getattr(analysis, table)(PREDICTIONS, "posted_at", read))


@pytest.mark.parametrize(
    "call",
    [
        lambda freq: analysis.reasons_over_time(PREDICTIONS, "posted_at", freq),
        lambda freq: analysis.build_report(PREDICTIONS, date_column="posted_at", freq=freq),
        lambda freq: analysis.drift_section(PREDICTIONS, date_column="posted_at", freq=freq),
    ],
    ids=["reasons_over_time", "build_report", "drift_section"],
)
def test_the_analysis_functions_refuse_another_period(call):
    with pytest.raises(InputError, match="as 年度\\), not 'QE-FOO'"):
        call("QE-FOO")


@pytest.mark.parametrize(("given", "read"), [("ME", "M"), ("W-SUN", "W")])
def test_check_drift_records_the_period_as_taikai_writes_it(tiny_model, given, read):
    frame = pd.read_csv(HOTELS).assign(posted_at=["2025-01-10"] * 30 + ["2025-03-17"] * 30)
    report = check_drift(frame, tiny_model, date_column="posted_at", freq=given)
    same = check_drift(frame, tiny_model, date_column="posted_at", freq=read)
    assert report.freq == read and [p.period for p in report.periods] == [p.period for p in same.periods]


@pytest.mark.parametrize(("given", "read"), [("MS", "M"), ("W-SUN", "W")])
def test_drift_freq_option_takes_the_same_spellings(tiny_model_dir, tmp_path, given, read):
    dump = tmp_path / "dump.csv"
    pd.read_csv(HOTELS).assign(posted_at=["2025-01-10"] * 30 + ["2025-03-17"] * 30).to_csv(dump, index=False)
    args = ["drift", str(dump), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", given]
    result = CliRunner().invoke(cli, [*args, "--json", str(tmp_path / "d.json")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["freq"] == read


@pytest.mark.parametrize(("given", "read"), [*SPELLINGS, *QUARTERS_AND_YEARS, ("QE-FOO", None)])
def test_report_options_hold_the_period_as_the_sections_name_it(given, read):
    """Regression: ReportOptions(freq="ME") was kept as given, and the sections' lookup of its name failed."""
    if read is None:
        with pytest.raises(InputError, match=r"not 'QE-FOO'$"):
            ReportOptions(freq=given)
    else:
        assert ReportOptions(freq=given).freq == read
