"""The cells of an xlsx sheet are named as Excel shows them: ``F5``, column ``C`` (:mod:`taikai.io._sheet_cells`)."""

import warnings

import pandas as pd
import pytest

from taikai.errors import DataWarning, InputError
from taikai.io import open_reader
from taikai.io._sheet_cells import beyond_named, pandas_index

_DO = " in row 1 (comments too: a column no option names is not read), or clear those cells"


@pytest.mark.parametrize(
    ("values", "width", "row", "said"),
    [
        (
            ("a", "b", None, None, "x"),
            2,
            5,
            f"cell(s) E5 beyond the 2 named columns, A to B: give column E a name{_DO}",
        ),
        (
            ("a", "b", "c", "x", None, "y"),
            3,
            12,
            f"cell(s) D12, F12 beyond the 3 named columns, A to C: give columns D, F names{_DO}",
        ),
        (("a",) * 26 + ("x",), 26, 2, f"cell(s) AA2 beyond the 26 named columns, A to Z: give column AA a name{_DO}"),
    ],
)
def test_cells_beyond_the_named_columns_are_named_by_letter(values, width, row, said):
    """The name of the column to give, or the cells to clear, is said (h386: a labeller's comments in a column
    with no name stopped train --add, with "fix it (every record needs one field per column)" alone)."""
    assert beyond_named(values, width, row) == said


@pytest.mark.parametrize(
    ("rows", "empty", "index"),
    [
        ((("", "text"), ("0", "a"), ("1", "b"), ("2", "c")), [1], True),  # df.to_excel(path)
        ((("", "text"), ("0", "a"), ("1", "b"), ("", "")), [1], True),  # a blank row below
        # Regression: the index of a frame filtered, sorted or concatenated was refused (as a CSV file, read)
        ((("", "text"), ("0", "a"), ("2", "b")), [1], True),  # df[df.reason == "fees"].to_excel(path)
        ((("", "text"), ("17", "a"), ("3", "b"), ("3", "c")), [1], True),  # sorted, of two frames concatenated
        ((("", "text"), ("2025-01-01 00:00:00", "a"), ("2025-01-02 09:30:00", "b")), [1], True),  # a DatetimeIndex
        ((("", "text"), ("id", ""), ("1", "b")), [1], False),  # a header of two rows: its name in row 2
        ((("", "text"), ("k0", "a"), ("k1", "b")), [1], False),  # labels of text: no index told from a column
        ((("", "text"), ("0", "a"), ("", "b"), ("2", "c")), [1], False),  # a blank cell between
        ((("id", "", "text"), ("0", "0", "a")), [2], False),  # column B: no index of pandas
        ((("",),), [1], False),  # no row below
    ],
)
def test_pandas_index_is_column_a_holding_whole_numbers_or_dates(rows, empty, index):
    from taikai._column_names import Head

    assert pandas_index(Head(rows, "row"), empty) is index


OPEN_IN_EXCEL = "is open in Excel (its lock file {lock} is beside it), and is read as last saved"


@pytest.mark.parametrize(
    ("name", "lock", "warned"),
    [
        # Regression: a file open in Excel was read as last saved without a word that unsaved edits were missing
        ("reviews.xlsx", "~$reviews.xlsx", True),
        ("reviews.csv", "~$reviews.csv", True),  # Excel keeps one beside a CSV file it has open too
        ("reviews.tsv", "~$reviews.tsv", True),
        ("reviews.csv", "~$other.csv", False),  # the lock of another file
        ("reviews.csv", None, False),
    ],
)
def test_a_file_open_in_excel_is_said_to_be_read_as_last_saved(tmp_path, name, lock, warned):
    path = tmp_path / name
    if name.endswith(".xlsx"):
        pd.DataFrame({"text": ["報酬が安い"]}).to_excel(path, index=False)
    else:
        path.write_text("text\n報酬が安い\n", encoding="utf-8")
    if lock:
        (tmp_path / lock).write_bytes(b"\x08owner")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        open_reader(path)
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    expected = [f"{path}: {OPEN_IN_EXCEL.format(lock=lock)}"] if warned else []
    assert [x.split(": edits not saved")[0] for x in said] == expected
    assert all("save it and close it in Excel, then run again" in x for x in said)


FRAME = pd.DataFrame(
    {"text": ["手数料が高い", "案件が少ない", "返信がない"], "reasons": ["fees", "low_pay", "trouble"]}
)


@pytest.mark.parametrize(
    ("index", "read"),
    [
        (FRAME.index, True),  # df.to_excel(path): 0, 1, 2
        (pd.Index([4, 0, 17]), True),  # Regression: a frame filtered or sorted, refused ("name them")
        (pd.Index([3, 3, 5]), True),  # two frames concatenated
        (pd.DatetimeIndex(["2025-01-01", "2025-01-02 09:30", "2025-02-01"]), True),
        (pd.Index(["k0", "k1", "k2"]), False),  # labels of text: refused, saying how pandas leaves the index out
    ],
)
def test_a_frames_index_written_to_excel_is_read_as_to_csv_writes_it(tmp_path, index, read):
    frame = FRAME.set_axis(index)
    frame.to_excel(tmp_path / "x.xlsx")
    frame.to_csv(tmp_path / "x.csv")
    expected = open_reader(tmp_path / "x.csv").columns
    if read:
        assert open_reader(tmp_path / "x.xlsx").columns == expected == ["", "text", "reasons"]
    else:
        with pytest.raises(InputError, match=r"column\(s\) A\b.*write it with df\.to_excel\(path, index=False\)"):
            open_reader(tmp_path / "x.xlsx")
