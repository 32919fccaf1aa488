"""The types of the Dask engine's Parquet input: each column's, over files that may disagree, as one output field."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from taikai.errors import InputError


def file_types(files: list[Path]) -> dict[str, dict[Path, pa.DataType]]:
    """Return the type of each column in each Parquet file that has it."""
    found: dict[str, dict[Path, pa.DataType]] = {}
    for path in files:
        for f in pq.read_schema(path):
            found.setdefault(f.name, {})[path] = f.type
    return found


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
