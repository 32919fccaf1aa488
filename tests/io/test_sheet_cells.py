"""The cells of an xlsx sheet are named as Excel shows them: ``F5``, column ``C`` (:mod:`taikai.io._sheet_cells`)."""

import pytest

from taikai.io._sheet_cells import beyond_named


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
