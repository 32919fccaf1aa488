"""The JSONL cells the Dask engine's columns do not hold as read: which columns keep them, which cells, and the
cells a part writes."""

import pandas as pd
import pyarrow as pa
import pytest

from taikai.batch._dask_cells import as_read, raw_columns, unheld

SCHEMA = pa.schema([("text", pa.string()), ("score", pa.string()), ("n", pa.float64()), ("id", pa.int64())])


@pytest.mark.parametrize(
    ("fmt", "stringify", "kept"),
    [
        ("jsonl", frozenset({"text", "score"}), {1: "score", 2: "n"}),
        ("jsonl", frozenset({"text"}), {2: "n"}),
        ("csv", frozenset(), {}),
    ],
    ids=["mixed-and-floats", "floats-only", "csv"],
)
def test_the_columns_that_keep_cells_as_read_are_those_of_floats_and_of_mixed_types_but_the_text(fmt, stringify, kept):
    assert raw_columns(fmt, SCHEMA, stringify, "text") == kept


@pytest.mark.parametrize(
    ("values", "text", "kept"),
    [
        ([3, "N/A", None, 2.5, True, {"k": 1}, [1]], True, [3, None, None, 2.5, True, {"k": 1}, [1]]),
        ([3, 2.5, None, 2**53 + 1], False, [3, None, None, 2**53 + 1]),
    ],
    ids=["text", "floats"],
)
def test_the_cells_kept_are_those_the_column_does_not_hold_as_read(values, text, kept):
    assert unheld(values, text) == kept


def test_a_part_writes_the_kept_cells_in_place_of_the_column_s():
    """Regression: a JSONL part wrote "3" for a 3 in a column of text, and 12345678901234567890 as text."""
    table = pa.table({"score": ["3", "N/A", None, "12345678901234567890"]})
    raw = pd.Series([3, None, None, 12345678901234567890], dtype=object)
    assert as_read(table, "score", raw) == [3, "N/A", None, 12345678901234567890]
