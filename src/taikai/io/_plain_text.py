"""What a ``.txt`` file given where a table is read is said to be: plain text, one review per line whatever commas or
tabs its reviews hold, not the table the caller reads (:class:`~taikai.io.FileKind`), and what to do, which depends
on that table: reviews to classify go to ``predict``; a labelled table, a predictions file or a dump is renamed
``.csv``/``.tsv`` (or read with the format named, where the caller takes one) when it holds one."""

from __future__ import annotations

import shlex
from pathlib import Path

from taikai.errors import Argument, InputError
from taikai.io._file_argument import FileKind

_TABLES = "CSV, TSV, JSONL, Parquet or xlsx"
_NOT = {
    FileKind.LABELLED: f"a labelled table ({_TABLES}: the texts and their labels)",
    FileKind.PREDICTIONS: f"a predictions file (the table taikai batch writes: {_TABLES})",
    FileKind.DUMP: f"a dump or predictions file (a table: {_TABLES})",
}


def plain_text_error(path: Path, kind: FileKind = FileKind.TABLE, option: Argument | None = None) -> InputError:
    """Return the error for the ``.txt`` file *path*, read as a *kind* of file by a caller that takes *option*
    (``input_format=``) to name its format, if any: what it is not, and how to read it as the table it may hold;
    a table of reviews (:attr:`FileKind.TABLE`) is told how to classify its lines with ``predict`` first."""
    table = f"name its format with {option}: csv or tsv" if option else "give it the extension .csv or .tsv"
    held = f"if it holds one (a header, then one row per line), {table}"
    if kind in _NOT:
        batch = "give the file taikai batch wrote; " if kind is FileKind.PREDICTIONS else ""
        return InputError(f"{path}: a .txt file is plain text, not {_NOT[kind]}: {batch}{held}")
    return InputError(
        f"{path}: a .txt file is plain text, not a table: to classify its lines, one review per line, give them to "
        f"predict (taikai predict < {shlex.quote(str(path))} on the command line, model.predict(lines) in Python); "
        f"if it holds a table (a header, then one row per line), {table}"
    )
