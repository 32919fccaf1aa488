"""Formulas whose saved values the workbook says to compute again on opening (xlsxwriter's, as pandas' to_excel
writes them: ``<f>…</f><v>0</v>`` under ``fullCalcOnLoad="1"``): the number is read marked, and said, naming the
sheet and the cells; in a workbook Excel saved (no such mark) a formula's value is read as it is, with no word."""

import warnings
from pathlib import Path

import pytest
from support_workbooks import EXCEL, TEXT, XLSXWRITER, formula_workbook

from taikai._formula_value import FormulaFloat, FormulaInt
from taikai.errors import DataWarning
from taikai.io._table_readers import XlsxReader
from taikai.text import Status, check_text


def read(path: Path, limit: int | None = None) -> tuple[list[list[object]], list[str]]:
    """Return the columns read from *path* (up to *limit* rows) and the warnings given."""
    columns: list[list[object]] = [[], []]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = XlsxReader(path).chunks(2)
        for chunk in chunks:
            for j, column in enumerate(chunk.data):
                columns[j].extend(column)
            if limit is not None and len(columns[0]) >= limit:
                chunks.close()
                break
    return columns, [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


@pytest.mark.parametrize(
    ("cells", "calc", "value", "said"),
    [
        ({"B3": "|<f>時給が安い</f><v>0</v>"}, XLSXWRITER, FormulaInt(0), "1 cell(s) in 1 row(s) (column(s) text: B3)"),
        ({"B3": "|<f>時給が安い</f><v>0</v>"}, XLSXWRITER.replace('"1"', '"true"'), FormulaInt(0), "text: B3"),
        ({"B3": "|<f>1/3</f><v>0.5</v>"}, XLSXWRITER, FormulaFloat(0.5), "text: B3"),
        ({"A3": "|<f>ROW()</f><v>0</v>", "B3": "|<f>A2</f><v>0</v>"}, XLSXWRITER, FormulaInt(0), "id, text: A3, B3"),
        ({"B3": ' t="str"|<f>A2</f><v>書いた本文</v>'}, XLSXWRITER, "書いた本文", "text: B3"),  # a text saved: read
        ({"B3": "|<f>時給が安い</f><v>0</v>"}, EXCEL, 0, None),  # Excel computed it (to 0): read as it is
        ({"B3": "|<f>時給が安い</f><v>0</v>"}, "", 0, None),  # no calcPr at all (openpyxl reads one as marked)
        ({"B3": "|<v>0</v>"}, XLSXWRITER, 0, None),  # a number typed in, no formula
        ({}, XLSXWRITER, f"{TEXT}3", None),  # xlsxwriter's workbook of no formula: nothing parsed again
    ],
)
def test_a_formula_whose_value_is_to_be_computed_is_read_marked_and_said(tmp_path, cells, calc, value, said):
    """Regression: a review starting with = that pandas wrote with xlsxwriter was read as its saved 0, with no
    word, and its row said ``not text: a value of type int``."""
    path = formula_workbook(tmp_path / "f.xlsx", cells, calc)
    columns, warned = read(path)
    read_value = columns[1][1]
    assert (read_value, type(read_value)) == (value, type(value))
    assert len(columns[0]) == 4  # every row kept
    if said is None:
        assert warned == []
        return
    assert len(warned) == 1, warned
    assert warned[0].startswith(f"{path}: sheet 'データ': ")
    assert said in warned[0] and "fullCalcOnLoad" in warned[0]
    assert "strings_to_formulas': False" in warned[0] and "open the workbook in Excel" in warned[0]


def test_a_formula_with_no_value_in_such_a_workbook_is_said_once_as_empty(tmp_path):
    """openpyxl's workbook is marked too, and holds no value: said to read as empty, not as a value saved."""
    path = formula_workbook(tmp_path / "f.xlsx", {"B3": "|<f>A2</f><v/>", "B4": "|<f>A2</f><v>0</v>"}, XLSXWRITER)
    columns, warned = read(path)
    assert columns[1][1:3] == [None, 0] and type(columns[1][2]) is FormulaInt
    assert len(warned) == 2, warned
    assert "(column(s) text: B3) hold a formula but no value computed for it" in warned[0]
    assert "(column(s) text: B4) hold a formula whose value was never computed" in warned[1]


@pytest.mark.parametrize(("limit", "said"), [(None, "text: B3, B5"), (2, "text: B3)")])
def test_the_cells_named_are_those_of_the_rows_read(tmp_path, limit, said):
    path = formula_workbook(tmp_path / "f.xlsx", {"B3": "|<f>A2</f><v>0</v>", "B5": "|<f>A2</f><v>0</v>"}, XLSXWRITER)
    _, warned = read(path, limit)
    assert len(warned) == 1 and said in warned[0], warned


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (FormulaInt(0), "its writer saved 0 in its place"),
        (FormulaFloat(1.5), "its writer saved 1.5 in its place"),
        (0, None),  # a number typed in is no text, and no formula
    ],
)
def test_such_a_text_cell_is_an_error_saying_it_held_a_formula(value, said):
    checked = check_text(value)
    assert checked.status is Status.ERROR
    if said is None:
        assert checked.message == "not text: a value of type int"
    else:
        assert checked.message.startswith("not text: a formula whose value was never computed")
        assert said in checked.message


@pytest.mark.parametrize(
    ("cells", "calc", "said"),
    [  # regression (h316): a header formula saved with 0 named its column "0" when the workbook asked to compute it
        ({"A1": "|<f>id</f><v>0</v>"}, XLSXWRITER, "row 1's cell(s) A1 (read as 0) hold a formula whose value was"),
        ({"B1": ' t="str"|<f>"te"&amp;"xt"</f><v>text</v>'}, XLSXWRITER, "row 1's cell(s) B1 (read as 'text') hold"),
        (
            {"A1": "|<f>1</f><v>0</v>", "B1": "|<f>2</f><v>0</v>"},
            XLSXWRITER,
            "row 1's cell(s) A1 (read as 0), B1 (read",
        ),
        ({"B1": "|<f>1+1</f><v/>"}, XLSXWRITER, "row 1's cell(s) B1 hold a formula but no value saved for it"),
        ({"A1": "|<f>id</f><v>0</v>"}, EXCEL, None),  # Excel computed it: its value names the column
    ],
)
def test_a_header_formula_whose_value_is_to_be_computed_is_refused(tmp_path, cells, calc, said):
    from taikai.errors import InputError

    path = formula_workbook(tmp_path / "f.xlsx", cells, calc)
    if said is None:
        assert XlsxReader(path).columns == ["0", "text"]
        return
    with pytest.raises(InputError) as raised:
        XlsxReader(path)
    assert str(raised.value).startswith(f"{path}: sheet 'データ': {said}")
    assert str(raised.value).endswith("or type the column name(s) in place of the formula(s)")
