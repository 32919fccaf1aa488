"""A column hidden in Excel is read as any other: every command that reads a workbook says so, naming the sheet, the
column (letter and name) and what to do (:func:`taikai.io._sheet_layout.column_warning`)."""

import csv
from pathlib import Path

import pytest

RULES = Path(__file__).parents[2] / "examples" / "rules.toml"
WARNED = "column(s) hidden in Excel are read all the same, as every column is: "


def _workbook(rows: list[list[str]], path: Path, hidden: str = "") -> Path:
    """Write *rows* (a header first) as the sheet ``Sheet`` of *path*, column *hidden* (if any) hidden."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if hidden:
        ws.column_dimensions[hidden].hidden = True
    wb.save(path)
    return path


def _hide(path: Path, out: Path, hidden: str) -> Path:
    """Save the workbook *path* again as *out*, column *hidden* of its first sheet hidden."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb.worksheets[0].column_dimensions[hidden].hidden = True
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def labelled_rows(tiny_csv) -> list[list[str]]:
    with tiny_csv.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize(
    ("command", "hidden", "named"),
    [
        (["evaluate", "{book}", "-m", "{model}"], "B", "B ('reasons')"),  # h341: scored in silence
        (["evaluate", "{book}", "-m", "{model}"], "A", "A ('text')"),
        (
            ["batch", "{book}", "-o", "{tmp}/o.csv", "-m", "{model}", "--text-column", "text", "--prefix", "p_"],
            "A",
            "A ('text')",
        ),
        (["drift", "{book}", "-m", "{model}"], "A", "A ('text')"),
        (["train", "{book}", "-o", "{tmp}/m", "--folds", "0", "--test-size", "0"], "C", "C ('sentiment')"),
        (["rules", "test", str(RULES), "{book}"], "B", "B ('reasons')"),
        (["report", "{predictions}", "-o", "{tmp}/r.html"], "D", "D ('p_status')"),
        (["suggest", "{predictions}", "-o", "{tmp}/s.xlsx"], "A", "A ('text')"),
    ],
)
def test_a_hidden_column_read_is_said(tmp_path, invoke, tiny_model_dir, labelled_rows, command, hidden, named):
    """Regression: a workbook whose ``reasons`` column was hidden beside a visible ``理由`` one was scored without a
    word; hidden rows were warned of, hidden columns not, by every command."""
    book = _workbook(labelled_rows, tmp_path / "book.xlsx", hidden)
    predictions = tmp_path / "predictions.xlsx"
    if "{predictions}" in command:
        visible = _workbook(labelled_rows, tmp_path / "visible.xlsx")
        done = invoke(
            "batch", visible, "-o", tmp_path / "p.xlsx", "-m", tiny_model_dir, "--text-column", "text", "--prefix", "p_"
        )
        assert done.exit_code == 0, done.output
        _hide(tmp_path / "p.xlsx", predictions, hidden)
    values = {"book": book, "model": tiny_model_dir, "tmp": tmp_path, "predictions": predictions}
    result = invoke(*[part.format(**values) for part in command])
    assert result.exit_code in (0, 1), result.output  # drift may find the data drifted; never a usage error
    said = [line for line in result.output.splitlines() if WARNED in line]
    assert len(said) == 1, result.output
    sheet = "taikai" if "{predictions}" in command else "Sheet"  # batch names its output's sheet
    assert f"sheet {sheet!r}: 1 {WARNED}{named}; unhide them" in said[0], said


@pytest.mark.parametrize(
    ("command", "hidden"),
    [
        (["batch", "{book}", "-o", "{tmp}/o.csv", "-m", "{model}", "--text-column", "text", "--prefix", "p_"], "B"),
        (["batch", "{book}", "-o", "{tmp}/o.csv", "-m", "{model}", "--text-column", "text", "--prefix", "p_"], "D"),
        (["drift", "{book}", "-m", "{model}"], "C"),
        (["evaluate", "{book}", "-m", "{model}"], "D"),
        (["train", "{book}", "-o", "{tmp}/m", "--folds", "0", "--test-size", "0"], "D"),
    ],
)
def test_a_hidden_column_not_read_is_not_said(tmp_path, invoke, tiny_model_dir, labelled_rows, command, hidden):
    """Regression: every hidden column with a name was warned of, also one the command only carries along (batch
    copies a hidden ``memo`` to its output; drift reads no label): the warning is of the columns the command reads."""
    rows = [[*labelled_rows[0], "memo"], *([*row, "x"] for row in labelled_rows[1:])]
    book = _workbook(rows, tmp_path / "book.xlsx", hidden)
    values = {"book": book, "model": tiny_model_dir, "tmp": tmp_path}
    result = invoke(*[part.format(**values) for part in command])
    assert result.exit_code in (0, 1), result.output
    assert WARNED not in result.output, result.output
