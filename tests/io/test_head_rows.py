"""The first rows of a file, read again for a column not found: its header may be below a title."""

import json

import pytest

from taikai.errors import DataWarning
from taikai.io import head_rows, open_reader


def _xlsx(path):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in (["集計"], [None, "2025"], ["id", "text"], [1, "手数料"]):
        wb.active.append(row)
    wb.save(path)


@pytest.mark.parametrize(
    ("name", "write", "rows", "unit", "header"),
    [
        ("a.csv", lambda p: p.write_bytes("集計\n出力日,2025\nid,text\n".encode("cp932")), 3, "line", 2),
        ("a.tsv", lambda p: p.write_text("集計\nid\ttext\n", encoding="utf-8-sig"), 2, "line", 1),  # BOM skipped
        ("a.csv", lambda p: p.write_bytes(b"t\n" * 30), 20, "line", None),  # the first 20 only
        (
            "a.csv",
            lambda p: p.write_text('t\n"open\nid,text\n', encoding="utf-8"),
            2,
            "line",
            None,
        ),  # quote open: one field
        ("a.xlsx", _xlsx, 4, "row", 2),
    ],
)
def test_head_rows_reads_the_first_rows_as_cells(tmp_path, name, write, rows, unit, header):
    path = tmp_path / name
    write(path)
    head = head_rows(open_reader(path))
    assert head is not None and (len(head.rows), head.unit) == (rows, unit)
    assert head.rows[0] == (("集計",) if header is not None else ("t",))
    assert header is None or head.rows[header] == ("id", "text")


def test_head_rows_of_a_jsonl_file_is_none(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "手数料"}) + "\n", encoding="utf-8")
    assert head_rows(open_reader(path)) is None


@pytest.mark.parametrize(
    ("content", "wanted", "said"),
    [
        ("集計\n\ntext,reasons\n手数料,fees\n", ["text", "reasons"], "'text' and 'reasons' are on line 3"),
        ("集計\ntext,reasons\n", ["text", None], "'text' is on line 2"),  # None: a column not read
        ("text,reasons\n手数料,fees\n", ["text", "reasons"], None),  # the header is the first row
        ("集計\nid,None\n", ["集計", None], None),  # a column not read is looked for nowhere, not as 'None'
        # missing, on no row below, but the first row is a title's one cell: its header is said (it was "a.csv:2:
        # malformed record", the caller's own error)
        (
            "集計\nid,body\n",
            ["text"],
            r"line 1 holds one cell, as a title does: if line 2 \('id', 'body'\) is the header",
        ),
        ("t\n手数料\n", ["text"], None),  # one column throughout: the caller's own error
    ],
)
def test_check_header_row_says_a_header_below_a_title_only(tmp_path, content, wanted, said):
    from taikai.errors import TEXT_COLUMN, InputError
    from taikai.io import check_header_row

    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    pairs = [(name, TEXT_COLUMN) for name in wanted]
    if said is None:
        check_header_row(open_reader(path), pairs, path)
        return
    with pytest.raises(InputError, match=said):
        check_header_row(open_reader(path), pairs, path)


TITLED = "退会アンケート 2025年,,\n,,\nid,text,date\n1,手数料が高すぎて辞めました,2025-01-05\n2,単価が安い,2025-01-06\n"
TITLE_HINT = "line 1 holds one cell, as a title does: if line 3 ('id', 'text', 'date') is the header, delete the lines"
MOVED_HINT = "'text' is on line 3: the lines above it look like a title; delete them"


@pytest.mark.parametrize(
    ("args", "said"),
    [  # the title is the cause: said alone, first, by both engines; the empty cells beside it are no columns
        (["batch", "{f}", "-o", "{d}/o.csv"], TITLE_HINT),
        (["batch", "{f}", "-o", "{d}/o.csv", "--text-column", "text"], MOVED_HINT),
        (["batch", "{f}", "-o", "{d}/o", "--engine", "dask"], TITLE_HINT),
        (["batch", "{f}", "-o", "{d}/o", "--engine", "dask", "--text-column", "text"], MOVED_HINT),
        (["drift", "{f}", "--model", "{m}"], MOVED_HINT),
        (["suggest", "{f}", "-o", "{d}/s.xlsx"], TITLE_HINT),  # was a bare malformed record
        (["train", "{f}", "-o", "{d}/m"], MOVED_HINT),
    ],
)
def test_a_title_line_is_said_before_the_empty_columns_beside_it(tmp_path, tiny_model_dir, args, said):
    from click.testing import CliRunner

    from taikai.cli import cli

    path = tmp_path / "titled.csv"
    path.write_text(TITLED, encoding="utf-8")
    given = [a.format(f=path, d=tmp_path, m=tiny_model_dir) for a in args]
    result = CliRunner().invoke(cli, given)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("taikai: error: ") and said in result.stderr
    assert "without a name" not in result.stderr


def test_empty_columns_beside_a_header_are_still_said(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,text,,\n1,手数料が高い,,\n", encoding="utf-8")
    with pytest.warns(DataWarning, match=r"a.csv: the header ends in 2 column\(s\) without a name \(column\(s\) 3-4"):
        assert open_reader(path).columns == ["id", "text"]


@pytest.mark.parametrize("name", ["added.xlsx", "added.csv"])
def test_an_added_file_below_a_title_is_said_so(tmp_path, tiny_csv, name):
    """Regression: a filled sheet with a title row inserted above its header stopped train --add with a bare
    malformed record at the header's row."""
    import pandas as pd
    from click.testing import CliRunner

    from taikai.cli import cli

    path = tmp_path / name
    rows = [["第1回 ラベル付け", None, None], ["text", "reasons", "sentiment"], ["案件が全然ない", "other", "negative"]]
    if name.endswith(".xlsx"):
        pd.DataFrame(rows).to_excel(path, index=False, header=False)
    else:
        pd.DataFrame(rows).to_csv(path, index=False, header=False)
    args = ["train", tiny_csv, "--add", path, "-o", tmp_path / "m", "--vectors", "none", "--folds", "0"]
    result = CliRunner().invoke(cli, [*map(str, args), "--compare-folds", "0"])
    assert result.exit_code == 2, result.output
    unit = "row" if name.endswith(".xlsx") else "line"
    assert f"{unit} 1 holds one cell, as a title does: if {unit} 2 ('text', 'reasons', 'sentiment') is the header" in (
        result.stderr
    )
