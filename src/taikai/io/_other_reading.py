"""The encoding a file reads as when it stops decoding in the one given or detected: an Excel CP932 file read as
UTF-8, or a file whose first MiB (all detection reads) is ASCII and whose CP932 lines come later."""

from __future__ import annotations

import codecs
import re
from typing import IO

from taikai.io._encoding import PRIVATE_USE, SAMPLE_BYTES, utf8_evidence
from taikai.io._euc import euc_jp_reading

READINGS = ("utf-8", "cp932")
"""The encodings a file that did not decode is tried in, as detection tries them."""
_JAPANESE = re.compile("[\u3041-\u30ff\u4e00-\u9fff]")
"""Kana and kanji: CP932 that reads as no such character (half-width katakana alone, say) is no evidence of it."""


def other_reading(f: IO[bytes], offset: int, codec: str) -> str | None:
    """Return the encoding of :data:`READINGS` other than *codec* in which the binary file *f* decodes cleanly both
    from its start and from byte *offset* (the start of the line that *codec* did not decode), a MiB of each, or
    ``None``. CP932 must read as kana or kanji, without private-use characters, and not be what looks like damaged
    UTF-8 or EUC-JP (as detection judges them: :class:`~taikai.io._encoding.Utf8Evidence`,
    :func:`~taikai.io._euc.euc_jp_reading`). *f* is left where it was."""
    try:
        was = f.tell()
        try:
            f.seek(0)
            head = f.read(SAMPLE_BYTES)
            f.seek(offset)
            rest = f.read(SAMPLE_BYTES)
        finally:
            f.seek(was)
    except (OSError, ValueError):  # not seekable, or closed: no advice, the error stands
        return None
    return next((enc for enc in READINGS if enc != codec and _reads(head, enc) and _reads(rest, enc)), None)


def starts_with_bom(f: IO[bytes]) -> bool:
    """Return whether the binary file *f* starts with the UTF-8 byte-order mark; *f* is left where it was."""
    try:
        was = f.tell()
        try:
            f.seek(0)
            return f.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
        finally:
            f.seek(was)
    except (OSError, ValueError):
        return False


def _reads(sample: bytes, encoding: str) -> bool:
    """Whether *sample* (a MiB at most, perhaps cut inside a character) decodes cleanly in *encoding*."""
    whole = len(sample) < SAMPLE_BYTES
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(sample, final=whole)
    except UnicodeDecodeError:
        return False
    if encoding != "cp932" or sample.isascii():
        return True
    if not _JAPANESE.search(text) or PRIVATE_USE.search(text):
        return False
    return not utf8_evidence(sample, final=whole).damaged and euc_jp_reading(sample, final=whole) is None
