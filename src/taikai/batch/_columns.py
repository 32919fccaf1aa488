"""The error of a batch run given no text column: it lists the input's columns, for the engine that reads it."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from taikai.errors import DASK_ENGINE, TEXT_COLUMN, InputError
from taikai.io import ReadOptions


def input_columns(input: str | Path, engine: str, read: ReadOptions) -> list[str] | None:
    """Return the names of the columns of *input* as the *engine* (``local`` or ``dask``) would read it, read with
    *read*: a file's header, or the Dask engine's files'; ``None`` for a folder given to the local engine (its own
    error says so), or when the Dask engine is not installed (its own error says so too). A missing or unreadable
    file raises its own error (a missing one: ``no such file``, before the text column is asked for)."""
    if engine == "dask":
        try:
            from taikai.batch._dask_input import input_header
        except ImportError:
            return None
        return input_header(input, read.input_format, read.encoding, read.encoding_errors)
    if not Path(input).exists():  # said before the missing text column: giving one would not help
        raise missing_input(input)
    if not Path(input).is_file():
        return None
    return read.open(Path(input)).columns


def missing_input(input: str | Path) -> InputError:
    """Return the error of the local engine given an *input* that does not exist: ``no such file``, and for a glob
    that matches files (given quoted, or in Python) that the local engine reads one file and the Dask engine a glob."""
    named = str(input)
    matched = [p for p in glob.glob(named, recursive=True) if os.path.isfile(p)] if glob.has_magic(named) else []
    if not matched:
        return InputError(f"{input}: no such file")
    return InputError(
        f"{input}: no such file; it is a glob that matches {len(matched):,} file(s) (such as {sorted(matched)[0]}), "
        f"but the local engine reads one file and expands no glob: name one file, or use {DASK_ENGINE} to read "
        "every file the glob matches"
    )


def text_column_needed(input: str | Path, engine: str, read: ReadOptions, named: str | None = None) -> InputError:
    """Return the error of a batch run of *engine* (``local`` or ``dask``) on *input* (read with *read*) told no
    text column: give it with *named* (``None``: ``text_column=``, with ``--text-column`` for the command line; the
    command line names its option alone), and the input's columns are these (see :func:`input_columns`)."""
    columns = input_columns(input, engine, read)
    listed = "" if columns is None else f"; {input}'s columns are {columns}"
    return InputError(f"give the column of texts with {named or TEXT_COLUMN}{listed}")
