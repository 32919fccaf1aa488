"""The table of periods in the drift report: on a terminal it fits the width (its columns as wide as what they
hold, then its headings on two lines); in a file or a pipe its columns are fixed, as before."""

import csv

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.drift._period_table import COLUMNS, period_rows
from taikai.text import display_width


@pytest.fixture(scope="module")
def dated(tmp_path_factory, tiny_csv):
    """The tiny fixture's texts over four months with an empty month between (2025-03), 30 rows a month."""
    with tiny_csv.open(encoding="utf-8") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    path = tmp_path_factory.mktemp("dated") / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["posted_at", "text"])
        for i, month in enumerate(["2025-01", "2025-02", "2025-04", "2025-05"]):
            out.writerows([f"{month}-{1 + k % 28:02d}", texts[(k + i) % len(texts)]] for k in range(30))
    return path


@pytest.fixture(scope="module")
def report(dated, tiny_model):
    return check_drift(dated, tiny_model, date_column="posted_at")


def _rows(lines):
    return [line.split() for line in lines if line[2:9].startswith("2025-")]


@pytest.mark.parametrize(("width", "heading_lines"), [(80, 2), (120, 1), (200, 1)])
def test_the_periods_fit_the_terminal(report, width, heading_lines):
    """Regression: the table was 118 columns wide, whatever the terminal, and each row wrapped at 80."""
    lines = period_rows(report, width)
    assert max(map(display_width, lines)) <= width
    assert len(lines) == heading_lines + 5  # a row per month, the empty one too
    assert _rows(lines) == _rows(period_rows(report))  # the same cells
    heading = " ".join(" ".join(lines[:heading_lines]).split())
    assert all(word in heading.split() for _, h, _ in COLUMNS for word in h.split(" ") if "/" not in h)


def test_the_periods_in_a_file_are_as_before(report):
    header, first = period_rows(report)[:2]
    assert header == "  period                    rows " + " ".join(f"{h:>{w}}" for _, h, w in COLUMNS) + "  drift"
    assert first.startswith(f"  {'2025-01':<23} {30:>6} ")


@pytest.mark.parametrize("columns", [80, None], ids=["terminal", "pipe"])
def test_drift_fits_its_periods_to_a_terminal_only(tiny_model_dir, dated, monkeypatch, columns):
    monkeypatch.setattr("taikai.cli._predict.terminal_width", lambda: columns)
    args = ["drift", str(dated), "--date-column", "posted_at", "--model", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    widest = max(map(display_width, result.stdout.splitlines()))
    assert widest <= 80 if columns else widest > 100
