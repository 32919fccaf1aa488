"""A few rows dated far from the rest at an end of a dump (a mistyped date): said and named in drift's text and
``--json``, in ``check_drift``, and in the report's trend and drift sections, and the empty periods between them and
the others offered both readings (rows lost, or dates outside the dump's range), not blamed on the dump."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis import build_report, drift_section
from taikai.cli import cli
from taikai.drift import End, StrayPeriods, StrayRow, check_drift, stray_ends

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
BOTH = "either the dump lost rows there, or a few rows are dated outside the dump's range"


@pytest.mark.parametrize(
    ("counts", "found"),
    [
        ([135, 135, 141, 0, 1], [(End.LAST, 1, 1)]),  # an October dump with one row dated 2026-12-25
        ([1, 0, 0, 135, 135], [(End.FIRST, 1, 2)]),
        ([1, 0, 135, 135, 0, 1], [(End.FIRST, 1, 1), (End.LAST, 1, 1)]),
        ([1, 0, 2, 0, 0, 500], [(End.FIRST, 2, 2)]),  # two stray months together: the cut nearest the middle
        ([1, 0, 2, 0, 0, 200], [(End.FIRST, 1, 1)]),  # 3 rows are 1.5 %: only the first month is stray
        ([135, 0, 135], []),  # a month lost in the middle: no end is stray
        ([135, 135, 1], []),  # a small last month next to the others: a partial month, not cut off
        ([100, 0, 2], []),  # 2 % of the rows
        ([50, 0, 1], []),  # 1 row of 51 is 2 %
        ([1, 0, 1], []),  # no bulk to be far from
        ([1, 0, *[3] * 200], []),  # 3 rows a week: one empty week after a week of 1 row is chance
        ([1, 0, 0, 0, 0, *[3] * 200], [(End.FIRST, 1, 4)]),  # 4 empty weeks would hold 12 rows
        ([135], []),
        ([], []),
    ],
)
def test_stray_ends_are_few_rows_cut_off_by_empty_periods(counts, found):
    assert stray_ends(counts) == found


def _dates(rows: int, typo: int | None, written: str, base: str = "2026-08-03") -> list[str]:
    days = pd.date_range(base, "2026-10-30", periods=rows).strftime("%Y-%m-%d").tolist()
    if typo is not None:
        days[typo] = written
    return days


def _dump(tmp_path: Path, dates: list[str]) -> Path:
    hotels = pd.read_csv(HOTELS, dtype=str)
    frame = pd.concat([hotels, hotels], ignore_index=True).assign(posted_at=dates)  # 120 rows: 1 row is 0.8 %
    frame["review_id"] = [f"R{i:04d}" for i in range(1, len(frame) + 1)]
    path = tmp_path / "oct.csv"
    frame.to_csv(path, index=False)
    return path


# (the row whose date is mistyped, the date written, freq, the stray end in JSON, the empty periods)
CASES = [
    (60, "2026-12-25", "M", {"end": "last", "periods": ["2026-12"], "line": 62}, ["2026-11"]),
    (119, "2026-06-03", "M", {"end": "first", "periods": ["2026-06"], "line": 121}, ["2026-07"]),
    (5, "2026/12/25", "W", {"end": "last", "periods": ["2026-W52"], "line": 7}, ["2026-W45 – 2026-W51"]),
    (None, "", "M", None, []),
]


@pytest.mark.parametrize(("typo", "written", "freq", "stray", "empty"), CASES)
def test_drift_names_the_rows_of_a_stray_end(tiny_model_dir, tmp_path, typo, written, freq, stray, empty):
    path, out = _dump(tmp_path, _dates(120, typo, written)), tmp_path / "d.json"
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", freq]
    result = CliRunner().invoke(cli, [*args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    said = json.loads(out.read_text(encoding="utf-8"))
    assert [
        (g["first"] if g["periods"] == 1 else f"{g['first']} – {g['last']}") for g in said["empty_periods"]
    ] == empty
    if stray is None:
        assert said["stray_periods"] == [] and "holds 1 row" not in result.stdout
        return
    (found,) = said["stray_periods"]
    shown = [{"line": stray["line"], "data_row": stray["line"] - 1, "date": written}]
    assert found == {
        "end": stray["end"],
        "periods": stray["periods"],
        "rows": 1,
        "share": round(1 / 120, 6),
        "empty_periods_between": found["empty_periods_between"],
        "rows_shown": shown,
    }
    assert found["empty_periods_between"] >= 1
    name = stray["periods"][0]
    gaps = next(line for line in result.stdout.splitlines() if "without rows between the first" in line)
    assert BOTH in gaps and f"({name}: below)" in gaps and "check whether the dump lost rows" not in gaps
    assert f"{name} holds 1 row (0.8% of the dated rows)" in result.stdout
    assert f"line {stray['line']} dated {written!r}" in result.stdout
    assert said["verdict"] in ("yes", "no") and said["alert"] is (said["verdict"] == "yes")


def test_a_lost_month_in_the_middle_offers_both_readings(tiny_model_dir, tmp_path):
    dates = [d for d in _dates(120, None, "") if not d.startswith("2026-09")]
    path = _dump(tmp_path, dates + ["2026-10-30"] * (120 - len(dates)))
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert f"{BOTH} (check the dates of the first and last rows)" in result.stdout
    assert "holds 1 row" not in result.stdout


def test_check_drift_of_a_frame_names_data_rows(tiny_model):
    frame = pd.concat([pd.read_csv(HOTELS, dtype=str)] * 2, ignore_index=True)
    frame["posted_at"] = _dates(120, 60, "2026-12-25")
    report = check_drift(frame, tiny_model, date_column="posted_at")
    (stray,) = report.stray_periods
    assert stray == StrayPeriods(End.LAST, ("2026-12",), 1, 120, 1, "M", (StrayRow(60, "2026-12-25"),))
    assert "data row 61 dated '2026-12-25'" in report.to_text()


@pytest.mark.parametrize(
    ("lang", "trend", "drift", "named"),
    [
        (
            "en",
            "2026-12 holds 1 of the 120 dated reviews (0.8%), cut off from the others by 1 month without reviews: "
            "review_id R0061 (2026-12-25)",
            "(2026-12: below)",
            "data row 61 dated '2026-12-25'",
        ),
        (
            "ja",
            "2026-12 の行は日付のある 120 件のうち 1 件 (0.8%) だけで、ほかの行との間に行のない月が 1 期間あります: "
            "review_id R0061 (2026-12-25)",
            "(2026-12: 下記)",
            "データ 61 行目 (2026-12-25)",
        ),
    ],
)
def test_the_report_says_the_stray_end_in_its_trend_and_drift_sections(tiny_model, tmp_path, lang, trend, drift, named):
    path = _dump(tmp_path, _dates(120, 60, "2026-12-25"))
    frame = tiny_model.predict_frame(pd.read_csv(path, dtype=str))
    page = build_report(frame, date_column="posted_at", model=tiny_model, lang=lang)
    assert trend in page
    section = drift_section(frame, tiny_model, date_column="posted_at", lang=lang)
    assert any(drift in n for n in section.notes)
    assert any(named in n for n in section.notes)
