"""The first rows of a file as its cells, for a column not found: its header may be below a title (an Excel report
with a title on line 1 and the header on line 3), which :func:`taikai.errors.no_column_error` then says."""

from __future__ import annotations

import csv
from itertools import islice

from taikai._column_names import HEAD_ROWS, Head
from taikai.io._decoded_lines import DecodedLines
from taikai.io._table_readers import XlsxReader
from taikai.io._text_readers import CsvReader


def head_rows(reader: object) -> Head | None:
    """Return the first rows of the file *reader* reads, from its first (:data:`~taikai._column_names.HEAD_ROWS` of
    them), each as its cells' text: the lines of a CSV or TSV file (decoded as the reader decodes them, a byte that
    does not decode read as U+FFFD) or the rows of the sheet an xlsx reader reads; ``None`` for any other reader
    (JSONL and Parquet have no header row to misplace) or when the file cannot be read again."""
    try:
        if isinstance(reader, CsvReader):
            return Head(_csv_rows(reader), "line")
        if isinstance(reader, XlsxReader):
            with reader._open() as (_, ws):
                ws.reset_dimensions()
                cells = ws.iter_rows(max_row=HEAD_ROWS, values_only=True)
                return Head(tuple(tuple("" if v is None else str(v) for v in row) for row in cells), "row")
    except (OSError, csv.Error):  # the file changed or went away since it was opened: no hint, the error stands
        return None
    return None


def _csv_rows(reader: CsvReader) -> tuple[tuple[str, ...], ...]:
    """Return the first records of *reader*'s file; a malformed one ends them."""
    rows: list[tuple[str, ...]] = []
    with open(reader.path, "rb") as f:
        f.seek(reader.start)
        lines = DecodedLines(f, reader.encoding, reader.path, reader.start, 0, "replace")
        try:
            for row in islice(csv.reader(lines, delimiter=reader.delimiter), HEAD_ROWS):
                rows.append(tuple(row))
        except csv.Error:  # a quote left open, say: the rows before it are the head
            pass
    return tuple(rows)
