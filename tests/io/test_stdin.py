"""Decoding piped input: the encoding detected as for a file, or a stop naming the line, never mojibake."""

from __future__ import annotations

import codecs
import re
import warnings

import pytest

from taikai.errors import DataWarning, InputError
from taikai.io import decode_input

TEXTS = ["手数料が高すぎる", "単価が安い"]
UTF8 = "\n".join(TEXTS).encode()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (UTF8 + b"\n", "utf-8-sig"),
        (codecs.BOM_UTF8 + UTF8, "utf-8-sig"),  # the BOM is skipped, not read as U+FEFF
        ("\r\n".join(TEXTS).encode("cp932") + b"\r\n", "cp932"),
        ("\r".join(TEXTS).encode("cp932"), "cp932"),
    ],
)
def test_utf8_and_cp932_are_detected(data, encoding):
    decoded = decode_input(data)
    assert (decoded.lines, decoded.encoding, decoded.notes) == (TEXTS, encoding, [])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\xfe\xfe" + "手".encode(),  # not FF FE: that is UTF-16's byte-order mark (said as such)
            "standard input: cannot decode as UTF-8 or CP932 (utf-8: byte 0xfe on line 1; "
            "cp932: byte 0x8b on line 1); pass its encoding with encoding= (--encoding on the command line)",
        ),
        # CP932 would read the stray 0xFF as U+F8F3 and the UTF-8 around it as mojibake: refused too (with so
        # little UTF-8 text that it is not judged damaged UTF-8 by the count below)
        (
            "手が".encode() + b"\xff",
            "(utf-8: byte 0xff on line 1; cp932: U+F8F3, a private-use character (no real text) on line 1)",
        ),
        # and the stray 0x80, which CP932 reads as the control character U+0080: 高い was read as 鬮倥＞
        (
            "高い".encode() + b"\x80",
            "(utf-8: byte 0x80 on line 1; cp932: U+0080, a control character (no real text) on line 1)",
        ),
    ],
)
def test_bytes_neither_decodes_stop_naming_the_line_and_the_encodings_tried(data, message):
    with pytest.raises(InputError, match=re.escape(message)) as info:
        decode_input(data)
    said = "or pass encoding_errors='replace' (--encoding-errors replace on the command line) to read"
    assert said in str(info.value)


def test_a_given_encoding_names_the_line_it_fails_on():
    data = UTF8 + "\n解約".encode("cp932")
    with pytest.raises(InputError, match=r"^standard input:3: byte 0x89 is not valid utf-8, the encoding given with"):
        decode_input(data, encoding="utf8")
    assert decode_input(data, encoding="cp932").lines[2] == "解約"


@pytest.mark.parametrize(
    ("data", "encoding", "lines", "warning"),
    [
        # one bad byte in UTF-8 text: read as UTF-8 with U+FFFD, not as CP932 mojibake
        (b"ok\n" + "手数料".encode() + b"\xff\n", "utf-8-sig", ["ok", "手数料\ufffd"], "1 undecodable byte"),
        (b"\x81\n" + "単価".encode("cp932"), "cp932", ["\ufffd", "単価"], "1 undecodable byte"),
    ],
)
def test_replace_reads_undecodable_bytes_as_fffd_and_warns_naming_the_line(data, encoding, lines, warning):
    with pytest.warns(DataWarning, match=rf"^standard input: 1 row\(s\) hold {warning}.*: line\(s\) [12]$"):
        decoded = decode_input(data, errors="replace")
    assert (decoded.lines, decoded.encoding) == (lines, encoding)


@pytest.mark.parametrize(
    ("encoding", "errors", "message"),
    [
        (
            "utf-16",
            "strict",
            "encoding='utf-16' (--encoding on the command line): taikai reads and writes only encodings",
        ),
        ("nope", "strict", "encoding='nope' (--encoding on the command line): unknown encoding"),
        (None, "ignore", "encoding_errors= (--encoding-errors on the command line) must be one of strict, replace"),
    ],
)
def test_bad_options_are_refused(encoding, errors, message):
    with pytest.raises(InputError, match=re.escape(message)):
        decode_input(UTF8, encoding, errors)


CUT = "田".encode()[:2]  # the first two of its three bytes: a character cut off
# UTF-8 damaged in one place, which CP932 decodes without a word into mojibake; the line, the byte and what
# --encoding-errors replace reads on that line
DAMAGED = [
    pytest.param(UTF8 + b"\n" + CUT[:1] + "しつこい".encode(), 3, "0xe7", "\ufffdしつこい", id="cut-at-the-start"),
    pytest.param(
        UTF8 + b"\n" + "しつ".encode() + CUT + "こい\n".encode(), 3, "0xe7", "しつ\ufffdこい", id="cut-inside"
    ),
    pytest.param(UTF8 + CUT + b"\n", 2, "0xe7", "単価が安い\ufffd", id="cut-at-the-end-of-a-line"),
    pytest.param(UTF8 + CUT, 2, "0xe7", "単価が安い\ufffd", id="cut-at-the-end-of-the-input"),
    pytest.param(UTF8 + b"\ncaf\xe9s " + "しつこい".encode(), 3, "0xe9", "caf\ufffds しつこい", id="a-latin-1-byte"),
    pytest.param(
        UTF8 + b"\n" + "手数料が".encode() + b"\xff" + "高すぎる".encode(),
        3,
        "0xff",
        "手数料が\ufffd高すぎる",
        id="0xff",
    ),
]


@pytest.mark.parametrize(("data", "line", "byte", "replaced"), DAMAGED)
def test_damaged_utf8_stops_at_its_line_and_is_never_read_as_cp932(data, line, byte, replaced):
    with pytest.raises(InputError) as caught:
        decode_input(data)
    message = str(caught.value)
    assert re.match(
        rf"standard input:{line}: byte {byte} is not valid UTF-8, but the rest of the input is \(\d+ multi-byte "
        rf"characters decode as UTF-8 against 1 undecodable byte\(s\)\): it is most likely UTF-8 damaged on line "
        rf"{line}, which read as CP932 would be mojibake; fix that line, pass encoding='cp932' \(--encoding cp932 "
        r"on the command line\) if the input is CP932, or pass encoding_errors='replace' \(--encoding-errors "
        r"replace on the command line\) to read undecodable bytes as U\+FFFD \(a warning names their lines\)$",
        message,
    ), message
    with pytest.warns(DataWarning, match=rf"^standard input: 1 row\(s\) hold 1 undecodable byte.*: line\(s\) {line}$"):
        decoded = decode_input(data, errors="replace")
    assert (decoded.encoding, decoded.lines[line - 1]) == ("utf-8-sig", replaced)
    with warnings.catch_warnings():  # told, it is read as CP932 (0xFF with a warning of a private-use character)
        warnings.simplefilter("ignore", DataWarning)
        assert decode_input(data, encoding="cp932").encoding == "cp932"


@pytest.mark.parametrize(
    "data",
    [
        "\n".join(TEXTS).encode("cp932"),
        "ｻﾎﾟｰﾄが遅い\nﾃｽﾄｼﾞｮﾌﾞ".encode("cp932"),
        "手数料が高い\n本業が忙しい\n".encode("cp932") + "café".encode(),  # a few UTF-8 bytes CP932 decodes
    ],
    ids=["kanji-and-kana", "half-width-katakana", "with-utf-8-bytes"],
)
def test_cp932_is_still_detected_as_cp932(data):
    assert decode_input(data).encoding == "cp932"


CP932_LINE = "手数料が高い".encode("cp932")
# a line of valid UTF-8 text (kana, kanji) beside a line that does not decode as UTF-8, however little text the
# input holds (too little for the count of damaged UTF-8 above): CP932 read each of these without a word, the UTF-8
# line into mojibake (高い as 鬮倥＞); the line that fails, its byte, and the line of UTF-8 text
UTF8_TEXT_LINES = [
    pytest.param("高い\n".encode() + b"ok\x80\n", 2, "0x80", 1, id="a-short-line-and-a-stray-byte"),
    pytest.param("安い\n".encode() + CP932_LINE + b"\n", 2, "0x8e", 1, id="utf-8-then-cp932"),
    pytest.param(CP932_LINE + b"\r\n" + "田中".encode(), 1, "0x8e", 2, id="cp932-then-utf-8"),
]


@pytest.mark.parametrize(("data", "line", "byte", "text_line"), UTF8_TEXT_LINES)
def test_a_line_of_utf8_text_is_never_read_as_cp932(data, line, byte, text_line):
    with pytest.raises(InputError) as caught:
        decode_input(data)
    assert str(caught.value) == (
        f"standard input:{line}: byte {byte} is not valid UTF-8, but line {text_line} is UTF-8 text, which read as "
        f"CP932 would be mojibake: the input is UTF-8 damaged on line {line}, or mixes UTF-8 lines with lines in "
        f"another encoding; fix line {line}, pass encoding='cp932' (--encoding cp932 on the command line) if the "
        f"input is CP932 (line {text_line} then reads as CP932), or pass encoding_errors='replace' (--encoding-errors "
        "replace on the command line) to read undecodable bytes as U+FFFD (a warning names their lines)"
    )
    with pytest.warns(DataWarning, match=rf"read as U\+FFFD: line\(s\) {line}$"):
        decoded = decode_input(data, errors="replace")
    expected = [raw.decode("utf-8", "replace") for raw in data.splitlines()]
    assert (decoded.encoding, decoded.lines) == ("utf-8-sig", expected)
    assert "\ufffd" not in decoded.lines[text_line - 1]
    with warnings.catch_warnings():  # told, it is read as CP932
        warnings.simplefilter("ignore", DataWarning)
        assert decode_input(data, encoding="cp932").encoding == "cp932"


@pytest.mark.parametrize(
    ("data", "start"),
    [
        ("手数料\n".encode("utf-16"), "standard input: the input is UTF-16 (it starts with the byte-order mark FF FE"),
        (codecs.BOM_UTF16_BE + "手数料\n".encode("utf-16-be"), "standard input: the input is UTF-16 (it starts"),
        # regression: without a BOM (iconv -t UTF-16LE), refused as binary data, 'no encoding reads it' (R140)
        ("id,text\n1,手数料\n".encode("utf-16-le"), "standard input: the input is UTF-16LE (without a byte-order"),
        ("id,text\n1,手数料\n".encode("utf-16-be"), "standard input: the input is UTF-16BE (without a byte-order"),
    ],
    ids=["le-bom", "be-bom", "le-no-bom", "be-no-bom"],
)
def test_utf16_input_is_named_as_such(data, start):
    """The same check and message as a file's (taikai.io._encoding.check_not_wide)."""
    with pytest.raises(InputError) as caught:
        decode_input(data)
    assert str(caught.value).startswith(start) and "convert it to utf-8" in str(caught.value).lower()
