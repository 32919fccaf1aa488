"""Read CSV, TSV and JSON Lines files chunk by chunk, with the file line of every row and every bad record."""

from __future__ import annotations

import codecs
import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from taikai.errors import InputError
from taikai.io._encoding import ENCODING_ERRORS, detect_encoding, resolve_encoding
from taikai.io._records import BadLine, Chunk, Position, check_columns, check_path, transpose

# The csv module refuses fields over 131,072 characters by default; a long review is a field, not a bad line.
try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long narrower than Py_ssize_t (Windows)
    csv.field_size_limit(2**31 - 1)


def _line_codec(encoding: str) -> str:
    """Return the codec that decodes the lines of a file in *encoding* (a resolved name): its BOM is skipped apart."""
    return "utf-8" if encoding == "utf-8-sig" else encoding


_BLOCK = 1 << 20
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_REPLACED_UTF8 = "\ufffd".encode()


def raw_lines(f: IO[bytes]) -> Iterator[bytes]:
    """Yield the lines of a binary file as a universal reader splits them: at CR LF, LF or a bare CR.

    The lines keep their ending, so their lengths add up to the file's bytes (offsets stay exact). Only
    encodings whose line breaks are single ASCII bytes are read (see :func:`resolve_encoding`), so a byte
    CR or LF is always a line break character. The file is read a MiB at a time and each block split in C
    (``bytes.splitlines`` breaks at exactly those three endings); a line that runs past a block, or a block
    ending in a CR (perhaps half of a CR LF), is carried into the next one.
    """
    carry = b""
    while True:
        block = f.read(_BLOCK)
        if not block:
            if carry:
                yield carry
            return
        if carry:
            block, carry = carry + block, b""
        lines = block.splitlines(keepends=True)
        if not lines[-1].endswith(b"\n"):  # it may go on in the next block (a final CR may be half of a CR LF)
            carry = lines.pop()
        yield from lines


@dataclass(frozen=True)
class DecodeNote:
    """A record read with ``encoding_errors="replace"`` whose bytes did not all decode cleanly."""

    line: int
    encoding: str
    replaced: int = 0
    """Undecodable bytes, read as U+FFFD."""
    private_use: int = 0
    """Characters decoded into the private-use area (CP932 maps 0xFF to U+F8F3, its user area to U+E000…)."""

    def message(self) -> str:
        """Return what a row's message column says about it."""
        parts = []
        if self.replaced:
            parts.append(f"{self.replaced} undecodable byte(s) read as U+FFFD")
        if self.private_use:
            parts.append(f"{self.private_use} private-use character(s) (bytes {self.encoding} maps to no real text)")
        return f"line {self.line}: " + ", ".join(parts) + f" in {self.encoding}"


class _Lines:
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
    ):
        self.f, self.path, self.offset, self.line = f, path, offset, line
        self.raw = raw_lines(f)
        self.codec = _line_codec(encoding)
        self.encoding = encoding
        self.errors, self.given = errors, given
        self.pending: list[str] = []
        self.replaced = self.private_use = 0
        self.watch_private_use = self.codec == "cp932"

    def __iter__(self) -> _Lines:
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
        if self.watch_private_use and _PRIVATE_USE.search(text):
            self.private_use += len(_PRIVATE_USE.findall(text))
        self.line += 1
        self.offset += len(raw)
        self.pending.append(text)
        return text

    def _error(self, raw: bytes, exc: UnicodeDecodeError) -> InputError:
        where = f"{self.path}:{self.line + 1}: byte {raw[exc.start]:#04x} is not valid {self.encoding}"
        replace = (
            "or pass --encoding-errors replace to read such bytes as U+FFFD and go on "
            "(each such row keeps its place, its message says so, and the summary counts them)"
        )
        if self.given:
            return InputError(
                f"{where}, the encoding given with --encoding; if that is the file's encoding, the file is damaged "
                f"there: fix that line, {replace}"
            )
        return InputError(
            f"{where}, the encoding detected from the file's first MiB; pass the file's encoding with --encoding "
            f"(utf-8, utf-8-sig or cp932), {replace}"
        )

    def take(self) -> tuple[int, str]:
        """Return the first line number and raw text of the record just read, and forget it."""
        raw = "".join(self.pending)
        first = self.line - len(self.pending) + 1
        self.pending = []
        return first, raw

    def take_note(self, first: int) -> DecodeNote | None:
        """Return what did not decode cleanly in the record starting at line *first* (``None``: all did)."""
        if not (self.replaced or self.private_use):
            return None
        note = DecodeNote(first, self.encoding, self.replaced, self.private_use)
        self.replaced = self.private_use = 0
        return note

    def position(self) -> Position:
        """Return where reading stopped, to resume from."""
        return {"offset": self.offset, "line": self.line, "done": self.offset}


class _TextReader:
    """Shared part of the line-based readers (CSV, TSV, JSONL): encoding, header, resumable byte offsets."""

    schema = None

    def __init__(self, path: Path, encoding: str | None, encoding_errors: str = "strict"):
        check_path(path)
        if encoding_errors not in ENCODING_ERRORS:
            raise InputError(f"--encoding-errors must be one of {', '.join(ENCODING_ERRORS)}, not {encoding_errors!r}")
        self.path = path
        self.encoding_errors = encoding_errors
        self.encoding_given = bool(encoding)
        self.encoding = resolve_encoding(encoding) if encoding else detect_encoding(path, errors=encoding_errors)
        self.total: int | None = path.stat().st_size
        self.start = 0
        if _line_codec(self.encoding) == "utf-8":  # a BOM is skipped whether utf-8 or utf-8-sig was named
            with open(path, "rb") as f:
                if f.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8:
                    self.start = len(codecs.BOM_UTF8)

    def _open(self, position: Position | None) -> IO[bytes]:
        f = open(self.path, "rb")  # noqa: SIM115 - closed by the caller's generator
        f.seek(position["offset"] if position else self.start)
        return f

    def _lines(self, f: IO[bytes], offset: int, line: int) -> _Lines:
        return _Lines(f, self.encoding, self.path, offset, line, self.encoding_errors, self.encoding_given)


class CsvReader(_TextReader):
    """Read a CSV or TSV file with a header line; a record whose field count differs from the header is bad."""

    def __init__(self, path: Path, encoding: str | None = None, delimiter: str = ",", encoding_errors: str = "strict"):
        super().__init__(path, encoding, encoding_errors)
        self.delimiter = delimiter
        with self._open(None) as f:
            lines = self._lines(f, self.start, 0)
            try:
                header = next(csv.reader(lines, delimiter=delimiter))
            except StopIteration:
                raise InputError(f"{path}: the file is empty; the first line must name the columns") from None
            except csv.Error as exc:
                raise InputError(f"{path}:1: the header line is malformed ({exc})") from exc
        self.columns = check_columns(path, header)
        self.header_end: Position = {"offset": lines.offset, "line": lines.line}

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows, starting after the header or at a saved *position*."""
        position = position or self.header_end
        width = len(self.columns)
        with self._open(position) as f:
            lines = self._lines(f, position["offset"], position["line"])
            reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
            rows: list[list[str]] = []
            starts: list[int] = []
            bad: list[BadLine] = []
            notes: dict[int, DecodeNote] = {}
            blank = 0
            while True:
                try:
                    fields = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    first, raw = lines.take()
                    lines.take_note(first)
                    bad.append(BadLine(first, str(exc), raw))
                    continue
                first, raw = lines.take()
                note = lines.take_note(first)
                if note is not None and (len(fields) == width or (width == 1 and not fields)):
                    notes[len(rows)] = note
                if len(fields) == width:
                    rows.append(fields)
                    starts.append(first)
                elif not fields:
                    if width == 1:
                        rows.append([""])
                        starts.append(first)
                    else:
                        blank += 1
                else:
                    bad.append(BadLine(first, f"expected {width} fields, found {len(fields)}", raw))
                if len(rows) == chunk_size:
                    yield Chunk(transpose(rows, width), len(rows), bad, blank, lines.position(), starts, notes)
                    rows, starts, bad, blank, notes = [], [], [], 0, {}
            if rows or bad or blank:
                yield Chunk(transpose(rows, width), len(rows), bad, blank, lines.position(), starts, notes)


class JsonlReader(_TextReader):
    """Read JSON Lines: one object per line; the first object's keys are the columns, in order."""

    def __init__(self, path: Path, encoding: str | None = None, encoding_errors: str = "strict"):
        super().__init__(path, encoding, encoding_errors)
        self.columns: list[str] = []
        with self._open(None) as f:
            for text in self._lines(f, self.start, 0):
                record = self._parse(text)
                if isinstance(record, dict) and not self._lone_surrogate(text, record):
                    self.columns = check_columns(path, [str(k) for k in record])
                    break
        if not self.columns:
            raise InputError(f"{path}: no JSON object found; JSONL needs one object per line")

    @staticmethod
    def _parse(text: str) -> Any:
        try:
            return json.loads(text) if text.strip() else None
        except json.JSONDecodeError as exc:
            return exc

    @staticmethod
    def _lone_surrogate(text: str, record: dict[str, Any]) -> bool:
        """Say whether *record* holds a lone surrogate (an escape like ``\\ud800``), which no UTF-8 can write."""
        if "\\u" not in text:  # a decoded line holds no surrogate: only an escape makes one
            return False
        try:
            for key, value in record.items():
                key.encode("utf-8")
                if type(value) is str:
                    value.encode("utf-8")
                elif isinstance(value, (list, dict)):
                    json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows; a line that is no JSON object, or has unknown keys, is bad."""
        position = position or {"offset": self.start, "line": 0}
        known = set(self.columns)
        width = len(self.columns)
        with self._open(position) as f:
            lines = self._lines(f, position["offset"], position["line"])
            rows: list[list[Any]] = []
            starts: list[int] = []
            bad: list[BadLine] = []
            notes: dict[int, DecodeNote] = {}
            blank = 0
            for text in lines:
                first, raw = lines.take()
                note = lines.take_note(first)
                record = self._parse(text)
                if record is None:
                    blank += 1
                elif isinstance(record, json.JSONDecodeError):
                    bad.append(BadLine(first, f"invalid JSON: {record.msg} at column {record.colno}", raw))
                elif not isinstance(record, dict):
                    bad.append(BadLine(first, f"a JSON {type(record).__name__}, not an object", raw))
                elif self._lone_surrogate(text, record):
                    bad.append(BadLine(first, "lone surrogate (invalid Unicode escape)", raw))
                elif not known.issuperset(record):
                    extra = [k for k in record if k not in known]
                    bad.append(BadLine(first, f"unknown key(s) {extra}; the columns are {self.columns}", raw))
                else:
                    if note is not None:
                        notes[len(rows)] = note
                    rows.append([record.get(c) for c in self.columns])
                    starts.append(first)
                if len(rows) == chunk_size:
                    yield Chunk(transpose(rows, width), len(rows), bad, blank, lines.position(), starts, notes)
                    rows, starts, bad, blank, notes = [], [], [], 0, {}
            if rows or bad or blank:
                yield Chunk(transpose(rows, width), len(rows), bad, blank, lines.position(), starts, notes)
