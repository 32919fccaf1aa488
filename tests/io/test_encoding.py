"""Detecting a file's encoding: where an undecodable file fails is said at its file lines, not byte offsets."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from support_text import half_width

from taikai.errors import InputError
from taikai.io import detect_encoding
from taikai.io._encoding import utf8_evidence

CP932 = "id,text\n1,手数料が高い\n2,サポートが遅い\n".encode("cp932")
HINT = (
    "pass the file's encoding (utf-8, utf-8-sig or cp932) with encoding= (--encoding on the command line), or "
    "encoding_errors='replace' (--encoding-errors replace on the command line) to read undecodable bytes as U+FFFD"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # a CP932 file damaged on line 4: UTF-8 stops on line 2 at the first CP932 character
        (
            CP932 + b"3,\x81 bad\n4,ok\n",
            "in.csv:4: cannot decode as UTF-8 or CP932 (utf-8-sig: byte 0x8e on line 2; cp932: byte 0x81 on line 4);"
            f" if the file is cp932, it is damaged on line 4: fix that line, {HINT}",
        ),
        # the same with CR LF and bare CR line endings: lines counted as the readers count them
        (
            CP932.replace(b"\n", b"\r\n") + b"3,\x81 bad\r",
            "in.csv:4: cannot decode as UTF-8 or CP932 (utf-8-sig: byte 0x8e on line 2; cp932: byte 0x81 on line 4)",
        ),
        (
            CP932.replace(b"\n", b"\r") + b"3,\x81 bad\r",
            "in.csv:4: cannot decode as UTF-8 or CP932 (utf-8-sig: byte 0x8e on line 2; cp932: byte 0x81 on line 4)",
        ),
        # UTF-8 with a BOM damaged on line 3: the byte is the one at the offset counted with the BOM
        (
            codecs.BOM_UTF8 + "id,text\n1,手数料\n".encode() + b"2,\xff\n",
            "in.csv:3: cannot decode as UTF-8 or CP932 (utf-8-sig: byte 0xff on line 3; cp932: byte 0xef on line 1);"
            f" if the file is utf-8-sig, it is damaged on line 3: fix that line, {HINT}",
        ),
        # both stop on the same line: no encoding is likelier
        (
            bytes(range(128, 256)) * 4,
            "in.csv:1: cannot decode as UTF-8 or CP932 (utf-8-sig: byte 0x80 on line 1; cp932: byte 0x85 on line 1);"
            f" {HINT}",
        ),
    ],
)
def test_an_undecodable_file_is_named_with_its_lines(tmp_path, content, message):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        detect_encoding(path)
    assert str(caught.value).startswith(f"{tmp_path}/{message}"), str(caught.value)
    assert str(caught.value).endswith(HINT)
    assert "offset" not in str(caught.value)


@pytest.mark.parametrize(
    ("content", "errors", "expected"),
    [
        # a UTF-8 file with one stray byte and too little text to judge it UTF-8 (see the tests of damaged UTF-8
        # below): CP932 would decode it (0xFF as U+F8F3, 0xA0 as U+F8F0) and the rest as mojibake
        ("id,text\n1,手が".encode() + b"\xff" + b"\n", "strict", "in.csv:2: cannot decode"),
        ("id,text\n1,手が".encode() + b"\xa0" + b"\n", "strict", "in.csv:2: cannot decode"),
        # told to go on, the guess is UTF-8 (one byte read as U+FFFD), not CP932 with private-use characters
        ("id,text\n1,手が".encode() + b"\xff" + b"\n", "replace", "utf-8-sig"),
        # 0x80, which CP932 reads as the control character U+0080, was taken: 高い became 鬮倥＞, status ok
        ("text\n高い\nok".encode() + b"\x80" + b"\n", "strict", "in.csv:3: cannot decode"),
        ("text\n高い\nok".encode() + b"\x80" + b"\n", "replace", "utf-8-sig"),
        # CP932 text without private-use characters is still detected as CP932
        ("id,text\n1,手数料が高い①～\n".encode("cp932"), "strict", "cp932"),
    ],
)
def test_a_guess_that_reads_private_use_characters_is_not_taken(tmp_path, content, errors, expected):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    if expected.startswith("in.csv"):
        with pytest.raises(InputError) as caught:
            detect_encoding(path, errors=errors)
        assert str(caught.value).startswith(f"{tmp_path}/{expected}"), str(caught.value)
        assert "cp932: byte" in str(caught.value)
    else:
        assert detect_encoding(path, errors=errors) == expected
    # given with --encoding cp932, such characters are read and named per line: tests/batch/test_formats.py


ROOT = Path(__file__).resolve().parents[2]
HEAD = "review_id,text\nA1,田中さんが本業が忙しくなりました\n".encode()
CUT = "田".encode()[:2]  # the first two of its three bytes: a character cut off
LONG_ROW = "A{},クラウドワークスの手数料が高すぎて、本業の合間にやる意味がなくなりました\n"


def _long_utf8(size: int) -> bytes:
    """Return UTF-8 rows of at least *size* bytes after HEAD (about 130 bytes a row)."""
    rows, length, number = [], 0, 0
    while length < size:
        number += 1
        rows.append(LONG_ROW.format(number).encode())
        length += len(rows[-1])
    return b"".join(rows)


MIB = 1 << 20
BIG = _long_utf8(MIB)
# UTF-8 damaged in one place, and the line and byte it is damaged at: never read as CP932 (which decodes each of
# these without a word, the bytes around the bad one into mojibake)
DAMAGED = [
    pytest.param(HEAD + b"A2," + CUT[:1] + "しつこい\n".encode(), 3, "0xe7", id="cut-at-the-start-of-a-cell"),
    pytest.param(HEAD + "A2,しつ".encode() + CUT + "こい\n".encode(), 3, "0xe7", id="cut-in-the-middle"),
    pytest.param(HEAD + "A2,しつこい".encode() + CUT + b"\nA3,ok\n", 3, "0xe7", id="cut-at-the-end-of-a-line"),
    pytest.param(HEAD + "A2,しつこい".encode() + CUT, 3, "0xe7", id="cut-at-the-end-of-the-file"),
    pytest.param(HEAD + b"A2,caf\xe9s " + "しつこい\n".encode(), 3, "0xe9", id="a-latin-1-byte"),
    pytest.param(HEAD + "A2,手数料が".encode() + b"\xff" + "高い\n".encode(), 3, "0xff", id="a-stray-0xff"),
    pytest.param(codecs.BOM_UTF8 + HEAD + b"A2," + CUT + b"\n", 3, "0xe7", id="with-a-bom"),
    pytest.param((HEAD + b"A2," + CUT + b"\n").replace(b"\n", b"\r\n"), 3, "0xe7", id="crlf"),
    pytest.param(  # its first MiB, the sample, ends inside a character too: that is no damage
        HEAD + BIG[: MIB // 2] + b"A0,xxxx" + CUT + b"\n" + BIG,
        HEAD.count(b"\n") + BIG[: MIB // 2].count(b"\n") + 1,
        "0xe7",
        id="one-bad-byte-in-1.5-mib",
    ),
]


@pytest.mark.parametrize(("content", "line", "byte"), DAMAGED)
def test_damaged_utf8_stops_at_its_line_and_is_never_read_as_cp932(tmp_path, content, line, byte):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        detect_encoding(path)
    message = str(caught.value)
    first_mib = "in its first MiB, " if len(content) > MIB else ""
    assert message.startswith(
        f"{path}:{line}: byte {byte} is not valid UTF-8, but the rest of the file is ({first_mib}"
    ), message
    assert re.search(r"\(.*\d+ multi-byte characters decode as UTF-8 against 1 undecodable byte\(s\)\)", message)
    assert message.endswith(
        f"it is most likely UTF-8 damaged on line {line}, which read as CP932 would be mojibake; fix that line, "
        "pass encoding='cp932' (--encoding cp932 on the command line) if the file is CP932, or "
        "encoding_errors='replace' (--encoding-errors replace on the command line) to read undecodable bytes as U+FFFD"
    )
    assert detect_encoding(path, errors="replace") == "utf-8-sig"


def test_a_bad_byte_past_the_first_mib_is_left_to_the_reader(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(HEAD + BIG + b"A0," + CUT + b"\n")  # its line named by the reader: tests/batch/test_formats.py
    assert detect_encoding(path) == "utf-8-sig"


def _cp932(path: Path) -> bytes:
    """Return the corpus file *path* written as CP932 (the few characters CP932 lacks, emoji, as ``?``)."""
    return path.read_text(encoding="utf-8").encode("cp932", "replace")


SMALL = ["id,text\n1,手数料が高い\n", "id,text\n1,るか\n2,単価\n", "id,text\n1,本業が忙しい\n2,報酬\n3,遅延\n"]
CP932_FILES = [
    pytest.param(lambda: _cp932(ROOT / "data" / "reviews.csv"), id="corpus-reviews"),
    pytest.param(lambda: _cp932(ROOT / "data" / "sample_dump.csv"), id="corpus-sample-dump"),
    *(pytest.param(lambda text=text: text.encode("cp932"), id=f"{text.count(chr(10)) - 1}-rows") for text in SMALL),
    pytest.param(lambda: "id,text\n1,ｻﾎﾟｰﾄが遅い\n2,ﾃｽﾄｼﾞｮﾌﾞ\n".encode("cp932"), id="half-width-katakana"),
    pytest.param(
        lambda: half_width((ROOT / "data" / "reviews.csv").read_text(encoding="utf-8")).encode("cp932", "replace"),
        id="corpus-in-half-width-katakana",
    ),
    # a few UTF-8 bytes pasted into CP932 text, which CP932 decodes: the file is CP932 (its lines are mojibake)
    pytest.param(lambda: "id,text\n1,手数料が高い\n2,".encode("cp932") + "café\n".encode(), id="utf-8-latin-bytes"),
    pytest.param(
        lambda: "id,text\n1,手数料が高い\n2,本業が忙しい\n3,".encode("cp932") + "田中\n".encode(), id="utf-8-kanji"
    ),
]


@pytest.mark.parametrize("content", CP932_FILES)
def test_cp932_is_still_detected_as_cp932(tmp_path, content):
    path = tmp_path / "in.csv"
    path.write_bytes(content())
    assert not utf8_evidence(path.read_bytes()[:MIB], final=False).damaged
    assert detect_encoding(path) == "cp932"


@pytest.mark.parametrize("name", ["reviews.csv", "sample_dump.csv"])
def test_no_run_of_one_to_three_corpus_rows_in_cp932_looks_like_damaged_utf8(name):
    lines = _cp932(ROOT / "data" / name).splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    looks = [
        (start, count)
        for count in (1, 2, 3)
        for start in range(len(rows) - count + 1)
        if utf8_evidence(header + b"".join(rows[start : start + count])).damaged
    ]
    assert looks == []


@pytest.mark.parametrize(
    ("data", "final", "wide", "undecodable"),
    [
        ("手数料".encode() + b"\xff", True, 3, 1),
        (codecs.BOM_UTF8 + "手数料".encode() + b"\xff", True, 3, 1),  # a BOM is not a character of the text
        ("手数料\ufffd".encode() + b"\xff", True, 4, 1),  # a literal U+FFFD is valid UTF-8
        ("手数料".encode() + CUT, True, 3, 1),  # a character cut at the end of the file
        ("手数料".encode() + CUT, False, 3, 0),  # ... or only at the end of the sample: it goes on after it
        ("éü".encode() + b"\xff", True, 0, 1),  # two-byte characters are no evidence (half-width kana form them)
        ("手数料".encode("cp932"), True, 1, 3),  # CP932: 8e, then e8 90 94 (U+8814), then 97 and bf
    ],
)
def test_utf8_evidence_counts_valid_multibyte_characters_against_undecodable_bytes(data, final, wide, undecodable):
    evidence = utf8_evidence(data, final=final)
    assert (evidence.wide, evidence.undecodable) == (wide, undecodable)
    assert evidence.damaged is (wide >= 4 * max(undecodable, 1))


TSV = "id\t投稿日\tbody\r\n1\t2024-01-01\t報酬が安いので辞めた\r\n"
SINGLE_BYTES = "taikai reads and writes only encodings in which ASCII characters and line breaks are single bytes"


@pytest.mark.parametrize(
    ("data", "start"),
    [
        (
            TSV.encode("utf-16"),  # Excel's "Unicode テキスト" export: UTF-16 LE with its BOM
            'the file is UTF-16 (it starts with the byte-order mark FF FE, as Excel writes its "Unicode テキスト" '
            f'export), and {SINGLE_BYTES}, such as utf-8, utf-8-sig or cp932. In Excel save it as "CSV UTF-8 '
            '(コンマ区切り)" instead, or convert it to UTF-8 (iconv -f UTF-16 -t UTF-8 old > new',
        ),
        (
            codecs.BOM_UTF16_BE + TSV.encode("utf-16-be"),
            f"the file is UTF-16 (it starts with the byte-order mark FE FF), and {SINGLE_BYTES}",
        ),
        (TSV.encode("utf-32"), "the file is UTF-32 (it starts with the byte-order mark FF FE 00 00), and"),
        (  # regression: iconv -t UTF-16LE writes no BOM: refused as binary data, 'no encoding reads it' (R140)
            TSV.encode("utf-16-le"),
            "the file is UTF-16LE (without a byte-order mark: each ASCII character is two bytes, the second a NUL), "
            f"and {SINGLE_BYTES}, such as utf-8, utf-8-sig or cp932. Convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8 "
            "old > new",
        ),
        (
            TSV.encode("utf-16-be"),
            "the file is UTF-16BE (without a byte-order mark: each ASCII character is two bytes, the first a NUL), "
            f"and {SINGLE_BYTES}, such as utf-8, utf-8-sig or cp932. Convert it to UTF-8 (iconv -f UTF-16BE -t UTF-8 "
            "old > new",
        ),
    ],
    ids=["utf-16 le (excel)", "utf-16 be", "utf-32", "utf-16 le without bom", "utf-16 be without bom"],
)
@pytest.mark.parametrize("given", [None, "cp932", "utf-8"])
def test_a_utf16_file_is_named_as_such_with_what_to_do(tmp_path, data, start, given):
    """Regression: a UTF-16 export failed as 'cannot decode as UTF-8 or CP932 (utf-8-sig: byte 0xff …)'."""
    from taikai.io import read_table

    path = tmp_path / "export.txt"
    path.write_bytes(data)
    for read in ([lambda: detect_encoding(path)] if given is None else []) + [
        lambda: read_table(path, "tsv", encoding=given)
    ]:
        with pytest.raises(InputError) as caught:
            read()
        assert str(caught.value).startswith(f"{path}: {start}"), str(caught.value)
        assert "cannot decode" not in str(caught.value)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("cp932", "cp932"), ("utf-8", "utf-8-sig")],  # UTF-8 with a bad byte: damaged UTF-8, read as UTF-8
)
def test_replace_reads_a_file_neither_encoding_decodes_in_the_one_with_fewer_bad_bytes(tmp_path, encoding, expected):
    path = tmp_path / "reviews.csv"
    lines = ("id,text\n1,手数料が高いので辞めました\n", "3,単価が安すぎる\n")
    path.write_bytes(lines[0].encode(encoding) + b"2,\x81\x20\n" + lines[1].encode(encoding))  # 0x81 0x20: in neither
    assert detect_encoding(path, errors="replace") == expected
