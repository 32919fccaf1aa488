"""The chunks of a JSONL file held between the pass that reads it for its types and its partition: every value comes
back as read (its type too), in every file's keys."""

from __future__ import annotations

import math

import pyarrow as pa
import pytest

import taikai.io as tio
from taikai.batch._dask_held import HeldFile, held_chunk, held_chunks


def _same(a: list[object], b: list[object]) -> bool:
    """Say whether *a* and *b* hold the same values of the same types (NaN equal to NaN)."""
    return len(a) == len(b) and all(
        type(x) is type(y) and (x == y or (type(x) is float and math.isnan(x) and math.isnan(y)))  # type: ignore[arg-type]
        for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize(
    ("values", "arrow"),
    [
        (["単価", None, ""], True),
        ([1, None, -(2**63)], True),
        ([1.5, float("nan"), -0.0, None], True),
        ([True, False, None], True),
        ([1, 2.5], False),  # Arrow would give 1.0
        ([True, 1], False),
        ([2**64, 1], False),  # beyond 64 bits
        ([{"k": 1}, [1, 2], "x"], False),
        ([None, None], False),
        ([1, "1"], False),
    ],
)
def test_each_value_comes_back_as_read(values, arrow):
    chunk = tio.Chunk([values, ["x"] * len(values)], len(values), blank=2, lines=list(range(len(values))))
    held = held_chunk(chunk)
    assert isinstance(held.columns[0], pa.Array) is arrow
    [back] = held_chunks(HeldFile(["a", "b"], [held]), ["a", "b"])
    assert _same(back.data[0], values) and back.data[1] == ["x"] * len(values)
    assert (back.rows, back.blank, back.lines) == (chunk.rows, 2, chunk.lines)


@pytest.mark.parametrize(
    ("keys", "names", "expected"),
    [
        (["a", "b"], ["a", "b"], [[1, 2], ["x", "y"]]),
        (["b", "a"], ["a", "b"], [[1, 2], ["x", "y"]]),  # a file's keys in another order
        (["a"], ["a", "later"], [[1, 2], [None, None]]),  # a key of a later file: null in this one
    ],
)
def test_the_values_come_back_in_every_file_s_keys(keys, names, expected):
    data = {"a": [1, 2], "b": ["x", "y"]}
    held = held_chunk(tio.Chunk([data[k] for k in keys], 2))
    [back] = held_chunks(HeldFile(keys, [held]), names)
    assert back.data == expected
