"""Bytes that are no text taikai reads: compressed data (gzip, bzip2, xz, zstd), named by its first bytes, and binary
data (mostly control bytes), which no encoding makes into reviews: each told to be decompressed or converted first,
never to be decoded in some other encoding (latin-1 decodes any bytes, into mojibake)."""

from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from taikai.errors import InputError


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
    (``r-2.txt``…) when ``r.txt`` exists."""
    suffix = _BY_NAME[fmt].suffix
    name = path.name[: -len(suffix)] if path.name.lower().endswith(suffix) else f"OUT{path.suffix}"
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
    bytes, and :data:`_BINARY_COUNT` or more, are control bytes such as NUL.

    The bytes are judged as they are, in whatever encoding they are to be read: every encoding taikai reads keeps
    ASCII as single bytes (:func:`taikai.io.resolve_encoding` refuses UTF-16 and UTF-32, whose text is full of NULs),
    so a control byte is a control character of the text in any of them."""
    return sum(_controls(data).values()) >= _BINARY_COUNT and binary_share(data) >= _BINARY_SHARE


def binary_data_error(source: Path, data: bytes, noun: str = "file") -> InputError:
    """Return the error for *source*, a *noun* (``file``, ``input``) whose bytes *data* :func:`looks_binary`: it
    names the control bytes found, the most frequent first (``\\x00, \\x08``)."""
    found = _controls(data).most_common()
    named = ", ".join(f"\\x{byte:02x}" for byte, _ in found[:_NAMED_BYTES])
    named += ", …" if len(found) > _NAMED_BYTES else ""
    return InputError(
        f"{source}: this looks like binary data, not text ({binary_share(data):.0%} of its first bytes are control "
        f"bytes ({named}), which text does not hold), and no encoding reads it as reviews; if it is compressed or "
        f"a file of another program, decompress it or save it as CSV (UTF-8) first, and give that {noun}"
    )
