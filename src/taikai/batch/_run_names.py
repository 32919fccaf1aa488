"""The first pass of a ``--mask-pii`` run: the names masking finds as persons in the whole input, so that the second
pass masks a name found in one row in every row, where it stands bare too (see :mod:`taikai.privacy`'s run names).

The names are collected again on every run, a ``--resume`` too (from the first row, not where the run stopped), and
never written to the work folder: they are personal data. Collected from the same rows (the first ``--limit`` N),
they are the same set, whatever ``--jobs`` or ``--chunk-size``: the output is byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from typing import Any

import taikai.io as tio
from taikai.batch._worker import Workers, held_job
from taikai.privacy import PiiMasker, RunNames


def chunk_names(texts: list[Any]) -> frozenset[str]:
    """Return the names masking finds as persons in *texts* (one chunk's text column), in a worker or the parent."""
    masker = held_job().masker
    return masker.run_names(texts).names if masker is not None else frozenset()


def run_names(
    reader: Any, chunk_size: int, limit: int | None, text: int, pool: Workers | None, jobs: int, masker: PiiMasker
) -> RunNames:
    """Read every row of *reader* (its first *limit*) and return the names masking finds as persons in column *text*,
    chunk by chunk in the *pool*'s workers (or in this process)."""
    if not masker.names:
        return RunNames(())
    names: set[str] = set()
    pending: list[Future[frozenset[str]]] = []
    for chunk in tio.first_rows(reader, chunk_size, limit):
        texts = chunk.data[text] if chunk.data else []
        if pool is None:
            names.update(chunk_names(texts))
            continue
        pending.append(pool.submit(chunk_names, texts))
        if len(pending) >= 2 * jobs:
            names.update(pending.pop(0).result())
    names.update(_results(pending))
    return RunNames(names)


def _results(pending: Iterable[Future[frozenset[str]]]) -> set[str]:
    out: set[str] = set()
    for future in pending:
        out.update(future.result())
    return out
