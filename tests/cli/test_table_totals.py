"""The total row of an Excel table (Insert > Table, a ListObject, with Table Design > Total Row on) is no review:
it is not read, and a warning names its sheet, row and table (:mod:`taikai.io._table_totals`)."""

import csv
from pathlib import Path

import pytest

WARNED = "is the total row of table 'Reviews'"


def _book(path: Path, rows: list[list[str]], totals: int | None) -> Path:
    """Write *rows* (a header first) as a table named Reviews; with *totals*, a total row of ``合計`` and a count
    under it, saved as Excel saves it (totalsRowCount); ``None``: no table at all, the same rows."""
    import openpyxl
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    last = len(rows)
    if totals:
        ws.append(["合計", None, f"=SUBTOTAL(103,C2:C{last})"])
        last += 1
    if totals is not None:
        ws.add_table(Table(displayName="Reviews", ref=f"A1:C{last}", totalsRowCount=totals or None))
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def labelled_rows(tiny_csv) -> list[list[str]]:
    with tiny_csv.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize(
    ("totals", "classified", "warned"),
    [
        (1, "40 rows classified", "row 42 " + WARNED + " (A1:C42)"),  # said "41 rows classified": 合計 a review
        (0, "40 rows classified", ""),  # a table without a total row: every row read
        (None, "40 rows classified", ""),  # no table
    ],
)
@pytest.mark.parametrize("limit", [[], ["--limit", "45"]])
def test_a_table_total_row_is_not_read(
    invoke, tmp_path, tiny_model_dir, labelled_rows, totals, classified, warned, limit
):
    book = _book(tmp_path / "b.xlsx", labelled_rows, totals)
    out = tmp_path / "o.csv"
    result = invoke("batch", book, "-o", out, "-m", tiny_model_dir, "--text-column", "text", "--prefix", "p_", *limit)
    assert result.exit_code == 0, result.output
    assert classified in result.output, result.output
    assert "合計" not in out.read_text(encoding="utf-8")
    assert (warned in result.output) if warned else (WARNED not in result.output), result.output
