"""Formulas an xlsx workbook holds no value for (written by openpyxl or pandas, never opened in Excel): read as empty
cells, and said so, naming the sheet and the cells; a formula with a value, or an empty text for one, is not."""

import warnings
from pathlib import Path

import pytest
from support_workbooks import TEXT, formula_workbook

from taikai.errors import DataWarning
from taikai.io._table_readers import XlsxReader


def read(path: Path, limit: int | None = None) -> tuple[list[list[object]], list[str], int]:
    """Return the columns read from *path* (up to *limit* rows), the warnings given and the blank rows counted."""
    reader = XlsxReader(path)
    columns: list[list[object]] = [[], []]
    blank = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = reader.chunks(2)
        for chunk in chunks:
            blank += chunk.blank
            for j, column in enumerate(chunk.data):
                columns[j].extend(column)
            if limit is not None and len(columns[0]) >= limit:
                chunks.close()
                break
    return columns, [str(w.message) for w in caught if issubclass(w.category, DataWarning)], blank


@pytest.mark.parametrize(
    ("cells", "said"),
    [
        ({"B3": '|<f>"時給"&amp;"が安い"</f><v />'}, "1 cell(s) in 1 row(s) (column(s) text: B3)"),  # openpyxl's
        ({"B3": "|<f>A2</f>"}, "1 cell(s) in 1 row(s) (column(s) text: B3)"),  # no <v> at all
        ({"B3": '|<f t="shared" ref="B3:B4" si="0">A2</f><v></v>', "B4": '|<f t="shared" si="0"/>'}, "B3, B4"),
        ({"A3": "|<f>1+1</f><v/>", "B3": "|<f>A2</f><v/>"}, "2 cell(s) in 1 row(s) (column(s) id, text: A3, B3)"),
        ({"B3": ' t="str"|<f>A2</f><v>計算された本文</v>'}, None),  # Excel saved it: its value is read
        ({"B3": ' t="str"|<f>IF(A2="","",A2)</f><v></v>'}, None),  # a formula whose value is an empty text
        ({"B3": "|<f>1+1</f><v>2</v>"}, None),
        ({"B3": "|"}, None),  # a blank cell
        ({}, None),
    ],
)
def test_a_formula_with_no_value_is_said_to_read_as_empty(tmp_path, cells, said):
    """Regression: a workbook written by openpyxl or pandas, never opened in Excel, read its formulas as empty
    cells with no word: a text there became a row with no text (``status=empty``)."""
    path = formula_workbook(tmp_path / "f.xlsx", cells)
    columns, warned, blank = read(path)
    assert len(columns[0]) + blank == 4  # every row kept (a row of such cells only, as a blank one: named below)
    if said is None:
        assert warned == []
        return
    assert len(warned) == 1, warned
    assert warned[0].startswith(f"{path}: sheet 'データ': ")
    assert said in warned[0]
    assert "open the workbook in Excel (or LibreOffice) and save it, or export the sheet as CSV" in warned[0]


@pytest.mark.parametrize("prefixed", [False, True])
def test_a_sheet_whose_elements_have_a_prefix_is_read_alike(tmp_path, prefixed):
    """Another writer names the sheet's elements with a prefix (``<x:c>``, ``<x:f>``)."""
    path = formula_workbook(tmp_path / "f.xlsx", {"A5": "|<f>1+1</f><v/>"}, prefixed=prefixed)
    columns, warned, _ = read(path)
    assert columns[1] == [f"{TEXT}{number}" for number in range(2, 6)]
    assert len(warned) == 1 and "1 cell(s) in 1 row(s) (column(s) id: A5)" in warned[0], warned


@pytest.mark.parametrize(
    ("limit", "said"),
    [
        (None, "2 cell(s) in 2 row(s) (column(s) text: B3, B5)"),
        (2, "1 cell(s) in 1 row(s) (column(s) text: B3)"),  # only the rows read (a --limit) are named
    ],
)
def test_the_cells_named_are_those_of_the_rows_read(tmp_path, limit, said):
    path = formula_workbook(tmp_path / "f.xlsx", {"B3": "|<f>A2</f><v/>", "B5": "|<f>A2</f><v/>"})
    _, warned, _ = read(path, limit)
    assert len(warned) == 1 and said in warned[0], warned


def test_many_cells_are_counted_and_the_first_named(tmp_path):
    path = formula_workbook(tmp_path / "f.xlsx", {f"B{row}": "|<f>A2</f><v/>" for row in range(2, 16)}, rows=14)
    _, warned, _ = read(path)
    assert "14 cell(s) in 14 row(s) (column(s) text: B2, B3, B4, B5, B6, B7, B8, B9, B10, B11, and 4 more)" in warned[0]


@pytest.mark.parametrize(
    ("cells", "said"),
    [
        ({"B1": '|<f>"te"&amp;"xt"</f><v />'}, "row 1's cell(s) B1 hold a formula but no value saved for it"),
        ({"A1": "|<f>1+1</f><v/>"}, "row 1's cell(s) A1 hold a formula"),  # a column before a named one
        ({"A1": "|<f>1+1</f>", "B1": "|<f>1+1</f>"}, "row 1's cell(s) A1, B1 hold a formula"),  # the whole row
        ({"A1": ' t="str"|<f>IF(B2="","",B2)</f><v></v>'}, "row 1 has no column name in column(s) A"),  # saved ""
        ({"A1": "|"}, "row 1 has no column name in column(s) A"),  # a blank cell: no formula to speak of
    ],
)
def test_a_header_formula_with_no_value_is_named_as_the_cause(tmp_path, cells, said):
    """Regression: such a cell in row 1 was said to have no column name ("name them"), or, the last column's,
    dropped from the header (its texts then "cells beyond the named columns"), or the row said blank; now the
    cells are named with what to do: save the workbook from Excel, or type the names."""
    from taikai.errors import InputError

    path = formula_workbook(tmp_path / "f.xlsx", cells)
    with pytest.raises(InputError) as raised:
        XlsxReader(path)
    assert str(raised.value).startswith(f"{path}: sheet 'データ': {said}")
    formula = "formula" in said
    advice = "open the workbook in Excel (or LibreOffice) and save it, or type the column name(s) in place of"
    assert (advice in str(raised.value)) == formula
