"""A UTF-8 file or input given as another encoding (--encoding cp932) is refused before any row is read as mojibake."""

from __future__ import annotations

import codecs

import pytest

from taikai.errors import DataWarning, InputError
from taikai.io import decode_input, open_reader
from taikai.io._encoding import SAMPLE_BYTES

UTF8 = "text\n手数料が高い\n退会しました\n".encode()
DETECT = (
    "leave out encoding= (--encoding on the command line) to have it detected, or pass encoding='utf-8' "
    "(--encoding utf-8 on the command line)"
)
CP932_SAID = (
    "{source}: the {noun} is UTF-8, not cp932, the encoding given with encoding= (--encoding on the command line): "
    "it decodes cleanly as UTF-8 ({where}12 multi-byte character(s), which Japanese text in cp932 next to never "
    "forms), and cp932 would read it as mojibake (line 2: '手数料が高い' as '謇区焚譁吶′鬮倥＞'); " + DETECT
)


def _read_file(tmp_path, data: bytes, encoding: str, errors: str = "strict") -> list[str]:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    return [text for chunk in open_reader(path, "csv", encoding, None, errors).chunks(100) for text in chunk.data[0]]


@pytest.mark.parametrize("errors", ["strict", "replace"])  # no byte is undecodable: replace would change nothing
def test_a_utf8_file_given_as_cp932_is_refused_naming_it_and_what_to_do(tmp_path, errors):
    """Regression: taikai batch u8.csv --encoding cp932 classified 手数料が高い as 謇区焚譁吶′鬮倥＞, status ok."""
    with pytest.raises(InputError) as info:
        _read_file(tmp_path, UTF8, "cp932", errors)
    assert str(info.value) == CP932_SAID.format(source=tmp_path / "in.csv", noun="file", where="")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (UTF8, "shift_jis"),  # resolved to its own codec: a name of CP932's kin, read as mojibake too
        (UTF8, "euc-jp"),
        (UTF8, "latin-1"),
        (codecs.BOM_UTF8 + UTF8, "cp932"),  # a BOM is no Japanese, the rows after it are
        (UTF8.replace(b"\n", b"\r\n"), "cp932"),
        (b"text\n" + "報酬😀\n".encode(), "cp932"),  # an emoji, 4 bytes: no CP932 text forms it either
        ("text\nｱ手数料\n".encode(), "cp932"),  # said so before the byte CP932 cannot decode (0xef) on line 2
    ],
    ids=["shift_jis", "euc-jp", "latin-1", "bom", "crlf", "emoji", "undecodable-in-cp932"],
)
def test_utf8_given_as_any_other_encoding_is_refused(tmp_path, data, encoding):
    with pytest.raises(InputError, match=r"the file is UTF-8, not [-\w]+, the encoding given with encoding= "):
        _read_file(tmp_path, data, encoding)
    with pytest.raises(InputError, match=r"^standard input: the input is UTF-8, not [-\w]+, the encoding given"):
        decode_input(data, encoding)


@pytest.mark.parametrize(
    ("data", "encoding", "texts"),
    [
        ("text\n手数料が高い\n退会しました\n".encode("cp932"), "cp932", ["手数料が高い", "退会しました"]),
        ("text\n手数料が高い\n".encode("euc-jp"), "euc-jp", ["手数料が高い"]),
        (b"text\nfees are high\n", "cp932", ["fees are high"]),  # ASCII: the same in either
        (UTF8, "utf-8", ["手数料が高い", "退会しました"]),
        (UTF8, "utf-8-sig", ["手数料が高い", "退会しました"]),
        ("text\ncafé\n".encode(), "latin-1", ["cafÃ©"]),  # two-byte UTF-8 only: no kana or kanji to tell by
        ("text\nｱｲｳｴｵ\n".encode("cp932"), "cp932", ["ｱｲｳｴｵ"]),  # half-width katakana, not UTF-8
    ],
    ids=["cp932", "euc-jp", "ascii", "utf-8", "utf-8-sig", "two-byte-utf-8", "half-width-katakana"],
)
def test_text_in_the_encoding_given_is_read(tmp_path, data, encoding, texts):
    assert _read_file(tmp_path, data, encoding) == texts
    assert decode_input(data, encoding).lines[1 : len(texts) + 1] == texts


def test_only_the_first_mib_is_checked(tmp_path):
    """As detection judges a file on its first MiB: UTF-8 past it is left to the warning naming such lines; a MiB
    ending inside a character is still UTF-8 (said to be judged on the first MiB)."""
    ascii_rows = b"text\n" + b"fees are high\n" * (SAMPLE_BYTES // 14 + 1)
    late = ascii_rows + "手数料が高い\n".encode()
    with pytest.warns(DataWarning, match="read as cp932, the file's encoding, but are UTF-8 text"):  # that line
        assert _read_file(tmp_path, late, "cp932")[-1] == "謇区焚譁吶′鬮倥＞"
    head = b"text\n" + b"a" * (SAMPLE_BYTES - 13) + b"\n"  # the MiB ends 1 byte into 料 of 手数料が高い
    with pytest.raises(InputError) as info:
        _read_file(tmp_path, head + "手数料が高い\n".encode(), "cp932")
    assert "(in its first MiB, 2 multi-byte character(s)" in str(info.value)


def test_a_text_given_as_cp932_names_the_text():
    with pytest.raises(InputError, match=r"^standard input: the text is UTF-8, not cp932, "):
        decode_input("手数料が高い".encode(), "cp932", one_text=True)
