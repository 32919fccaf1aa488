"""The types of the Dask engine's Parquet input: each column's, over files that may disagree, as one output field;
and its columns of bytes read as the text they hold, as the local engine reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dask.utils import natural_sort_key

import taikai.io as tio
from taikai.batch._dask_text_files import set_aside_locally
from taikai.errors import InputError
from taikai.io import PANDAS_KEY, agreed_entries, is_bytes, utf8_text

_PANDAS_INDEX = re.compile(r"__index_level_\d+__")
"""The name pandas gives a level of a frame's index, without a name of its own, that it writes as a column."""


def file_types(files: list[Path]) -> dict[str, dict[Path, pa.DataType]]:
    """Return the type of each column in each Parquet file that has it; a file whose footer cannot be read (cut
    short, damaged, not Parquet) is an :class:`InputError` naming it, as the local engine says it."""
    found: dict[str, dict[Path, pa.DataType]] = {}
    for path in files:
        try:
            schema = pq.read_schema(path)
        except (FileNotFoundError, PermissionError):
            raise
        except (pa.ArrowException, OSError) as exc:
            raise InputError(
                f"{path}: not a readable Parquet file ({' '.join(str(exc).split())}); write it again, or give the "
                "rows as CSV, TSV or JSONL"
            ) from exc
        for f in schema:
            found.setdefault(f.name, {})[path] = f.type
    return found


def check_alike(files: list[Path], types: dict[str, dict[Path, pa.DataType]], base: Path) -> None:
    """Refuse Parquet *files* (found below *base*) whose columns (*types*, of :func:`file_types`) differ, and a Hive
    key of their folders (``year=2024/``) that is also a column of theirs: Dask would drop a column the first file
    lacks from every file, stop at one a later file lacks, and cannot read a column from both the file and its
    folder's name."""
    for column, kinds in types.items():
        if len(kinds) < len(files):
            has, lacks = next(iter(kinds)), next(f for f in files if f not in kinds)
            do = "give every file the same columns (null where one has no value)"
            if _PANDAS_INDEX.fullmatch(column):  # no column the user made: pandas wrote a frame's index as one
                do = (
                    "it is the index pandas writes of a frame whose index is not 0, 1, 2, ... (a filtered one): write "
                    "the files with df.to_parquet(path, index=False)"
                )
            raise InputError(
                f"{lacks}: has no column {column!r}, which {has} has; the Dask engine reads Parquet files of one set "
                f"of columns (in any order): {do}, or classify the files apart"
            )
    for path in files:
        if key := next((k for k in _keys(path, base) if k in types), None):
            raise InputError(
                f"{path}: {key!r} is both a column of the file and a key of its folders' names ({key}=...); "
                "the Dask engine cannot read a column from both: rename the folders or the column (or drop it from "
                "the files), then run again"
            )


def check_no_views(types: dict[str, dict[Path, pa.DataType]]) -> None:
    """Refuse a column (*types*, of :func:`file_types`) of Arrow's ``string_view`` or ``binary_view`` (inside a list,
    map or struct too): Arrow cannot take rows of it (nor turn it into pandas inside a list), which Dask does to split
    the input into partitions, and the run stopped with a traceback once on the cluster. A ``list_view`` is read."""
    for column, kinds in types.items():
        for path, kind in kinds.items():
            if _has_view(kind):
                raise InputError(
                    f"{path}: the column {column!r} is {kind}, of an Arrow view type that the Dask engine cannot "
                    "split into partitions; classify the file with the local engine (taikai.classify_file, or "
                    "--engine local), which reads it, or write the column as plain string or binary (pyarrow: "
                    "table.cast(...)), then run again"
                )


def _has_view(kind: pa.DataType) -> bool:
    """Say whether *kind* is ``string_view`` or ``binary_view``, or holds one (in a list, map or struct, or as a
    dictionary's values)."""
    if pa.types.is_string_view(kind) or pa.types.is_binary_view(kind):
        return True
    if pa.types.is_dictionary(kind):
        return _has_view(kind.value_type)
    return any(_has_view(kind.field(i).type) for i in range(kind.num_fields))


def _key_values(path: Path, base: Path) -> list[tuple[str, str]]:
    """Return the Hive keys of the folders of *path* below *base*, each with its value as the folder's name writes
    it (``("year", "2024")`` of ``year=2024/``)."""
    return [
        (key, value) for key, _, value in (p.partition("=") for p in path.relative_to(base).parent.parts if "=" in p)
    ]


def _keys(path: Path, base: Path) -> list[str]:
    """Return the Hive keys of the folders of *path* below *base* (``year`` of ``year=2024/``)."""
    return [key for key, _ in _key_values(path, base)]


def hive_keys(files: list[Path], base: Path) -> list[str]:
    """Return the Hive keys of the folders of *files* below *base*, in the order first met."""
    return list(dict.fromkeys(k for path in files for k in _keys(path, base)))


def index_stored(files: list[Path]) -> bool:
    """Say whether a Parquet file of *files* holds a pandas index as columns (``__index_level_0__``, or a level's
    own name: ``df.to_parquet()`` of a frame whose index is not 0, 1, 2, ...). Dask reads them as pandas' metadata
    says, as an index it then drops (an unnamed level) or fails on (a named level beside an unstored one); the
    local engine reads them as the columns they are."""
    for path in files:
        pandas = pq.read_schema(path).pandas_metadata or {}
        if any(isinstance(column, str) for column in pandas.get("index_columns", ())):
            return True
    return False


def pandas_types(files: list[Path]) -> dict[bytes, bytes]:
    """Return the pandas metadata naming the pandas type of each column on which the Parquet *files* that hold it
    agree (``Int64``, ``string``, ``category``; see :func:`taikai.io.with_pandas_types`), for the output's schema."""
    entries = agreed_entries(pq.read_schema(path) for path in files)
    return {PANDAS_KEY: json.dumps({"columns": list(entries.values())}).encode()}


def read_file_by_file(files: list[Path], base: Path) -> dd.DataFrame:
    """Return the Parquet *files* below *base* as one partition per file in Dask's order, each file's columns as
    stored (in the first file's order), in its own types, as the local engine reads them: a pandas index stored as
    columns (:func:`index_stored`) stays columns; the types are merged later (see :func:`parquet_field`; Arrow's
    dataset reads every file with the first file's schema: a column whose type differs between files fails to
    cast, or is cast to text unsaid). Then a column of text for each Hive key of their folders
    (:func:`hive_keys`), its value as written in the folder's name (``month=01`` is ``'01'``, not the number 1;
    ``id=007`` keeps its zeros), since a key is a label; null where a file's folders lack the key."""
    keys = hive_keys(files, base)
    ordered = sorted(files, key=lambda path: natural_sort_key(str(path)))  # as Dask orders the files it reads
    first = pq.read_schema(ordered[0]).empty_table().to_pandas(types_mapper=_pandas_type, ignore_metadata=True)
    meta = first.assign(**{k: pd.Series([], dtype=_TEXT) for k in keys})
    return dd.from_map(_read_file, ordered, base=base, names=list(first.columns), keys=keys, meta=meta)


def _read_file(path: Path, base: Path, names: list[str], keys: list[str]) -> pd.DataFrame:
    """Return the columns *names* of the Parquet file *path*, in its own types, then the Hive *keys* of its folders
    below *base* (see :func:`read_below_hive_folders`)."""
    frame = pq.ParquetFile(path).read().to_pandas(types_mapper=_pandas_type, ignore_metadata=True)[names]
    values: dict[str, str | None] = {}
    for key, value in _key_values(path, base):
        values.setdefault(key, None if value == _HIVE_NULL else unquote(value))  # as Arrow reads the names
    return frame.assign(**{k: pd.Series(values.get(k), index=frame.index, dtype=_TEXT) for k in keys})


_TEXT = pd.StringDtype("pyarrow")
_HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
"""The value of a Hive key that is null (Hive's and Arrow's)."""


def _pandas_type(kind: pa.DataType) -> pd.api.extensions.ExtensionDtype:
    """Return the pandas type of a column of Arrow *kind*, as Dask reads Parquet with the ``pyarrow`` backend."""
    return _TEXT if kind in (pa.string(), pa.large_string()) else pd.ArrowDtype(kind)


def _as_text(kind: pa.DataType) -> bool:
    """Say whether Arrow casts *kind* to text (numbers, booleans, text, dates and times; not lists or structs)."""
    checks = (pa.types.is_integer, pa.types.is_floating, pa.types.is_boolean, pa.types.is_decimal)
    return any(check(kind) for check in (*checks, pa.types.is_string, pa.types.is_large_string, pa.types.is_temporal))


def parquet_field(column: str, kinds: dict[Path, pa.DataType]) -> pa.Field:
    """Return the output field of a Parquet *column* whose files hold *kinds*: their one type (files of the null
    type aside, int32 and int64 give int64), else text when every type casts to text (each row keeps its value:
    a number in the text column is ``not text``, as in a local run); else raise :class:`InputError` naming two
    files that disagree."""
    distinct = {k for k in kinds.values() if not pa.types.is_null(k)}
    if len(distinct) > 1 and any(map(pa.types.is_dictionary, distinct)):  # pandas' category in some files only
        return parquet_field(column, {p: _plain(k) for p, k in kinds.items()})
    if len(distinct) <= 1:
        return pa.field(column, distinct.pop() if distinct else pa.null())
    try:
        one = pa.unify_schemas([pa.schema([(column, k)]) for k in distinct], promote_options="permissive")
        return one.field(column)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    if all(map(_as_text, distinct)):
        return pa.field(column, pa.string())
    typed = [(path, kind) for path, kind in kinds.items() if not pa.types.is_null(kind)]
    (a_file, a_type), (b_file, b_type) = typed[0], next(t for t in typed if t[1] != typed[0][1])
    raise InputError(
        f"the column {column!r} is {a_type} in {a_file} but {b_type} in {b_file}; the Dask engine writes one "
        "type per column: make the column one type in every file (text, for instance) and run again"
    )


def _plain(kind: pa.DataType) -> pa.DataType:
    """Return the type of the values of a dictionary *kind* (pandas' ``category`` written to Parquet), else *kind*."""
    return kind.value_type if pa.types.is_dictionary(kind) else kind


def undictionaried(ddf: dd.DataFrame, schema: pa.Schema, types: dict[str, dict[Path, pa.DataType]]) -> dd.DataFrame:
    """Return *ddf* with each column of *schema* that some files (*types*, of :func:`file_types`) hold as a
    dictionary, and the schema does not, read as the schema's type in every partition."""
    dtypes = {
        f.name: pd.ArrowDtype(f.type)
        for f in schema
        if not pa.types.is_dictionary(f.type) and any(map(pa.types.is_dictionary, types.get(f.name, {}).values()))
    }
    return ddf.map_partitions(_as_dtypes, dtypes, meta=_as_dtypes(ddf._meta, dtypes)) if dtypes else ddf


def _as_dtypes(part: pd.DataFrame, dtypes: dict[str, pd.ArrowDtype]) -> pd.DataFrame:
    """Return *part* with its columns of *dtypes* cast to them."""
    return part.astype(dtypes)


def byte_columns(schema: pa.Schema) -> list[str]:
    """Return the columns of bytes of *schema*: a tool that writes text without Parquet's UTF-8 mark (older Hive,
    Impala) makes them."""
    return [f.name for f in schema if is_bytes(f.type)]


def texts_of_bytes(part: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return *part* with its byte *columns* (:func:`byte_columns`) as ``object`` columns of the text each value
    holds in UTF-8, or of the value where it is no UTF-8: so that the model classifies it, as in a local run (a
    Parquet part writes either back as the same bytes, in the column's own type)."""
    texts = {c: [utf8_text(v) for v in pa.array(part[c], from_pandas=True).to_pylist()] for c in columns}
    return part.assign(**{c: pd.Series(v, index=part.index, dtype=object) for c, v in texts.items()})


def check_no_header_rows(files: list[Path], mask_pii: bool = False) -> None:
    """Stop at the first row of the Parquet *files* that repeats its file's header (two exports joined, read with the
    second header as a row, then written), before any row is classified: as the local engine stops at it (its
    ``on_bad_lines="error"``; the Dask engine reads Parquet with Dask, and would classify the row, with the status
    ``error``), the error naming the file, the data row, and how to set it aside (*mask_pii*: its cells masked)."""
    for path in files:
        bad = tio.header_record(path)
        if bad is not None:
            raise tio.bad_line_error(path, bad, set_aside_locally(path), mask_pii)
