"""Read CSV, TSV and JSON Lines files chunk by chunk, with the file line of every row and every bad record."""

from __future__ import annotations

import codecs
import csv
import json
import sys
from collections.abc import Iterator
from contextlib import suppress
from itertools import islice
from pathlib import Path
from typing import IO, Any

from taikai._column_names import HEAD_ROWS, Head
from taikai._warn import warn_user
from taikai.errors import ENCODING, DataWarning, InputError, check_str
from taikai.io._decoded_lines import DecodedLines, line_codec
from taikai.io._encoding import ENCODING_NAME, check_encoding_errors, check_text_head, detect_encoding, resolve_encoding
from taikai.io._export_lines import REPEATED_HEADER, HeaderRepeats, separator_line
from taikai.io._json_lines import BLANK, RepeatedKey, inner_keys, json_kind, json_problem, opens_array, parse_line
from taikai.io._records import BadLine, Chunk, Gathered, Position, check_columns, check_path
from taikai.io._sniff import json_array_error

# The csv module refuses fields over 131,072 characters by default; a long review is a field, not a bad line.
try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long narrower than Py_ssize_t (Windows)
    csv.field_size_limit(2**31 - 1)


class _TextReader:
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

    def _lines(self, f: IO[bytes], offset: int, line: int, until: int | None = None) -> DecodedLines:
        """Return the decoded lines of *f* from byte *offset* (file line *line*), to byte *until* (``None``: to
        :attr:`end`; a record still open there is cut, as at the file's end: see :func:`~taikai.io.rows_past`)."""
        errors, given = self.encoding_errors, self.encoding_given
        end = self.end if until is None else min(until, self.end)
        return DecodedLines(f, self.encoding, self.path, offset, line, errors, given, until=end)


class CsvReader(_TextReader):
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
        self.header_end: Position = {"offset": lines.offset, "line": lines.line}
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

    def _problem(self, fields: list[str], width: int) -> str:
        """Return what is wrong with a record of *fields* that is not *width* fields (and empty unnamed ones)."""
        if width < len(fields) <= width + self.unnamed:
            at = width + 1 + next(i for i, v in enumerate(fields[width:]) if v)
            return f"a value in column {at}, which has no name in the header"
        if self.unnamed:  # rows of width to width + unnamed fields are read (the unnamed ones empty)
            most = width + self.unnamed
            if len(fields) > most:
                return f"expected at most {most} fields ({width} named), found {len(fields)}"
            return f"expected {width} to {most} fields ({width} named), found {len(fields)}"
        return f"expected {width} fields, found {len(fields)}"

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows, starting after the header or at a saved *position*."""
        position = position or self.header_end
        width, extra = len(self.columns), self.unnamed
        repeats_header = HeaderRepeats(self.columns)
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
                    got.bad.append(BadLine(first, str(exc), "".join(raw), lines.line))
                    continue
                first, raw = lines.take()
                note = lines.take_note(first)
                if extra and width < len(fields) <= width + extra and not any(fields[width:]):
                    del fields[width:]  # the empty cells of the columns without a name
                if repeats_header(fields):  # two exports joined (cat a.csv b.csv): no review
                    got.bad.append(BadLine(first, REPEATED_HEADER, "".join(raw), lines.line))
                elif not any(fields) and len(fields) in (0, width):  # a blank line, or a sheet's blank row (,,)
                    got.blank += 1  # as xlsx counts its empty rows: skipped, counted, said (not an empty review)
                elif len(fields) == width:
                    got.add(fields, first, note)
                else:
                    got.bad.append(BadLine(first, self._problem(fields, width), "".join(raw), lines.line))
                if len(got.rows) == chunk_size:
                    yield got.take(lines)
            if got.any():
                yield got.take(lines)


def _object(text: str) -> dict[str, Any] | None:
    """Return the JSON object on the line *text*, else ``None`` (a repeated key names no other key: not checked)."""
    try:
        record = json.loads(text.removeprefix("\ufeff"))
    except ValueError:  # not JSON, or a blank line
        return None
    return record if type(record) is dict else None


class JsonlReader(_TextReader):
    """Read JSON Lines: one object per line; the columns are the keys of every object, in the order they first come
    (exports that leave out null values, as BigQuery's and ``jq``'s do, give later lines keys the first lacks); the
    keys *known* (read by another reader of the file) are taken as they are, the file not read first for them;
    with *rows*, the columns are the keys of the first *rows* records only (of more, if those have none): a run
    that reads no further (``--limit``) does not read the whole file for its keys."""

    def __init__(
        self,
        path: Path,
        encoding: str | None = None,
        encoding_errors: str = "strict",
        known: list[str] | None = None,
        rows: int | None = None,
    ):
        super().__init__(path, encoding, encoding_errors)
        if known is not None:  # read by another reader of the file: not read again for them
            self.columns: list[str] = check_columns(path, list(known))
            return
        keys: dict[str, None] = {}  # every object's keys, in the order they first come
        self.nested: dict[str, str] = {}  # a key of an object some column holds: that column (for a missing one)
        first: tuple[int, str] | None = None  # the first line that is not blank, and its number
        taken = 0  # the records read (those of bad lines aside), counted with *rows* only
        with self._open(None) as f:
            for number, text in enumerate(self._lines(f, self.start, 0), 1):
                if first is None and text.strip():
                    first = (number, text)
                record = _object(text)  # {} names no column: a row of missing values, as later in the file
                if record:  # an object's key, whichever record holds it (a null in the first): said for a column
                    self.nested = inner_keys(record, self.nested)
                if record is None or (rows is None and keys.keys() >= record.keys()):
                    continue
                if type(parse_line(text)) is dict and not self._lone_surrogate(text, record):  # no bad line's keys
                    keys.update(dict.fromkeys(record))
                    taken += 1
                    if rows is not None and taken >= rows and keys:  # the rest of the file is not read
                        break
        if first is not None and opens_array(first[1]) and not (keys and type(parse_line(first[1])) is list):
            raise json_array_error(path, first[0])  # a whole list on line 1 over records is a bad line, not an array
        if first is None:  # 0 bytes, or blank lines only: taikai's own JSONL output of no rows is such a file
            raise InputError(f"{path}: the file is empty (it holds no JSON line), so there is no row to read")
        if not keys:
            raise InputError(f"{path}: no JSON object with keys found; JSONL needs one object per line")
        self.columns = check_columns(path, list(keys))

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
        """Yield chunks of up to *chunk_size* rows; a line that is no JSON object, or has keys no line had when the
        reader was made (the file changed since), is bad."""
        position = position or {"offset": self.start, "line": 0}
        known = set(self.columns)
        width = len(self.columns)
        with self._open(position) as f:
            lines = self._lines(f, position["offset"], position["line"], position.get("until"))
            got = Gathered(width)
            for text in lines:
                first, _ = lines.take()  # the record is the one line: its raw text is *text*
                note = lines.take_note(first)
                record = parse_line(text)
                if record is BLANK:
                    got.blank += 1
                elif isinstance(record, json.JSONDecodeError):
                    got.bad.append(BadLine(first, json_problem(record), text))
                elif isinstance(record, RepeatedKey):
                    got.bad.append(
                        BadLine(first, f"repeated key {record.key!r}: which value is meant is unclear", text)
                    )
                elif not isinstance(record, dict):
                    got.bad.append(BadLine(first, f"a JSON {json_kind(record)}, not an object", text))
                elif self._lone_surrogate(text, record):
                    got.bad.append(BadLine(first, "lone surrogate (invalid Unicode escape)", text))
                elif not known.issuperset(record):
                    extra = [k for k in record if k not in known]
                    got.bad.append(BadLine(first, f"unknown key(s) {extra}; the columns are {self.columns}", text))
                else:
                    got.add([record.get(c) for c in self.columns], first, note)
                if len(got.rows) == chunk_size:
                    yield got.take(lines)
            if got.any():
                yield got.take(lines)
