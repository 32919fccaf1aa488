"""A column missing from a workbook of several sheets: batch, drift and taikai.classify_file name the sheet read,
the others, and sheet= (--sheet on the command line)."""

from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.errors import InputError

SHEETS = "the columns of sheet '表紙' (the first; its sheets are 表紙, 回答) are ['説明']"
ANOTHER = "or read another sheet with sheet= (--sheet NAME on the command line)"


def _workbook(tmp_path: Path, sheets: tuple[str, ...] = ("表紙", "回答")) -> Path:
    path = tmp_path / "回答.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"説明": ["退会アンケート"]}).to_excel(writer, sheet_name=sheets[0], index=False)
        for name in sheets[1:]:
            pd.DataFrame({"本文": ["手数料が高い"]}).to_excel(writer, sheet_name=name, index=False)
    return path


OTHER = "; sheet '回答' has '本文': read it with sheet='回答' (--sheet '回答' on the command line)"


@pytest.mark.parametrize(
    ("command", "column", "then"),
    [
        ("batch", "本文", OTHER),  # regression: the sheet holding the column was not named, only "another sheet"
        ("drift", "本文", OTHER),
        ("batch", "口コミ", f", {ANOTHER}"),  # on no sheet: how to read another
        ("drift", "口コミ", f", {ANOTHER}"),
    ],
)
def test_a_missing_column_names_the_sheet_read_and_the_others(invoke, tiny_model_dir, tmp_path, command, column, then):
    book = _workbook(tmp_path)
    output = ["-o", tmp_path / "out.csv"] if command == "batch" else []
    result = invoke(command, book, *output, "--text-column", column, "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert f"no column '{column}'; {SHEETS}; give the right one to text_column= (--text-column on the command " in (
        result.output
    )
    assert f"line){then}" in result.output
    assert "Traceback" not in result.output


REVIEWS = [f"報酬が安すぎて続けられませんでした（{i}件目）。" for i in range(8)]


@pytest.mark.parametrize("command", ["batch", "drift"])
def test_a_column_on_no_sheet_names_the_sheet_whose_column_reads_as_reviews(invoke, tiny_model_dir, tmp_path, command):
    """Regression: ``--text-column text`` (the default of drift) on a survey workbook whose first sheet is a cover
    said only to read another sheet, not which one holds the answers."""
    book = tmp_path / "回答.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"説明": ["退会アンケート"]}).to_excel(writer, sheet_name="表紙", index=False)
        pd.DataFrame({"ID": range(8), "退会理由": REVIEWS}).to_excel(writer, sheet_name="回答", index=False)
    output = ["-o", tmp_path / "out.csv"] if command == "batch" else []
    result = invoke(command, book, *output, "--text-column", "text", "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert result.output.strip().endswith(
        "give the right one to text_column= (--text-column on the command line); sheet '回答' has '退会理由', which "
        "reads as reviews: read it with sheet='回答' (--sheet '回答' on the command line)"
    ), result.output


def test_a_missing_column_of_a_named_sheet_does_not_call_it_the_first(invoke, tiny_model_dir, tmp_path):
    result = invoke(
        "batch",
        _workbook(tmp_path),
        "-o",
        tmp_path / "o.csv",
        "--text-column",
        "x",
        "--sheet",
        "回答",
        "-m",
        tiny_model_dir,
    )
    assert result.exit_code == 2, result.output
    assert "the columns of sheet '回答' (its sheets are 表紙, 回答) are ['本文']" in result.output


def test_a_workbook_of_one_sheet_names_no_sheet(invoke, tiny_model_dir, tmp_path):
    result = invoke(
        "batch", _workbook(tmp_path, ("表紙",)), "-o", tmp_path / "o.csv", "--text-column", "本文", "-m", tiny_model_dir
    )
    assert result.exit_code == 2, result.output
    assert "no column '本文'; the columns are ['説明']; give the right one" in result.output
    assert "of sheet" not in result.output and "--sheet" not in result.output


def test_classify_file_names_the_sheet_read(tiny_model, tmp_path):
    with pytest.raises(InputError) as caught:
        taikai.classify_file(_workbook(tmp_path), tmp_path / "o.csv", "本文", model=tiny_model)
    assert SHEETS in str(caught.value) and OTHER in str(caught.value)
