"""Unix times among the dates of a date column (io/_unix_times.py): told apart from other numbers, and said with
their count, their first data rows and what to do, in the report's tables and in drift."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai import analysis
from taikai.cli import cli
from taikai.io._dates import no_dates_error
from taikai.io._unix_times import unix_unit, unix_warning

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
DATES = [f"2026-{month:02d}-{day:02d}" for month in (1, 2, 3) for day in (5, 12, 19, 26)]


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        (1767225600, "s"),
        (np.int64(1767225600), "s"),  # a column pandas read as numbers
        (1767225600.0, "s"),  # a column of numbers with blanks
        ("1767225600", "s"),
        (" 1767225600.25 ", "s"),
        ("1767225600000", "ms"),
        (1767225600123, "ms"),
        ("999999999", None),  # nine digits: an id
        ("12345678901", None),  # eleven digits: past 2033 as seconds, 1970 as milliseconds
        ("45678", None),  # an Excel serial date
        ("20260314", None),  # a compact date
        ("2026-01-01", None),
        ("1767225600x", None),
        (True, None),
        (float("nan"), None),
        (float("inf"), None),
        (None, None),
    ],
)
def test_a_unix_time_is_told_apart_from_other_numbers(cell, unit):
    assert unix_unit(cell) == unit


@pytest.mark.parametrize(
    ("rows", "first", "said"),
    [
        (0, [], None),
        (1, [(2, "1767225600")], "1 row(s) hold a number, not a date (data row(s) 3; e.g. '1767225600')"),
        (
            7,
            [(i, "1767225600000") for i in range(5)],
            "7 row(s) hold a number, not a date (data row(s) 1, 2, 3, 4, 5, and 2 more; e.g. '1767225600000')",
        ),
        (1, [(4_999, "1767225600")], "(data row(s) 5,000; "),
    ],
)
def test_the_warning_names_the_count_the_first_rows_and_the_fix(rows, first, said):
    warning = unix_warning(rows, first, "dump.csv", "posted_at")
    if said is None:
        assert warning is None
        return
    assert warning is not None and said in warning
    unit = "ms" if first[0][1].endswith("000") else "s"
    assert "they look like Unix times (" in warning and "the first is 2026-01-01 00:00 UTC" in warning
    assert f"pandas.to_datetime(values, unit={unit!r}, utc=True)" in warning
    assert "tz='Asia/Tokyo' (--tz Asia/Tokyo on the command line)" in warning


@pytest.mark.parametrize(
    ("cells", "said"),
    [  # Regression: rows of Unix times among dates were counted as rows without a date, with no word of why
        ({2: "1767225600", 9: 1767312000}, "2 row(s) hold a number, not a date (data row(s) 3, 10; e.g. '1767225600')"),
        ({0: "1767225600000"}, "1 row(s) hold a number, not a date (data row(s) 1; e.g. '1767225600000')"),
        ({4: "不明"}, None),  # no date, and no number: the count of rows without a date says it
        ({4: "45678"}, None),  # an Excel serial date: its own warning
    ],
)
def test_unix_times_among_dates_are_said_in_the_report_s_tables(cells, said):
    dates: list[object] = list(DATES)
    for row, value in cells.items():
        dates[row] = value
    df = pd.DataFrame({"reason": "fees", "sentiment": "negative", "posted_at": dates})
    with pytest.warns(taikai.DataWarning) as caught:
        counted = analysis.reasons_over_time(df, "posted_at")
    warned = [str(w.message) for w in caught if "Unix times" in str(w.message)]
    assert int(counted.to_numpy().sum()) == len(DATES) - len(cells)
    if said is None:
        assert warned == []
    else:
        assert len(warned) == 1 and said in warned[0] and "unit=" in warned[0], warned


@pytest.mark.parametrize(
    ("cells", "said"),
    [
        ({3: "1767225600", 40: "1767312000"}, "2 row(s) hold a number, not a date (data row(s) 4, 41; e.g."),
        ({3: "不明"}, None),
    ],
)
def test_unix_times_among_dates_are_said_by_drift(tiny_model_dir, tmp_path, cells, said):
    frame = pd.read_csv(HOTELS, dtype=str)
    dates = list(pd.date_range("2025-01-05", periods=len(frame), freq="11D").strftime("%Y-%m-%d"))
    for row, value in cells.items():
        dates[row] = value
    path = tmp_path / "dump.csv"
    frame.assign(posted_at=dates).to_csv(path, index=False)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    assert f"({len(cells)} row{'s' if len(cells) > 1 else ''} without a usable date" in result.stdout
    if said is None:
        assert "Unix times" not in result.stderr
    else:
        assert said in result.stderr and "pandas.to_datetime(values, unit='s', utc=True)" in result.stderr


MIXED = "pandas.to_datetime(values.where(values < 10**11, values // 1000), unit='s', utc=True)"


@pytest.mark.parametrize(
    ("cells", "advice"),
    [  # regression (h389): seconds and milliseconds in one column were told nothing, or to convert all as seconds
        (["1767225600", "1767225600000"], MIXED),
        ([1767225600, 1767225601, *[1767225602] * 50, 1767225600000], MIXED),  # the milliseconds further down
        (["1767225600", "1767225601"], "pandas.to_datetime(values, unit='s', utc=True)"),
        (["1767225600000", "1767225601000"], "pandas.to_datetime(values, unit='ms', utc=True)"),
        (["1767225600", "R00001"], None),
    ],
)
def test_a_column_of_unix_times_in_both_units_is_told_to_convert_both(cells, advice):
    said = str(no_dates_error("ts", "app.jsonl", pd.Series(cells, dtype=object)))
    assert (advice in said) if advice is not None else ("Unix times" not in said), said
    assert ("some in seconds and some in milliseconds" in said) is (advice == MIXED)


def test_unix_times_of_both_units_among_dates_are_said_so():
    first = [(0, "1767225600"), (3, "1767225600000")]
    warning = unix_warning(2, first, "dump.csv", "posted_at")
    assert warning is not None and MIXED in warning and "some in seconds and some in milliseconds" in warning


def test_drift_tells_a_log_of_both_units_to_convert_both(tiny_model_dir, tmp_path):
    frame = pd.read_csv(HOTELS, dtype=str)
    seconds = 1767225600 + 86400 * np.arange(len(frame))
    times = np.where(np.arange(len(frame)) < len(frame) - 5, seconds, seconds * 1000)  # moved to milliseconds
    path = tmp_path / "app.jsonl"
    frame.assign(ts=times).to_json(path, orient="records", lines=True, force_ascii=False)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "ts"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and MIXED in result.stderr, result.output
