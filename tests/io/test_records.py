"""What every reader yields (taikai.io._records): whether a reader holds a record past where a --limit run stopped
(rows_past), read within a bound of bytes for a text file."""

from __future__ import annotations

import pytest

import taikai.io as tio
from taikai.io import _decoded_lines, _records

MIB = 1 << 20
ROWS = {
    "csv": "id,text\n1,手数料が高い\n2,単価が安い\n",
    "jsonl": '{"id": 1, "text": "手数料"}\n{"id": 2, "text": "単価"}\n',
}
REVIEW = "単価が安すぎて続けられませんでした。" * 4 + "\n"  # 217 bytes


@pytest.mark.parametrize(
    ("fmt", "past", "more", "most", "bound"),
    [
        ("csv", '3,"閉じない\n' + REVIEW * 15_000, True, MIB, None),  # 3 MiB past the quote
        ("jsonl", '{"text": "' + "あ" * MIB + '"}', True, MIB, None),  # a line of 3 MiB
        ("csv", "\n" * 200 + "3,最後\n", True, 64, 64),  # blank lines past the bound, then a row
        ("jsonl", "\n" * 200 + "{}\n", True, 64, 64),
        ("csv", "\n\n", False, 2, None),
        ("jsonl", "\n\n", False, 2, None),
        ("csv", "3,最後\n", True, 20, None),
        ("jsonl", '{"text": "最後"}\n', True, 20, None),
    ],
    ids=[
        "csv-open-quote",
        "jsonl-long-line",
        "csv-blank-lines-past-the-bound",
        "jsonl-blank-lines-past-the-bound",
        "csv-blank-lines",
        "jsonl-blank-lines",
        "csv-a-row",
        "jsonl-a-row",
    ],
)
def test_rows_past_reads_a_bounded_number_of_bytes(tmp_path, monkeypatch, fmt, past, more, most, bound):
    """Regression: a quote left open right after the rows of a --limit run made the check for one more record read
    the rest of the file (1.7 s and 737 MB of memory for a 200 MB dump; a 2 GB one was read whole)."""
    path = tmp_path / f"in.{fmt}"
    path.write_text(ROWS[fmt] + past, encoding="utf-8")
    reader = tio.open_reader(path)
    stopped = next(iter(reader.chunks(2))).position
    read: list[int] = []
    whole = _decoded_lines.raw_lines

    def counted(*args):
        for line in whole(*args):
            read.append(len(line))
            yield line

    monkeypatch.setattr(_decoded_lines, "raw_lines", counted)
    if bound is not None:
        monkeypatch.setattr(_records, "ROWS_PAST_BYTES", bound)
    assert tio.rows_past(reader, stopped) is more
    assert sum(read) <= most


class _Chunks:
    """A reader's chunks, three of a row each, which say when they are closed (``closes``: they can be)."""

    def __init__(self, closes: bool) -> None:
        self.closed = False
        if closes:
            self.close = lambda: setattr(self, "closed", True)

    def __iter__(self):
        return iter([_records.Chunk(data=[["a"]], rows=1)] * 3)


class _Reader:
    def __init__(self, closes: bool) -> None:
        self.made: list[_Chunks] = []
        self.closes = closes

    def chunks(self, chunk_size, position=None):
        self.made.append(_Chunks(self.closes))
        return self.made[-1]


@pytest.mark.parametrize(
    ("use", "closes"),
    [
        (lambda reader: list(tio.first_rows(reader, 1, None)), True),
        (lambda reader: tio.rows_past(reader, None), True),
        (lambda reader: tio.rows_past(reader, None), False),  # chunks that cannot be closed are left
        (lambda reader: list(tio.first_rows(reader, 1, 2)), True),  # a --limit run: its loop left early
    ],
)
def test_every_chunk_loop_closes_its_chunks(use, closes):
    """The readers' chunks are closed when a loop over them ends, through tio.opened_chunks (written three times)."""
    reader = _Reader(closes)
    use(reader)
    assert reader.made and all(chunks.closed == closes for chunks in reader.made)


def test_opened_chunks_closes_them_on_an_error():
    reader = _Reader(True)
    with pytest.raises(ZeroDivisionError), tio.opened_chunks(reader, 1) as chunks:
        next(iter(chunks))
        raise ZeroDivisionError
    assert reader.made[0].closed
