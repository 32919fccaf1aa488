"""The columns and types of the Dask engine's JSONL input over all its files: each file is read whole for its keys and
their types, as one Dask task (the first file's keys, read before, are not read again), and they are merged as the
local engine merges the records of one file (the keys in the order they first come, one type per column)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dask
import pyarrow as pa

import taikai.io as tio

_EXACT = 2**53
"""The ints a float holds exactly are those from -_EXACT to _EXACT (Arrow refuses to make a float of any other)."""


def _scan_types(
    path: Path, fmt: str, encoding: str | None, errors: str = "strict", keys: list[str] | None = None
) -> tuple[list[str], list[pa.DataType | None], list[bool]]:
    """Return the keys of one JSONL file's records (*keys*, when read already), the type of each (see
    :func:`taikai.io.column_kinds`), read whole, and whether it holds an int that a float cannot hold exactly.

    A line that cannot be read is passed over here: the reading pass stops at it with its file and line.
    """
    reader = tio.open_reader(path, fmt, encoding, None, errors, warn=False, keys=keys)
    wide = [False] * len(reader.columns)

    def seen(chunks: Any) -> Any:
        for data in chunks:
            for j, values in enumerate(data):
                wide[j] = wide[j] or any(type(v) is int and not -_EXACT <= v <= _EXACT for v in values)
            yield data

    kinds = tio.column_kinds(len(reader.columns), seen(c.data for c in reader.chunks(tio.SCAN_ROWS)))
    return reader.columns, kinds, wide


def input_types(
    files: list[Path],
    fmt: str,
    encoding: str | None,
    client: Any,
    errors: str = "strict",
    check_added: Callable[[Path, list[str]], None] | None = None,
    first_keys: list[str] | None = None,
) -> tuple[pa.Schema, frozenset[str]]:
    """Return the schema of all JSONL *files* and the columns to write as text, by the local engine's rule
    (:func:`taikai.io.kinds_schema`): each file is read for its keys and types as one task, on the workers of
    *client* if given (else Dask's default scheduler), and they are merged here. The columns are the first file's
    keys, then those a later file adds, in the order they come, as when the local engine reads the files' records
    one after the other (a file without a key holds nulls there); *check_added* is called with each file that adds
    keys, and them, before any is taken (to refuse one the output has). Ints in one file and floats in another make
    floats, unless a float cannot hold one of the ints: the column is text then, as when the local engine reads them
    together (it writes the int as read, not rounded). *first_keys*: the first file's keys, read already (by
    :func:`~taikai.batch._dask_input.first_reader`): that file is not read for them again."""
    keys = [first_keys, *[None] * (len(files) - 1)]
    tasks = [dask.delayed(_scan_types, pure=False)(p, fmt, encoding, errors, k) for p, k in zip(files, keys)]
    found: list[tuple[list[str], list[pa.DataType | None], list[bool]]] = (
        client.gather(client.compute(tasks)) if client is not None else list(dask.compute(*tasks))
    )
    names: list[str] = []
    for path, (columns, _, _) in zip(files, found, strict=True):
        added = [c for c in columns if c not in names]
        if added and names and check_added is not None:
            check_added(path, added)
        names += added
    typed = [dict(zip(columns, zip(kinds, wide, strict=True), strict=True)) for columns, kinds, wide in found]
    merged: list[pa.DataType | None] = functools.reduce(
        lambda a, b: list(map(tio.merge_types, a, b)), [[t.get(c, (pa.null(), False))[0] for c in names] for t in typed]
    )
    wide = [any(t.get(c, (None, False))[1] for t in typed) for c in names]
    kinds = [None if w and k is not None and pa.types.is_floating(k) else k for k, w in zip(merged, wide, strict=True)]
    return tio.kinds_schema(names, kinds, {})
