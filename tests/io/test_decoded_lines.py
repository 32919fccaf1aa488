"""Decoding a file's lines: split as a universal reader splits them, whatever the block size."""

from __future__ import annotations

import re
import warnings

import pytest

import taikai
from taikai.io import raw_lines


@pytest.mark.parametrize("block", [1, 2, 3, 5, 1 << 20])
@pytest.mark.parametrize(
    "content",
    [
        b"a\rb\r\nc\nd",
        b"\r\r\n\n\r",
        b"ab\r\ncd\r\n",
        "手数料\r単価\r\n".encode("cp932"),
        b"x" * 7 + b"\r",
        b"abcdefgh\r\nij\rklmnop",  # a line over several blocks, ended by a CR LF or a bare CR in another
        b"\x00" * 11 + b"\n" + b"y" * 9,
    ],
)
def test_raw_lines_split_as_a_universal_reader_at_any_block_size(monkeypatch, content, block):
    import io

    import taikai.io._decoded_lines as decoded_lines

    monkeypatch.setattr(decoded_lines, "_BLOCK", block)
    lines = list(raw_lines(io.BytesIO(content)))
    assert b"".join(lines) == content  # every byte once: offsets stay exact
    assert lines == re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", content)  # as Python's universal newlines


class _Blocks(bytes):
    """A file's block that counts the bytes ``splitlines`` is asked to split."""

    split = 0

    def splitlines(self, keepends=False):
        _Blocks.split += len(self)
        return [_Blocks(line) for line in bytes.splitlines(self, keepends)]

    def __getitem__(self, key):
        return _Blocks(bytes.__getitem__(self, key))

    def __add__(self, other):  # a line carried on, joined to the next block
        return _Blocks(bytes.__add__(self, other))


def test_a_line_of_many_blocks_is_split_once_per_block(monkeypatch):
    # Regression (h391): a line running over many blocks (a NUL-filled tail, a record with no line break: 200 MB
    # took 89 s in a batch run, and 2 GB would take hours) was joined to each next block and split again, in time
    # quadratic in its length
    import io

    import taikai.io._decoded_lines as decoded_lines

    class Blocks(io.BytesIO):
        def read(self, size=-1):
            return _Blocks(super().read(size))

    monkeypatch.setattr(decoded_lines, "_BLOCK", 10)
    content = b"id,text\n" + b"\x00" * 10_000 + b"\r\n" + b"1,x\n"
    _Blocks.split = 0
    assert [len(line) for line in raw_lines(Blocks(content))] == [8, 10_002, 4]
    assert _Blocks.split <= len(content)  # each byte split once (it was about 5,000,000 bytes)


SJIS_ROWS = "".join(f"{i},手数料が高いので辞めました{i}\r\n" for i in range(20)).encode("cp932")
ADVICE_END = "fix that line, or pass encoding_errors='replace'"
CP932_READING = (
    "; the file reads as cp932 (it decodes cleanly in cp932 from its start and from line {line} on): {told}; "
    "if {named} is the file's encoding, the file is damaged there: " + ADVICE_END
)
GIVE_CP932 = "pass encoding='cp932' (--encoding cp932 on the command line)"
DETECTED = "leave out encoding= (--encoding on the command line) to have it detected, or " + GIVE_CP932


@pytest.mark.parametrize(
    ("content", "encoding", "line", "says"),
    [
        (  # an Excel CP932 file read as UTF-8: detection reads it as cp932
            b"id,text\r\n" + SJIS_ROWS,
            "utf-8",
            2,
            "byte 0x8e is not valid utf-8, the encoding given with encoding= (--encoding on the command line)"
            + CP932_READING.format(line=2, told=DETECTED, named="utf-8"),
        ),
        (  # the first line does not decode: "from its start" once, not "and from line 1 on" as well
            "番号,text\r\n".encode("cp932") + SJIS_ROWS,
            "utf-8",
            1,
            "byte 0x94 is not valid utf-8, the encoding given with encoding= (--encoding on the command line); the "
            "file reads as cp932 (it decodes cleanly in cp932 from its start): " + DETECTED,
        ),
        (  # a UTF-8 file read as CP932, ASCII in its first MiB (a UTF-8 one is refused before: test_given_utf8)
            b"id,text\n" + b"1,abc\n" * 180_000 + "1,ｱ手数料\n".encode(),
            "cp932",
            180_002,
            "byte 0xef is not valid cp932, the encoding given with encoding= (--encoding on the command line); the "
            "file reads as utf-8 (it decodes cleanly in utf-8 from its start and from line 180002 on): leave out "
            "encoding= "
            "(--encoding on the command line) to have it detected, or pass encoding='utf-8' (--encoding utf-8 on the "
            "command line); if cp932 is the file's encoding, the file is damaged there: " + ADVICE_END,
        ),
        (  # ASCII for the first MiB (all detection reads), CP932 after: utf-8, not utf-8-sig, and cp932 from there
            b"id,text\n" + b"1,abc\n" * 180_000 + SJIS_ROWS,
            None,
            180_002,
            "byte 0x8e is not valid utf-8, the encoding detected from the file's first MiB"
            + CP932_READING.format(line=180_002, told=GIVE_CP932, named="utf-8"),
        ),
        (  # UTF-8 Japanese first: CP932 would read it as mojibake, so no reading is offered
            "id,text\n1,手数料\n".encode() + SJIS_ROWS,
            "utf-8",
            3,
            "byte 0x8e is not valid utf-8, the encoding given with encoding= (--encoding on the command line); if "
            "that is the file's encoding, the file is damaged there: " + ADVICE_END,
        ),
        (  # a stray byte in ASCII that CP932 reads as half-width katakana (0xb1, ｱ) is no evidence of CP932
            b"id,text\n1,abc\xb1def\n",
            "utf-8",
            2,
            "byte 0xb1 is not valid utf-8, the encoding given with encoding= (--encoding on the command line); if "
            "that is the file's encoding, the file is damaged there: " + ADVICE_END,
        ),
    ],
)
def test_an_undecodable_line_says_the_encoding_the_file_reads_as(tmp_path, content, encoding, line, says):
    from taikai.errors import InputError
    from taikai.io import open_reader

    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        for _ in open_reader(path, encoding=encoding).chunks(1000):
            pass
    assert str(caught.value).startswith(f"{path}:{line}: {says}"), str(caught.value)


@pytest.mark.parametrize(
    ("content", "encoding", "note"),
    [
        (b"ok\n\xff\n", "utf-8", (2, 1, 0)),
        ("\ufffd".encode() + b"\xff\n", "utf-8", (1, 1, 0)),  # a literal U+FFFD is text, not an undecodable byte
        ("\ufffd".encode() + b"\xff\n", "utf-8-sig", (1, 1, 0)),
        ("\ufffd".encode() + b"\n", "utf-8", None),
        ("\ue000".encode() + b"\n", "utf-8", None),  # written as such in UTF-8: a character the file holds
        (b"\xff\xf0\x40\n", "cp932", (1, 0, 2)),  # CP932 maps 0xFF and its user area into the private-use area
        (b"\xf0\x40\x81\n", "cp932", (1, 1, 1)),  # 0x81 alone is a lead byte without its trail
    ],
)
def test_a_record_s_note_counts_its_undecodable_bytes_and_private_use_characters(content, encoding, note):
    import io
    from pathlib import Path

    from taikai.io._decoded_lines import DecodedLines

    lines = DecodedLines(io.BytesIO(content), encoding, Path("in.csv"), 0, 0, "replace")
    for _ in lines:
        first, _raw = lines.take()
        taken = lines.take_note(first)
        if taken is not None:
            break
    assert (taken and (taken.line, taken.replaced, taken.private_use)) == note


_CP932_ROWS = "".join(f"{i},手数料が高すぎて続けられませんでした\n" for i in range(1, 30)).encode("cp932")
_CP932_RECORDS = "".join('{"text": "手数料が高すぎて続けられませんでした"}\n' for _ in range(29)).encode("cp932")


@pytest.mark.parametrize(
    ("data", "name", "said"),
    [
        (b"id,text\n" + _CP932_ROWS + "30,報酬が低い\n".encode(), "in.csv", "line(s) 31 read as cp932"),
        (
            b"id,text\n" + "1,単価が安い\n".encode() + _CP932_ROWS + "30,報酬が低い\n".encode(),
            "in.csv",
            "line(s) 2, 32 read as cp932",
        ),
        (_CP932_RECORDS + '{"text": "報酬が低い"}\n'.encode(), "in.jsonl", "line(s) 30 read as cp932"),
        (b"id,text\n" + _CP932_ROWS + b"30,plain ascii\n", "in.csv", None),  # ASCII is both: nothing pasted
        (b"id,text\n" + _CP932_ROWS, "in.csv", None),  # CP932 alone
        (b"id,text\n" + "1,報酬が低い\n".encode() * 30, "in.csv", None),  # all UTF-8: read as UTF-8
    ],
    ids=["one-pasted", "two-pasted", "jsonl", "ascii-line", "cp932", "all-utf8"],
)
def test_a_utf8_line_in_a_file_read_as_cp932_is_named_in_a_warning(tmp_path, data, name, said):
    """Regression: a line pasted as UTF-8 into a CP932 file (Excel's export) that CP932 also decodes (報酬が低い as
    蝣ｱ驟ｬ縺御ｽ弱＞) was read and classified as mojibake without a word."""
    path = tmp_path / name
    path.write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        taikai.io.read_table(path)
    shown = [str(w.message) for w in caught if "UTF-8 text" in str(w.message)]
    assert len(shown) == (said is not None), shown
    assert said is None or shown[0].startswith(f"{path}: {said}, the file's encoding, but are UTF-8 text"), shown


@pytest.mark.parametrize("block", [1, 2, 3, 1 << 20])
@pytest.mark.parametrize(
    ("content", "codec", "start", "expected"),
    [
        ("手数料が\r\n高い\n".encode(), "utf-8", 0, True),  # a character cut between blocks is carried over
        ("手数料が\r\n高い\n".encode("cp932"), "cp932", 0, True),
        ("手数料\n".encode() + "高い\n".encode("cp932"), "utf-8", 0, False),
        ("手数料\n".encode() + "高い\n".encode("cp932"), "utf-8", 10, False),
        ("高い\n".encode("cp932") + "手数料\n".encode(), "utf-8", 5, True),  # from a resumed run's offset on
        ("手数料".encode()[:-1], "utf-8", 0, False),  # cut at the file's end
        (b"ok\n\x81\x7f\n", "cp932", 0, False),
    ],
)
def test_decodes_says_whether_every_byte_from_an_offset_decodes(monkeypatch, content, codec, start, expected, block):
    import io

    from taikai.io import _decoded_lines as decoded_lines

    monkeypatch.setattr(decoded_lines, "_BLOCK", block)
    f = io.BytesIO(content)
    f.seek(start)
    assert decoded_lines.decodes(f, codec, len(content) - start) is expected
