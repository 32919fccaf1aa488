"""The cells of an xlsx sheet are named as Excel shows them: ``F5``, column ``C`` (:mod:`taikai.io._sheet_cells`)."""

import pytest

from taikai.io._sheet_cells import beyond_named, pandas_index


@pytest.mark.parametrize(
    ("values", "width", "row", "said"),
    [
        (("a", "b", None, None, "x"), 2, 5, "cell(s) E5 beyond the 2 named columns, A to B"),
        (("a", "b", "c", "x", None, "y"), 3, 12, "cell(s) D12, F12 beyond the 3 named columns, A to C"),
        (("a",) * 26 + ("x",), 26, 2, "cell(s) AA2 beyond the 26 named columns, A to Z"),
    ],
)
def test_cells_beyond_the_named_columns_are_named_by_letter(values, width, row, said):
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
