"""The error of a batch run given no text column: it lists the input's columns, for the engine that reads it."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import TEXT_COLUMN, InputError
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
        raise InputError(f"{input}: no such file")
    if not Path(input).is_file():
        return None
    return read.open(Path(input)).columns


def text_column_needed(input: str | Path, engine: str, read: ReadOptions, named: str | None = None) -> InputError:
    """Return the error of a batch run of *engine* (``local`` or ``dask``) on *input* (read with *read*) told no
    text column: give it with *named* (``None``: ``text_column=``, with ``--text-column`` for the command line; the
    command line names its option alone), and the input's columns are these (see :func:`input_columns`)."""
    columns = input_columns(input, engine, read)
    listed = "" if columns is None else f"; {input}'s columns are {columns}"
    return InputError(f"give the column of texts with {named or TEXT_COLUMN}{listed}")
