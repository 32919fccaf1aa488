"""The first rows of a file as its cells, for a column not found: its header may be below a title (an Excel report
with a title on line 1 and the header on line 3), which :func:`taikai.errors.no_column_error` then says; and the
check that says so before a file is read (batch, drift, evaluate, train)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai._column_names import Head as Head
from taikai._warn import warn_user
from taikai.errors import DataWarning, no_column_error
from taikai.io._table_readers import XlsxReader, sheet_read
from taikai.io._text_readers import CsvReader

if TYPE_CHECKING:
    from collections.abc import Sequence

    from taikai.errors import Argument


def check_header_row(
    reader: object, wanted: Sequence[tuple[object, Argument]], source: object, *, input_format: bool = False
) -> None:
    """Raise :func:`taikai.errors.no_column_error` when columns *wanted* (with their arguments) stand below the
    first row *reader* read (a header below a title, :func:`head_rows`) or are keys of the objects a JSONL column
    holds (see :func:`sheet_read`); a column missing otherwise is left."""
    names = [str(c) for c in getattr(reader, "columns", [])]
    missing = [(column, argument) for column, argument in wanted if column is not None and str(column) not in names]
    if not missing:
        return
    head = head_rows(reader)
    below = head is not None and head.title_advice([str(column) for column, _ in missing])
    inner = getattr(reader, "nested", None) or {}  # a key inside the objects of a JSONL column is said too
    if not below and not any(str(column) in inner for column, _ in missing):
        return
    of, hint = sheet_read(reader, [column for column, _ in missing] if not below else ())
    raise no_column_error(missing, names, source, of, input_format=input_format, hint=hint, head=head)


def title_above(reader: object) -> str:
    """Return, when the header *reader* read is a title's line, one cell and empty ones (``調査結果,,``, as a
    spreadsheet saves it as CSV; a sheet's first row of one cell), over a line that reads as the header
    (:meth:`~taikai._column_names.Head.header_after_title`), what to do: delete the lines above it; else ``""``."""
    one = len(getattr(reader, "columns", ())) == 1
    titled = one and (bool(getattr(reader, "unnamed", 0)) or isinstance(reader, XlsxReader))
    head = head_rows(reader) if titled else None
    return head.header_after_title() if head is not None else ""


def say_unnamed(reader: CsvReader) -> None:
    """Warn of the columns without a name at the right edge of *reader*'s header, unless the header is a title's
    line (``調査結果,,``) over the real header: the title is the cause, said by the error of the column not found
    (or of the malformed record), as the Dask engine says it, and the empty cells beside the title no columns."""
    if reader.unnamed and not title_above(reader):
        warn_user(reader.unnamed_note(), DataWarning)


def head_rows(reader: object) -> Head | None:
    """Return the first rows of the file *reader* reads, from its first (:data:`~taikai._column_names.HEAD_ROWS` of
    them), each as its cells' text: the lines of a CSV or TSV file (decoded as the reader decodes them, a byte that
    does not decode read as U+FFFD) or the rows of the sheet an xlsx reader reads; ``None`` for any other reader
    (JSONL and Parquet have no header row to misplace) or when the file cannot be read again."""
    try:
        if isinstance(reader, CsvReader):
            return reader.head()
        if isinstance(reader, XlsxReader):
            return reader.head()
    except OSError:  # the file changed or went away since it was opened: no hint, the error stands
        return None
    return None
