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
import pyarrow as pa

import taikai.io as tio
from taikai._masked_messages import errors_masked
from taikai.batch._dask_arguments import check_client, check_pattern, text_label
from taikai.batch._dask_jsonl import input_types
from taikai.batch._dask_listing import InputFiles, input_files, said_as_given
from taikai.batch._dask_parquet import (
    byte_columns,
    check_alike,
    check_no_header_rows,
    check_no_views,
    file_types,
    hive_keys,
    index_stored,
    pandas_types,
    parquet_field,
    read_file_by_file,
    texts_of_bytes,
    undictionaried,
)
from taikai.batch._dask_text_files import read_text_file, text_meta
from taikai.errors import ENCODING, InputError, check_bool


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
    :func:`~taikai.batch._dask_text_files.read_text_file`). With *locate*, CSV, TSV and JSONL partitions also hold
    the columns that locate each row (``FILE_COLUMN``, ``LINE_COLUMN`` of :mod:`taikai.batch._dask_text_files`, the
    ``NOTE_COLUMNS``, ``BLANK_COLUMN``) and a column :data:`~taikai.batch._dask_cells.RAW_PREFIX` + NAME for each
    JSONL column of numbers or of mixed types (not in the schema). With *mask_pii*, the error for a malformed
    record shows its text masked. *encoding_errors* (``strict`` or ``replace``) is read as by the local engine:
    ``replace`` reads undecodable bytes as U+FFFD. A Parquet column of bytes holds the text each value is in UTF-8
    (a value that is not stays bytes), as the local engine reads it; the schema keeps its type, which Parquet parts
    write it back as. A *text_column* that is no column label (``TypeError``) or not a column of the files
    (:class:`~taikai.errors.InputError`, naming those there are) is refused before any file is read whole; one that
    no record of the first JSONL file has, once every file's keys are read (a later file's key is a column too).
    """
    locate = check_bool("locate", locate)
    mask_pii = check_bool("mask_pii", mask_pii)
    check_pattern("pattern", pattern)
    check_client(client)
    with said_as_given(pattern):  # an error of reading the frame's rows later names the absolute path its reader opens
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
    sizes: list[int] | None = None,
    set_aside_bad: bool = False,
) -> tuple[dd.DataFrame, pa.Schema]:
    """Read the files *found* of *pattern* (see :func:`input_files`) as :func:`read_input` does (the arguments are
    its own, checked); *check_added* is called with each JSONL file whose records add keys to the first file's, and
    them (see :func:`~taikai.batch._dask_jsonl.input_types`); *first* is the reader of the first CSV, TSV or JSONL
    file made before (:func:`first_reader` with ``warn``), else it is made here. *held_futures*: a list that gets the
    futures of the JSONL files' held chunks, if any (to release once the partitions are last computed, see
    :func:`~taikai.batch._dask_held.release_held`; else they go with the frame). *sizes*: each CSV, TSV or JSONL
    file's bytes as the run started, read no further (``None``: each to its end as a worker opens it).
    *set_aside_bad* (``on_bad_lines="report"``): CSV, TSV and JSONL partitions hold their files' malformed records
    in a column of their own (:data:`~taikai.batch._dask_text_files.BAD_COLUMN`) instead of stopping at them."""
    files, fmt = found.files, found.format
    if fmt == "parquet":
        if encoding:
            raise InputError(f"{pattern}: {ENCODING} applies to CSV, TSV and JSONL input, not to parquet; leave it out")
        # the files listed, not the folder: Dask would read its litter too (hive keys are read from the paths)
        types = file_types(files)  # each file's own types (string stays string), as the local batch keeps them
        check_alike(files, types, found.base)
        check_no_views(types)
        check_no_header_rows(files, mask_pii)  # a row repeating the header: a bad record, as the local engine's
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
    schema = pa.schema([(c, pa.string()) for c in first.columns])
    stringify = frozenset[str]()
    held: list[Any] | None = None  # JSONL: each file's chunks, held where read for their types
    if fmt == "jsonl":
        schema, stringify, held = input_types(
            files, fmt, encoding, client, encoding_errors, check_added, first.columns, sizes
        )
        if later:  # a key of a later file (or of none)
            text_column = text_label(schema.names, text_column, pattern if len(files) > 1 else files[0], first)
        if text_column is not None and text_column in schema.names:  # any cell may be an object or a number
            schema = schema.set(schema.get_field_index(text_column), pa.field(text_column, pa.string()))
            stringify |= {text_column}
    if held_futures is not None:
        held_futures += held or []
    meta = text_meta(fmt, schema, stringify, text_column, locate, set_aside_bad)
    with dask.config.set({"dataframe.convert-string": False}):  # else Dask makes the object text column str()
        ddf = dd.from_map(
            read_text_file,
            files,
            range(len(files)),
            held or [None] * len(files),
            [*sizes] if sizes else [None] * len(files),
            fmt=fmt,
            encoding=encoding,
            schema=schema,
            stringify=stringify,
            text_column=text_column,
            locate=locate,
            mask_pii=mask_pii,
            errors=encoding_errors,
            first=str(files[0]),
            set_aside_bad=set_aside_bad,
            meta=meta,
            enforce_metadata=False,
        )
    return ddf, schema
