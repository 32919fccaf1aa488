"""The pandas types a Parquet output names for its columns (its ``pandas`` metadata), so that ``pd.read_parquet``
reads back what batch was given: a column of whole numbers with a missing value stays whole numbers (pandas'
nullable ``Int64``), not the floats pandas makes of a Parquet column of ints without that metadata (an id 1 read
back ``1.0``), and a column of booleans with a missing value stays booleans (``boolean``), not Python objects.

An input column whose pandas type its Parquet input named (``Int64``, ``string``, ``category``, a time zone) keeps
that type; every other column of ints or booleans is named nullable, whether or not it holds a missing value, so
that every part of a Dask output and every run of one input read back with one dtype. A column taikai fills in
every row (the Dask engine's ``row`` numbers) keeps its own type (``int64``), as CSV and JSONL parts read back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

PANDAS_KEY = b"pandas"
"""The key of an Arrow schema's metadata under which pandas and Arrow keep the pandas types of its columns."""


def column_entries(schema: pa.Schema) -> dict[str, dict[str, Any]]:
    """Return the pandas metadata entry of each column of *schema* (a Parquet input's) that it names by its own
    field name (not an index level pandas stored as a column): the pandas type the column was written from."""
    found = schema.pandas_metadata or {}
    entries = found.get("columns") if isinstance(found, dict) else None
    return {
        entry["field_name"]: entry
        for entry in entries or []
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry.get("field_name") == entry["name"]
    }


def agreed_entries(schemas: Iterable[pa.Schema]) -> dict[str, dict[str, Any]]:
    """Return the :func:`column_entries` on which every one of *schemas* that holds the column agrees (several
    Parquet files read as one input): a column of ``int64`` in one file and ``Int64`` in another has none."""
    agreed: dict[str, dict[str, Any] | None] = {}
    for schema in schemas:
        entries = column_entries(schema)
        for name in schema.names:
            entry = entries.get(name)
            agreed[name] = entry if agreed.get(name, entry) == entry else None
    return {name: entry for name, entry in agreed.items() if entry is not None}


def with_pandas_types(
    schema: pa.Schema, given: dict[str, dict[str, Any]] | None = None, *, filled: Iterable[str] = ()
) -> pa.Schema:
    """Return *schema* with pandas metadata naming each column's pandas type: the entry *given* for it (by default
    the :func:`column_entries` of *schema*'s own metadata: the Parquet input's), else pandas' nullable ``Int64``
    (``UInt8``, …) for ints and ``boolean`` for booleans, except in the columns *filled* (never missing, such as the
    Dask engine's row numbers), else the type pandas reads the column as anyway. No index is named: the frame read
    back is numbered 0, 1, 2, …."""
    import pyarrow as pa

    entries = column_entries(schema) if given is None else given
    frame = schema.empty_table().to_pandas(ignore_metadata=True)
    kept = set(entries) | set(filled)
    nullable = {
        f.name: _nullable(f.type)
        for f in schema
        if f.name not in kept and (pa.types.is_integer(f.type) or pa.types.is_boolean(f.type))
    }
    frame = frame.astype(nullable)
    made = pa.Schema.from_pandas(frame, preserve_index=False).pandas_metadata
    made["columns"] = [entries.get(entry["field_name"], entry) for entry in made["columns"]]
    metadata = {**(schema.metadata or {}), PANDAS_KEY: json.dumps(made).encode()}
    return schema.with_metadata(metadata)


def _nullable(kind: pa.DataType) -> str:
    """Return the name of pandas' nullable type for the Arrow ints or booleans *kind* (``int64``: ``Int64``)."""
    return "boolean" if str(kind) == "bool" else str(kind).capitalize().replace("Uint", "UInt")
