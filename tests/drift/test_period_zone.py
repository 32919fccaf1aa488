"""Drift per period in a time zone (``--tz``, ``tz=``): a UTC dump counted in Japan's months and 年度, and the zone
said in the text and the JSON (regression: the periods were those of the zone written, with only a warning)."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.errors import InputError

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
# 60 rows: 2026-04-01 00:30 and 2026-11-01 05:00 in Japan, written in UTC
DATES = ["2026-03-31T15:30:00Z"] * 30 + ["2026-10-31T20:00:00Z"] * 30

# (options, the periods holding rows, the header of the table, the JSON's "tz")
CASES = [
    ([], ["2026-03", "2026-10"], "per month of posted_at (", None),
    (["--tz", "Asia/Tokyo"], ["2026-04", "2026-11"], "per month of posted_at in Asia/Tokyo time (", "Asia/Tokyo"),
    (["--tz", "UTC"], ["2026-03", "2026-10"], "per month of posted_at in UTC time (", "UTC"),
    # the abbreviation every Japanese analyst types, and the database's old alias: Asia/Tokyo, as the library reads them
    (["--tz", "JST"], ["2026-04", "2026-11"], "per month of posted_at in Asia/Tokyo time (", "Asia/Tokyo"),
    (["--tz", "Japan"], ["2026-04", "2026-11"], "per month of posted_at in Asia/Tokyo time (", "Asia/Tokyo"),
    (
        ["--tz", "+0900", "--freq", "Q-MAR"],
        ["FY2026-Q1", "FY2026-Q3"],
        "per fiscal quarter (FY2025: 2025-04 to 2026-03) of posted_at in +09:00 time (",
        "+09:00",
    ),
    (["--freq", "Q-MAR"], ["FY2025-Q4", "FY2026-Q3"], "per fiscal quarter", None),
]


@pytest.fixture
def dump(tmp_path) -> Path:
    path = tmp_path / "utc.csv"
    pd.read_csv(HOTELS, dtype=str).assign(posted_at=DATES).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(("options", "periods", "header", "tz"), CASES)
def test_drift_counts_periods_in_the_zone_given(tiny_model_dir, dump, tmp_path, options, periods, header, tz):
    out = tmp_path / "d.json"
    args = ["drift", str(dump), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--json", str(out)]
    result = CliRunner().invoke(cli, [*args, *options])
    assert result.exit_code in (0, 1), result.output
    assert f"\n{header}" in result.stdout
    said = json.loads(out.read_text(encoding="utf-8"))
    assert [p["period"] for p in said["periods"]] == periods  # the periods that hold rows
    assert said["tz"] == tz
    warned = "carry the time zone Z" in result.stderr
    assert warned is (tz is None)
    if warned:  # the warning says how to count them in Japan's time
        assert "give tz='Asia/Tokyo' (--tz Asia/Tokyo on the command line)" in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--date-column", "posted_at", "--tz", "Asia/Tokio"],
            "taikai: error: drift: invalid value for --tz: must be an IANA time zone name such as Asia/Tokyo, UTC, "
            "or an offset from UTC such as +09:00 (JST, Japan and 日本時間 read as Asia/Tokyo, KST as Asia/Seoul), not "
            "'Asia/Tokio': no such time zone: did you mean Asia/Tokyo?",
        ),
        (["--tz", "UTC"], "taikai: error: --tz applies to periods: give the column of dates with --date-column COLUMN"),
    ],
)
def test_a_zone_is_refused_up_front(tiny_model_dir, dump, options, message):
    result = CliRunner().invoke(cli, ["drift", str(dump), "--model", str(tiny_model_dir), *options])
    assert result.exit_code == 2, result.output
    assert message in result.stderr


@pytest.mark.parametrize("tz", ["Asia/Tokyo", "JST", "jst", "Japan", "asia/tokyo"])
def test_check_drift_counts_periods_in_the_zone_given(tiny_model_dir, dump, tz):
    frame = pd.read_csv(dump, dtype=str)
    report = check_drift(frame, tiny_model_dir, date_column="posted_at", freq="Y-MAR", tz=tz)
    assert [p.period for p in report.periods] == ["FY2026"] and report.tz == "Asia/Tokyo"
    assert report.to_dict()["tz"] == "Asia/Tokyo"
    with pytest.raises(InputError, match=r"^tz='Asia/Tokyo' \(--tz Asia/Tokyo on the command line\) applies to"):
        check_drift(frame, tiny_model_dir, tz="Asia/Tokyo")
    with pytest.raises(InputError, match=r"^tz must be an IANA time zone name"):
        check_drift(frame, tiny_model_dir, date_column="posted_at", tz="Asia/Tokio")
