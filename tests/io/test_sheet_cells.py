"""The cells of an xlsx sheet are named as Excel shows them: ``F5``, column ``C`` (:mod:`taikai.io._sheet_cells`)."""

import pytest

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
        ((("", "text"), ("0", "a"), ("2", "b")), [1], False),  # a filtered frame's index: not said to be 0, 1, …
        ((("", "text"), ("1", "a"), ("2", "b")), [1], False),  # ids from 1
        ((("id", "", "text"), ("0", "0", "a")), [2], False),  # column B: no index of pandas
        ((("",),), [1], False),  # no row below
    ],
)
def test_pandas_index_is_column_a_holding_0_1_2(rows, empty, index):
    from taikai._column_names import Head

    assert pandas_index(Head(rows, "row"), empty) is index
