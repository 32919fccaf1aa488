"""Refuse UTF-8 bytes given as another encoding (``--encoding cp932`` on a UTF-8 file): each row would be mojibake."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

from taikai.errors import ENCODING, InputError
from taikai.io._encoding import SAMPLE_BYTES, WIDE

_SHOWN = 12
"""How many characters of the first line that is UTF-8 text the error shows, with their misreading."""


def check_not_utf8_file(path: Path, encoding: str) -> None:
    """Raise :class:`InputError` if the first MiB of the file *path*, given in *encoding* (a resolved name), is UTF-8
    text and *encoding* is not UTF-8 (see :func:`check_not_utf8`); the file was checked readable before."""
    if encoding.startswith("utf-8"):
        return
    try:
        with open(path, "rb") as f:
            head = f.read(SAMPLE_BYTES)
    except OSError:  # reading the rows says so, with the file
        return
    check_not_utf8(head, path, encoding, whole=len(head) < SAMPLE_BYTES)


def check_not_utf8(head: bytes, source: Path, encoding: str, noun: str = "file", whole: bool = True) -> None:
    """Raise :class:`InputError` if *head* (the first bytes of *source*, a *noun*: ``file``, ``input``; *whole*: all
    of it), given in *encoding* (a resolved name) that is not UTF-8, decodes cleanly as UTF-8 and holds a character
    of three or more bytes (kana, kanji): it is UTF-8, which *encoding* reads as mojibake (``手数料`` as ``謇区焚譁``).

    CP932 Japanese text next to never forms such UTF-8: none of the corpus's reviews written as CP932 does, nor any
    four characters of them; so it is said before any row is classified, whatever ``encoding_errors`` (no byte is
    undecodable, each row would be classified as mojibake), with what to do: leave the encoding out, or name UTF-8.
    """
    if encoding.startswith("utf-8") or head.isascii():
        return
    try:  # a character may be cut at the end of a sample: an incremental decoder keeps that tail
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=whole)
    except UnicodeDecodeError:
        return
    wide = len(WIDE.findall(text))
    if not wide:
        return
    line, shown = next((n, t) for n, t in enumerate(io.StringIO(text, newline=None), 1) if WIDE.search(t))
    shown = shown.strip()
    misread = shown.encode("utf-8").decode(encoding, "replace")[:_SHOWN]  # cut as read, not inside a character
    shown = shown[:_SHOWN]
    where = "" if whole else "in its first MiB, "
    raise InputError(
        f"{source}: the {noun} is UTF-8, not {encoding}, the encoding given with {ENCODING}: it decodes cleanly as "
        f"UTF-8 ({where}{wide} multi-byte character(s), which Japanese text in {encoding} next to never forms), and "
        f"{encoding} would read it as mojibake (line {line}: {shown!r} as {misread!r}); leave out {ENCODING} to "
        f"have it detected, or pass {ENCODING.either(['utf-8'])}"
    )
