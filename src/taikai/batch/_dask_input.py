"""Read the Dask engine's input: the files a directory or glob names, as one Dask DataFrame with its Arrow schema.

Parquet is read by Dask itself (a column of bytes as the text each value holds in UTF-8, as the local engine reads
it); each CSV, TSV or JSONL file becomes one partition, read with taikai's own reader, so that the Dask engine
accepts and refuses the same files as the local one. A JSONL text cell that is not text (an object, a list, a
number) reaches the model as it is, so that its row says ``not text: ...`` as in a local run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa

import taikai.io as tio
from taikai._masked_messages import errors_masked
from taikai.batch._dask_arguments import check_client, check_pattern, text_label
from taikai.batch._dask_cells import RAW_PREFIX, raw_columns, unheld
from taikai.batch._dask_held import READ_ROWS, HeldFile, held_chunks
from taikai.batch._dask_jsonl import input_types
from taikai.batch._dask_listing import InputFiles, input_files, open_listed
from taikai.batch._dask_parquet import (
    byte_columns,
    check_alike,
    file_types,
    hive_keys,
    index_stored,
    pandas_types,
    parquet_field,
    read_file_by_file,
    texts_of_bytes,
    undictionaried,
)
from taikai.errors import ENCODING, ON_BAD_LINES, InputError, check_bool
from taikai.io import OutputSpec

FILE_COLUMN = "__taikai_file"
"""With ``locate``, the index (in :func:`input_files` order) of the file each row comes from (never written)."""
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


def first_reader(
    files: list[Path], fmt: str, encoding: str | None = None, errors: str = "strict", *, warn: bool = False
) -> tio.Reader:
    """Return the reader of the first of the CSV, TSV or JSONL *files*, having read no row: its columns (which
    every other file must have) are checked before a cluster starts; what the header says (unnamed columns) is said
    with *warn*, else by :func:`read_input`, once."""
    return tio.open_reader(files[0], fmt, encoding, None, errors, warn=warn)


def input_header(
    pattern: str | Path, input_format: str | None = None, encoding: str | None = None, encoding_errors: str = "strict"
) -> list[str]:
    """Return the names of the columns of the input the Dask engine reads from *pattern* (a file, a directory or a
    glob), reading no row: the Parquet schema's (with hive keys), or the header of the first CSV/TSV/JSONL file."""
    check_pattern("pattern", pattern)
    found = input_files(pattern, input_format)
    found.warn_skipped(pattern)
    if found.format == "parquet":
        return list(read_files(pattern, found)[1].names)
    return first_reader(found.files, found.format, encoding, encoding_errors).columns


def _read_text_file(
    path: Path,
    index: int,
    held: HeldFile | None,
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
    they were held (see :mod:`taikai.batch._dask_held`), else ``None``: the file is read.
    """
    if held is not None:  # read for its types, and held: not read again
        chunks = held_chunks(held, schema.names)
    else:
        chunks = open_listed(path, fmt, encoding, schema.names, errors, first).chunks(READ_ROWS)
    kept = raw_columns(fmt, schema, stringify, text_column) if locate else {}
    as_read: dict[str, list[Any]] = {name: [] for name in kept.values()}
    spec, tables, rows = OutputSpec("parquet", tuple(schema.names), schema=schema, stringify=stringify), [], 0
    text = schema.names.index(text_column) if text_column in stringify else None
    raw: dict[int, object] = {}  # row -> a text cell that is not text
    lines: list[int] = []
    notes: dict[int, tio.DecodeNote] = {}
    blank = 0
    for chunk in chunks:
        if chunk.bad:
            changed = chunk.bad[0].error.startswith("unknown key(s)")  # not when the files were read for their keys
            raise tio.bad_line_error(
                path,
                chunk.bad[0],
                "the file changed during the run: run again once the files are written"
                if changed
                else "the Dask engine stops at such lines: fix them, or run the local engine with "
                f"{ON_BAD_LINES.either(['report'])} to set them aside",
                mask_pii,
            )
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
        frame = frame.assign(**_note_columns(notes, rows, frame.index))
        blanks = np.zeros(rows, dtype="int64")
        blanks[:1] = blank  # on the first row, if any
        frame[BLANK_COLUMN] = pd.Series(blanks, index=frame.index)
        for name, cells in as_read.items():
            frame[RAW_PREFIX + name] = pd.Series(cells, index=frame.index, dtype=object)
    return frame


def _note_columns(notes: dict[int, tio.DecodeNote], rows: int, index: pd.Index) -> dict[str, pd.Series]:
    """Return the :data:`NOTE_COLUMNS` of a file of *rows* rows whose rows *notes* did not decode cleanly."""
    replaced, private = np.zeros(rows, dtype="int64"), np.zeros(rows, dtype="int64")
    encodings: list[str | None] = [None] * rows
    for i, note in notes.items():
        replaced[i], private[i], encodings[i] = note.replaced, note.private_use, note.encoding
    return {
        UNDECODABLE_COLUMN: pd.Series(replaced, index=index),
        PRIVATE_USE_COLUMN: pd.Series(private, index=index),
        ENCODING_COLUMN: pd.Series(encodings, index=index, dtype=pd.ArrowDtype(pa.string())),
    }


@errors_masked
def read_input(
    pattern: str | Path,
    input_format: str | None = None,
    encoding: str | None = None,
    text_column: str | None = None,
    locate: bool = False,
    client: Any = None,
    mask_pii: bool = False,
    encoding_errors: str = "strict",
) -> tuple[dd.DataFrame, pa.Schema]:
    """Return the input as a Dask DataFrame (one partition per text file) and the Arrow schema of its columns.

    File-manager litter in a folder or glob (``Thumbs.db``, ``.DS_Store``, Office's ``~$NAME`` lock files,
    ``.ipynb_checkpoints``) is not read, and a :class:`~taikai.errors.DataWarning` names it.

    JSONL files are read first, in parallel (on the workers of the distributed *client* if given), for their keys
    (the first file's are read once, before) and their columns' types: the columns are the first file's keys, then
    those later files add; a column keeps one type over all files, ints and floats make floats, any other mix is
    text, as in a local run. With a *client*, and an input of at most a quarter of its workers' memory, each file's
    chunks stay where they were read, and its partition is made of them: each file is read once (a larger input is
    read again, file by file, see :mod:`taikai.batch._dask_held`). In JSONL, *text_column* is text in the schema,
    whatever its cells hold; its cells that are not text keep their value (see
    :func:`_read_text_file`). With *locate*, CSV, TSV and JSONL partitions also hold :data:`FILE_COLUMN`,
    :data:`LINE_COLUMN`, the :data:`NOTE_COLUMNS`, :data:`BLANK_COLUMN` and a column :data:`RAW_PREFIX` + NAME for
    each JSONL column of numbers or of mixed types (not in the schema). With *mask_pii*, the error for a malformed
    record shows its text masked. *encoding_errors* (``strict`` or ``replace``) is read as by the local engine:
    ``replace`` reads undecodable bytes as U+FFFD. A Parquet column of bytes holds the text each value is in UTF-8
    (a value that is not stays bytes), as the local engine reads it; the schema keeps its type, which Parquet parts
    write it back as. A *text_column* that is no column label (``TypeError``) or not a column of the files
    (:class:`~taikai.errors.InputError`, naming those there are) is refused before any file is read whole; one that
    no record of the first JSONL file has, once every file's keys are read (a later file's key is a column too).
    """
    locate, mask_pii = check_bool("locate", locate), check_bool("mask_pii", mask_pii)
    check_pattern("pattern", pattern)
    check_client(client)
    found = input_files(pattern, input_format)
    found.warn_skipped(pattern)
    return read_files(pattern, found, encoding, text_column, locate, client, mask_pii, encoding_errors)


def read_files(
    pattern: str | Path,
    found: InputFiles,
    encoding: str | None = None,
    text_column: str | None = None,
    locate: bool = False,
    client: Any = None,
    mask_pii: bool = False,
    encoding_errors: str = "strict",
    check_added: Callable[[Path, list[str]], None] | None = None,
    first: tio.Reader | None = None,
    held_futures: list[Any] | None = None,
) -> tuple[dd.DataFrame, pa.Schema]:
    """Read the files *found* of *pattern* (see :func:`input_files`) as :func:`read_input` does (the arguments are
    its own, checked); *check_added* is called with each JSONL file whose records add keys to the first file's, and
    them (see :func:`~taikai.batch._dask_jsonl.input_types`); *first* is the reader of the first CSV, TSV or JSONL
    file made before (:func:`first_reader` with ``warn``), else it is made here. *held_futures*: a list that gets the
    futures of the JSONL files' held chunks, if any (to release once the partitions are last computed, see
    :func:`~taikai.batch._dask_held.release_held`; else they go with the frame)."""
    files, fmt = found.files, found.format
    if fmt == "parquet":
        if encoding:
            raise InputError(f"{pattern}: {ENCODING} applies to CSV, TSV and JSONL input, not to parquet; leave it out")
        # the files listed, not the folder: Dask would read its litter too (hive keys are read from the paths)
        types = file_types(files)  # each file's own types (string stays string), as the local batch keeps them
        check_alike(files, types, found.base)
        if hive_keys(files, found.base) or index_stored(files):  # keys as written (text); an index as columns
            ddf = read_file_by_file(files, found.base)
        else:
            base = {"partition_base_dir": str(found.base)}
            ddf = dd.read_parquet([str(f) for f in files], dtype_backend="pyarrow", index=False, dataset=base)
        framed = pa.Schema.from_pandas(ddf._meta, preserve_index=False)  # hive keys from the frame
        text_label(list(ddf.columns), text_column, pattern)
        fields = [parquet_field(c, types[c]) if c in types else framed.field(c) for c in ddf.columns]
        schema = pa.schema(fields, metadata=pandas_types(files))  # the pandas types the files agree on
        ddf = undictionaried(ddf, schema, types)  # a category in some files only: its values' type in all
        if columns := byte_columns(schema):  # text without Parquet's UTF-8 mark: read as the local engine reads it
            ddf = ddf.map_partitions(texts_of_bytes, columns, meta=texts_of_bytes(ddf._meta, columns))
        return ddf, schema
    if first is None:  # says what its header holds, once
        first = first_reader(files, fmt, encoding, encoding_errors, warn=True)
    later = (
        fmt == "jsonl" and len(files) > 1 and type(text_column) in (str, int) and str(text_column) not in first.columns
    )
    if not later:  # before JSONL's types are read
        text_column = text_label(first.columns, text_column, found.first(pattern), first)
    schema, stringify = pa.schema([(c, pa.string()) for c in first.columns]), frozenset[str]()
    held: list[Any] | None = None  # JSONL: each file's chunks, held where read for their types
    if fmt == "jsonl":
        schema, stringify, held = input_types(files, fmt, encoding, client, encoding_errors, check_added, first.columns)
        if later:  # a key of a later file (or of none)
            text_column = text_label(schema.names, text_column, pattern if len(files) > 1 else files[0], first)
        if text_column is not None and text_column in schema.names:  # any cell may be an object or a number
            schema = schema.set(schema.get_field_index(text_column), pa.field(text_column, pa.string()))
            stringify |= {text_column}
    if held_futures is not None:
        held_futures += held or []
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    if text_column in stringify:  # the cells themselves, as the local engine's model reads them
        meta[text_column] = pd.Series([], dtype=object)
    if locate:
        meta[FILE_COLUMN] = pd.Series([], dtype="int32")
        meta[LINE_COLUMN] = pd.Series([], dtype="Int64")
        meta = meta.assign(**_note_columns({}, 0, meta.index))
        meta[BLANK_COLUMN] = pd.Series([], dtype="int64")
        for name in raw_columns(fmt, schema, stringify, text_column).values():
            meta[RAW_PREFIX + name] = pd.Series([], dtype=object)
    with dask.config.set({"dataframe.convert-string": False}):  # else Dask makes the object text column str()
        ddf = dd.from_map(
            _read_text_file,
            files,
            range(len(files)),
            held or [None] * len(files),
            fmt=fmt,
            encoding=encoding,
            schema=schema,
            stringify=stringify,
            text_column=text_column,
            locate=locate,
            mask_pii=mask_pii,
            errors=encoding_errors,
            first=str(files[0]),
            meta=meta,
            enforce_metadata=False,
        )
    return ddf, schema
