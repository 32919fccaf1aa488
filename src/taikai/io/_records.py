"""What every reader yields: chunks of rows as columns, with the records it could not read and where it stopped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from taikai._masked_messages import quoted_text
from taikai.errors import InputError, missing_path_hint
from taikai.io._line_problems import LineProblem
from taikai.io._paths import folder_error

if TYPE_CHECKING:  # _decoded_lines imports this module
    from taikai.io._decoded_lines import DecodeNote

Position = dict[str, int]
"""Where a reader stopped, saved with each chunk of a batch run: byte offset and line, or records read. Given to
a text reader's ``chunks`` with ``until``, a byte offset, it reads no byte from there on (:func:`rows_past`)."""
ROWS_PAST_BYTES = 1 << 20
"""The bytes of a text file :func:`rows_past` reads past a position, at most."""


@dataclass
class BadLine:
    """A record that could not be read: its first file line, what is wrong, its raw text, and its last file line
    (``None``: the first; a quote left open makes a CSV record run over the lines after it)."""

    line: int
    error: str
    raw: str
    last: int | None = None
    kind: LineProblem | None = None
    """The kind of *error* (``None``: a message of no kind this taikai knows, as Python's csv module may word one)."""

    @property
    def last_line(self) -> int:
        """The last file line the record covers."""
        return self.line if self.last is None else self.last


def bad_line(line: int, raw: str, kind: LineProblem, /, **fields: object) -> BadLine:
    """Return the record of file line *line* (its text *raw*) set aside for a problem of *kind*, its message the
    kind's template filled with *fields*."""
    return BadLine(line, kind.message(**fields), raw, kind=kind)


@dataclass
class Chunk:
    """Up to ``chunk_size`` rows as columns of Python values, the bad records met, and where reading stopped.

    ``lines`` holds the file line on which each row starts (empty when the format has no lines: Parquet).
    """

    data: list[list[Any]]
    rows: int
    bad: list[BadLine] = field(default_factory=list)
    blank: int = 0
    position: Position = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    notes: dict[int, Any] = field(default_factory=dict)
    """Rows (by index in the chunk) whose bytes did not all decode cleanly: a ``DecodeNote`` each."""


class _ReadLines(Protocol):
    """The lines a text reader reads from (``DecodedLines``): where it stands, and its warning of UTF-8 lines."""

    def position(self) -> Position: ...

    def warn_utf8(self) -> None: ...


@dataclass
class Gathered:
    """What a text reader read since its last chunk: its rows of *width* values, the file line each starts on, the
    bad records, the blank lines, and the decode notes (by index of the row); :meth:`take` makes them a chunk."""

    width: int
    rows: list[list[Any]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    bad: list[BadLine] = field(default_factory=list)
    blank: int = 0
    notes: dict[int, Any] = field(default_factory=dict)

    def add(self, values: list[Any], first: int, note: DecodeNote | None = None) -> None:
        """Gather a row of *values* starting on file line *first*, with what did not decode cleanly in it (*note*;
        ``None``: all did): the row, its line and its note together, so that the note of a record that is no row
        (a repeated header) is never another row's."""
        if note is not None:
            self.notes[len(self.rows)] = note
        self.rows.append(values)
        self.starts.append(first)

    def any(self) -> bool:
        """Say whether anything was read since the last chunk (a row, a bad record or a blank line)."""
        return bool(self.rows or self.bad or self.blank)

    def take(self, lines: _ReadLines) -> Chunk:
        """Return what was gathered as a chunk that ends where *lines* stand, after warning of its UTF-8 lines
        (before the chunk is handed on), and gather anew."""
        lines.warn_utf8()
        chunk = Chunk(
            transpose(self.rows, self.width),
            len(self.rows),
            self.bad,
            self.blank,
            lines.position(),
            self.starts,
            self.notes,
        )
        self.rows, self.starts, self.bad, self.blank, self.notes = [], [], [], 0, {}
        return chunk


class Reader(Protocol):
    """A file opened for reading in chunks: its columns, Arrow schema (Parquet), size and chunks."""

    path: Path
    columns: list[str]
    total: int | None

    @property
    def schema(self) -> Any: ...

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]: ...


@contextmanager
def opened_chunks(reader: Reader, chunk_size: int, position: Position | None = None) -> Iterator[Iterator[Chunk]]:
    """Within the block, *reader*'s chunks of *chunk_size* rows from *position*, closed at its end (a loop left
    early, an error) when they can be: the reader's file is let go then, not when the iterator is collected."""
    chunks = reader.chunks(chunk_size, position)
    try:
        yield chunks
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def transpose(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    """Return *rows* as *width* columns."""
    return [list(col) for col in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


def check_path(path: Path) -> None:
    """Raise :class:`InputError` unless *path* is an existing file."""
    if not path.exists():
        raise InputError(f"{path}: no such file{missing_path_hint(path)}")
    if path.is_dir():
        raise folder_error(path)


def check_columns(path: Path, columns: list[str], title: str = "") -> list[str]:
    """Return *columns*, or raise :class:`InputError` naming the repeated ones; several without a name (the empty
    columns a spreadsheet saved as CSV leaves at its right edge) are said to be that, or, given what to do when the
    header is a title's line over merged cells (*title*: :meth:`~taikai._column_names.Head.header_below_gaps`), that."""
    unnamed = [i for i, c in enumerate(columns, 1) if c == ""]
    if unnamed and title:
        which = f"{len(unnamed)} columns have" if len(unnamed) > 1 else "1 column has"
        numbers = f"column{'s' if len(unnamed) > 1 else ''} {', '.join(map(str, unnamed))}"
        raise InputError(
            f"{path}: {which} no name in the header ({numbers} of {len(columns)}), as a title over merged cells "
            f"has: {title}"
        )
    if len(unnamed) > 1:
        raise InputError(
            f"{path}: {len(unnamed)} columns have no name in the header (columns {', '.join(map(str, unnamed))} of "
            f"{len(columns)}; a spreadsheet saved as CSV leaves such columns where cells beside the data were once "
            "used); delete those columns in the file (or give each a name) and run again"
        )
    seen: set[str] = set()
    dupes = [c for c in columns if c in seen or seen.add(c)]  # type: ignore[func-returns-value]
    if dupes:
        raise InputError(f"{path}: repeated column name(s) {dupes}; give every column a distinct name")
    return columns


def bad_line_error(path: Path, bad: BadLine, hint: str, mask_pii: bool = False) -> InputError:
    """Return the error for a malformed record: file, line, what is wrong, its start, and what to do; with
    *mask_pii* (or within a masked call), its text shown with personal data masked before it is cut (as
    ``--mask-pii`` masks every text it writes)."""
    raw = quoted_text(bad.raw, 80, mask=mask_pii)  # masked before it is cut (also within a masked call)
    runs = f", running to line {bad.last_line}" if bad.last_line != bad.line else ""
    return InputError(f"{path}:{bad.line}: malformed record ({bad.error}{runs}): {raw!r}; {hint}")


def first_rows(
    reader: Reader, chunk_size: int, limit: int | None, position: Position | None = None, done: int = 0
) -> Iterator[Chunk]:
    """Yield *reader*'s chunks of *chunk_size* rows from *position* (the start: ``None``), stopping after *limit*
    rows in all (``None``: every row), *done* of them read before *position*.

    Bad and blank records do not count. The last chunk is read with the rows left as its size, from where the
    chunk before it stopped (as ``--resume`` goes on), so that it holds no record past the last row and the reader
    stops there: the rest of the file is never read.
    """
    left = None if limit is None else limit - done
    while left is None or left > 0:
        size = chunk_size if left is None else min(chunk_size, left)
        with opened_chunks(reader, size, position) as chunks:
            for chunk in chunks:
                yield chunk
                position = chunk.position
                if left is not None:
                    left -= chunk.rows
                    if left < size:  # the rows left fit in a smaller chunk (or none are left)
                        break
            else:
                return  # the input ended


def rows_past(reader: Reader, position: Position | None) -> bool:
    """Return whether *reader* holds a record past *position* (where a ``--limit`` run stopped): a row, or a record it
    cannot read (set aside or not, it is input the run left). Reads one record at most (blank lines skipped), and
    says ``True`` for bytes past *position* it cannot read at all (an encoding error): they are input left too.
    Of a text file (CSV, TSV, JSONL: a position in bytes), :data:`ROWS_PAST_BYTES` at most are read: a record still
    open there (a quote left open, which would run to the end of a dump of gigabytes) is input left, and so are
    bytes past them after blank lines only."""
    until = None
    if position is not None:  # past the run's rows: a reader says nothing of what they hold (hidden rows, …)
        position = {**position, "past": 1}
    if position is not None and "offset" in position:
        until = position["offset"] + ROWS_PAST_BYTES
        position = {**position, "until": until}
    with opened_chunks(reader, 1, position) as chunks:
        try:
            if any(chunk.rows or chunk.bad for chunk in chunks):
                return True
        except InputError:
            return True
    return until is not None and reader.total is not None and reader.total > until


def at_least_one(chunks: Iterable[Chunk], width: int) -> Iterator[Chunk]:
    """Yield *chunks*, or one empty chunk when there is none (so a header-only input still gets a header)."""
    empty = True
    for chunk in chunks:
        empty = False
        yield chunk
    if empty:
        yield Chunk([[] for _ in range(width)], 0)
