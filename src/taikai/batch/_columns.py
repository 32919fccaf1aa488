"""The error of a batch run given no text column: it lists the input's columns, for the engine that reads it."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from taikai._stopped import stopped
from taikai.errors import (
    DASK_ENGINE,
    SHEET,
    TEXT_COLUMN,
    InputError,
    missing_path_hint,
    reviews_hint,
    separator_hint,
    shell_quote,
)
from taikai.io import (
    ReadOptions,
    ReviewSheet,
    check_not_stdin,
    check_not_stream,
    head_rows,
    review_columns,
    sheet_of_reviews,
    sheet_read,
)

Found = tuple[list[str], tuple[str, str], list[str]]
"""An input's columns, the hints of where they were read (the sheet, a header below a title), and those of its
columns whose cells read as reviews."""


def _local_columns(input: str | Path, read: ReadOptions, named: str | None) -> Found:
    """Return the columns of the file *input* read with *read*, with the sheet read and how to read another (see
    :func:`taikai.io.sheet_read`), that hint preceded by a header's below a title when the one column is a title,
    and the columns whose first rows read as reviews (:func:`taikai.io.review_columns`). When none of them does and
    another sheet of the workbook has such a column (a survey's answers behind a cover sheet), that sheet is the
    hint, with the options that read it (*named*, the text column's option; ``None``: the Python arguments). A
    missing file, a folder (a model's, said to be one) or a pipe is refused as by the run
    (:func:`check_local_input`), before the missing text column: giving one would not help."""
    check_local_input(Path(input), read.input_format)
    reader = read.open(Path(input))
    of, hint = sheet_read(reader)
    reviews = review_columns(reader)
    elsewhere = None if reviews else sheet_of_reviews(reader)
    if elsewhere is not None:  # not a header under a title: the answers are on another sheet
        return reader.columns, (of, _other_sheet(elsewhere, named)), reviews
    # one column that is a title's cell: the header may be a later line (Head.header_after_title says which)
    head = head_rows(reader) if len(reader.columns) == 1 else None
    return reader.columns, (of, (head.header_after_title() if head is not None else "") + hint), reviews


def _other_sheet(sheet: ReviewSheet, named: str | None) -> str:
    """Return the hint naming the other *sheet* whose columns read as reviews, with how to read the first: ``; sheet
    '回答' has '本文', which reads as reviews: --sheet '回答' --text-column '本文'`` (*named*, the text column's
    option), or the Python arguments then the options (*named* ``None``)."""
    column = sheet.columns[0]
    shell = f"{SHEET.option} {shell_quote(str(sheet.given))} {named or TEXT_COLUMN.option} {shell_quote(column)}"
    python = f"{SHEET.name}={sheet.given!r}, {TEXT_COLUMN.name}={column!r} ({shell} on the command line)"
    return f"; {sheet.said}: read it with {shell if named else python}"


def _dask_columns(input: str | Path, read: ReadOptions) -> Found | None:
    """Return the columns of *input* as the Dask engine reads them, reading no row: the Parquet schema's (with hive
    keys), or the header of the first CSV/TSV/JSONL file, with, when its one column is a title's cell, the header
    below it (in that file, when *input* is a folder or a glob), as the local engine says it (of JSONL files, the
    first one's keys, said to be its); ``None`` when the Dask engine cannot be imported (its run says why). A missing
    input raises its own error; so does an import a stop (Ctrl-C, SIGTERM) failed: a compiled module's
    ``ImportError`` from the ``KeyboardInterrupt``."""
    try:
        from taikai.batch._dask_input import first_reader, input_header
        from taikai.batch._dask_listing import input_files
    except ImportError as exc:
        if stopped(exc):  # a stop, not the column missing (exit 2): the command says it was interrupted
            raise
        return None
    found = input_files(input, read.input_format)
    if found.format == "parquet":
        return input_header(input, read.input_format, read.encoding, read.encoding_errors), ("", ""), []
    found.warn_skipped(input)
    reader = first_reader(found.files, found.format, read.encoding, read.encoding_errors)
    rows = head_rows(reader) if len(reader.columns) == 1 else None
    head = rows.header_after_title() if rows is not None else ""
    first = found.first(input)
    where = f"; in {first}, " if head and first != input else "; "
    # JSONL: a later file's keys are columns too, unread here (reading them is the run's first pass over every file)
    of = f" (those of {first}: the other files may add keys)" if found.format == "jsonl" and found.files[1:] else ""
    return reader.columns, (of, head.replace("; ", where, 1)), []


def check_local_input(input: Path, input_format: str | None) -> None:
    """Refuse, before any work, an *input* the local engine cannot read as its one file: standard input (``-``) or a
    pipe (batch reads its input twice), a folder (a model directory said to be one, given with ``--model``), and a
    file that does not exist (a glob that matches files said to be one, see :func:`missing_input`)."""
    check_not_stream(input, "batch", input_format)
    if input.is_dir():
        raise InputError(
            f"{input}: is a folder; the local engine reads one file: name a file in it, or use {DASK_ENGINE} to "
            "read every file of the folder"
        )
    if not input.exists():
        raise missing_input(input)


def missing_input(input: str | Path) -> InputError:
    """Return the error of the local engine given an *input* that does not exist: ``no such file``, and for a glob
    that matches files (given quoted, or in Python) that the local engine reads one file and the Dask engine a glob."""
    named = str(input)
    matched = [p for p in glob.glob(named, recursive=True) if os.path.isfile(p)] if glob.has_magic(named) else []
    if not matched:
        return InputError(f"{input}: no such file{missing_path_hint(input)}")
    return InputError(
        f"{input}: no such file; it is a glob that matches {len(matched):,} file(s) (such as {sorted(matched)[0]}), "
        f"but the local engine reads one file and expands no glob: name one file, or use {DASK_ENGINE} to read "
        "every file the glob matches"
    )


def text_column_needed(
    input: str | Path,
    engine: str,
    read: ReadOptions,
    named: str | None = None,
    trained: str | None = None,
    prefix: str = "",
) -> InputError:
    """Return the error of a batch run of *engine* (``local`` or ``dask``) on *input* (read with *read*) told no
    text column: give it with *named* (``None``: ``text_column=``, with ``--text-column`` for the command line; the
    command line names its option alone), and the input's columns are these, with the
    hints of a column not found: the sheet read of a workbook of several and how to read another, and the separator
    of a file read as one column whose name holds tabs (see :func:`taikai.errors.no_column_error`); *trained*, the
    column the model was trained on (``None``: not known), is named with the option that reads it when the input
    has it. Input columns that the model's would clash with (a labelled file's ``reasons`` and ``sentiment``, with
    *prefix*, the one given) are named with the prefix that keeps them apart, so that the advice works as written."""
    check_not_stdin(input, "batch", read.input_format)
    found = _dask_columns(input, read) if engine == "dask" else _local_columns(input, read, named)
    columns, (of, hint), reviews = found if found is not None else (None, ("", ""), [])
    listed = "" if columns is None else f"; {input}'s columns{of} are {columns}{hint}"
    told = separator_hint(columns or [], input_format=True)
    if columns is not None and "text" in map(str, columns):  # no column is taken by its name alone, but say how
        told += f" ({named + ' text' if named else 'text_column=' + repr('text')} reads the column named text)"
    if columns is not None and trained not in (None, "text") and trained in map(str, columns):
        option = f"{named} {shell_quote(str(trained))}" if named else f"text_column={trained!r}"
        told += f" ({option} reads {trained!r}, the column the model was trained on)"
    told += reviews_hint([c for c in reviews if c not in ("text", trained)], option_only=named is not None)
    return InputError(
        f"give the column of texts with {named or TEXT_COLUMN}{listed}{told}{_apart(columns, named, prefix)}"
    )


def _apart(columns: list[str] | None, named: str | None, prefix: str) -> str:
    """Return the advice to give a prefix when input *columns* are named as the model's columns with *prefix*
    (``reasons``, ``sentiment``): the run with only a text column given would stop on them."""
    names = [str(c) for c in columns or []]
    if not names:
        return ""
    from taikai.model import LABEL_COLUMNS, free_prefix  # the model's package loads scikit-learn: only here

    held = [repr(prefix + c) for c in LABEL_COLUMNS if prefix + c in names]
    if not held:
        return ""
    free = free_prefix(names, LABEL_COLUMNS)
    option = f"--prefix {free}" if named else f"prefix={free!r}"
    own = held[0] if len(held) == 1 else f"{', '.join(held[:-1])} and {held[-1]}"
    stay = "stays" if len(held) == 1 else "stay"
    return f"; with {option}, its own {own} {stay} apart from the model's columns ({free}reason, …)"
