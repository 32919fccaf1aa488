"""What is wrong with a record a reader sets aside (:class:`LineProblem`), each kind's message made from its one
template, read back from a message by it (:meth:`LineProblem.of`): the side file of bad lines holds the messages, and
the report's Japanese page says what each kind means. A template reworded is read back reworded; a text that only
starts as a message is none.

The kinds of a CSV record Python's ``csv`` module refuses are its own messages (``unexpected end of data``), kept as
it words them: their templates are its wording (:func:`csv_problem`).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

from taikai._message_templates import MessageKind, register_templates
from taikai.errors import separator_hint


class LineProblem(MessageKind):
    """The kind of a record set aside, as its ``error`` says it (its template: :attr:`template`; its message:
    :meth:`message`; read back from a message: :meth:`of`)."""

    FIELD_COUNT = "field_count"
    FIELD_COUNT_AT_MOST = "field_count_at_most"
    FIELD_COUNT_RANGE = "field_count_range"
    UNNAMED_COLUMN_VALUE = "unnamed_column_value"
    UNNAMED_CELLS = "unnamed_cells"
    REPEATED_HEADER = "repeated_header"
    REPEATED_HEADER_ROW = "repeated_header_row"
    REPEATED_HEADER_RECORD = "repeated_header_record"
    REPEATED_HEADER_OBJECT = "repeated_header_object"
    INVALID_JSON = "invalid_json"
    REPEATED_KEY = "repeated_key"
    NOT_AN_OBJECT = "not_an_object"
    LONE_SURROGATE = "lone_surrogate"
    UNKNOWN_KEYS = "unknown_keys"
    FIELD_TOO_LARGE = "field_too_large"
    UNCLOSED_QUOTE = "unclosed_quote"
    NEW_LINE_UNQUOTED = "new_line_unquoted"
    CHARACTER_AFTER_QUOTE = "character_after_quote"


_TEMPLATES = {
    LineProblem.FIELD_COUNT: "expected {width} fields, found {found}",
    LineProblem.FIELD_COUNT_AT_MOST: "expected at most {most} fields ({width} named), found {found}",
    LineProblem.FIELD_COUNT_RANGE: "expected {width} to {most} fields ({width} named), found {found}",
    LineProblem.UNNAMED_COLUMN_VALUE: "a value in column {column}, which has no name in the header",
    LineProblem.UNNAMED_CELLS: (
        "cell(s) {cells} beyond the {width} named columns, A to {last}: give {named} in row 1 (comments too: a column "
        "no option names is not read), or clear those cells"
    ),
    LineProblem.REPEATED_HEADER: (
        "the header repeated: line {line}'s column names again, as where two exports were joined into one file; "
        "delete the line"
    ),
    LineProblem.REPEATED_HEADER_ROW: (
        "the header repeated: row 1's column names again, as where two exports were pasted into one sheet; delete "
        "the row"
    ),
    LineProblem.REPEATED_HEADER_RECORD: (
        "the header repeated: data row {row} holds the column names again, as where two exports were joined and read "
        "as one table (the second one's header as a row) before it was written; delete the row"
    ),
    LineProblem.REPEATED_HEADER_OBJECT: (
        "the header repeated: the record's values are its keys again, as where two exports were joined and read as "
        "one table (the second one's header as a row) before it was written; delete the line"
    ),
    LineProblem.INVALID_JSON: "invalid JSON: {error} at column {column}",  # and where it is, after the column
    LineProblem.REPEATED_KEY: "repeated key {key}: which value is meant is unclear",
    LineProblem.NOT_AN_OBJECT: "a JSON {value}, not an object",
    LineProblem.LONE_SURROGATE: "lone surrogate (invalid Unicode escape)",
    LineProblem.UNKNOWN_KEYS: "unknown key(s) {keys}; the columns are {columns}",
    # Python's csv module's own words
    LineProblem.FIELD_TOO_LARGE: "field larger than field limit ({limit})",
    LineProblem.UNCLOSED_QUOTE: "unexpected end of data",
    LineProblem.NEW_LINE_UNQUOTED: "new-line character seen in unquoted field{rest}",
    LineProblem.CHARACTER_AFTER_QUOTE: "'{character}' expected after '\"'",
}
_PATTERNS = register_templates(LineProblem, _TEMPLATES)


def csv_problem(exc: csv.Error) -> tuple[LineProblem | None, str]:
    """Return the kind of the record Python's csv module refused with *exc* (``None``: a message of no kind this
    taikai knows, of another Python) and its message, as the module words it."""
    said = str(exc)
    return LineProblem.of(said), said


REPEATED_HEADERS = frozenset(
    {
        LineProblem.REPEATED_HEADER,
        LineProblem.REPEATED_HEADER_ROW,
        LineProblem.REPEATED_HEADER_RECORD,
        LineProblem.REPEATED_HEADER_OBJECT,
    }
)
"""The kinds of a record that repeats its table's header (two exports joined), in every format."""


def record_hint(fmt: str, kind: LineProblem | None, columns: Sequence[object], *, input_format: bool = False) -> str:
    """Return what to do about a record a reader of a file in format *fmt* (with the header *columns*) set aside for a
    problem of *kind*, for the end of the error that stops at it (:func:`~taikai.io.bad_line_error`): each format its
    own (a Parquet file is written again, not edited; a JSONL line holds one object); a header repeated, whose
    message says to delete it, is seldom alone. The separator a CSV read as one column seems to have is named, with
    ``input_format=`` (``--input-format``) among the remedies when *input_format*."""
    if kind in REPEATED_HEADERS:
        return "fix it: each export joined after the first repeats the header, so delete every record that does"
    if fmt == "jsonl":
        return "fix it (every line must hold one JSON object)"
    if fmt == "parquet":
        return "write the file again without it"
    if fmt == "xlsx":
        return "fix it in the sheet and save it again"
    return f"fix it (every record needs one field per column){separator_hint(columns, input_format=input_format)}"
