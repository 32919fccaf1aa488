"""The input fingerprint of --resume: the same input iff its size and modification time are unchanged, or its size
is and the hash of all its bytes."""

from __future__ import annotations

import os

import pytest

from taikai.batch import input_fingerprint
from taikai.batch._fingerprint import describe_changes

BIG = 300 << 20
"""Larger than the 256 MiB above which only samples used to be hashed."""


def _edit(path, offset: int, data: bytes, keep_mtime: bool) -> None:
    st = path.stat()
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(data)
    if keep_mtime:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    else:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_an_unchanged_size_and_time_reuse_the_saved_fingerprint_without_reading(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"text\nabc\n")
    st = path.stat()
    saved = f"{st.st_size}:{st.st_mtime_ns}:not-a-hash"  # returned as it is: the file was not hashed
    assert input_fingerprint(path, saved) == saved


@pytest.mark.parametrize(
    ("size", "offset", "keep_mtime", "changed"),
    [
        (BIG, (1 << 20) + (2 << 20), False, "its content"),  # between the old samples: missed before
        (BIG, BIG - 10, False, "its content"),
        (1000, 500, False, "its content"),
        (BIG, (1 << 20) + (2 << 20), True, None),  # size and time kept: taken as the same input, unread
    ],
    ids=["big-edited-between-samples", "big-edited-at-the-end", "small-edited", "big-edited-time-kept"],
)
def test_an_input_edited_in_place_with_the_same_size(tmp_path, size, offset, keep_mtime, changed):
    path = tmp_path / "in.csv"
    with open(path, "wb") as f:
        f.truncate(size)  # sparse: quick to write, read as zeros
    saved = input_fingerprint(path)
    _edit(path, offset, b"X", keep_mtime)
    now = input_fingerprint(path, saved)
    said = describe_changes({"input": saved}, {"input": now})
    if changed is None:
        assert now == saved and said == []
    else:
        assert len(said) == 1 and said[0].startswith(f"the input file changed ({changed}: {size} bytes, modified")


def test_a_touched_input_with_the_same_bytes_is_the_same_input(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"text\nabc\n")
    saved = input_fingerprint(path)
    _edit(path, 0, b"t", keep_mtime=False)  # the same byte again: only the time changes
    now = input_fingerprint(path, saved)
    assert now != saved and describe_changes({"input": saved}, {"input": now}) == []
