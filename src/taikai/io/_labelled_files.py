"""Read labelled review files of any format taikai reads and check them (:func:`taikai.io.check_labelled`).

Of an xlsx workbook the sheet given (``--sheet NAME|NUMBER``, ``sheet=``) is read; by default the sheet named
``labels`` (``taikai suggest``'s) when it has one, else the first.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._masked_messages import errors_masked
from taikai.errors import REASONS_COLUMN, SENTIMENT_COLUMN, TEXT_COLUMN, Argument, wrong_type
from taikai.io._file_argument import FileKind, check_file
from taikai.io._formats import format_of
from taikai.io._formula_cells import unescape_sheet
from taikai.io._frames import Table, read_table
from taikai.io._labelled import LabelledTable, check_labelled
from taikai.io._missing_columns import LABELS_SHEET

if TYPE_CHECKING:
    import pandas as pd


@errors_masked
def read_labelled_table(
    path: Path,
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    sentiment_column: Hashable | None = "sentiment",
    encoding: str | None = None,
    encoding_errors: str = "strict",
    **options: Any,
) -> LabelledTable:
    """Read a labelled file of any format taikai reads and check it (see :func:`check_labelled` for *options*)."""
    check_file("path", path, FileKind.LABELLED)
    wanted = [(text_column, TEXT_COLUMN), (reasons_column, REASONS_COLUMN), (sentiment_column, SENTIMENT_COLUMN)]
    table = read_labelled_file(Path(path), encoding=encoding, encoding_errors=encoding_errors, wanted=wanted)
    return check_labelled(
        table.frame,
        table.source,
        text_column,
        reasons_column,
        sentiment_column,
        lines=table.lines,
        sheet=table.sheet,
        blank_lines=table.blank,
        **options,
    )


@errors_masked
def read_labelled_file(
    path: Path,
    encoding: str | None = None,
    encoding_errors: str = "strict",
    sheet: str | int | None = None,
    wanted: Sequence[tuple[object, Argument]] = (),
    mask_pii: bool = False,
) -> Table:
    """Read a labelled file whole; of an xlsx workbook, *sheet* (a name or 1-based number, as ``--sheet``) when
    given, else the sheet named ``labels`` (``taikai suggest``'s) when it has one, else the first, whatever order
    the sheets were put in. Of a CSV or TSV suggest sheet (whatever columns were deleted from it), the apostrophe
    put before a text Excel would read as a formula is taken off again (:func:`taikai.io.unescape_sheet`). A
    *sheet* the workbook does not have is an :class:`InputError` naming its sheets; *sheet* for a file of another
    format is refused, as ``taikai batch --sheet`` refuses it. *wanted* and *mask_pii* (a malformed record's error
    quotes it masked): as :func:`taikai.io.read_table` takes them."""
    from taikai.io._table_readers import sheet_argument, sheet_names

    check_file("path", path, FileKind.LABELLED)
    path = Path(path)
    if sheet == "":  # an empty name names no sheet
        raise wrong_type("sheet", sheet, "a sheet name or 1-based number (str or int), or None for the default")
    chosen = sheet_argument(sheet, "the default")
    fmt = format_of(path, kind=FileKind.LABELLED)  # a .txt file: said not to be a labelled table
    if chosen is None:
        chosen = LABELS_SHEET if fmt == "xlsx" and LABELS_SHEET in sheet_names(path) else None
    table = read_table(
        path, encoding=encoding, sheet=chosen, encoding_errors=encoding_errors, mask_pii=mask_pii, wanted=wanted
    )
    if table.format in ("csv", "tsv"):  # a suggest sheet's texts Excel would take for formulas were escaped
        table = replace(table, frame=unescape_sheet(table.frame))
    return table


def read_labelled(
    path: Path,
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    sentiment_column: Hashable | None = "sentiment",
    encoding: str | None = None,
    require_text: bool = True,
) -> pd.DataFrame:
    """Read and validate a labelled file (``text,reasons,sentiment``; ``reasons`` ``|``-separated, primary first).

    Any format taikai reads: CSV, TSV, JSONL, Parquet or xlsx, through the same readers as ``taikai batch``.
    Every problem stops the reading (see :func:`read_labelled_table` to skip unusable rows instead).
    """
    check_file("path", path, FileKind.LABELLED)
    return read_labelled_table(
        path, text_column, reasons_column, sentiment_column, encoding, require_text=require_text
    ).frame
