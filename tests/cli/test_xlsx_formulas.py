"""Formulas an xlsx workbook holds no value for: every command that reads the workbook says so (one reader)."""

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
