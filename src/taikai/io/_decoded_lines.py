"""Decode a text file's lines: split as a universal reader does, counted in lines and bytes, bad bytes noted."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from taikai._cut import cut_list
from taikai._warn import warn_user
from taikai.errors import ENCODING, DataWarning, InputError
from taikai.io._encoding import PRIVATE_USE, REPLACE, detect_encoding
from taikai.io._other_reading import other_reading, starts_with_bom
from taikai.io._records import Position


def line_codec(encoding: str) -> str:
    """Return the codec that decodes the lines of a file in *encoding* (a resolved name): its BOM is skipped apart."""
    return "utf-8" if encoding == "utf-8-sig" else encoding


_BLOCK = 1 << 20
_EOF = "\x1a"
"""Ctrl-Z (SUB), which DOS tools and some Excel and BI exports write at a file's end: no character of its text."""
_REPLACED_UTF8 = "\ufffd".encode()


def raw_lines(f: IO[bytes], size: int | None = None) -> Iterator[bytes]:
    """Yield the lines of a binary file as a universal reader splits them: at CR LF, LF or a bare CR; of its next
    *size* bytes only, when given (the last line cut there, as if the file ended).

    The lines keep their ending, so their lengths add up to the file's bytes (offsets stay exact). Only
    encodings whose line breaks are single ASCII bytes are read (see :func:`resolve_encoding`), so a byte
    CR or LF is always a line break character. The file is read a MiB at a time and each block split in C
    (``bytes.splitlines`` breaks at exactly those three endings); a line that runs past a block, or a block
    ending in a CR (perhaps half of a CR LF), is carried into the next one, its parts kept apart until its end, so
    that a line of many MiB (a NUL-filled tail, a record missing its line break) is read in time linear in its
    length, not split again with every block it runs over.
    """
    carry: list[bytes] = []  # the parts of a line running past the blocks read so far
    left = size
    while True:
        block = f.read(_BLOCK if left is None else min(_BLOCK, left))
        if left is not None:
            left -= len(block)
        if not block:
            if carry:
                yield b"".join(carry)
            return
        if carry and carry[-1].endswith(b"\r"):  # a CR LF, or a bare CR, across two blocks
            if block.startswith(b"\n"):
                carry.append(b"\n")
                block = block[1:]
            yield b"".join(carry)
            carry = []
            if not block:
                continue
        lines = block.splitlines(keepends=True)
        if carry:  # the block's first line goes on with the carried one
            carry.append(lines[0])
            if not _open_line(lines[0], last=len(lines) == 1):
                yield b"".join(carry)
                carry = []
            del lines[0]
        if lines and _open_line(lines[-1], last=True):  # it may go on in the next block
            carry = [lines.pop()]
        yield from lines


def _open_line(line: bytes, last: bool) -> bool:
    """Say whether *line*, split from a block (*last*: its last line), may go on in the next block: it has no
    line break, or, at the block's end, its CR may be half of a CR LF."""
    return not line.endswith(b"\n") and (last or not line.endswith(b"\r"))


def decodes(f: IO[bytes], codec: str, size: int) -> bool:
    """Return whether the next *size* bytes of the binary file *f* all decode in *codec* (read a MiB at a time,
    decoded in C, a character cut between blocks carried over), as the lines they hold would decode one by one:
    the lines of a file break only at single ASCII bytes (see :func:`raw_lines`)."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        while size > 0:
            block = f.read(min(_BLOCK, size))
            if not block:
                break
            size -= len(block)
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class DecodeNote:
    """A record read with ``encoding_errors="replace"`` whose bytes did not all decode cleanly."""

    line: int
    encoding: str
    replaced: int = 0
    """Undecodable bytes, read as U+FFFD."""
    private_use: int = 0
    """Characters decoded into the private-use area (CP932 maps 0xFF to U+F8F3, its user area to U+E000…)."""
    file: str | None = None
    """The file of the line, where a run reads several (the Dask engine's); ``None``: the one input."""

    def where(self) -> int | str:
        """Return where the row is, for the summary: its line, ``FILE:LINE`` when the note names its file."""
        return self.line if self.file is None else f"{self.file}:{self.line}"

    def message(self) -> str:
        """Return what a row's message column says about it."""
        parts = []
        if self.replaced:
            parts.append(f"{self.replaced} undecodable byte(s) read as U+FFFD")
        if self.private_use:
            parts.append(f"{self.private_use} private-use character(s) (bytes {self.encoding} maps to no real text)")
        return f"line {self.line}: " + ", ".join(parts) + f" in {line_codec(self.encoding)}"  # utf-8, BOM or not

    def added_to(self, message: str) -> str:
        """Return a row's *message* with this note after it, as a row's message column says both."""
        return f"{message}; {self.message()}" if message else self.message()


class DecodedLines:
    """Decode a binary file line by line, counting lines and bytes and keeping the lines of the current record."""

    def __init__(
        self,
        f: IO[bytes],
        encoding: str,
        path: Path,
        offset: int,
        line: int,
        errors: str = "strict",
        given: bool = False,
        *,
        until: int | None = None,
    ):
        self.f, self.path, self.offset, self.line = f, path, offset, line
        self.raw = raw_lines(f, None if until is None else max(0, until - offset))  # until: no byte from it on
        self.codec = line_codec(encoding)
        self.encoding = encoding
        self.errors, self.given = errors, given
        self.pending: list[str] = []
        self.replaced = self.private_use = 0
        self.watch_private_use = self.codec == "cp932"
        self.utf8_lines: list[int] = []
        """The lines read as CP932 that are UTF-8 text (see :meth:`warn_utf8`), since it last warned."""

    def __iter__(self) -> DecodedLines:
        return self

    def __next__(self) -> str:
        raw = next(self.raw)
        try:
            text = raw.decode(self.codec)
        except UnicodeDecodeError as exc:
            if self.errors != "replace":
                raise self._error(raw, exc) from exc
            text = raw.decode(self.codec, "replace")
            literal = raw.count(_REPLACED_UTF8) if self.codec == "utf-8" else 0
            self.replaced += text.count("\ufffd") - literal
        if self.watch_private_use and not raw.isascii():
            if PRIVATE_USE.search(text):
                self.private_use += len(PRIVATE_USE.findall(text))
            if _is_utf8(raw):  # a line of CP932 text is next to never UTF-8 (none of 8,479 reviews in data/)
                self.utf8_lines.append(self.line + 1)
        if text.endswith(_EOF):  # no line break after it: the file's end, marked as DOS and old Excel exports did
            text = text.rstrip(_EOF)  # the line's bytes still count (offsets stay exact); alone, a blank line
        self.line += 1
        self.offset += len(raw)
        self.pending.append(text)
        return text

    def _error(self, raw: bytes, exc: UnicodeDecodeError) -> InputError:
        named = self.encoding  # as detection names UTF-8, BOM or not: utf-8 when the file has none
        if not self.given and named == "utf-8-sig" and not starts_with_bom(self.f):
            named = "utf-8"
        line = self.line + 1
        where = f"{self.path}:{line}: byte {raw[exc.start]:#04x} is not valid {named}"
        replace = (
            f"or pass {REPLACE} to read such bytes as U+FFFD and go on "
            "(each such row keeps its place, its message says so, and the summary counts them)"
        )
        how = f"the encoding given with {ENCODING}" if self.given else "the encoding detected from the file's first MiB"
        reading = other_reading(self.f, self.offset, self.codec)
        if reading is not None:  # an Excel CP932 file read as UTF-8, or CP932 lines past the first MiB
            told = f"pass {ENCODING.either([reading])}"
            if self.given and _detected(self.path) == reading:
                told = f"leave out {ENCODING} to have it detected, or {told}"
            span = "from its start" if line == 1 else f"from its start and from line {line} on"  # said once
            return InputError(
                f"{where}, {how}; the file reads as {reading} (it decodes cleanly in {reading} {span}): {told}; if "
                f"{named} is the file's encoding, the file is damaged there: fix that line, {replace}"
            )
        if self.given:
            return InputError(
                f"{where}, {how}; if that is the file's encoding, the file is damaged there: fix that line, {replace}"
            )
        return InputError(
            f"{where}, {how}; pass the file's encoding (utf-8, utf-8-sig or cp932) with {ENCODING}, {replace}"
        )

    def take(self) -> tuple[int, list[str]]:
        """Return the first line number and the lines of the record just read, and forget it: ``"".join(lines)``
        is its raw text, which only a bad line needs (joined for every record, it cost each row of a run)."""
        lines = self.pending
        self.pending = []
        return self.line - len(lines) + 1, lines

    def take_note(self, first: int) -> DecodeNote | None:
        """Return what did not decode cleanly in the record starting at line *first* (``None``: all did)."""
        if not (self.replaced or self.private_use):
            return None
        note = DecodeNote(first, self.encoding, self.replaced, self.private_use)
        self.replaced = self.private_use = 0
        return note

    def warn_utf8(self) -> None:
        """Warn (:class:`DataWarning`) of the lines read as CP932 since the last warning that are UTF-8 text (a
        line pasted from a UTF-8 file into an Excel export), which read as mojibake (``蝣ｱ驟ｬ`` for ``報酬``) and
        were classified so, naming them and what to do; nothing when there are none."""
        if not self.utf8_lines:
            return
        found, self.utf8_lines = self.utf8_lines, []
        named = cut_list(found, _SHOWN)
        warn_user(
            f"{self.path}: line(s) {named} read as {self.encoding}, the file's encoding, but are UTF-8 text (pasted "
            "from another file?): their text was read as mojibake and classified so; save the file in one "
            "encoding (UTF-8, which taikai detects, or cp932 with those lines typed again) and run again",
            DataWarning,
        )

    def position(self) -> Position:
        """Return where reading stopped, to resume from."""
        return {"offset": self.offset, "line": self.line, "done": self.offset}


_SHOWN = 5
"""How many of the lines that are UTF-8 text a warning names."""


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detected(path: Path) -> str | None:
    """Return the codec detection reads the file *path* in (``utf-8`` for UTF-8, BOM or not), or ``None``."""
    try:
        return line_codec(detect_encoding(path))
    except (InputError, OSError):
        return None
