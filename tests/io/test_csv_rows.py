"""csv_rows writes rows as csv.writer does: cells that need quotes (delimiter, quote, line break) are quoted, the
rest are joined as they are."""

from __future__ import annotations

import csv
import io

import pytest

from taikai.io._csv_rows import csv_rows, quoted_rows


def writer_text(columns: list[list[object]], delimiter: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(zip(*columns, strict=True))
    return buf.getvalue()


@pytest.mark.parametrize("delimiter", [",", "\t"])
@pytest.mark.parametrize(
    "columns",
    [
        [["a", "b"], ["手数料が高い", "時間がない"]],  # nothing to quote
        [["r1", "r2", "r3"], ["高い, 安い", "ふつう", 'say "hi"']],  # a comma, a quote
        [["r1", "r2", "r3"], ["x", '"引用"から', ",で始まる"]],  # a quote, a comma opening a later row's cell
        [["r1", "r2"], ["改行\nあり", "tab\there"], ["ok", "ok"]],  # a line break, a tab
        [["r1", "r2"], ["cr\ronly", "x"]],  # a bare CR (csv.writer leaves it unquoted)
        [["x", None, ""], [None, "y", ""]],  # missing cells are empty, a row of empty cells
        [[0.1, 1e-05, 0.9997591376304626], [1, True, False]],  # floats as repr, ints and bools as str
        [["nul\x00inside", "b"], ["c", "d,e"]],  # a NUL in a cell does not move the rows found
        [["", "a"]],  # one column: an empty cell alone on its row is quoted
        [[], []],  # no rows
    ],
)
def test_csv_rows_is_what_csv_writer_writes(columns, delimiter):
    assert csv_rows(columns, delimiter) == writer_text(columns, delimiter)


@pytest.mark.parametrize(
    ("columns", "delimiter", "rows"),
    [
        ([["a", "b,c", "d"], ["e", "f", 'g"']], ",", {1, 2}),
        ([["a", "b,c", "d"]], "\t", set()),  # a comma is no delimiter in TSV
        ([["a\tb", "c"], ["d", "e\n"]], "\t", {0, 1}),
        ([["\x00", "\x00,"]], ",", {1}),
        ([["a,b,c", '"x",y', "z", "w\n"], ["", "", "", "v\r"]], ",", {0, 1, 3}),  # several in a row, the last row
        ([["a", "b", "c", "d,"]], ",", {3}),  # the last cell alone
        ([[",", "", ",,", '"']], ",", {0, 2, 3}),  # a match at the start, a match after an empty cell
        ([["a", '"b', "c"], ["d", "e", ",f"]], ",", {1, 2}),  # the first character of a cell is its row's
        ([["a", "b"], ["cr\ronly", "x"]], ",", {0}),  # a bare CR (left to csv.writer, then quoted by the writers)
    ],
)
def test_quoted_rows_are_the_rows_with_a_cell_to_quote(columns, delimiter, rows):
    assert quoted_rows(columns, delimiter) == rows
