"""How a message lists unusable rows: the first few, then how many more."""

import pytest

from taikai.io._bad_rows import SHOWN_BAD_ROWS, list_rows


@pytest.mark.parametrize(
    ("count", "more"),
    [
        (SHOWN_BAD_ROWS - 1, None),
        (SHOWN_BAD_ROWS, None),
        (SHOWN_BAD_ROWS + 1, "  … and 1 more (6 in all; see all)"),
        (12, "  … and 7 more (12 in all; see all)"),
        (1239, "  … and 1,234 more (1,239 in all; see all)"),
    ],
)
def test_the_first_rows_are_listed_then_the_rest_counted(count, more):
    rows = [f"f.csv:{line}: reasons: no label" for line in range(2, 2 + count)]
    lines = list_rows("head:", rows, where="see all")
    listed = min(count, SHOWN_BAD_ROWS)
    assert lines[: 1 + listed] == ["head:", *(f"  {row}" for row in rows[:listed])]
    assert lines[1 + listed :] == ([] if more is None else [more])
