"""Drift's periods: the date column surveyed as a whole (one order, dates out of range), through the command line."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.errors import DataWarning, InputError

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
DAYS = pd.date_range("2025-01-05", periods=60, freq="11D")  # 2025-01 to 2026-10


def dump(tmp_path: Path, dates: list[str] | list[object]) -> Path:
    frame = pd.read_csv(HOTELS, dtype=str)
    path = tmp_path / "dump.csv"
    frame.assign(posted_at=dates[: len(frame)]).to_csv(path, index=False)
    return path


def periods(stdout: str) -> list[str]:
    return [line.split()[0] for line in stdout.splitlines() if line.startswith(("  19", "  20"))]


@pytest.mark.parametrize("written", ["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y"])
def test_year_last_dates_are_counted_in_the_dump_s_months(tiny_model_dir, tmp_path, written):
    path = dump(tmp_path, list(DAYS.strftime(written)))
    result = CliRunner().invoke(cli, ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"])
    assert result.exit_code in (0, 1), result.output
    assert "(0 rows without a usable date, counted in the whole dump only)" in result.stdout
    assert periods(result.stdout) == sorted(set(DAYS[:60].strftime("%Y-%m")))
    assert "read either way" not in result.output


def test_dates_that_read_either_way_are_read_month_first_and_said_so(tiny_model_dir, tmp_path):
    early = [d for d in pd.date_range("2025-01-01", "2026-12-31") if d.day <= 12][::4]
    path = dump(tmp_path, [d.strftime("%m/%d/%Y") for d in early])
    result = CliRunner().invoke(cli, ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"])
    assert result.exit_code in (0, 1), result.output
    assert "taikai: warning: " in result.stderr and "none in the column tells the order" in result.stderr
    # Regression: both cite one of the dump's own dates (they always cited 03/04/2026, which it need not hold);
    # 01/01/2025, the first, reads one date either way
    assert "dates such as 01/05/2025 read either way, and none in the column" in result.stderr
    assert "read month-first (January 5)" in result.stderr
    assert "dates such as 01/05/2025 read either way and none tells the order: read month-first" in result.stdout


def test_a_column_written_both_ways_is_refused(tiny_model_dir, tmp_path):
    dates = list(DAYS.strftime("%d/%m/%Y"))
    dates[40] = "01/22/2025"  # after the first chunk's check would have passed
    path = dump(tmp_path, dates)
    result = CliRunner().invoke(cli, ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"taikai: error: {path}: date_column='posted_at' "
        f"(--date-column on the command line) holds dates written day-first"
    )
    assert "month-first (e.g. '01/22/2025')" in result.stderr


def test_mistyped_dates_are_left_out_of_the_weeks_and_counted(tiny_model_dir, tmp_path):
    dates = list(DAYS.strftime("%Y-%m-%d"))
    dates[0], dates[1] = "1970-01-01", "2062-03-14"
    path = dump(tmp_path, dates)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", "W"]
    result = CliRunner().invoke(cli, [*args, "--json", str(tmp_path / "d.json")])
    assert result.exit_code in (0, 1), result.output
    assert "2 row(s) have a date far outside the others (outside 2024-2027)" in result.stderr
    assert "(2 rows without a usable date: 2 out of range (outside 2024-2027, far from the others); " in result.stdout
    weeks = periods(result.stdout)
    assert weeks and all(w.startswith(("2025", "2026")) for w in weeks) and len(weeks) < 110


def test_the_python_api_reports_the_rows_out_of_range(tiny_model, tmp_path):
    frame = pd.read_csv(HOTELS, dtype=str).assign(posted_at=list(DAYS.strftime("%Y-%m-%d"))[:60])
    frame.loc[0, "posted_at"] = "1970-01-01"
    with pytest.warns(DataWarning, match=r"1 row\(s\) have a date far outside"):
        report = check_drift(frame, tiny_model, date_column="posted_at")
    assert (report.undated, report.out_of_range) == (1, 1)
    assert report.to_dict()["out_of_range_rows"] == 1 and report.to_dict()["date_years"] == [2024, 2027]


@pytest.mark.parametrize(
    ("periods_of", "freq", "expected"),
    [
        ("Q", "M", None),  # refused: a quarter counted as the month it starts in
        ("M", "W", None),  # refused: a month counted as the week it starts in
        ("W", "M", "2024-12"),  # a week (2024-12-30/2025-01-05) is read by its Monday
        ("M", "M", "2025-01"),
    ],
)
def test_a_frame_of_pandas_periods_is_read_by_their_start_or_refused(tiny_model, periods_of, freq, expected):
    frame = pd.read_csv(HOTELS, dtype=str)
    first = {"Q": "2025Q1", "M": "2025-01", "W": "2024-12-30"}[periods_of]
    frame["posted_at"] = pd.Series(pd.PeriodIndex([first] * len(frame), freq=periods_of))
    if expected is None:
        with pytest.raises(InputError, match=rf"holds pandas periods of {periods_of}.* longer than a"):
            check_drift(frame, tiny_model, date_column="posted_at", freq=freq)
        return
    report = check_drift(frame, tiny_model, date_column="posted_at", freq=freq)
    assert [p.period for p in report.periods] == [expected]


@pytest.mark.parametrize("whole_column", [True, False], ids=["column-read-through", "chunk-by-chunk"])
def test_periods_too_long_after_the_first_chunk_are_refused(tiny_model, monkeypatch, whole_column):
    # regression: only the first chunk was checked, so quarters after row 5,000 were counted as the month they start in
    from taikai.drift import _files

    monkeypatch.setattr(_files, "CHUNK_ROWS", 20)
    frame = pd.read_csv(HOTELS, dtype=str)
    months = [pd.Period("2025-01", "M")] * 40
    frame["posted_at"] = pd.Series(months + [pd.Period("2025Q2", "Q")] * (len(frame) - 40), dtype=object)
    if not whole_column:  # the column not read through before counting: each chunk is checked as it comes
        real = _files.count_chunks
        monkeypatch.setattr(_files, "count_chunks", lambda *a, **k: real(*a, **{**k, "date_columns": None}))
    with pytest.raises(InputError, match=r"holds pandas periods of Q-DEC \('2025Q2': 91 days\), longer than a month"):
        check_drift(frame, tiny_model, date_column="posted_at", freq="M")


@pytest.mark.parametrize("numbers", [True, False], ids=["numbers", "text"])
def test_compact_dates_of_a_jsonl_dump_are_counted_in_their_months(tiny_model, tmp_path, numbers):
    """Regression: ``"posted_at": 20250105`` was refused as no date, ``"posted_at": "20250105"`` read."""
    frame = pd.read_csv(HOTELS, dtype=str)
    compact = [int(day) if numbers else day for day in DAYS.strftime("%Y%m%d")[: len(frame)]]
    path = tmp_path / "dump.jsonl"
    frame.assign(posted_at=compact).to_json(path, orient="records", lines=True, force_ascii=False)
    report = check_drift(path, tiny_model, date_column="posted_at")
    assert [p.period for p in report.periods][:3] == ["2025-01", "2025-02", "2025-03"] and report.undated == 0


@pytest.mark.parametrize("freq", ["W", "M"])
def test_months_without_a_day_are_refused_per_week_and_counted_per_month(tiny_model, tmp_path, freq):
    """Regression: months written 2025年01月 counted per week were each counted in the week of their first day."""
    path = dump(tmp_path, [f"2025年{m:02d}月" for m in range(1, 13)] * 5)
    if freq == "W":
        with pytest.raises(InputError, match="holds months without a day"):
            check_drift(path, tiny_model, date_column="posted_at", freq=freq)
    else:
        assert len(check_drift(path, tiny_model, date_column="posted_at", freq=freq).periods) == 12


@pytest.mark.parametrize(
    ("serials", "said"),
    [  # Regression: cells of Excel serial dates in a column of dates counted as "without a usable date", unsaid
        ({0: "45678", 7: "45700.5"}, "2 row(s) hold a number, not a date (e.g. '45678'), and count as rows without"),
        ({3: "45678"}, "1 row(s) hold a number, not a date (e.g. '45678')"),
        ({3: "不明"}, None),  # no date, but no number: the undated count says it
        ({3: "123"}, None),  # not in the range of Excel's serial dates
    ],
)
def test_excel_serial_dates_among_dates_are_said(tiny_model_dir, tmp_path, serials, said):
    dates = list(DAYS.strftime("%Y-%m-%d"))
    for row, value in serials.items():
        dates[row] = value
    path = dump(tmp_path, dates)
    result = CliRunner().invoke(cli, ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"])
    assert result.exit_code in (0, 1), result.output
    assert re.search(rf"\({len(serials)} rows? without a usable date", result.stdout)
    if said is None:
        assert "Excel" not in result.stderr
    else:
        assert said in result.stderr and "Format Cells, Date" in result.stderr
        assert "origin='1899-12-30'" in result.stderr


@pytest.mark.parametrize(
    ("cells", "said"),
    [  # Regression: 10/24 was counted in a month of the year 1 (far outside the others), 10月24日 without a word
        ({0: "10/24", 7: "11/3"}, "2 row(s) hold a date without its year (e.g. '10/24'), and count as rows without"),
        ({3: "10月24日"}, "1 row(s) hold a date without its year (e.g. '10月24日')"),
        ({3: "不明"}, None),
    ],
)
def test_dates_without_a_year_among_dates_are_said(tiny_model_dir, tmp_path, cells, said):
    dates = list(DAYS.strftime("%Y-%m-%d"))
    for row, value in cells.items():
        dates[row] = value
    path = dump(tmp_path, dates)
    result = CliRunner().invoke(cli, ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"])
    assert result.exit_code in (0, 1), result.output
    assert re.search(rf"\({len(cells)} rows? without a usable date", result.stdout)
    assert "far outside" not in result.stderr
    if said is None:
        assert "without its year" not in result.stderr
    else:
        assert said in result.stderr and "Format Cells, Date" in result.stderr


@pytest.mark.parametrize(
    ("freq", "dates", "names"),
    [
        # the week of Monday 2024-12-30 is ISO week 1 of 2025, as the report names it (pandas: 2024-12-30/2025-01-05)
        ("W", ["2024-12-30", "2025-01-05", "2025-01-06"], ["2025-W01", "2025-W02"]),
        ("W", ["2026-12-28", "2027-01-03"], ["2026-W53"]),  # a year of 53 ISO weeks
        ("M", ["2024-12-30", "2025-01-05"], ["2024-12", "2025-01"]),  # months named as before
    ],
)
def test_periods_are_named_as_the_report_names_them(tiny_model_dir, tmp_path, freq, dates, names):
    frame = pd.read_csv(HOTELS, dtype=str)
    path = tmp_path / "dump.csv"
    frame.assign(posted_at=[dates[i * len(dates) // len(frame)] for i in range(len(frame))]).to_csv(path, index=False)
    out = tmp_path / "d.json"
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", freq]
    result = CliRunner().invoke(cli, [*args, "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert periods(result.stdout) == names
    assert [p["period"] for p in json.loads(out.read_text(encoding="utf-8"))["periods"]] == names
    report = check_drift(path, str(tiny_model_dir), date_column="posted_at", freq=freq)
    assert [p.period for p in report.periods] == names
    from taikai.analysis import period_label

    assert [period_label(p) for p in sorted({pd.Period(d, freq) for d in dates})] == names


@pytest.mark.parametrize(
    ("blank_rows", "as_file"),
    [
        ([3, 5_000], False),  # one in each 5,000-row chunk
        ([4_999, 5_000, 5_099], True),  # the last of the first chunk, the first and the last of the second
        ([10, 20], False),  # the first chunk's only
        ([5_050], True),  # the second chunk's only
    ],
)
def test_blank_dates_are_summed_over_every_chunk(tiny_model, tmp_path, blank_rows, as_file):
    """The blank date cells of a dump of more than one 5,000-row chunk (a frame's, as a file's) are each counted once,
    summed over the chunks, and the dated rows are counted in their month; a count of one chunk's blanks passed the
    tests of one-chunk dumps."""
    rows = 5_100
    dates = ["" if j in blank_rows else f"2025-{1 + j % 12:02d}-01" for j in range(rows)]
    frame = pd.DataFrame({"posted_at": dates, "text": ["手数料が高すぎるので退会しました"] * rows})
    given: object = frame
    if as_file:
        given = tmp_path / "dump.csv"
        frame.to_csv(given, index=False)
    report = check_drift(given, tiny_model, date_column="posted_at")
    assert report.to_dict()["blank_date_rows"] == report.blank_dates == report.undated == len(blank_rows)
    assert sum(period.statistics.rows for period in report.periods) == rows - len(blank_rows)


@pytest.mark.parametrize(
    ("zone", "options", "said", "first"),
    [  # Regression: UTC timestamps (BigQuery's, in Parquet) were counted in UTC's months with no word of it
        (
            "UTC",
            [],
            "carry the time zone UTC (e.g. '2024-12-31 23:30:00+00:00') and are counted in its clock",
            "2024-12",
        ),
        ("UTC", ["--tz", "Asia/Tokyo"], None, "2025-01"),  # counted in Japan's months, as asked: nothing to say
        ("Asia/Tokyo", [], None, "2025-01"),  # counted in Japan's months: nothing to say
        ("Asia/Tokyo", ["--tz", "UTC"], None, "2024-12"),
        (None, [], None, "2025-01"),  # naive: the clock it was written in
        (None, ["--tz", "UTC"], None, "2025-01"),  # naive: taken as in the zone given
    ],
)
def test_dates_of_another_time_zone_are_said(tiny_model_dir, tmp_path, zone, options, said, first):
    frame = pd.read_csv(HOTELS, dtype=str)
    moments = pd.date_range("2025-01-01 08:30", periods=len(frame), freq="5D", tz="Asia/Tokyo")
    dates = moments.tz_localize(None) if zone is None else moments.tz_convert(zone)
    path = tmp_path / "dump.parquet"
    frame.assign(posted_at=dates).to_parquet(path)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", *options]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    assert periods(result.stdout)[0] == first
    if said is None:
        assert "time zone" not in result.stderr
    else:
        assert said in result.stderr and "give tz='Asia/Tokyo' (--tz Asia/Tokyo on the command line)" in result.stderr


@pytest.mark.parametrize(
    ("cells", "said"),
    [  # regression (h389): drift counted such rows in its table's header, never saying which they are
        (
            {3: "不明", 40: "2026/11/3 確認済"},
            "2 row(s) hold a value that reads as no date (data row(s) 4, 41: '不明', '2026/11/3 確認済')",
        ),
        ({3: None, 5: "46329"}, None),  # blank, and an Excel serial number with its own warning
    ],
)
def test_drift_names_the_cells_that_read_as_no_date(tiny_model_dir, tmp_path, cells, said):
    dates: list[object] = list(DAYS.strftime("%Y-%m-%d"))
    for row, value in cells.items():
        dates[row] = value
    path = dump(tmp_path, dates)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    assert (said in result.stderr) if said else ("reads as no date" not in result.stderr), result.stderr
