"""Check a dump file's text and date columns before a row is read, in one place for both passes over it: the check
before a reference file is classified (:mod:`taikai.drift._preflight`) and the count (:mod:`taikai.drift._files`),
so that the dump's missing column is said in the same words with ``--reference`` as without."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from taikai.errors import DATE_COLUMN, Argument, reviews_hint
from taikai.io import Reader, check_header_row, check_sheet_column, dates_told, review_columns
from taikai.model import column_label, find_column


def check_file_columns(
    reader: Reader,
    columns: Sequence[str],
    text_column: Hashable,
    text_argument: Argument,
    date_column: Hashable | None,
    source: str,
    *,
    input_format: bool,
) -> None:
    """Raise the error for a text or date column that *reader* (of *source*, whose *columns* are its names without
    a predictions prefix) lacks, with what to do: the sheet that holds it, a title above the header to delete
    (``'text' is on line 3``), a JSONL key inside a column's objects, or the columns that read as reviews (``'本文'
    reads as reviews``), and a date column it lacks, with the columns that read as dates (``'投稿日' reads as
    dates``), after the text's."""
    columns = list(columns)
    check_sheet_column(reader, columns, text_column, text_argument, source)  # a workbook: say which sheet
    wanted = [(text_column, text_argument), (date_column, DATE_COLUMN)]
    check_header_row(reader, wanted, source, input_format=input_format)  # a header below a title: said so
    if column_label(columns, text_column) not in columns:  # not there: name the columns that read as reviews
        find_column(
            columns,
            text_column,
            text_argument,
            source=source,
            shown=reader.columns,
            input_format=input_format,
            hint=reviews_hint(review_columns(reader), text_argument),
        )
    if date_column is not None and column_label(columns, date_column) not in columns:
        find_column(
            columns,
            date_column,
            DATE_COLUMN,
            source=source,
            shown=reader.columns,
            input_format=input_format,
            hint=dates_told(reader, date_column),
        )
