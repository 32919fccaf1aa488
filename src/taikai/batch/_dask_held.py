"""The Dask engine's JSONL files read once: the pass that reads a file for its columns' types (on a worker) keeps its
chunks there, each column compact (an Arrow array, where it gives every value back as read; else the values as
read), and the file's partition is made of them instead of a second read of the file. Only while the input is small
beside the workers' memory (:func:`holds`): every file is read for its types before any partition is made, so that
the files' chunks are all held at once; a larger input is read again, file by file, as it is classified."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa

import taikai.io as tio

READ_ROWS = 50_000
"""The rows of a CSV, TSV or JSONL file read at a time into its partition (held so with :func:`held_chunk`)."""
HELD_SHARE = 4
"""The input is held when its files' bytes are at most the workers' memory over this."""

_ARROW_KINDS = ({str}, {int}, {float}, {bool})
"""The one type of the values of a column that an Arrow array gives back as read (``to_pylist``); a mix (an int
among floats, which Arrow makes ``1.0``), objects and lists are kept as read."""


@dataclass(frozen=True)
class HeldChunk:
    """One chunk of a file as read (its rows, bad and blank lines, lines and notes), its columns compact."""

    chunk: tio.Chunk
    columns: list[pa.Array | list[Any]]


def held_chunk(chunk: tio.Chunk) -> HeldChunk:
    """Return *chunk* to hold, each of its columns an Arrow array where that gives its values back as read."""
    columns: list[pa.Array | list[Any]] = []
    for values in chunk.data:
        kinds = set(map(type, values)) - {type(None)}
        array = None
        if kinds in _ARROW_KINDS:
            try:
                array = pa.array(values)
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):  # an int beyond 64 bits
                array = None
        columns.append(array if isinstance(array, pa.Array) else values)
    return HeldChunk(replace(chunk, data=[]), columns)


@dataclass(frozen=True)
class HeldFile:
    """The chunks of one file as read (:func:`held_chunk`), in its own keys (JSONL)."""

    keys: list[str]
    chunks: list[HeldChunk]


def held_chunks(held: HeldFile, names: list[str]) -> Iterator[tio.Chunk]:
    """Yield the chunks *held*, each with its values as read, in the columns *names* (every file's keys, among them
    those of the file: a key the file lacks is null in every row, as when the file is read with *names*)."""
    where = {key: j for j, key in enumerate(held.keys)}
    for one in held.chunks:
        data = [one.columns[where[n]] if n in where else [None] * one.chunk.rows for n in names]
        yield replace(one.chunk, data=[c.to_pylist() if isinstance(c, pa.Array) else c for c in data])


def holds(files: list[Path], client: Any) -> bool:
    """Say whether JSONL *files* are held on the workers of the distributed *client* (``None``: never) between the
    pass that reads them for their types and their partitions: when their bytes are at most the workers' memory
    over :data:`HELD_SHARE` (a worker without a memory limit counts for none: its memory is not known)."""
    if client is None:
        return False
    workers = client.scheduler_info().get("workers", {}).values()
    memory = sum(int(w.get("memory_limit") or 0) for w in workers)
    return sum(path.stat().st_size for path in files) * HELD_SHARE <= memory


def release_held(*lists: list[Any]) -> None:
    """Release the futures of *lists* (those of files' held chunks, of :func:`~taikai.batch._dask_jsonl.input_types`,
    or any others) and empty each list: each file's chunks are freed on their worker once the partition made of them
    is (at once, if it is made already), not at the run's end. Only once the scheduler knows the tasks that read them
    (one of the run's results came, or the run is over): released before, they would be lost to those tasks."""
    for futures in lists:
        for future in futures:
            with suppress(Exception):  # a client closing or gone: its cluster frees them as it closes
                future.release()
        futures.clear()
