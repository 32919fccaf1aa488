"""Read JSON Lines files chunk by chunk: one object per line, the columns the keys of every object, with the file
line of every row and every bad record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from taikai._repeated_header import HeaderRepeats
from taikai.errors import InputError
from taikai.io._export_lines import repeated_header_record
from taikai.io._json_lines import BLANK, RepeatedKey, inner_keys, json_kind, json_problem, opens_array, parse_line
from taikai.io._line_problems import LineProblem
from taikai.io._records import BadLine, Chunk, Gathered, Position, bad_line, check_columns
from taikai.io._sniff import json_array_error
from taikai.io._text_readers import TextReader


def _object(text: str) -> dict[str, Any] | None:
    """Return the JSON object on the line *text*, else ``None`` (a repeated key names no other key: not checked)."""
    try:
        record = json.loads(text.removeprefix("\ufeff"))
    except ValueError:  # not JSON, or a blank line
        return None
    return record if type(record) is dict else None


class JsonlReader(TextReader):
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
        self.rows_start = {"offset": self.start, "line": 0}
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
        position = position or self.rows_start
        known = set(self.columns)
        width = len(self.columns)
        repeats_header, repeated = HeaderRepeats(self.columns), repeated_header_record()
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
                    got.bad.append(BadLine(first, json_problem(record), text, kind=LineProblem.INVALID_JSON))
                elif isinstance(record, RepeatedKey):
                    got.bad.append(bad_line(first, text, LineProblem.REPEATED_KEY, key=repr(record.key)))
                elif not isinstance(record, dict):
                    got.bad.append(bad_line(first, text, LineProblem.NOT_AN_OBJECT, value=json_kind(record)))
                elif self._lone_surrogate(text, record):
                    got.bad.append(bad_line(first, text, LineProblem.LONE_SURROGATE))
                elif not known.issuperset(record):
                    extra = [k for k in record if k not in known]
                    got.bad.append(bad_line(first, text, LineProblem.UNKNOWN_KEYS, keys=extra, columns=self.columns))
                elif repeats_header.of_values(values := [record.get(c) for c in self.columns]):
                    got.bad.append(BadLine(first, repeated, text, kind=LineProblem.REPEATED_HEADER_OBJECT))  # no review
                else:
                    got.add(values, first, note)
                if len(got.rows) == chunk_size:
                    yield got.take(lines)
            if got.any():
                yield got.take(lines)
