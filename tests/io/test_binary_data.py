"""Compressed data is named by its first bytes, and binary data is told from text (``taikai.io._binary_data``)."""

from __future__ import annotations

import bz2
import gzip
import lzma
import random
from pathlib import Path

import pytest

from taikai.errors import InputError
from taikai.io import decode_input
from taikai.io._binary_data import (
    binary_data_error,
    compressed_error,
    compressed_format,
    decompressed_name,
    looks_binary,
    utf16_without_bom,
)
from taikai.io._encoding import detect_encoding

TEXT = "手数料が高すぎて辞めました。時給換算で300円、やめました\n" * 20
RANDOM = random.Random(119).randbytes(2000)
CTL9 = "id,text\n" + "".join(f"{n},単価が安い\x08です\n" for n in range(1, 10))
"""Valid UTF-8, 4% of its bytes a stray backspace (one a row): refused as binary data (R140)."""
CSV = "id,text\n1,手数料が高すぎて辞めました\n2,単価が安い、　一年で辞めた\n"
FEW_ASCII = "本文,評価\n手数料が高い,悪い\n案件が少ない,普通\n"
"""A table of Japanese text alone: in UTF-16, six NULs (its commas and line breaks), too few for their count."""


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (gzip.compress(TEXT.encode()), "gzip"),
        (bz2.compress(TEXT.encode()), "bzip2"),
        (bz2.compress(b""), "bzip2"),  # an empty stream: BZh9, then the end-of-stream magic
        (lzma.compress(TEXT.encode()), "xz"),
        (b"\x28\xb5\x2f\xfd\x24\x05", "zstd"),
        (b"BZh9 review", None),
        (b"BZh", None),
        (b"BZhx1AY&SY", None),  # no block size digit after BZh
        (TEXT.encode(), None),
        (b"", None),
    ],
    ids=["gzip", "bzip2", "bzip2-empty", "xz", "zstd", "BZh-text", "BZh-only", "BZh-no-digit", "text", "empty"],
)
def test_compressed_data_is_named_by_its_first_bytes(data, fmt):
    assert compressed_format(data[:16]) == fmt


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (RANDOM, True),
        (gzip.compress(TEXT.encode() + RANDOM), True),
        (bytes(500), True),  # NULs that decode as UTF-8 all the same
        (TEXT.encode(), False),
        (TEXT.encode("cp932"), False),
        (TEXT.encode("euc-jp"), False),
        (TEXT.encode("iso-2022-jp"), False),  # its escapes are no binary
        ("id\ttext\n1\t手数料\r\n\f".encode(), False),
        (TEXT.encode() + b"\x00", False),  # one NUL in a text: damaged text, not binary data
        ("単価が安い\x08\n".encode(), False),  # regression: 6% of 17 bytes, refused as binary (R12)
        ("id,text\n1,単価が安い\x0e\n".encode(), False),  # regression: 4%, refused as binary (R12)
        (b"\x08" * 7 + b"x", False),  # fewer than 8 control bytes: never binary data
        (b"\x08" * 8, True),
        (RANDOM[:80], True),  # a short run of random bytes
        (b"", False),
        (b"a" * 291 + bytes(9), True),  # 3 % of control bytes, and 8 or more: binary
        (b"a" * 392 + bytes(8), False),  # 2 %, though 8 of them: damaged text
        (bytes([127]) * 100, True),  # DEL is a control byte too
        (b"a\vb" * 50, False),  # a vertical tab is a text's (a line break in a cell)
        (b"a" * 1024 + bytes(500), True),  # NULs after the first KiB count
        (CTL9.encode(), False),  # regression: 4% of 216 bytes, a backspace a row, refused as binary (R140)
        (CTL9.encode("cp932"), False),
        (CTL9.replace("\x08", "\x00").encode(), False),  # a stray NUL a row: damaged text all the same
        (CTL9.encode()[:100], False),  # cut inside a character, as the first bytes of a file may be
        (CTL9.replace("\x08", "\x08\x08").encode(), True),  # two control bytes in a row: binary data
        (b"ab\x01" * 50, True),  # valid UTF-8, a control byte alone, but in every third byte
        (b"\x89PNG\r\n\x1a\n" + bytes(4) + b"IHDR" + CTL9.encode(), True),  # a format's header before text
        (b"PK\x03\x04\x14\x00" + CTL9.encode(), True),  # zip (xlsx)
        (b"PAR1\x15\x04\x15" + CTL9.encode(), True),
        (b"".join(bytes([b, 0]) for b in RANDOM), True),  # NUL every other byte, but no UTF-16 text
    ],
    ids=[
        "random",
        "gzip",
        "nuls",
        "utf-8",
        "cp932",
        "euc-jp",
        "iso-2022-jp",
        "tabs",
        "one-nul",
        "one-backspace",
        "one-shift-out",
        "seven",
        "eight",
        "random-80",
        "empty",
        "3-percent",
        "2-percent",
        "del",
        "vertical-tab",
        "nuls-after-1k",
        "backspace-a-row",
        "backspace-a-row-cp932",
        "nul-a-row",
        "backspace-a-row-cut",
        "two-backspaces-a-row",
        "every-third-byte",
        "png-header",
        "zip-header",
        "parquet-header",
        "random-utf-16",
    ],
)
def test_binary_data_is_told_from_text(data, binary):
    assert looks_binary(data) is binary


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CSV.encode("utf-16-le"), "UTF-16LE"),  # regression: iconv -t UTF-16LE, refused as binary data (R140)
        (CSV.encode("utf-16-be"), "UTF-16BE"),
        (("id,text\n" + "1,手数料が高い\n" * 500).encode("utf-16-le"), "UTF-16LE"),  # cut at 8 KiB
        (CSV.encode(), None),
        (CSV.encode("cp932"), None),
        ("手数料が高い\n".encode("utf-16-le"), None),  # one NUL: too few to tell
        (CTL9.replace("\x08", "\x00").encode(), None),  # stray NULs in UTF-8 text
        (bytes(500), None),
        (RANDOM, None),
        (b"".join(bytes([b, 0]) for b in RANDOM), None),  # NULs where UTF-16LE has them, but no text
        (b"", None),
        # regression: a Japanese table with fewer than 8 ASCII characters was refused as binary data
        (FEW_ASCII.encode("utf-16-le"), "UTF-16LE"),
        (FEW_ASCII.encode("utf-16-be"), "UTF-16BE"),
        ("です,ます\r\nでした,ました\r\n".encode("utf-16-le"), "UTF-16LE"),  # kana read BE would be kanji
        ("です,ます\r\nでした,ました\r\n".encode("utf-16-be"), "UTF-16BE"),
        ("一,一\n一\n".encode("utf-16-le"), "UTF-16LE"),  # 一 is 00 4E: a NUL on the other side
        (FEW_ASCII.encode(), None),
        (FEW_ASCII.encode("cp932"), None),
        (FEW_ASCII.encode().replace(b",", b",\0").replace(b"\n", b"\n\0"), None),  # a NUL beside each break
        (FEW_ASCII.encode("cp932").replace(b",", b",\0").replace(b"\n", b"\n\0"), None),
        (b"".join(RANDOM[k : k + 6] + b",\0" for k in range(0, 600, 6)), None),  # binary with 2C 00 pairs
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", None),
    ],
    ids=[
        "le",
        "be",
        "le-long",
        "utf-8",
        "cp932",
        "le-one-line",
        "utf-8-stray-nuls",
        "nuls",
        "random",
        "random-nul-every-other",
        "empty",
        "le-few-ascii",
        "be-few-ascii",
        "le-kana",
        "be-kana",
        "le-ichi",
        "utf-8-few-ascii",
        "cp932-few-ascii",
        "utf-8-nul-by-each-break",
        "cp932-nul-by-each-break",
        "random-with-commas",
        "png-head",
    ],
)
def test_utf16_without_a_bom_is_told_with_its_byte_order(data, encoding):
    assert utf16_without_bom(data) == encoding


BINARY_SAID = "this looks like binary data, not text ("


@pytest.mark.parametrize("encoding", [None, "latin-1"])
@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_binary_bytes_are_refused_not_sent_to_latin_1(encoding, errors):
    """Regression: random bytes piped in were told to pass an encoding such as latin-1, which reads them as
    mojibake, classified."""
    with pytest.raises(InputError) as caught:
        decode_input(RANDOM, encoding, errors)
    message = str(caught.value)
    assert message.startswith(f"standard input: {BINARY_SAID}") and "latin-1" not in message
    assert message.endswith("decompress it or save it as CSV (UTF-8) first, and give that input")


@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_a_binary_file_is_refused_when_its_encoding_is_detected(tmp_path, errors):
    path = tmp_path / "rand.csv"
    path.write_bytes(RANDOM)
    with pytest.raises(InputError) as caught:
        detect_encoding(path, errors=errors)
    assert str(caught.value).startswith(f"{path}: {BINARY_SAID}")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"\x08\x01" * 8, "(\\x08, \\x01)"),
        (b"\x00" * 9 + b"\x01" * 8 + b"\x02" * 7 + b"\x03" * 6, "(\\x00, \\x01, \\x02, and 1 more)"),
    ],
)
def test_the_binary_data_error_names_the_control_bytes_found(data, named):
    """Regression: it said "control bytes such as NUL" of bytes without a NUL (R12)."""
    message = str(binary_data_error(Path("x.csv"), data))
    assert f"are control bytes {named}, which text does not hold" in message and "NUL" not in message


@pytest.mark.parametrize(
    ("name", "fmt", "out"),
    [
        ("r.txt.gz", "gzip", "r.txt"),
        ("r.CSV.GZ", "gzip", "r.CSV"),
        ("r.csv", "gzip", "OUT.csv"),
        ("r.csv.bz2", "bzip2", "r.csv"),
        ("r.jsonl.xz", "xz", "r.jsonl"),
        ("r.tsv.zst", "zstd", "r.tsv"),
        ("r.tsv.gz", "zstd", "OUT.gz"),
    ],
)
def test_the_decompressed_name_drops_the_compressed_suffix(tmp_path, name, fmt, out):
    assert decompressed_name(tmp_path / name, fmt) == tmp_path / out


@pytest.mark.parametrize(
    ("name", "content", "out"),
    [
        # regression: "gunzip -c dump.gz > dump", a file taikai then refused ("cannot tell the format")
        ("dump.gz", b"id,text\n1,x\n", "dump.csv"),
        ("dump.gz", b"\xef\xbb\xbftext\nx\n", "dump.csv"),
        ("dump.gz", b'{"text": "x"}\n', "dump.jsonl"),
        ("dump.bz2", b"id\ttext\n1\tx,y\n", "dump.tsv"),
        ("dump.xz", b"PAR1\x00\x00", "dump.parquet"),
        ("dump.csv.gz", b'{"text": "x"}\n', "dump.csv"),  # the name says the format: kept
        ("dump.txt.gz", b"id,text\n", "dump.txt"),
        ("dump.gz", b"", "dump"),  # nothing to tell it by
    ],
)
def test_the_decompressed_name_says_the_format_it_holds(tmp_path, name, content, out):
    compress = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}[Path(name).suffix]
    (tmp_path / name).write_bytes(compress(content))
    fmt = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz"}[Path(name).suffix]
    assert decompressed_name(tmp_path / name, fmt) == tmp_path / out


@pytest.mark.parametrize(
    ("name", "existing", "out"),
    [
        ("dump.csv.gz", ["dump.csv"], "dump-1.csv"),  # regression: gunzip -c dump.csv.gz > dump.csv (R12)
        ("dump.csv.gz", ["dump.csv", "dump-1.csv"], "dump-2.csv"),
        ("r.csv", ["OUT.csv"], "OUT-1.csv"),
        ("dump.csv.gz", ["dump.tsv"], "dump.csv"),
    ],
)
def test_the_decompressed_name_is_of_no_file_there(tmp_path, name, existing, out):
    for other in existing:
        (tmp_path / other).write_text("id,text\n")
    assert decompressed_name(tmp_path / name, "gzip") == tmp_path / out


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("r.csv.gz", "(gunzip -c r.csv.gz > r.csv)"),
        # regression: the name to write was not quoted: > my reviews.csv wrote to my, and gunzip read reviews.csv
        ("my reviews.csv.gz", "(gunzip -c 'my reviews.csv.gz' > 'my reviews.csv')"),
        ("r (1).txt.gz", "(gunzip -c 'r (1).txt.gz' > 'r (1).txt')"),
    ],
)
def test_the_decompress_command_can_be_pasted_into_a_shell(name, command):
    assert command in str(compressed_error(Path(name), "gzip", "a CSV file"))
