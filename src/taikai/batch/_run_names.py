"""The first pass of a ``--mask-pii`` run: the names masking finds as persons in the whole input, so that the second
pass masks a name found in one row in every row, where it stands bare too (see :mod:`taikai.privacy`'s run names).

The names are collected again on every run, a ``--resume`` too (from the first row, not where the run stopped), and
never written to the work folder: they are personal data. Collected from the same rows (the first ``--limit`` N),
they are the same set, whatever ``--jobs`` or ``--chunk-size``: the output is byte-identical.

A ``--resume`` of an input that grew since the run was saved collects them per range in the same pass: the rows the
saved run read, and the rows appended. The rows saved were masked knowing only the names of the first: when the rows
appended bring a name they do not hold, the rows saved cannot be kept (a bare 小林 in one of them would stay bare),
and every row is classified again from the start (:func:`start_over`), as a fresh run of the grown input.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import taikai.io as tio
from taikai.batch._worker import Workers, held_job
from taikai.privacy import PiiMasker, RunNames

if TYPE_CHECKING:
    from taikai.batch._grown import Grown

_Names = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class FoundNames:
    """The names of a run's first pass: *names*, of all its rows; *new*, how many of them only the rows appended to
    an input that grew since the run was saved write (the rows saved were masked without them)."""

    names: RunNames
    new: int = 0


def chunk_names(texts: list[Any], read: int) -> _Names:
    """Return the names masking finds as persons in *texts* (one chunk's text column), in a worker or the parent:
    of its first *read* rows (those the saved run read), and of the rows after them."""
    masker = held_job().masker
    if masker is None:
        return frozenset(), frozenset()
    return masker.run_names(texts[:read]).names, masker.run_names(texts[read:]).names


def run_names(
    reader: Any,
    chunk_size: int,
    limit: int | None,
    text: int,
    pool: Workers | None,
    jobs: int,
    masker: PiiMasker,
    grown: Grown | None = None,
) -> FoundNames:
    """Read every row of *reader* (its first *limit*) and return the names masking finds as persons in column *text*,
    chunk by chunk in the *pool*'s workers (or in this process); *grown*: the input grew since the run was saved, and
    the names only the rows appended write are counted."""
    if not masker.names:
        return FoundNames(RunNames(()))
    read: set[str] = set()
    appended: set[str] = set()
    pending: list[Future[_Names]] = []
    for chunk in tio.first_rows(reader, chunk_size, limit):
        texts = chunk.data[text] if chunk.data else []
        before = len(texts) if grown is None else sum(1 for line in chunk.lines if line <= grown.lines)
        if pool is None:
            _add(chunk_names(texts, before), read, appended)
            continue
        pending.append(pool.submit(chunk_names, texts, before))
        if len(pending) >= 2 * jobs:
            _add(pending.pop(0).result(), read, appended)
    for future in pending:
        _add(future.result(), read, appended)
    return FoundNames(RunNames(read | appended), len(appended - read))


def _add(names: _Names, read: set[str], appended: set[str]) -> None:
    read.update(names[0])
    appended.update(names[1])


def start_over(output: Path, rows: int, new: int) -> str:
    """Return the warning of a resume of *output* whose *rows* rows saved cannot be kept: the rows appended to its
    input since bring *new* names masking found as persons that the rows saved were masked without (counted, never
    named: they are personal data)."""
    persons, them = (f"{new:,} persons", "them") if new != 1 else ("1 person", "it")
    return (
        f"cannot keep the {rows:,} rows saved for {output}: the rows appended to the input since the saved run name "
        f"{persons} it did not name then, and a person's name is masked in every row that writes it (the rows saved "
        f"were masked without {them}); classifying every row again, from the start"
    )
