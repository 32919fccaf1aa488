"""Columns without a name: at the header's right edge (the empty columns a spreadsheet saved as CSV leaves) they are
ignored with a warning, a value in one making its row a bad line; several elsewhere are refused saying so."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.errors import DataWarning, InputError
from taikai.io import open_reader

HINT = (
    "a spreadsheet saved as CSV leaves such columns where cells beside the data were once used); delete those "
    "columns in the file (or give each a name) and run again"
)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("id,,,text", f"2 columns have no name in the header (columns 2, 3 of 4; {HINT}"),
        ("id,,text,,x", f"2 columns have no name in the header (columns 2, 4 of 5; {HINT}"),
        ("id,text,id,,", "repeated column name(s) ['id']; give every column a distinct name"),
    ],
)
def test_columns_without_a_name_inside_the_header_are_refused_as_such(tmp_path, header, message):
    path = tmp_path / "sheet.csv"
    path.write_text(f"{header}\n1,手数料が高い\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:  # before any warning of the columns at the right edge
        open_reader(path)
    assert str(caught.value) == f"{path}: {message}"


@pytest.mark.parametrize(
    ("header", "rows", "columns", "read", "bad"),
    [
        # Excel's stray columns: their empty cells dropped, a row without them read too, a value in one a bad line
        (
            "id,text,,",
            ["1,手数料が高い,,", "2,単価が安い", "3,返事が来ない,x,"],
            ["id", "text"],
            [["1", "2"], ["手数料が高い", "単価が安い"]],
            [(4, "a value in column 3, which has no name in the header")],
        ),
        (
            "id,text,",
            ["1,a,", "2,b,c,d"],
            ["id", "text"],
            [["1"], ["a"]],
            [(3, "expected at most 3 fields (2 named), found 4")],
        ),
        (
            "review_id,text,,",
            ["1,手数料が高い。,", "2,単価が低い。,,", "3,辞めた。,,,", "4"],
            ["review_id", "text"],
            [["1", "2"], ["手数料が高い。", "単価が低い。"]],
            [(4, "expected at most 4 fields (2 named), found 5"), (5, "expected 2 to 4 fields (2 named), found 1")],
        ),
    ],
)
def test_columns_without_a_name_at_the_right_edge_are_ignored(tmp_path, header, rows, columns, read, bad):
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    unnamed = header.count(",") + 1 - len(columns)
    with pytest.warns(DataWarning) as caught:
        reader = open_reader(path)
    assert [str(w.message) for w in caught] == [
        f"{path}: the header ends in {unnamed} column(s) without a name (column(s) {len(columns) + 1}-"
        f"{len(columns) + unnamed}, as a spreadsheet saved as CSV leaves): they are ignored, and a row with a value "
        "in one is a bad line"
    ]
    [chunk] = list(reader.chunks(10))
    assert reader.columns == columns and chunk.data == read
    assert [(b.line, b.error) for b in chunk.bad] == bad


def test_one_column_without_a_name_inside_the_header_is_read(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("id,,text\n1,,手数料が高い\n", encoding="utf-8")
    reader = open_reader(path)
    assert reader.columns == ["id", "", "text"]
    assert next(iter(reader.chunks(10))).data == [["1"], [""], ["手数料が高い"]]


def test_cli_batch_ignores_excel_s_empty_columns_saying_so(tmp_path, tiny_model_dir):
    path, out = tmp_path / "sheet.csv", tmp_path / "out.csv"
    path.write_text("id,text,,\n1,手数料が高い,,\n", encoding="utf-8")
    args = ["batch", str(path), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert said.count(f"taikai: warning: {path}: the header ends in 2 column(s) without a name") == 1, said
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,text,status,")
