"""Read one CSV, TSV or JSONL file of the Dask engine's input into a partition, with taikai's own reader: the file's
rows as Arrow-typed columns, and, when the run locates its rows, the columns that say where each row is and what of
it did not decode cleanly (never written)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

import taikai.io as tio
from taikai.batch._dask_cells import RAW_PREFIX, raw_columns, unheld
from taikai.batch._dask_held import READ_ROWS, HeldFile, held_chunks
from taikai.batch._dask_kept import chunks_as_listed
from taikai.batch._dask_listing import open_listed
from taikai.errors import ON_BAD_LINES, InputError
from taikai.io import OutputSpec

FILE_COLUMN = "__taikai_file"
"""With ``locate``, the index (in :func:`~taikai.batch._dask_listing.input_files` order) of the file each row
comes from (never written)."""
LINE_COLUMN = "__taikai_line"
"""With ``locate``, the file line each row starts on (never written)."""
UNDECODABLE_COLUMN = "__taikai_undecodable"
"""With ``locate``, the bytes of each row read as U+FFFD (``encoding_errors="replace"``; never written)."""
PRIVATE_USE_COLUMN = "__taikai_private_use"
"""With ``locate``, the private-use characters each row's bytes decode to in CP932 (never written)."""
ENCODING_COLUMN = "__taikai_encoding"
"""With ``locate``, the encoding of a row counted in the two columns above, else null (never written)."""
NOTE_COLUMNS = (UNDECODABLE_COLUMN, PRIVATE_USE_COLUMN, ENCODING_COLUMN)
BLANK_COLUMN = "__taikai_blank"
"""With ``locate``, the blank lines of each row's file, on its first row (0 on the others; never written): summed,
the run's blank lines, as the local engine counts them (those of a file without a row are not counted)."""


class StoppedAtRecord(InputError):
    """A malformed record stopped the Dask engine's reading of *path* (raised on a worker): *head* says where and
    what (``FILE:LINE: malformed record (…): '…'``), the message adds what to do; a run keeping its finished
    partitions says the head with its own advice."""

    def __init__(self, message: str, head: str = "", path: str = ""):
        super().__init__(message)
        self.head, self.path = head or message, path  # pickled with the exception's __dict__, as workers send it


def set_aside(path: Path) -> str:
    """Return what to do with a malformed line of *path* under the Dask engine, which stops at it: fix it, or set it
    aside with the local engine, which reads *path* alone (not the folder or glob the run was given), and run the
    Dask engine on the other files."""
    local = f"taikai batch {shlex.quote(str(path))} -o OUTPUT {ON_BAD_LINES.option} report"
    return (
        "the Dask engine stops at such lines: fix them, or set them aside with the local engine, which reads one "
        f"file, not a folder or a glob: run it on this file with {ON_BAD_LINES.name}='report' (taikai.classify_file; "
        f"on the command line {local}, with the run's other options but not --engine dask), then the Dask engine on "
        "the input's other files, if any, with this one moved out of its folder"
    )


def read_text_file(
    path: Path,
    index: int,
    held: HeldFile | None,
    size: int | None,
    fmt: str,
    encoding: str | None,
    schema: pa.Schema,
    stringify: frozenset[str],
    text_column: str | None,
    locate: bool,
    mask_pii: bool = False,
    errors: str = "strict",
    first: str = "",
) -> pd.DataFrame:
    """Read one CSV/TSV/JSONL file with taikai's reader into a frame of Arrow-typed columns.

    When *text_column* is in *stringify* (JSONL) it is an ``object`` column, whose cells that are neither text
    nor missing keep their own value; with *locate*, the :data:`FILE_COLUMN` (*index*) and :data:`LINE_COLUMN`
    say where each row is, and the :data:`NOTE_COLUMNS` what of each did not decode cleanly. With *mask_pii*, a
    malformed record's text is masked in the error, as the local engine masks it. *errors* is the
    ``encoding_errors`` of :func:`taikai.io.open_reader`. *held*: the file's chunks as read for its types, if
    they were held (see :mod:`taikai.batch._dask_held`), else ``None``: the file is read, no further than *size*
    (its bytes as the run started; ``None``: to its end).
    """
    if held is not None:  # read for its types, and held: not read again
        chunks = held_chunks(held, schema.names)
    else:
        chunks = chunks_as_listed(open_listed(path, fmt, encoding, schema.names, errors, first), READ_ROWS, size)
    kept = raw_columns(fmt, schema, stringify, text_column) if locate else {}
    as_read: dict[str, list[Any]] = {name: [] for name in kept.values()}
    spec = OutputSpec("parquet", tuple(schema.names), schema=schema, stringify=stringify)
    tables: list[pa.Table] = []
    rows = 0
    text = schema.names.index(text_column) if text_column in stringify else None
    raw: dict[int, object] = {}  # row -> a text cell that is not text
    lines: list[int] = []
    notes: dict[int, tio.DecodeNote] = {}
    blank = 0
    for chunk in chunks:
        if chunk.bad:
            if chunk.bad[0].kind is tio.LineProblem.UNKNOWN_KEYS:  # not when the files were read for their keys
                hint = "the file changed during the run: run again once the files are written"
                raise tio.bad_line_error(path, chunk.bad[0], hint, mask_pii)
            error = tio.bad_line_error(path, chunk.bad[0], set_aside(path), mask_pii)
            head = str(tio.bad_line_error(path, chunk.bad[0], "", mask_pii)).removesuffix("; ")
            raise StoppedAtRecord(str(error), head, str(path))  # fixed in place, resumed (_dask_resume)
        if text is not None:
            raw.update((rows + i, v) for i, v in enumerate(chunk.data[text]) if v is not None and type(v) is not str)
        lines += chunk.lines
        for j, name in kept.items():
            as_read[name] += unheld(chunk.data[j], name in stringify)
        blank += chunk.blank
        notes.update((rows + i, note) for i, note in chunk.notes.items())
        tables.append(pa.ipc.open_stream(tio.encode_table(spec, chunk.data, rows, str(path))).read_all())
        rows += chunk.rows
    table = pa.concat_tables(tables) if tables else schema.empty_table()
    frame: pd.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    if text_column in stringify:
        cells = table.column(text_column).to_pylist()
        for i, value in raw.items():
            cells[i] = value
        frame[text_column] = pd.Series(cells, index=frame.index, dtype=object)
    if locate:
        frame[FILE_COLUMN] = pd.Series(index, index=frame.index, dtype="int32")
        frame[LINE_COLUMN] = pd.Series(lines if len(lines) == rows else None, index=frame.index, dtype="Int64")
        frame = frame.assign(**note_columns(notes, rows, frame.index))
        blanks = np.zeros(rows, dtype="int64")
        blanks[:1] = blank  # on the first row, if any
        frame[BLANK_COLUMN] = pd.Series(blanks, index=frame.index)
        for name, cells in as_read.items():
            frame[RAW_PREFIX + name] = pd.Series(cells, index=frame.index, dtype=object)
    return frame


def note_columns(notes: dict[int, tio.DecodeNote], rows: int, index: pd.Index) -> dict[str, pd.Series]:
    """Return the :data:`NOTE_COLUMNS` of a file of *rows* rows whose rows *notes* did not decode cleanly."""
    replaced = np.zeros(rows, dtype="int64")
    private = np.zeros(rows, dtype="int64")
    encodings: list[str | None] = [None] * rows
    for i, note in notes.items():
        replaced[i], private[i], encodings[i] = note.replaced, note.private_use, note.encoding
    return {
        UNDECODABLE_COLUMN: pd.Series(replaced, index=index),
        PRIVATE_USE_COLUMN: pd.Series(private, index=index),
        ENCODING_COLUMN: pd.Series(encodings, index=index, dtype=pd.ArrowDtype(pa.string())),
    }


def text_meta(
    fmt: str, schema: pa.Schema, stringify: frozenset[str], text_column: str | None, locate: bool
) -> pd.DataFrame:
    """Return the empty frame of the partitions :func:`read_text_file` makes (Dask's ``meta``): the *schema*'s
    columns, *text_column* as ``object`` when it is in *stringify*, and with *locate*, the columns that say where
    each row is, what of it did not decode cleanly, and each JSONL column of numbers or of mixed types as read."""
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    if text_column in stringify:  # the cells themselves, as the local engine's model reads them
        meta[text_column] = pd.Series([], dtype=object)
    if locate:
        meta[FILE_COLUMN] = pd.Series([], dtype="int32")
        meta[LINE_COLUMN] = pd.Series([], dtype="Int64")
        meta = meta.assign(**note_columns({}, 0, meta.index))
        meta[BLANK_COLUMN] = pd.Series([], dtype="int64")
        for name in raw_columns(fmt, schema, stringify, text_column).values():
            meta[RAW_PREFIX + name] = pd.Series([], dtype=object)
    return meta
