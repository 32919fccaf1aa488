"""Detecting a file's encoding: where an undecodable file fails is said at its file lines, not byte offsets."""

from __future__ import annotations

import codecs

import pytest

from taikai.errors import InputError
from taikai.io import detect_encoding

CP932 = "id,text\n1,手数料が高い\n2,サポートが遅い\n".encode("cp932")
HINT = (
    "pass the file's encoding with --encoding (utf-8, utf-8-sig or cp932), or --encoding-errors replace to read "
    "undecodable bytes as U+FFFD"
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
        # a UTF-8 file with one stray byte: CP932 would decode it (0xFF as U+F8F3) and the rest as mojibake
        ("id,text\n1,手数料が".encode() + b"\xff" + "高い\n".encode(), "strict", "in.csv:2: cannot decode"),
        ("id,text\n1,手数料が".encode() + b"\xa0" + "高い\n".encode(), "strict", "in.csv:2: cannot decode"),
        # told to go on, the guess is UTF-8 (one byte read as U+FFFD), not CP932 with private-use characters
        ("id,text\n1,手数料が".encode() + b"\xff" + "高い\n".encode(), "replace", "utf-8-sig"),
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
