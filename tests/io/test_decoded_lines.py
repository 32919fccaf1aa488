"""Decoding a file's lines: split as a universal reader splits them, whatever the block size."""

from __future__ import annotations

import re

import pytest

from taikai.io import raw_lines


@pytest.mark.parametrize("block", [1, 2, 3, 5, 1 << 20])
@pytest.mark.parametrize(
    "content",
    [b"a\rb\r\nc\nd", b"\r\r\n\n\r", b"ab\r\ncd\r\n", "手数料\r単価\r\n".encode("cp932"), b"x" * 7 + b"\r"],
)
def test_raw_lines_split_as_a_universal_reader_at_any_block_size(monkeypatch, content, block):
    import io

    import taikai.io._decoded_lines as decoded_lines

    monkeypatch.setattr(decoded_lines, "_BLOCK", block)
    lines = list(raw_lines(io.BytesIO(content)))
    assert b"".join(lines) == content  # every byte once: offsets stay exact
    assert lines == re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", content)  # as Python's universal newlines
