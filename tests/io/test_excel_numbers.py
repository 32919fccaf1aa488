"""A whole number longer than Excel's 15 digits (a 19-digit id) stays whole in an xlsx output and a labelling
sheet: its column is written as text. Before, batch's xlsx and suggest's sheet wrote 9007199254740993 as
9007199254740992 and 1234567890123456789 as 1.234567890123457e+18, silently another id."""

import json
import warnings

import numpy as np
import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.io._excel_numbers import as_texts

IDS = [1234567890123456789, 9007199254740993, 5]
TEXTS = ["手数料が高すぎる", "報酬が安い", "卒業しました"]


def _write(path):
    frame = pd.DataFrame({"user_id": IDS, "text": TEXTS, "count": [1, 2, 3]})
    if path.suffix == ".parquet":
        frame.to_parquet(path)
    else:
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records")), "utf-8")


def _cells(path, sheet=0):
    ws = openpyxl.load_workbook(path).worksheets[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return {name: [row[j] for row in rows[1:]] for j, name in enumerate(rows[0])}


@pytest.mark.parametrize("name", ["in.parquet", "in.jsonl"])
def test_batch_xlsx_keeps_long_integers_whole(tmp_path, tiny_model, name):
    src, out = tmp_path / name, tmp_path / "out.xlsx"
    _write(src)
    taikai.classify_file(src, out, "text", model=tiny_model)
    cells = _cells(out)
    assert cells["user_id"] == [str(i) for i in IDS]  # every cell of the column, as CSV writes it
    assert cells["count"] == [1, 2, 3]  # a column of short numbers stays numbers


@pytest.mark.parametrize(
    ("ids", "written"),
    [
        (IDS, [str(i) for i in IDS]),
        ([123456789012345, 7, 8], [123456789012345, 7, 8]),  # 15 digits: Excel holds it
        ([-1234567890123456, 7, 8], ["-1234567890123456", "7", "8"]),
    ],
)
def test_suggest_sheet_keeps_long_integers_whole(tmp_path, tiny_model, ids, written):
    src, scored, sheet = tmp_path / "in.parquet", tmp_path / "scored.parquet", tmp_path / "sheet.xlsx"
    # a column not named as ids (user_id is read as text, as written, whatever it holds: a sheet of text cells)
    pd.DataFrame({"member": ids, "text": TEXTS}).to_parquet(src)
    taikai.classify_file(src, scored, "text", model=tiny_model)
    args = ["suggest", scored, "-o", sheet, "--id-column", "member", "--n", "3"]
    result = CliRunner().invoke(cli, list(map(str, args)))
    assert result.exit_code == 0, result.output
    assert sorted(_cells(sheet)["member"], key=str) == sorted(written, key=str)


@pytest.mark.parametrize(
    ("value", "long"),
    [
        (10**15, True),
        (-(10**15), True),
        (10**15 - 1, False),
        (np.int64(2**62), True),
        (True, False),
        (1e18, False),  # a float is what it is
        ("1234567890123456789", False),
    ],
)
def test_is_long_integer(value, long):
    from taikai.io._excel_numbers import is_long_integer  # new: here, so that the tests above run on old code too

    assert is_long_integer(value) is long


def test_long_integers_as_texts_keep_missing_cells_missing():
    assert as_texts([None, 1234567890123456789, 7]) == [None, "1234567890123456789", "7"]


@pytest.mark.parametrize(
    ("ids", "said"),
    [
        ([1234567890123456789, 12], "column(s) 'id' (cell A2: 1.234567890123457e+18) hold whole numbers of 2**53"),
        ([12, 2**53 + 1], "column(s) 'id' (cell A3: 9007199254740992) hold whole numbers of 2**53"),  # saved as 2**53
        ([12.0, -1.5e17], "column(s) 'id' (cell A3: -1.5e+17)"),
        ([2**53 - 1, 12], None),  # every whole number below 2**53 is held
        (["1234567890123456789", "12"], None),  # a text of digits is read as written
    ],
    ids=["int-changed", "one-above", "float", "below", "text"],
)
def test_a_number_a_workbook_cannot_hold_exactly_is_warned_of_with_its_cell(tmp_path, ids, said):
    """Regression: an id of 2**53 or more that pandas wrote into an input workbook (as a float: the file holds
    1.234567890123457e+18) was read and written on as that number without a word."""
    path = tmp_path / "in.xlsx"
    pd.DataFrame({"id": ids, "text": ["手数料", "案件"]}).to_excel(path, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        taikai.io.read_table(path)
    shown = [str(w.message) for w in caught if issubclass(w.category, taikai.DataWarning)]
    assert len(shown) == (said is not None), shown
    assert said is None or shown[0].startswith(f"{path}: sheet 'Sheet1': {said}"), shown
