"""A row of a sheet with cells past the named columns names them as Excel does (``D3``)."""

import pytest


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        # said "b.xlsx:3: malformed record (cells beyond the 2 named columns)"
        (
            [["text", "id"], ["安い", "1"], ["高い", "2", None, "memo"]],
            "b.xlsx:3: malformed record (cell(s) D3 beyond ",
        ),
    ],
)
def test_a_row_with_cells_beyond_the_header_names_them(invoke, tmp_path, tiny_model_dir, rows, said):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "b.xlsx")
    result = invoke(
        "batch", tmp_path / "b.xlsx", "-o", tmp_path / "o.csv", "-m", tiny_model_dir, "--text-column", "text"
    )
    assert result.exit_code == 2, result.output
    assert said in result.output, result.output
