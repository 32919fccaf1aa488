"""Bytes that are no text taikai reads: compressed data (gzip, bzip2, xz, zstd), named by its first bytes, and binary
data (mostly control bytes), which no encoding makes into reviews: each told to be decompressed or converted first,
never to be decoded in some other encoding (latin-1 decodes any bytes, into mojibake)."""

from __future__ import annotations

import codecs
import functools
import re
import shlex
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from taikai._cut import cut_list
from taikai.errors import InputError
from taikai.io._extensions import extension_format
from taikai.io._inner_format import inner_extension


@dataclass(frozen=True)
class Compression:
    """A compressed format: the bytes its data begins with, what messages call it and the command that undoes it."""

    name: str
    suffix: str
    magic: bytes
    kind: str
    tool: str


COMPRESSIONS = (
    Compression("gzip", ".gz", b"\x1f\x8b", "gzip-compressed data", "gunzip"),
    Compression("bzip2", ".bz2", b"BZh", "bzip2-compressed data", "bunzip2"),
    Compression("xz", ".xz", b"\xfd7zXZ\x00", "xz-compressed data", "unxz"),
    Compression("zstd", ".zst", b"\x28\xb5\x2f\xfd", "zstd-compressed data", "unzstd"),
)
"""The compressed formats told by their first bytes, which taikai does not read."""
_BY_NAME = {c.name: c for c in COMPRESSIONS}
_BZIP2_BLOCKS = (b"1AY&SY", b"\x17rE8P\x90")
"""What follows ``BZh`` and the block size digit: a block's magic (pi), or the end of an empty stream (sqrt(pi)):
so a text that begins ``BZh`` is no bzip2 data."""
HEAD_BYTES = 16
"""Bytes enough to tell every compressed format (and the binary formats of :mod:`taikai.io._sniff`)."""
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r\x1b")
"""Control bytes text holds: tabs, line breaks, and the escape of ISO-2022-JP."""
_CONTROLS = frozenset(range(32)).union({127}) - _TEXT_CONTROLS
_BINARY_SHARE = 0.03
"""The share of control bytes (NUL and the like) that makes bytes binary data: text holds next to none, random or
compressed bytes about 11% (29 of 256 values)."""
_BINARY_COUNT = 8
"""The control bytes binary data holds at least, whatever its share: a short text with a stray one or two (a
backspace or shift-out pasted in, ``単価が安い\\x08``) is text, damaged in places, not binary data; random bytes hold
8 in about 70."""
BINARY_SAMPLE = 8192
"""The first bytes judged: enough for the share, few enough to read before any file."""
_NAMED_BYTES = 3
"""Control bytes a message names, the most frequent first."""
_TEXT_CHARS = (
    "[\x20-\x7e\xa0-\u024f\u2000-\u27bf\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff01-\uffef\U0001f000-\U0001faff]"
)
"""Printable characters of Japanese or Latin text: ASCII and Latin, punctuation and symbols (①, ★, →), kana,
kanji, full- and half-width forms, emoji. This and :data:`_JAPANESE` are compiled on first use (:func:`_compiled`),
not on import: their ranges of kana and kanji take 3 ms to compile, which every command spent (``taikai predict``)."""
_SPACES = re.compile("[ \t\n\v\f\r\u3000]")
"""Spaces and line breaks, which a text holds between its printable characters."""
_CONTROL_RUN = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]{2}")
"""Two control characters in a row (other than tabs, line breaks and escapes): binary data holds them (NULs of a
number, a format's header), a stray one pasted into a text stands alone."""
_DAMAGED_TEXT_SHARE = 0.85
"""The share of a text's characters (other than spaces and line breaks) that are printable Japanese or Latin for its
stray control bytes to be damage, not binary data: one control character in 10, such as ``1,単価が安い\\x08です``."""
_UTF16_TEXT_SHARE = 0.95
"""The share of characters of bytes read as UTF-16 (spaces and line breaks aside) that are printable Japanese or
Latin for them to be UTF-16 text: random or binary bytes read so give symbols, Hangul, surrogates and the like."""
_JAPANESE = "[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef]"
"""Characters of Japanese text: its punctuation, kana, kanji and full- and half-width forms."""
_BREAKS = re.compile("[,\t\r\n]")
"""What splits a table's text into cells and lines: in UTF-16 each holds a NUL, beside it (``2C 00``, ``0A 00``) in
little-endian order and before it (``00 2C``) in big-endian: bytes read in the wrong order make none of them."""
_FEW_BREAKS = 2
"""The commas, tabs and line breaks (:data:`_BREAKS`) that a head of Japanese text read as UTF-16 holds at least to
be told UTF-16 when it holds too few ASCII characters for their NULs to tell it (``本文,評価`` and a line break)."""


def compressed_format(head: bytes) -> str | None:
    """Return the compressed format (``gzip``, ``bzip2``, ``xz``, ``zstd``) whose data *head* begins, or ``None``."""
    for compression in COMPRESSIONS:
        if head.startswith(compression.magic):
            if compression.name == "bzip2" and not (head[3:4].isdigit() and head[4:10] in _BZIP2_BLOCKS):
                continue
            return compression.name
    return None


def is_compressed(fmt: str | None) -> bool:
    """Return whether *fmt*, as :func:`compressed_format` or ``taikai.io._sniff.binary_format`` returns it, is
    compressed data."""
    return fmt in _BY_NAME


def compressed_kind(fmt: str) -> str:
    """Return what messages call the compressed format *fmt*: ``gzip-compressed data``."""
    return _BY_NAME[fmt].kind


def decompress_hint(fmt: str, name: str = "FILE") -> str:
    """Return how to decompress the file *name* in the compressed format *fmt* to standard output:
    ``gunzip -c FILE`` (whatever its name: ``gunzip FILE`` refuses one not named ``.gz``)."""
    return f"{_BY_NAME[fmt].tool} -c {name}"


def decompressed_name(path: Path, fmt: str) -> Path:
    """Return a file beside *path*, in the compressed format *fmt*, to decompress it to, which does not exist (a
    command writing to it overwrites nothing): ``r.txt`` for ``r.txt.gz``, ``OUT.csv`` for ``r.csv``, ``r-1.txt``
    (``r-2.txt``…) when ``r.txt`` exists; a name that says no format is given the extension of what the file holds
    (:func:`~taikai.io._inner_format.inner_extension`): ``dump.csv`` for ``dump.gz`` of CSV."""
    suffix = _BY_NAME[fmt].suffix
    name = path.name[: -len(suffix)] if path.name.lower().endswith(suffix) else f"OUT{path.suffix}"
    inner = "" if extension_format(Path(name)) or Path(name).suffix.lower() == ".txt" else inner_extension(path, fmt)
    if inner:  # dump.gz of CSV: dump.csv, which taikai reads, not dump
        name = f"{Path(name).stem if name.startswith('OUT.') else name}{inner}"
    target, number = path.with_name(name), 0
    while target.exists() or target.is_symlink():
        number += 1
        target = path.with_name(f"{Path(name).stem}-{number}{Path(name).suffix}")
    return target


def compressed_error(path: Path, fmt: str, taken: str | None = None) -> InputError:
    """Return the error for the file *path*, to be read as *taken* (``a CSV file``; ``None``: as nothing taikai
    can name), that holds *fmt* data."""
    what = f"not {taken}" if taken else "which taikai does not read"
    command = f"{decompress_hint(fmt, shlex.quote(str(path)))} > {shlex.quote(str(decompressed_name(path, fmt)))}"
    return InputError(
        f"{path} is {compressed_kind(fmt)} (by its first bytes), {what}; decompress it first ({command}) and give "
        "the file that makes"
    )


def _controls(data: bytes) -> Counter[int]:
    """Count the control bytes other than tabs, line breaks and escapes in the first bytes of *data*."""
    return Counter(byte for byte in data[:BINARY_SAMPLE] if byte in _CONTROLS)


def binary_share(data: bytes) -> float:
    """Return the share of control bytes other than tabs, line breaks and escapes in the first bytes of *data*."""
    sample = data[:BINARY_SAMPLE]
    return sum(_controls(sample).values()) / len(sample) if sample else 0.0


def looks_binary(data: bytes) -> bool:
    """Return whether *data* is binary data, not text in any encoding: :data:`_BINARY_SHARE` or more of its first
    bytes, and :data:`_BINARY_COUNT` or more, are control bytes such as NUL, and they do not read as text damaged in
    places (:func:`_damaged_text`: UTF-8 or CP932, mostly printable, each control byte alone).

    The bytes are judged as they are, in whatever encoding they are to be read: every encoding taikai reads keeps
    ASCII as single bytes (:func:`taikai.io.resolve_encoding` refuses UTF-16 and UTF-32, whose text is full of NULs),
    so a control byte is a control character of the text in any of them."""
    if sum(_controls(data).values()) < _BINARY_COUNT or binary_share(data) < _BINARY_SHARE:
        return False
    return not _damaged_text(data[:BINARY_SAMPLE])


def _decoded(data: bytes, encoding: str) -> str | None:
    """Return the first bytes *data* decoded in *encoding* (a character cut at their end left out), or ``None``."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _printable_share(text: str) -> float:
    """Return the share of the characters of *text* other than spaces and line breaks that :data:`_TEXT_CHARS`
    matches (1 for a text of none)."""
    shown = _SPACES.sub("", text)
    return len(_compiled(_TEXT_CHARS).findall(shown)) / len(shown) if shown else 1.0


def _damaged_text(sample: bytes) -> bool:
    """Return whether *sample*, holding control bytes, is text with a stray control byte here and there: it decodes
    as UTF-8 or CP932 into text of which :data:`_DAMAGED_TEXT_SHARE` is printable Japanese or Latin, with no two
    control characters in a row. Random or compressed bytes do not decode so, and a file format's bytes hold runs of
    control bytes (NULs of its numbers, its header)."""
    for encoding in ("utf-8-sig", "cp932"):
        text = _decoded(sample, encoding)
        if text is not None and not _CONTROL_RUN.search(text):
            return _printable_share(text) >= _DAMAGED_TEXT_SHARE
    return False


def utf16_without_bom(head: bytes) -> str | None:
    """Return ``UTF-16LE`` or ``UTF-16BE`` when *head*, the first bytes of some data, is UTF-16 text without a
    byte-order mark (as ``iconv -t UTF-16LE`` writes it), or ``None``.

    Such text holds a NUL in every ASCII character (a comma, a digit, a line break), on odd bytes for little-endian,
    even ones for big-endian: :data:`_BINARY_COUNT` or more NULs on one side, more than twice those on the other
    (a kanji or the ideographic space may hold one there), and the bytes read in that order as text of which
    :data:`_UTF16_TEXT_SHARE` (spaces and line breaks aside) is printable Japanese or Latin. Japanese text with
    fewer ASCII characters (a header ``本文,評価``, then rows of Japanese) is told by :func:`_japanese_utf16`."""
    sample = head[: BINARY_SAMPLE & ~1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, on, off in (("UTF-16LE", odd, even), ("UTF-16BE", even, odd)):
        if on >= _BINARY_COUNT and on > 2 * off:
            text = _decoded(sample, encoding.lower())
            return encoding if text and _printable_share(text) >= _UTF16_TEXT_SHARE else None
    return next((e for e in ("UTF-16LE", "UTF-16BE") if _japanese_utf16(_decoded(sample, e.lower()))), None)


def _japanese_utf16(text: str | None) -> bool:
    """Return whether *text*, bytes decoded as UTF-16 in one byte order (``None``: they do not decode so), is
    Japanese text: :data:`_FEW_BREAKS` or more commas, tabs or line breaks (each a NUL beside its byte, which text in
    UTF-8 or CP932 never holds, and which bytes read in the other order never make), :data:`_UTF16_TEXT_SHARE` of
    it printable, and at least half of the characters besides ASCII and spaces Japanese (:data:`_JAPANESE`, two
    or more); random or binary bytes read so make symbols, Hangul and the like, UTF-8 and CP932 text private-use
    characters and Yi syllables."""
    if not text or len(_BREAKS.findall(text)) < _FEW_BREAKS or _printable_share(text) < _UTF16_TEXT_SHARE:
        return False
    wide = _SPACES.sub("", "".join(c for c in text if c > "\x7f"))
    japanese = len(_compiled(_JAPANESE).findall(wide))
    return japanese >= 2 and 2 * japanese >= len(wide)


def binary_data_error(source: Path, data: bytes, noun: str = "file") -> InputError:
    """Return the error for *source*, a *noun* (``file``, ``input``) whose bytes *data* :func:`looks_binary`: it
    names the control bytes found, the most frequent first (``\\x00, \\x08``)."""
    found = _controls(data).most_common()
    named = cut_list([f"\\x{byte:02x}" for byte, _ in found], _NAMED_BYTES)
    return InputError(
        f"{source}: this looks like binary data, not text ({binary_share(data):.0%} of its first bytes are control "
        f"bytes ({named}), which text does not hold), and no encoding reads it as reviews; if it is compressed or "
        f"a file of another program, decompress it or save it as CSV (UTF-8) first, and give that {noun}"
    )
