"""Read one CSV, TSV or JSONL file of the Dask engine's input into a partition, with taikai's own reader: the file's
rows as Arrow-typed columns, and, when the run locates its rows, the columns that say where each row is and what of
it did not decode cleanly (never written)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
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
BAD_COLUMN = "__taikai_bad"
"""With ``set_aside`` (``on_bad_lines="report"``), the malformed records of each row's file, on its first row, as a
:class:`SetAside` (``None`` on the others and in a file without any; never written): gathered into one side file
of bad lines in input order once every partition is written (:mod:`taikai.batch._dask_bad_lines`)."""


@dataclass(frozen=True)
class SetAside:
    """The malformed records of one input file (by its index in the run's files), in file order, each with its
    file lines (of the whole file: each file is read whole into one partition before any repartition), and the
    personal data masked in their raw text (per kind, when the run masks it)."""

    file: int
    lines: tuple[tio.BadLine, ...]
    masks: tuple[tuple[str, int], ...] = ()


class StoppedAtRecord(InputError):
    """A malformed record stopped the Dask engine's reading of *path* (raised on a worker): *head* says where and
    what (``FILE:LINE: malformed record (…): '…'``), the message adds what to do; a run keeping its finished
    partitions says the head with its own advice."""

    def __init__(self, message: str, head: str = "", path: str = ""):
        super().__init__(message)
        self.head, self.path = head or message, path  # pickled with the exception's __dict__, as workers send it


def set_aside(path: Path) -> str:
    """Return what to do with a malformed line of *path* that stopped the Dask engine (``on_bad_lines="error"``):
    fix it, or run again setting such lines aside in the run's side file of bad lines."""
    return (
        f"fix it in {path.name}, or pass {ON_BAD_LINES.either(['report'])} to set such lines aside in a side file "
        "(OUTPUT_STEM.bad_lines.csv, beside the output folder) and go on"
    )


def set_aside_locally(path: Path) -> str:
    """Return what to do with a Parquet row of *path* that repeats its header, at which the Dask engine stops (with
    ``on_bad_lines="report"`` too: it reads Parquet with Dask, not with taikai's reader): fix it, or set it aside
    with the local engine, which reads *path* alone (not the folder or glob the run was given), and run the Dask
    engine on the other files."""
    local = f"taikai batch {shlex.quote(str(path))} -o OUTPUT {ON_BAD_LINES.option} report"
    return (
        "the Dask engine stops at such rows of Parquet files: fix them, or set them aside with the local engine, which "
        f"reads one file, not a folder or a glob: run it on this file with {ON_BAD_LINES.name}='report' "
        f"(taikai.classify_file; on the command line {local}, with the run's other options but not --engine dask), "
        "then the Dask engine on the input's other files, if any, with this one moved out of its folder"
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
    set_aside_bad: bool = False,
) -> pd.DataFrame:
    """Read one CSV/TSV/JSONL file with taikai's reader into a frame of Arrow-typed columns.

    When *text_column* is in *stringify* (JSONL) it is an ``object`` column, whose cells that are neither text
    nor missing keep their own value; with *locate*, the :data:`FILE_COLUMN` (*index*) and :data:`LINE_COLUMN`
    say where each row is, and the :data:`NOTE_COLUMNS` what of each did not decode cleanly. With *mask_pii*, a
    malformed record's text is masked in the error, as the local engine masks it. *errors* is the
    ``encoding_errors`` of :func:`taikai.io.open_reader`. *held*: the file's chunks as read for its types, if
    they were held (see :mod:`taikai.batch._dask_held`), else ``None``: the file is read, no further than *size*
    (its bytes as the run started; ``None``: to its end). With *set_aside_bad* (``on_bad_lines="report"``), a
    malformed record does not stop the reading: the file's are held, as one :class:`SetAside`, in the
    :data:`BAD_COLUMN` of its first row (a file of no row but malformed records is refused: nothing would hold them).
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
    bad: list[tio.BadLine] = []
    for chunk in chunks:
        changed = next((b for b in chunk.bad if b.kind is tio.LineProblem.UNKNOWN_KEYS), None)
        if changed is not None and (set_aside_bad or changed is chunk.bad[0]):  # not met reading for their keys
            hint = "the file changed during the run: run again once the files are written"
            raise tio.bad_line_error(path, changed, hint, mask_pii)
        if chunk.bad and set_aside_bad:
            bad += chunk.bad
        elif chunk.bad:
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
    if set_aside_bad:
        frame[BAD_COLUMN] = _bad_column(path, index, bad, frame.index, mask_pii)
    return frame


def _bad_column(path: Path, index: int, bad: list[tio.BadLine], rows: pd.Index, mask_pii: bool) -> pd.Series:
    """Return the :data:`BAD_COLUMN` of the file *path* (the run's file *index*) whose rows are *rows*: its *bad*
    records, if any, on its first row; refuse them in a file without a row, as no row can hold them."""
    cells: list[SetAside | None] = [None] * len(rows)
    if bad and not cells:
        count = f"its {len(bad):,} records are all malformed" if len(bad) > 1 else "its one record is malformed"
        hint = (
            f"{count}, and the Dask engine sets aside only the malformed records of a file with at least one good "
            "row: fix the file, or move it out of the input and set its lines aside with the local engine "
            f"({ON_BAD_LINES.option} report on that file alone)"
        )
        raise tio.bad_line_error(path, bad[0], hint, mask_pii)
    if bad:
        cells[0] = SetAside(index, tuple(bad))
    return pd.Series(cells, index=rows, dtype=object)


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
    fmt: str,
    schema: pa.Schema,
    stringify: frozenset[str],
    text_column: str | None,
    locate: bool,
    set_aside_bad: bool = False,
) -> pd.DataFrame:
    """Return the empty frame of the partitions :func:`read_text_file` makes (Dask's ``meta``): the *schema*'s
    columns, *text_column* as ``object`` when it is in *stringify*, and with *locate*, the columns that say where
    each row is, what of it did not decode cleanly, and each JSONL column of numbers or of mixed types as read;
    with *set_aside_bad*, the :data:`BAD_COLUMN`."""
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
    if set_aside_bad:
        meta[BAD_COLUMN] = pd.Series([], dtype=object)
    return meta
