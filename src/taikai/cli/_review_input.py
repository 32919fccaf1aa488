"""The reviews ``predict`` and ``explain`` read: one per line of standard input (blank lines skipped, a note for a
line with bytes read as U+FFFD), and the advice for a file named where a text is expected."""

from __future__ import annotations

import os
import re
import shlex
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from taikai._cut import cut_list
from taikai.cli._masked_errors import as_said
from taikai.cli._usage_errors import UserError

if TYPE_CHECKING:
    from taikai.io import DecodeNote

STDIN = "-"
"""The argument that stands for standard input."""


@dataclass(frozen=True)
class StdinReviews:
    """The lines of standard input that are not blank, each with its line number and, when some of its bytes were
    read as U+FFFD (``--encoding-errors replace``), the note a batch row's message gives (``line 2: …``)."""

    texts: list[str]
    numbers: list[int]
    notes: dict[int, DecodeNote]

    def added_note(self, number: int, message: str) -> str:
        """Return *message*, of the review on line *number*, with that line's note after it, if it has one."""
        note = self.notes.get(number)
        return message if note is None else note.added_to(message)


def review_place(number: int, stdin: bool) -> str:
    """Return where the *number*-th review is, as messages name a file's row (``FILE:LINE: …``) and decoding errors
    name these inputs: ``standard input:3`` (*stdin*: its line), else ``<argument 2>`` (the text given second)."""
    from taikai.io import STDIN as STANDARD_INPUT
    from taikai.io import argument_source

    return f"{STANDARD_INPUT}:{number}" if stdin else str(argument_source(number))


def read_stdin_reviews(command: str, encoding: str | None, encoding_errors: str) -> StdinReviews:
    """Return the reviews of standard input, one per line, decoded as batch decodes a file: blank lines are
    skipped with a warning, and a first line that reads as a CSV or TSV header (and lines under it as rows) gets
    the advice to classify the table with batch. *command* (``predict``, ``explain``) names what reads them."""
    from taikai.io import binary_data_format, decode_input, delimited_format

    if sys.stdin is None:
        raise click.UsageError(f"{STDIN} reads the reviews from standard input, but there is none")
    data = sys.stdin.buffer.read()
    binary = binary_data_format(data)
    if binary is not None:  # a workbook piped in (predict < book.txt): say what it is, not that it does not decode
        raise UserError(_binary_advice(command, binary))
    decoded = decode_input(data, encoding, encoding_errors)
    lines = decoded.lines
    blank = [n for n, line in enumerate(lines, 1) if not line.strip()]
    if blank:  # as batch skips and counts blank lines (a trailing one is common), not empty inputs that fail
        shown = cut_list(blank, 5)
        click.echo(f"taikai: warning: standard input: {len(blank):,} blank line(s) skipped: line(s) {shown}", err=True)
    numbers = [n for n, line in enumerate(lines, 1) if line.strip()]
    if not numbers:
        held = f"held only blank lines ({len(lines):,})" if lines else "was empty"
        raise UserError(f"standard input {held}: nothing to {_VERBS[command][1]}; give one review per line")
    texts = [lines[n - 1] for n in numbers]
    fmt = delimited_format(texts)
    if fmt is not None:  # a review may hold commas: warn, and read the lines as reviews all the same
        click.echo(f"taikai: warning: {_table_advice(command, fmt, as_said(texts[0]))}", err=True)
    notes = {note.line: note for note in decoded.notes}
    return StdinReviews(texts, numbers, notes)


def _table_advice(command: str, fmt: str, header: str) -> str:
    """Return the warning for standard input whose first line, *header*, reads as the header of a *fmt* table."""
    return (
        f"standard input looks like {_KINDS[fmt]} table (its first line, {header!r}, reads as a header of "
        f"columns), but {command} reads each line as one review, the header too: to classify a column of its "
        f"rows, {_batch_advice(fmt, _stdin_file())}"
    )


def _batch_advice(fmt: str, source: Path | bool) -> str:
    """Return the batch command line that classifies the *fmt* table of standard input, given its *source*: the
    file it was redirected from, ``True`` for a file of unknown name, ``False`` for no file (a pipe); every line
    works as written, whatever the file's name (batch refuses a ``.txt`` unless told its format), and for a named
    file, its columns and the one that reads as reviews follow, as :func:`columns_said` says them."""
    from taikai.errors import TaikaiError
    from taikai.io import format_of

    line = "-o OUT.csv --text-column COLUMN"
    if isinstance(source, Path):
        try:
            named = format_of(source) == fmt
        except TaikaiError:  # no extension batch knows (.txt): the format is given
            named = False
        said = columns_said(str(source), fmt)  # the column of reviews named, as for a data file given as a text
        return f"use taikai batch {shlex.quote(str(source))}{'' if named else f' --input-format {fmt}'} {line}{said}"
    if source:
        return (
            f"use taikai batch FILE --input-format {fmt} {line} on the file it came from (or name that file "
            f".{fmt} and leave out --input-format)"
        )
    return f"save it to a file whose name ends in .{fmt} and use taikai batch FILE.{fmt} {line}"


def _stdin_file() -> Path | bool:
    """Return the file standard input is redirected from (``< data.txt``), when the system says; ``True`` for a
    file whose name it does not say, ``False`` for no file (a pipe, a terminal)."""
    try:
        fd = sys.stdin.buffer.fileno()
        mode = os.fstat(fd)
    except (AttributeError, OSError, ValueError):  # a stream without a descriptor (a test runner's input)
        return False
    if not stat.S_ISREG(mode.st_mode):
        return False
    try:
        name = Path(os.readlink(f"/proc/self/fd/{fd}"))
        same = os.path.samefile(name, f"/proc/self/fd/{fd}")
    except OSError:  # no /proc (macOS, Windows): a file, unnamed
        return True
    if not same:
        return True
    try:  # shown as the user would type it: relative to the working folder when inside it
        return name.relative_to(Path.cwd())
    except ValueError:
        return name


def _binary_advice(command: str, fmt: str) -> str:
    """Return the error for standard input whose first bytes say it is the data file *fmt* (``xlsx``, ``parquet``,
    ``xls``, ``zip``) or compressed data (``gzip`` and the like), not lines of text."""
    from taikai.io import compressed_kind, decompress_hint, is_compressed

    if is_compressed(fmt):
        return (
            f"standard input is {compressed_kind(fmt)} (by its first bytes), not lines of text: decompress it "
            f"first ({decompress_hint(fmt)} | {_VERBS[command][2].removesuffix(' <')}), and for a table, "
            f"{decompress_hint(fmt)} > OUT.csv, then use taikai batch OUT.csv -o OUT2.csv --text-column COLUMN"
        )
    saved = f"save it to a file with the extension .{fmt}, then"
    kind, first = _NOT_READ.get(fmt, (f"{_KINDS.get(fmt, 'a')} file", saved))
    return (
        f"standard input is {kind} (by its first bytes), not lines of text, and {command} reads each line as one "
        f"review: to classify a column of its rows, {first} use taikai batch FILE -o OUT.csv --text-column COLUMN"
    )


def warn_if_file(text: str, command: str) -> None:
    """Warn, with what to do, when the text *text* given to *command* names a file, or reads as the name of a file
    that is not there (a typo, another folder: ``口コミ.csv``) or names a folder: its name is what is read."""
    if len(text) >= 256 or "\n" in text:
        return
    if os.path.isfile(text):
        click.echo(f"taikai: warning: {as_said(file_advice(text, command))}", err=True)  # columns: a first row
    elif _FILE_NAME.fullmatch(text) or os.path.isdir(text):
        click.echo(f"taikai: warning: {as_said(missing_file_advice(text, command))}", err=True)


_FILE_NAME = re.compile(
    r"[^\s]*[^\s/\\.]\.(?:txt|text|csv|tsv|tab|jsonl|ndjson|json|parquet|pq|xlsx|xlsm|xls|xlsb|ods|zip|gz|bz2|xz|zst)",
    re.IGNORECASE,
)
"""A text that reads as a file's name (no white space, a data or text file's extension): no review ends so."""


def missing_file_advice(name: str, command: str) -> str:
    """Return what to do when *command* is given *name*, which names a folder or reads as the name of a file that is
    not there, as a text: it classified the name itself."""
    does, verb, piped = _VERBS[command]
    missing = f"{name!r} reads as a file's name, but there is no such file"
    where = f"{name!r} is a folder" if os.path.isdir(name) else missing
    folder = "" if os.path.isabs(name) else f" (in {os.path.abspath(os.curdir)})"
    return (
        f"{where}{folder}, and {command} {does}: it read the name itself as a review; to {verb} the lines of a "
        f"file, one review per line, give them on standard input ({piped} FILE), or classify a column of a table's "
        "rows with taikai batch FILE -o OUT.csv --text-column COLUMN"
    )


_VERBS = {
    "predict": ("classifies the texts it is given", "classify", "taikai predict <"),
    "explain": ("explains the text it is given", "explain", "taikai explain - <"),
}
"""For each command that reads texts: what it does with them, its verb, and how it reads a file's lines."""
_NOT_READ = {
    "xls": ("an .xls (Excel 97–2003) workbook", "save it as .xlsx or CSV from Excel, then"),
    "json": ("a JSON file", "write it as JSON Lines, one object per line (.jsonl), then"),
    "zip": ("a zip archive", "extract the file it holds, then"),
}
"""Data files batch does not read: what each is, and what to do before batch reads it."""
_KINDS = {"csv": "a CSV", "tsv": "a TSV", "jsonl": "a JSON Lines", "parquet": "a Parquet", "xlsx": "an xlsx (Excel)"}
"""The data files batch reads, as a warning names them."""


def file_advice(name: str, command: str = "predict") -> str:
    """Return what to do with the file *name* given as a text to *command*: a data file (CSV, xlsx, …, by its
    extension or first bytes) is classified by ``taikai batch``, whose command is shown with the file's columns;
    a file of text lines is given on standard input."""
    from taikai.errors import TaikaiError
    from taikai.io import compressed_kind, data_format, decompress_hint, format_of, is_compressed

    does, verb, piped = _VERBS[command]
    fmt = data_format(Path(name))
    what = f"{does}, not the rows of a file"
    if is_compressed(fmt):
        return (
            f"{name!r} is {compressed_kind(str(fmt))}, but {command} {does}: decompress it and give its lines "
            f"on standard input ({decompress_hint(str(fmt), shlex.quote(name))} | {piped.removesuffix(' <')}), "
            "or, for a table, classify a column of the decompressed file with "
            "taikai batch FILE -o OUT.csv --text-column COLUMN"
        )
    if fmt is None:
        return (
            f"{name!r} is a file, but {command} {does}: to {verb} its lines, one review per line, give them on "
            f"standard input ({piped} {shlex.quote(name)})"
        )
    if fmt in _NOT_READ:
        kind, first = _NOT_READ[fmt]
        return (
            f"{name!r} is {kind}, but {command} {what}: to classify a column of its rows, {first} use "
            "taikai batch FILE -o OUT.csv --text-column COLUMN"
        )
    try:
        named = format_of(Path(name)) == fmt
    except TaikaiError:
        named = False
    option = "" if named else f" --input-format {fmt}"
    return (
        f"{name!r} is {_KINDS[fmt]} file, but {command} {what}: to classify a column of its rows, use "
        f"taikai batch {shlex.quote(name)}{option} -o OUT.csv --text-column COLUMN{columns_said(name, fmt)}"
    )


def columns_said(name: str, fmt: str | None = None) -> str:
    """Return what the advice to classify a column of the data file *name* (of format *fmt*; ``None``: told by its
    extension or first bytes) with ``taikai batch`` says after the command line: its columns, and those that read as
    reviews with the option that reads them, as batch's own error says them (:func:`taikai.errors.reviews_hint`):
    `` (its columns are ['id', '口コミ']); '口コミ' reads as reviews: --text-column '口コミ'``; ``""`` for a file that
    is no table batch reads, or that cannot be read (batch says why when it reads it)."""
    from taikai.errors import TaikaiError, reviews_hint
    from taikai.io import data_format, open_reader, review_columns

    fmt = fmt or data_format(Path(name))
    if fmt not in _KINDS:
        return ""
    try:
        reader = open_reader(Path(name), fmt, warn=False)
        columns = reader.columns
    except (TaikaiError, OSError, ValueError):  # said by batch, when it reads the file
        return ""
    return f" (its columns are {columns}){reviews_hint(review_columns(reader), option_only=True)}"
