"""Another sheet of a workbook that holds the reviews, for the errors of the sheet read: a survey workbook whose
first sheet is a cover or a summary holds its answers on another, whose column of reviews (:func:`review_columns`)
the error of a missing column, of batch given no text column, or of the cover's note read as a malformed record
names, with how to read it (``sheet='回答'``, ``--sheet '回答'``)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from taikai.errors import SHEET, Argument, InputError, no_column_error
from taikai.io._label_columns import review_columns
from taikai.io._table_readers import XlsxReader, sheet_read


@dataclass(frozen=True)
class ReviewSheet:
    """Another sheet of a workbook whose columns read as reviews (:func:`sheet_of_reviews`)."""

    title: str
    """The sheet's name."""
    number: int
    """Its place among the workbook's sheets, from 1 (as ``--sheet`` takes it)."""
    columns: tuple[str, ...]
    """Its columns that read as reviews, in its order."""

    @property
    def given(self) -> str | int:
        """The value of ``sheet=`` (``--sheet``) that reads it: its name, or its number when messages mask the name
        (``--mask-pii``: a sheet named after a person)."""
        from taikai._masked_messages import masks

        return self.number if masks(self.title) else self.title

    @property
    def said(self) -> str:
        """The sheet and its columns that read as reviews, as an error names them: ``sheet '回答' has '本文', which
        reads as reviews``."""
        reads = "reads" if len(self.columns) == 1 else "read"
        return f"sheet {self.title!r} has {' and '.join(map(repr, self.columns))}, which {reads} as reviews"


def sheet_of_reviews(reader: object) -> ReviewSheet | None:
    """Return, for an xlsx *reader* of a workbook of several sheets, the first other sheet with columns that read
    as reviews (:func:`review_columns`): a survey workbook whose first sheet is a cover or a summary holds its
    answers on another; ``None`` when no other sheet has such a column, and for any other reader. What reading the
    other sheets would warn of is not said: the command reads one sheet, whose warnings it gives."""
    if not isinstance(reader, XlsxReader) or len(reader.sheets) < 2:
        return None
    for number, other in enumerate(reader.sheets, start=1):
        if other == reader.title:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = review_columns(XlsxReader(reader.path, other))
        except InputError:  # a sheet without a header row has no column of reviews
            continue
        if found:
            return ReviewSheet(other, number, tuple(found))
    return None


def reviews_elsewhere(reader: object) -> str:
    """Return the end of an error about the sheet *reader* read (a cover's second row taken for a malformed record)
    that names the other sheet whose columns read as reviews when this one has none, with how to read it: ``; sheet
    '回答' has '本文', which reads as reviews: read it with sheet='回答' (--sheet '回答' on the command line)``; else
    ``""`` (:func:`sheet_of_reviews`)."""
    if not isinstance(reader, XlsxReader) or review_columns(reader):  # before the other sheets are read
        return ""
    sheet = sheet_of_reviews(reader)
    return "" if sheet is None else f"; {sheet.said}: read it with {SHEET.either([sheet.given])}"


def sheet_advice(reader: object, hint: str) -> str:
    """Return *hint*, the end of an error on a column missing from the sheet *reader* read (see
    :func:`taikai.io.sheet_read`), when it names another sheet that has the column; else, when that sheet has no
    column that reads as reviews and another has (a cover sheet read first), that sheet (:func:`reviews_elsewhere`),
    else *hint*."""
    return hint if hint.startswith("; sheet ") else (reviews_elsewhere(reader) or hint)


def check_sheet_column(reader: object, columns: list[str], name: object, argument: Argument, source: object) -> None:
    """Raise :class:`InputError` naming the sheet read and how to read another (:func:`sheet_read`) when *reader*
    reads a workbook of more than one sheet and column *name* (given to *argument*) is not among *columns* (shown
    as the file names them); when no other sheet has it, but one has a column that reads as reviews and the sheet
    read none (a cover sheet read first), that sheet is named (:func:`sheet_advice`)."""
    of, hint = sheet_read(reader, [name])
    if of and str(name) not in columns:
        shown = getattr(reader, "columns", columns)
        raise no_column_error([(name, argument)], shown, source, of, hint=sheet_advice(reader, hint))
