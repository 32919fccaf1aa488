"""io._schema: the type of a column read in chunks is the type of the column read whole."""

from __future__ import annotations

import datetime

import pyarrow as pa
import pytest

from taikai.io import column_kinds, kinds_schema, merge_types
from taikai.io._schema import chunks_schema, infer_schema

DAY = datetime.date(2026, 1, 2)
CASES = [
    ("ints", [1, 2, 3, 4], pa.int64(), False),
    ("ints then text", [1, 2, "N/A", 4], pa.string(), True),
    ("ints then floats", [1, 2, 2.5, 4], pa.float64(), False),
    ("floats then ints", [0.5, 2, 3, 4], pa.float64(), False),
    ("ints then nulls", [1, None, None, 4], pa.int64(), False),
    ("all null", [None, None, None, None], pa.string(), False),
    ("nulls then text", [None, None, None, "a"], pa.string(), False),
    ("bools then ints", [True, False, 1, 0], pa.string(), True),
    # objects and lists are their JSON text, as CSV writes them (a struct would invent the keys a row lacks)
    ("lists of ints then floats", [[1], [2], [2.5], []], pa.string(), True),
    ("lists then text", [[1], [2], "x", [3]], pa.string(), True),
    ("objects with other keys", [{"a": 1}, {"a": 2}, {"b": "x"}, {}], pa.string(), True),
    ("nulls then objects", [None, None, {"a": 1}, None], pa.string(), True),
    ("an int beyond 64 bits", [1, 2, 2**64, 3], pa.string(), True),
    ("dates then datetimes", [DAY, DAY, datetime.datetime(2026, 1, 2, 3), DAY], pa.string(), True),
    ("floats then bools", [1.5, 2.5, True, 0.5], pa.string(), True),
    (
        "datetimes",
        [datetime.datetime(2026, 1, 2, 3), None, datetime.datetime(2026, 1, 3), None],
        pa.timestamp("us"),
        False,
    ),
]


@pytest.mark.parametrize(("values", "kind", "as_text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_a_column_read_in_chunks_has_the_type_of_the_whole(values, kind, as_text, size):
    whole, whole_text = infer_schema(["v"], [values], None, {})
    assert (whole.field("v").type, "v" in whole_text) == (kind, as_text)
    chunks = [[values[i : i + size]] for i in range(0, len(values), size)]
    schema, text = chunks_schema(["v"], chunks, {"reason": pa.string()})
    assert schema == pa.schema([("v", kind), ("reason", pa.string())])
    assert ("v" in text) == as_text


@pytest.mark.parametrize(("values", "kind", "as_text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("cut", [1, 2, 3])
def test_the_types_of_files_merged_are_those_of_the_files_read_as_one(values, kind, as_text, cut):
    """As the Dask engine types JSONL files: each file's column_kinds, merged with merge_types (a file of nulls
    only does not make an int column of another file text)."""
    files = [column_kinds(1, [[values[:cut]]]), column_kinds(1, [[values[cut:]]])]
    merged = [merge_types(a, b) for a, b in zip(*files, strict=True)]
    schema, text = kinds_schema(["v"], merged, {"reason": pa.string()})
    assert schema == pa.schema([("v", kind), ("reason", pa.string())])
    assert ("v" in text) == as_text
