"""The report's periods in a time zone (``--tz``, ``tz=``): UTC times counted in Japan's months and 年度, and the
page says which zone it counts in (regression: they counted in UTC's months, and a forwarded page did not say so)."""

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis import build_report, write_report
from taikai.cli import cli
from taikai.errors import InputError

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて数百円にしかならない",
    "本業が忙しくなった",
    "提案しても返事がない",
]
# 2026-04-01 00:30 and 2026-11-01 05:00 in Japan, written in UTC
DATES = ["2026-03-31T15:30:00Z", "2026-10-31T20:00:00Z"] * 10


@pytest.fixture(scope="module")
def predictions(tiny_model) -> pd.DataFrame:
    return tiny_model.predict_frame(pd.DataFrame({"posted_at": DATES, "text": TEXTS * 5}))


def _report(frame: pd.DataFrame, tmp_path: Path, *options: str):
    path = tmp_path / "p.csv"
    frame.to_csv(path, index=False)
    args = ["report", str(path), "-o", str(tmp_path / "r.html"), "--date-column", "posted_at", "--no-drift"]
    result = CliRunner().invoke(cli, [*args, "--lang", "en", *options])
    page = (tmp_path / "r.html").read_text(encoding="utf-8") if result.exit_code == 0 else ""
    return result, page


# (options, the periods on the page, the trend's heading, the note saying the zone)
CASES = [
    ([], {"2026-03", "2026-10"}, "Reasons over time (month)", "Dates and times are counted in the zone they are"),
    (["--tz", "Asia/Tokyo"], {"2026-04", "2026-11"}, "Reasons over time (month, Asia/Tokyo)", "in the time zone Asia"),
    (["--tz", "+09:00", "--freq", "Y-MAR"], {"FY2026"}, "Reasons over time (fiscal year, +09:00)", "zone +09:00"),
    (["--freq", "Y-MAR"], {"FY2025", "FY2026"}, "Reasons over time (fiscal year)", "written in: Z (e.g."),
]


@pytest.mark.parametrize(("options", "periods", "heading", "note"), CASES)
def test_the_report_counts_periods_in_the_zone_given_and_says_so(
    predictions, tmp_path, options, periods, heading, note
):
    result, page = _report(predictions, tmp_path, *options)
    assert result.exit_code == 0, result.output
    shown = set(re.findall(r">((?:FY)?\d{4}(?:-\d\d)?)<", page))
    assert shown == periods
    assert f">{heading}<" in page and note in page
    assert ("carry the time zone Z" in result.stderr) is ("--tz" not in options)


def test_the_sentiment_over_time_names_the_zone(predictions):
    page = build_report(predictions, date_column="posted_at", tz="Asia/Tokyo", lang="en", charts=False, drift=False)
    assert ">Sentiment over time (Asia/Tokyo)<" in page and ">2026-04<" in page and ">2026-03<" not in page


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"date_column": "posted_at", "tz": "Japan/Tokyo"}, r"^tz must be an IANA time zone name such as Asia/Tokyo"),
        ({"tz": "Asia/Tokyo"}, r"^tz='Asia/Tokyo' \(--tz Asia/Tokyo on the command line\) applies to periods"),
    ],
)
def test_a_zone_is_refused_by_the_library(predictions, tmp_path, options, message):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(InputError, match=message):
            build_report(predictions, drift=False, charts=False, **options)
        with pytest.raises(InputError, match=message):  # before the file is read: there is none
            write_report(tmp_path / "none.csv", tmp_path / "r.html", **options)


def test_an_unknown_zone_is_refused_on_the_command_line(predictions, tmp_path):
    result, _ = _report(predictions, tmp_path, "--tz", "Asia/Tokio")  # JST reads as Asia/Tokyo: tests/test_zone.py
    assert result.exit_code == 2
    assert "taikai: error: report: invalid value for --tz: must be an IANA time zone name such as Asia/Tokyo" in (
        result.stderr
    )
    assert not (tmp_path / "r.html").exists()
