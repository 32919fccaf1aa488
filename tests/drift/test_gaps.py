"""Periods without rows between a dump's first period and its last: listed (a run as one entry) in drift's text,
``--json``, ``check_drift`` and the report's drift section, with 0 rows and the verdict ``no rows``."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis import drift_section
from taikai.cli import cli
from taikai.drift import EmptyPeriods, check_drift
from taikai.drift._gaps import empty_runs, gaps_line

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"

# (dates of the 60 rows, freq, the runs of empty periods, their rows of the table: name, verdict)
CASES = [
    (["2025-01-10"] * 30 + ["2025-03-10"] * 30, "M", [("2025-02", "2025-02", 1)], [("2025-02", "no rows")]),
    (
        ["2025-01-10"] * 20 + ["2025-05-10"] * 20 + ["2025-06-10"] * 10 + ["2025-09-10"] * 10,
        "M",
        [("2025-02", "2025-04", 3), ("2025-07", "2025-08", 2)],
        [("2025-02 – 2025-04", "no rows (3 months)"), ("2025-07 – 2025-08", "no rows (2 months)")],
    ),
    (
        ["2025-01-06"] * 30 + ["2025-04-07"] * 30,  # ISO weeks 2 and 15
        "W",
        [("2025-W03", "2025-W14", 12)],
        [("2025-W03 – 2025-W14", "no rows (12 weeks)")],
    ),
    (["2024-12-30"] * 30 + ["2025-01-06"] * 30, "W", [], []),  # 2025-W01 and 2025-W02: no gap across the year
    (["2025-01-10"] * 30 + ["2025-02-10"] * 30, "M", [], []),
]


def _dump(tmp_path: Path, dates: list[str]) -> Path:
    path = tmp_path / "gap.csv"
    pd.read_csv(HOTELS, dtype=str).assign(posted_at=dates).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(("dates", "freq", "runs", "rows"), CASES)
def test_drift_lists_the_periods_without_rows(tiny_model_dir, tmp_path, dates, freq, runs, rows):
    path, out = _dump(tmp_path, dates), tmp_path / "d.json"
    args = ["drift", str(path), "--model", str(tiny_model_dir), "--date-column", "posted_at", "--freq", freq]
    result = CliRunner().invoke(cli, [*args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    table = [line for line in result.stdout.splitlines() if " no rows" in line]
    assert len(table) == len(rows)
    for line, (name, verdict) in zip(table, rows, strict=True):  # 0 rows, no figure, the verdict no rows
        assert line.startswith(f"  {name} ") and line.endswith(f"  {verdict}")
        assert line[len(name) + 2 :].split()[:2] == ["0", "–"]
    said = json.loads(out.read_text(encoding="utf-8"))
    assert said["empty_periods"] == [{"first": a, "last": b, "periods": n, "rows": 0} for a, b, n in runs]
    assert not set(said["drifted_periods"]) & {a for a, _, _ in runs}
    if runs:
        unit = {"M": "month", "W": "week"}[freq]
        total = sum(n for _, _, n in runs)
        assert f"{total} {unit}{'s' if total > 1 else ''} without rows between the first {unit}" in result.stdout
    else:
        assert "without rows" not in result.stdout


@pytest.mark.parametrize(("dates", "freq", "runs", "rows"), CASES)
def test_check_drift_returns_the_runs_of_empty_periods(tiny_model, dates, freq, runs, rows):
    frame = pd.read_csv(HOTELS, dtype=str).assign(posted_at=dates)
    report = check_drift(frame, tiny_model, date_column="posted_at", freq=freq)
    assert report.empty_periods == tuple(EmptyPeriods(a, b, n, freq) for a, b, n in runs)
    assert [p.period for p in report.periods] == sorted({p.period for p in report.periods})  # no empty part judged


@pytest.mark.parametrize(
    ("lang", "verdict", "note"),
    [("en", "no rows (2 months)", "2 months without rows"), ("ja", "行なし (2 か月)", "行のない期間が 2 か月")],
)
def test_the_report_s_drift_section_shows_the_empty_periods(tiny_model, lang, verdict, note):
    dates = ["2025-01-10"] * 30 + ["2025-04-10"] * 30
    frame = tiny_model.predict_frame(pd.read_csv(HOTELS, dtype=str).assign(posted_at=dates))
    section = drift_section(frame, tiny_model, date_column="posted_at", lang=lang)
    assert section.periods is not None
    assert list(section.periods.index) == ["2025-01", "2025-02 – 2025-03", "2025-04"]
    empty = section.periods.loc["2025-02 – 2025-03"]
    assert empty.iloc[0] == 0 and empty.iloc[-1] == verdict
    assert any(note in n and "2025-02 – 2025-03" in n for n in section.notes)


def test_a_run_of_years_of_empty_weeks_is_one_entry():
    weeks = [pd.Period("2020-01-06", "W"), pd.Period("2025-01-06", "W")]
    (run,) = empty_runs(weeks, "W")
    assert (run.first, run.last, run.count, run.verdict) == ("2020-W03", "2025-W01", 260, "no rows (260 weeks)")


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ([0, 2], "1 month without rows between the first month with rows and the last: 2025-02; nothing in it is"),
        (
            [0, 3],
            "2 months without rows between the first month with rows and the last: 2025-02 – 2025-03; nothing in them",
        ),
        (
            [0, 2, 4, 6, 8, 10],
            "5 months without rows between the first month with rows and the last: 2025-02, 2025-04, 2025-06, 2025-08, "
            "2025-10; nothing in them",
        ),
        (
            [0, 2, 4, 6, 8, 10, 12],
            "6 months without rows between the first month with rows and the last: 2025-02, 2025-04, 2025-06, 2025-08, "
            "2025-10, and 1 more; nothing in them",
        ),
    ],
)
def test_the_line_under_the_table_names_the_first_five_runs_and_counts_the_rest(held, said):
    """Mutation audit: 'and 0 more' after exactly five runs, and 'nothing in them' of one month, survived."""
    line = gaps_line(empty_runs([pd.Period("2025-01", "M") + k for k in held], "M"))
    assert line is not None and line.startswith(said)
    assert (" more;" in line) is (len(held) > 6)
