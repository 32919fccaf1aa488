"""The table of figures in the drift report: on a terminal it fits the width, each limit's rule on a line of its
own when a row with it would be wider; in a file or a pipe its columns are fixed and each rule ends its row."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.drift._figure_table import figure_table
from taikai.text import display_width

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"


@pytest.fixture(scope="module")
def report(tiny_model):
    return check_drift(HOTELS, tiny_model)


def _rules(lines):
    return [f"({line.split('(', 1)[1]}" for line in lines if line.startswith("      ")]


@pytest.mark.parametrize(
    ("width", "apart", "widest"),
    [
        (None, False, None),  # a file, a pipe, a notebook: as before
        (80, True, 80),  # regression: each row, 99 to 128 columns, wrapped its rule to the terminal's first column
        (100, True, 100),
        (160, False, 160),  # wide enough for every row with its rule
    ],
)
def test_the_figures_fit_the_terminal(report, width, apart, widest):
    lines = figure_table(report.overall, width)
    figures = report.overall.figures
    rows = [line for line in lines[1:] if not line.startswith("      ")]
    assert [row[2:].startswith(f.title) for row, f in zip(rows, figures)] == [True] * len(figures)
    said = _rules(lines) if apart else [f"({line.split('  (', 1)[1]}" for line in rows]
    assert said == [f"({f.rule})" for f in figures] and len(lines) == 1 + len(figures) * (2 if apart else 1)
    if widest is not None:
        assert max(map(display_width, lines)) <= widest


def test_the_table_in_a_file_is_as_before(report):
    header, first = figure_table(report.overall)[:2]
    assert header == f"  {'figure':<44} {'value':>8} {'reference':>10} {'limit':>8}  verdict"
    figure = report.overall.figures[0]
    assert first.startswith(f"  {figure.title:<44} ") and first.endswith(f"  ({figure.rule})")


@pytest.mark.parametrize(("columns", "apart"), [(80, True), (None, False)], ids=["terminal", "pipe"])
def test_drift_fits_its_table_to_a_terminal_only(tiny_model_dir, monkeypatch, columns, apart):
    monkeypatch.setattr("taikai.cli._predict.terminal_width", lambda: columns)
    result = CliRunner().invoke(cli, ["drift", str(HOTELS), "--model", str(tiny_model_dir)])
    assert result.exit_code in (0, 1), result.output
    assert any(line.startswith("      (") for line in result.stdout.splitlines()) is apart  # a rule under its row
