"""Formulas an xlsx workbook holds no value for: every command that reads the workbook says so (one reader)."""

from pathlib import Path

import pytest


@pytest.mark.parametrize("command", ["batch", "batch-parquet", "evaluate", "train"])
def test_every_command_reading_a_workbook_says_so(invoke, tmp_path, tiny_model_dir, tiny_csv, command):
    """One reader: the files batch classifies, evaluate scores and train fits on are checked alike."""
    import pandas as pd

    frame = pd.read_csv(tiny_csv)
    frame.loc[1, "text"] = '="時給"&"が安い"'  # pandas (openpyxl) writes it as a formula, with no value
    path = tmp_path / "labelled.xlsx"
    frame.to_excel(path, index=False)
    arguments = {
        "batch": [
            "batch",
            path,
            "--text-column",
            "text",
            "-o",
            tmp_path / "out.csv",
            "-m",
            tiny_model_dir,
            "--prefix",
            "p_",
        ],
        # Parquet output reads the workbook twice (its schema first): said once
        "batch-parquet": ["batch", path, "--text-column", "text", "-o", tmp_path / "o.parquet", "--prefix", "p_"],
        "evaluate": ["evaluate", path, "-m", tiny_model_dir],
        "train": ["train", path, "-o", tmp_path / "model"],
    }[command]
    result = invoke(*arguments)
    assert result.exit_code == 0, result.output
    said = f"taikai: warning: {path}: sheet 'Sheet1': 1 cell(s) in 1 row(s) (column(s) text: A3) hold a formula"
    assert " ".join(result.output.split()).count(said) == 1, result.output


def xlsxwriter_workbook(path, tiny_csv):
    """Write *tiny_csv* to the xlsx *path* as pandas with xlsxwriter writes it: row 3's text (cell A3), a review
    starting with =, a formula saved with 0 as its value, in a workbook marked ``fullCalcOnLoad="1"`` (openpyxl's
    mark too); xlsxwriter itself need not be installed."""
    import re
    import zipfile

    import pandas as pd

    frame = pd.read_csv(tiny_csv)
    frame.loc[1, "text"] = "=時給が安い"
    frame.to_excel(path, index=False, engine="openpyxl")
    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info.filename) for info in book.infolist()}
    assert b'fullCalcOnLoad="1"' in parts["xl/workbook.xml"]
    xml, made = re.subn(r'<c r="A3"[^>]*>.*?</c>', '<c r="A3"><f>時給が安い</f><v>0</v></c>', parts[SHEET].decode())
    assert made == 1
    parts[SHEET] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


SHEET = "xl/worksheets/sheet1.xml"
RULES = Path(__file__).resolve().parents[2] / "examples" / "rules.toml"


@pytest.mark.parametrize(
    "command", ["batch", "batch-jobs", "batch-masked", "batch-parquet", "evaluate", "train", "rules test"]
)
def test_every_command_says_a_formula_saved_with_0(invoke, tmp_path, tiny_model_dir, tiny_csv, command):
    """Regression: the review read as the 0 xlsxwriter saved for it, with no word, its row said ``not text: a
    value of type int``; now each command warns of the cell, and says of the row that it held a formula."""
    path = xlsxwriter_workbook(tmp_path / "labelled.xlsx", tiny_csv)
    out = tmp_path / "out.csv"
    batch = ["batch", path, "--text-column", "text", "-m", tiny_model_dir, "--prefix", "p_"]
    arguments = {
        "batch": [*batch, "-o", out],
        "batch-jobs": [*batch, "-o", out, "--jobs", "2", "--chunk-size", "8"],  # the marked 0 goes to a worker
        "batch-masked": [*batch, "-o", out, "--mask-pii"],  # masking made the 0 a text: "no Japanese characters"
        "batch-parquet": [*batch, "-o", tmp_path / "out.parquet"],
        "evaluate": ["evaluate", path, "-m", tiny_model_dir],
        "train": ["train", path, "-o", tmp_path / "model"],
        "rules test": ["rules", "test", RULES, path, "-m", tiny_model_dir],
    }[command]
    result = invoke(*arguments)
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    said = f"taikai: warning: {path}: sheet 'Sheet1': 1 cell(s) in 1 row(s) (column(s) text: A3) hold a formula whose"
    assert output.count(said) == 1, result.output
    row = "not text: a formula whose value was never computed (its writer saved 0 in its place"
    assert "a value of type int" not in output
    if command == "rules test":  # it names no row: the warning says it
        return
    assert row in output, result.output
    if command in ("batch", "batch-jobs", "batch-masked"):
        import pandas as pd

        written = pd.read_csv(out, keep_default_na=False)
        assert written.loc[1, "p_status"] == "error" and written.loc[1, "p_message"].startswith(row)
