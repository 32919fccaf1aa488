"""The columns and types of the Dask engine's JSONL input over all its files: each file is read whole for its keys and
their types, as one Dask task (the first file's keys, read before, are not read again), and they are merged as the
local engine merges the records of one file (the keys in the order they first come, one type per column)."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dask
import pyarrow as pa

import taikai.io as tio
from taikai.batch._dask_held import READ_ROWS, HeldChunk, HeldFile, held_chunk, holds
from taikai.batch._dask_kept import chunks_as_listed

_EXACT = 2**53
"""The ints a float holds exactly are those from -_EXACT to _EXACT (Arrow refuses to make a float of any other)."""


def _scan_types(
    path: Path,
    fmt: str,
    encoding: str | None,
    errors: str = "strict",
    keys: list[str] | None = None,
    hold: bool = False,
    size: int | None = None,
) -> tuple[list[str], list[pa.DataType | None], list[bool], HeldFile | None]:
    """Return the keys of one JSONL file's records (*keys*, when read already), the type of each (see
    :func:`taikai.io.column_kinds`), read whole, whether it holds an int that a float cannot hold exactly, and with
    *hold* its chunks as read (:func:`~taikai.batch._dask_held.held_chunk`), else ``None``; no byte from *size* on
    is read (the file's size as the run started: :func:`~taikai.batch._dask_kept.chunks_as_listed`).

    A line that cannot be read is passed over here: the reading pass stops at it with its file and line (a file with
    one is not held: it is read again, to stop there).
    """
    reader = tio.open_reader(path, fmt, encoding, None, errors, warn=False, keys=keys)
    wide = [False] * len(reader.columns)
    held: list[HeldChunk] | None = [] if hold else None

    def seen(chunks: Iterator[tio.Chunk]) -> Iterator[list[list[Any]]]:
        nonlocal held
        for chunk in chunks:
            if chunk.bad:
                held = None
            elif held is not None:
                held.append(held_chunk(chunk))
            for start in range(0, chunk.rows, tio.SCAN_ROWS):  # the types of as many rows at a time as unheld
                data = [values[start : start + tio.SCAN_ROWS] for values in chunk.data]
                for j, values in enumerate(data):
                    wide[j] = wide[j] or any(type(v) is int and not -_EXACT <= v <= _EXACT for v in values)
                yield data

    chunks = chunks_as_listed(reader, READ_ROWS if hold else tio.SCAN_ROWS, size)
    kinds = tio.column_kinds(len(reader.columns), seen(chunks))
    return reader.columns, kinds, wide, None if held is None else HeldFile(reader.columns, held)


def input_types(
    files: list[Path],
    fmt: str,
    encoding: str | None,
    client: Any,
    errors: str = "strict",
    check_added: Callable[[Path, list[str]], None] | None = None,
    first_keys: list[str] | None = None,
    sizes: list[int] | None = None,
) -> tuple[pa.Schema, frozenset[str], list[Any] | None]:
    """Return the schema of all JSONL *files* and the columns to write as text, by the local engine's rule
    (:func:`taikai.io.kinds_schema`): each file is read for its keys and types as one task, on the workers of
    *client* if given (else Dask's default scheduler), and they are merged here. The columns are the first file's
    keys, then those a later file adds, in the order they come, as when the local engine reads the files' records
    one after the other (a file without a key holds nulls there); *check_added* is called with each file that adds
    keys, and them, before any is taken (to refuse one the output has). Ints in one file and floats in another make
    floats, unless a float cannot hold one of the ints: the column is text then, as when the local engine reads them
    together (it writes the int as read, not rounded). *first_keys*: the first file's keys, read already (by
    :func:`~taikai.batch._dask_input.first_reader`): that file is not read for them again. Last, with a *client*,
    when :func:`~taikai.batch._dask_held.holds` says so, the futures of each file's chunks as read, held on the
    workers for its partition (see :mod:`taikai.batch._dask_held`); else ``None``. *sizes*: each file's bytes as the
    run started, the most read of it (``None``: to its end)."""
    hold, keys = holds(files, client), [first_keys, *[None] * (len(files) - 1)]
    ends: list[int | None] = [*sizes] if sizes else [None] * len(files)
    scan = dask.delayed(_scan_types, pure=False)
    tasks = [scan(p, fmt, encoding, errors, k, hold, n) for p, k, n in zip(files, keys, ends, strict=True)]
    held: list[Any] | None = None
    if client is None:
        found = [scanned[:3] for scanned in dask.compute(*tasks)]
    else:  # the types come here, the chunks stay on the workers
        futures = client.compute(tasks)
        found = client.gather([client.submit(operator.itemgetter(slice(3)), f, pure=False) for f in futures])
        held = [client.submit(operator.itemgetter(3), f, pure=False) for f in futures] if hold else None
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
    return (*tio.kinds_schema(names, kinds, {}), held)
