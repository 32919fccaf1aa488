"""Drift per quarter or (fiscal) year: ``--freq Q``, ``Y``, and a fiscal year from April (``QE-MAR``, ``YS-APR``, as
年度; pandas' offsets alike in Python), its periods named as an analyst names them (``FY2025-Q1``: April to June
2025), in the text, ``--json`` and ``check_drift`` (regression: every such ``freq`` was refused)."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
# 60 rows at the edges of a fiscal year from April, with an empty fiscal quarter between (FY2025-Q2, -Q3)
DATES = ["2025-03-31"] * 15 + ["2025-04-01"] * 15 + ["2026-03-31 23:59"] * 15 + ["2026-04-01 00:00"] * 15

# (freq, what the JSON's "freq" says, the periods, the empty runs, the header of the table)
CASES = [
    (
        "QE-MAR",
        "Q-MAR",
        ["FY2024-Q4", "FY2025-Q1", "FY2025-Q4", "FY2026-Q1"],
        [{"first": "FY2025-Q2", "last": "FY2025-Q3", "periods": 2, "rows": 0}],
        "per fiscal quarter (FY2025: 2025-04 to 2026-03) of posted_at",
    ),
    (
        "YS-APR",
        "Y-MAR",
        ["FY2024", "FY2025", "FY2026"],
        [],
        "per fiscal year (FY2025: 2025-04 to 2026-03) of posted_at",
    ),
    (
        "Q",
        "Q",
        ["2025-Q1", "2025-Q2", "2026-Q1", "2026-Q2"],
        [{"first": "2025-Q3", "last": "2025-Q4", "periods": 2, "rows": 0}],
        "per quarter of posted_at",
    ),
    ("Y", "Y", ["2025", "2026"], [], "per year of posted_at"),
]


@pytest.mark.parametrize(("freq", "written", "periods", "empty", "header"), CASES)
def test_drift_counts_quarters_and_fiscal_years(tiny_model_dir, tmp_path, freq, written, periods, empty, header):
    path, out = tmp_path / "fy.csv", tmp_path / "d.json"
    pd.read_csv(HOTELS, dtype=str).assign(posted_at=DATES).to_csv(path, index=False)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", freq]
    result = CliRunner().invoke(cli, [*args, "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert f"\n{header} (0 rows without a usable date" in result.stdout
    said = json.loads(out.read_text(encoding="utf-8"))
    assert said["freq"] == written
    assert [p["period"] for p in said["periods"]] == periods
    assert said["empty_periods"] == empty
    for name in periods:
        assert any(line.startswith(f"  {name} ") for line in result.stdout.splitlines()), name
    if empty:
        unit = "fiscal quarters" if written == "Q-MAR" else "quarters"
        assert f"2 {unit} without rows between the first" in result.stdout


@pytest.mark.parametrize(
    ("offset", "written"),
    [
        (pd.offsets.QuarterEnd(startingMonth=3), "Q-MAR"),
        (pd.offsets.QuarterBegin(startingMonth=4), "Q-MAR"),
        (pd.offsets.YearEnd(month=3), "Y-MAR"),
        (pd.offsets.MonthEnd(), "M"),
    ],
)
def test_check_drift_takes_a_pandas_offset(tiny_model, offset, written):
    frame = pd.read_csv(HOTELS).assign(posted_at=DATES)
    report = check_drift(frame, tiny_model, date_column="posted_at", freq=offset)
    same = check_drift(frame, tiny_model, date_column="posted_at", freq=written)
    assert report.freq == written and [p.period for p in report.periods] == [p.period for p in same.periods]


@pytest.mark.parametrize("freq", ["W-MON", "2QE-MAR", "D"])
def test_drift_still_refuses_other_periods_on_the_command_line(tiny_model_dir, tmp_path, freq):
    path = tmp_path / "fy.csv"
    pd.read_csv(HOTELS, dtype=str).assign(posted_at=DATES).to_csv(path, index=False)
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", freq]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "invalid value for --freq: must be one of M (months" in result.output
    assert f"not '{freq}'" in result.output
