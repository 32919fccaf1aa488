"""Read CSV and TSV files chunk by chunk, with the file line of every row and every bad record; the part shared by
the line-based readers (encoding, byte bounds, resumable offsets), which the JSON Lines reader
(:mod:`taikai.io._jsonl_reader`) has too."""

from __future__ import annotations

import codecs
import csv
import sys
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import IO

from taikai._column_names import HEAD_ROWS, Head
from taikai._repeated_header import HeaderRepeats
from taikai._warn import warn_user
from taikai.errors import ENCODING, DataWarning, InputError, check_str
from taikai.io._decoded_lines import DecodedLines, decodes, line_codec
from taikai.io._encoding import ENCODING_NAME, check_encoding_errors, check_text_head, detect_encoding, resolve_encoding
from taikai.io._export_lines import repeated_header, separator_line
from taikai.io._given_utf8 import check_not_utf8_file
from taikai.io._line_problems import LineProblem, csv_problem
from taikai.io._records import BadLine, Chunk, Gathered, Position, bad_line, check_columns, check_path

# The csv module refuses fields over 131,072 characters by default; a long review is a field, not a bad line.
try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long narrower than Py_ssize_t (Windows)
    csv.field_size_limit(2**31 - 1)


class TextReader:
    """Shared part of the line-based readers (CSV, TSV, JSONL): encoding, header, resumable byte offsets."""

    schema = None

    def __init__(self, path: Path, encoding: str | None, encoding_errors: str = "strict"):
        check_path(path)
        check_encoding_errors(encoding_errors)
        check_str(ENCODING, encoding, f"{ENCODING_NAME}, or None to detect it", none=True)  # before bool(encoding)
        self.path = path
        self.encoding_errors = encoding_errors
        self.encoding_given = bool(encoding)
        if encoding:  # detect_encoding checks this itself
            self.encoding = resolve_encoding(encoding)
            check_text_head(path)  # binary data too, whatever the encoding: latin-1 decodes any bytes
            check_not_utf8_file(path, self.encoding)  # --encoding cp932 on a UTF-8 file: every row mojibake
        else:
            self.encoding = detect_encoding(path, errors=encoding_errors)
        self.end = path.stat().st_size
        """The file's size when the reader was made: it reads no byte past it (a file that grows as it is read, an
        export still writing or rows appended, is read as it was; the run checks that it was only appended to)."""
        self.total: int | None = self.end
        self.start = 0
        if line_codec(self.encoding) == "utf-8":  # a BOM is skipped whether utf-8 or utf-8-sig was named
            with open(path, "rb") as f:  # and a second, written by a tool that kept a BOM file's first in its text
                while f.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8:
                    self.start += len(codecs.BOM_UTF8)

    def _open(self, position: Position | None) -> IO[bytes]:
        f = open(self.path, "rb")  # noqa: SIM115 - closed by the caller's generator
        f.seek(position["offset"] if position else self.start)
        return f

    rows_start: Position
    """Where the rows start: past the header (CSV, TSV), at the first byte past a BOM (JSONL)."""

    def check_decoding(self, position: Position | None = None) -> None:
        """Raise the :class:`InputError` that reading the rows from *position* (``None``: the first) on would raise
        at the first byte the encoding does not decode (its line, what to pass), before any row is read: a run
        stopped there would have classified the rows before it in vain. Nothing with ``encoding_errors="replace"``."""
        if self.encoding_errors != "strict":
            return
        position = position or self.rows_start
        with self._open(position) as f:
            if decodes(f, line_codec(self.encoding), self.end - position["offset"]):
                return
            f.seek(position["offset"])
            for _ in self._lines(f, position["offset"], position["line"]):  # raises at the line, as reading would
                pass

    def _lines(self, f: IO[bytes], offset: int, line: int, until: int | None = None) -> DecodedLines:
        """Return the decoded lines of *f* from byte *offset* (file line *line*), to byte *until* (``None``: to
        :attr:`end`; a record still open there is cut, as at the file's end: see :func:`~taikai.io.rows_past`)."""
        errors, given = self.encoding_errors, self.encoding_given
        end = self.end if until is None else min(until, self.end)
        return DecodedLines(f, self.encoding, self.path, offset, line, errors, given, until=end)


class CsvReader(TextReader):
    """Read a CSV or TSV file with a header line; a record whose field count differs from the header is bad."""

    def __init__(
        self,
        path: Path,
        encoding: str | None = None,
        delimiter: str = ",",
        encoding_errors: str = "strict",
        *,
        warn: bool = True,
    ):
        super().__init__(path, encoding, encoding_errors)
        self.delimiter = delimiter
        offset, line = separator_line(path, self.start, delimiter)
        self.header_line = line + 1  # 2 below Excel's sep=, line
        with self._open({"offset": offset, "line": line}) as f:
            lines = self._lines(f, offset, line)
            try:
                header = next(csv.reader(lines, delimiter=delimiter))
            except StopIteration:
                raise InputError(f"{path}: the file is empty; the first line must name the columns") from None
            except csv.Error as exc:
                raise InputError(f"{path}:1: the header line is malformed ({exc})") from exc
        if not any(header):  # a blank line, or a spreadsheet's empty first row (,,): no name, though one may follow
            said = f"names no column (its {len(header)} cells are empty)" if header else "is blank"
            below = self.head().header_below_gaps()
            raise InputError(f"{path}:1: the header line {said}; " + (below or "the first line must name the columns"))
        named = len(header)
        while named > 1 and header[named - 1] == "":
            named -= 1
        self.unnamed = len(header) - named
        """Columns without a name at the header's right edge (a spreadsheet's stray empty columns): ignored."""
        # a title over merged cells, or a spreadsheet's emptied columns; one gap (レビュー,,コーディング結果,) is a
        # title's only with a header below it wider than its names (else a column left unnamed, as an index's)
        gaps = header[:named].count("")
        title = self.head().header_below_gaps(0 if gaps > 1 else named) if gaps else ""
        self.columns = check_columns(path, header[:named], title)
        self.rows_start = {"offset": lines.offset, "line": lines.line}
        if self.unnamed and warn:  # else said once already (a Dask worker opens the file again)
            warn_user(self.unnamed_note(), DataWarning)

    def head(self) -> Head:
        """Return the file's first records (:data:`~taikai._column_names.HEAD_ROWS` of them, the header's first),
        decoded as the reader decodes them (a byte that does not decode read as U+FFFD); a malformed one ends them."""
        rows: list[tuple[str, ...]] = []
        with open(self.path, "rb") as f:
            f.seek(self.start)
            lines = DecodedLines(f, self.encoding, self.path, self.start, 0, "replace")
            with suppress(csv.Error):  # a quote left open, say: the rows before it are the head
                rows.extend(tuple(row) for row in islice(csv.reader(lines, delimiter=self.delimiter), HEAD_ROWS))
        return Head(tuple(rows), "line")

    def unnamed_note(self) -> str:
        """Return the warning about the :attr:`unnamed` columns at the header's right edge."""
        named = len(self.columns)
        return (
            f"{self.path}: the header ends in {self.unnamed} column(s) without a name (column(s) {named + 1}-"
            f"{named + self.unnamed}, as a spreadsheet saved as CSV leaves): they are ignored, and a row with a value "
            "in one is a bad line"
        )

    def _problem(self, line: int, raw: str, fields: list[str], width: int) -> BadLine:
        """Return the record of *line* (*raw*) of *fields*, not *width* fields (and empty unnamed ones), set aside."""
        if width < len(fields) <= width + self.unnamed:
            at = width + 1 + next(i for i, v in enumerate(fields[width:]) if v)
            return bad_line(line, raw, LineProblem.UNNAMED_COLUMN_VALUE, column=at)
        if self.unnamed:  # rows of width to width + unnamed fields are read (the unnamed ones empty)
            most = width + self.unnamed
            if len(fields) > most:
                return bad_line(line, raw, LineProblem.FIELD_COUNT_AT_MOST, most=most, width=width, found=len(fields))
            return bad_line(line, raw, LineProblem.FIELD_COUNT_RANGE, most=most, width=width, found=len(fields))
        return bad_line(line, raw, LineProblem.FIELD_COUNT, width=width, found=len(fields))

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows, starting after the header or at a saved *position*."""
        position = position or self.rows_start
        width, extra = len(self.columns), self.unnamed
        repeats_header = HeaderRepeats(self.columns)
        repeated = repeated_header(self.header_line)
        with self._open(position) as f:
            lines = self._lines(f, position["offset"], position["line"], position.get("until"))
            reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
            got = Gathered(width)
            while True:
                try:
                    fields = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    first, raw = lines.take()
                    lines.take_note(first)
                    kind, said = csv_problem(exc)
                    got.bad.append(BadLine(first, said, "".join(raw), lines.line, kind))
                    continue
                first, raw = lines.take()
                note = lines.take_note(first)
                if extra and width < len(fields) <= width + extra and not any(fields[width:]):
                    del fields[width:]  # the empty cells of the columns without a name
                if repeats_header(fields):  # two exports joined (cat a.csv b.csv): no review
                    got.bad.append(BadLine(first, repeated, "".join(raw), lines.line, LineProblem.REPEATED_HEADER))
                elif not any(fields) and len(fields) in (0, width):  # a blank line, or a sheet's blank row (,,)
                    got.blank += 1  # as xlsx counts its empty rows: skipped, counted, said (not an empty review)
                elif len(fields) == width:
                    got.add(fields, first, note)
                else:
                    got.bad.append(replace(self._problem(first, "".join(raw), fields, width), last=lines.line))
                if len(got.rows) == chunk_size:
                    yield got.take(lines)
            if got.any():
                yield got.take(lines)
