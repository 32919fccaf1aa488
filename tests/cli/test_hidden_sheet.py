"""A workbook's first sheet hidden in Excel (a lookup, an old copy) is read when no sheet is given, as the first
sheet always is, with a warning naming the sheets Excel shows and how to read one
(:func:`taikai.io._sheet_layout.sheet_warning`)."""

from pathlib import Path

import pytest

WARNED = (
    "sheet 'old', read as the workbook's first sheet, is hidden in Excel: its rows are not those the workbook shows"
)


def _book(path: Path, state: str) -> Path:
    """Write a first sheet ``old`` in *state* (one row) before the sheet ``最新`` that the workbook shows (two)."""
    import openpyxl

    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "old"
    new = wb.create_sheet("最新")
    for ws, texts in ((old, ["古い口コミ"]), (new, ["単価が安すぎる", "手数料が高い"])):
        ws.append(["text"])
        for text in texts:
            ws.append([text])
    old.sheet_state = state
    wb.active = 1
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("state", "sheet", "said"),
    [
        # said nothing: the hidden sheet's 1 row was classified, the 2 Excel shows were not
        ("hidden", [], f"{WARNED}; the sheets Excel shows are '最新': read one with sheet='最新' (--sheet '最新' on"),
        ("veryHidden", [], WARNED),  # hidden by a macro (no Unhide in Excel's menu)
        ("visible", [], ""),
        ("hidden", ["--sheet", "old"], ""),  # asked for by name
        ("hidden", ["--sheet", "1"], ""),  # or number
    ],
)
def test_a_hidden_first_sheet_read_is_said(invoke, tmp_path, tiny_model_dir, state, sheet, said):
    book = _book(tmp_path / "b.xlsx", state)
    result = invoke("batch", book, "-o", tmp_path / "o.csv", "-m", tiny_model_dir, "--text-column", "text", *sheet)
    assert result.exit_code == 0, result.output
    assert "1 rows classified" in result.output, result.output  # the first sheet, as always
    assert (said in result.output) if said else ("is hidden in Excel" not in result.output), result.output
