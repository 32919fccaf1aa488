"""The worker side of the local engine: the job each process holds, and one chunk classified and encoded.

The parent holds the job first, whatever the number of jobs; with ``--jobs N`` the workers are then forked with the
loaded model (spawned where fork is missing), with one job the parent runs :func:`run_chunk` itself.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Protocol

import taikai.io as tio
from taikai.batch._chunk import ChunkResult, chunk_result
from taikai.batch._heap import keep_freed_memory
from taikai.batch._shield import STOPS, Deferral, Shield
from taikai.io import DecodeNote, OutputSpec
from taikai.model import Model
from taikai.privacy import PiiMasker, RunNames
from taikai.rules import RuleMatcher, RulesMode
from taikai.text import CP932Folds


@dataclass(frozen=True)
class Job:
    """What each worker needs: the model, the compiled rules, where the text and id columns are, the PII masker."""

    model: Model
    text: int
    id: int | None
    source: str
    rules: RuleMatcher | None = None
    rules_mode: RulesMode = RulesMode.FLAG
    masker: PiiMasker | None = None


_held: dict[str, Job] = {}
_froze: dict[str, bool] = {}

STOP_EVERY = 1000
"""The most rows a worker classifies between two looks at the run's stop flag (:class:`Workers`): some 0.06 s of CPU
with the shipped model (a chunk cut so takes some 3 % more CPU to classify than in one piece; cut at 500 rows, 7 %)."""


class _Flag(Protocol):
    def is_set(self) -> bool: ...

    def set(self) -> None: ...


_stop: dict[str, _Flag] = {}


class Stopped(Exception):
    """A chunk a worker left unfinished: the run was stopping (:meth:`Workers.stop`); the parent reads none."""


class Workers(ProcessPoolExecutor):
    """The worker processes of a ``--jobs N`` run, and a flag they look at between small batches of rows
    (:data:`STOP_EVERY`): :meth:`stop` ends them within a fraction of a second, where waiting for each worker's
    chunk and the one queued behind it took seconds (more with a larger ``--chunk-size``: past a container's stop
    grace period). Killing the workers instead left the pool's thread that feeds them blocked writing a chunk to a
    pipe no process reads, and the process waited for it for ever."""

    def __init__(self, jobs: int, job: Job) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        self.stopping: _Flag = context.Event()
        super().__init__(jobs, context, initializer=init_worker, initargs=(job, self.stopping))

    def stop(self) -> None:
        """End the workers: a chunk running or queued is left unfinished (:class:`Stopped`), a chunk not yet sent is
        dropped, and this returns once every worker has ended. What the parent saved is not touched."""
        self.stopping.set()
        self.shutdown(wait=True, cancel_futures=True)


def hold(job: Job) -> None:
    """Keep *job* for :func:`run_chunk` in this process (a worker, or the parent with one job).

    What the process holds by then, the loaded model with it (some 130,000 objects the collector tracks, with the
    shipped model), is also moved out of the garbage collector's sight (``gc.freeze``) until :func:`release`:
    classifying makes many short-lived objects, and every collection of the oldest generation would walk them all
    again (about 4 % of the CPU time of a run). A process that froze objects itself is left as it is.

    The parent holds the job before it forks workers: a full collection in the parent would otherwise walk the
    model the workers share, and the kernel would copy each page it touched (some 12,000 with the shipped model: the
    parent's first chunk read after the fork took five times its CPU time, while the workers waited for it); the
    workers are forked with the model frozen and keep it so.

    The process's C heap is also set to keep the memory a chunk frees for the next (:func:`keep_freed_memory`:
    glibc gave it back, and faulted it in again for every chunk), for good: workers forked after inherit it.
    """
    _held["job"] = job
    keep_freed_memory()
    if not gc.get_freeze_count():
        gc.freeze()
        _froze["job"] = True


def release() -> None:
    """Forget the job held in this process; what :func:`hold` froze is collected as usual again."""
    _held.clear()
    if _froze.pop("job", False):
        gc.unfreeze()


def init_worker(job: Job, stopping: _Flag | None = None) -> None:
    """Keep the job (its model inherited by fork, or unpickled once) in this worker; leave Ctrl-C and SIGTERM to the
    parent, which stops the pool (a terminal's Ctrl-C, and ``timeout``'s SIGTERM, reach the whole process group)
    by setting *stopping* (:meth:`Workers.stop`), which :func:`run_chunk` looks at between small batches of rows.

    The worker also watches its parent: a parent killed outright (``kill -9``, the OOM killer) cannot stop its
    workers, which would otherwise wait for work forever, each holding a model in memory.
    """
    for stop in STOPS:
        signal.signal(stop, signal.SIG_IGN)
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True, name="taikai-parent").start()
    if stopping is not None:
        _stop["flag"] = stopping
    hold(job)
    warm(job)


WARM_TEXTS = tuple(
    f"手数料が上がって案件も減ったので、{n}件目の納品を最後に退会しました。報酬の振込も遅く、サポートに問い合わせても"
    "返事がありませんでした。単価が低すぎて時給に換算すると最低賃金にも届きません。今は別のサイトで仕事を探しています。"
    for n in range(1, 65)
)
"""What a worker classifies as it starts: as many texts as the model's fast word counting needs (64), and as many
words as its batch look-ups of word vectors do (some 6,000 with the shipped model: the lexicon and the float32
vectors are made from 4,096). Fewer words took the way of a few texts, a binary search per word that made nothing
the chunks use (some 0.03 CPU s), and left the tables to the first chunk."""


def warm(job: Job) -> None:
    """Make what the first chunk would otherwise make (the MeCab tagger, the model's look-up tables, the first
    calls' imports; some 0.05–0.09 CPU s with the shipped model), while the parent reads the first chunks.

    A failure here is the first chunk's too, and that chunk says so where the run reports errors: here it would
    break the pool (an initializer that raises), so it is let go.
    """
    texts = list(WARM_TEXTS)
    with contextlib.suppress(Exception):  # the first chunk meets the same error, and reports it
        if job.masker is not None:
            job.masker.mask_values(texts)
        job.model.classify(texts, job.rules, job.rules_mode)


def exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this process as soon as *parent* is no longer its parent (it died and the process was re-parented)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def held_job() -> Job:
    """Return the job this process holds (:func:`hold`)."""
    return _held["job"]


def run_chunk(
    spec: OutputSpec,
    index: int,
    data: list[list[Any]],
    row_start: int,
    notes: dict[int, DecodeNote] | None = None,
    lines: list[int] | None = None,
    names: RunNames | None = None,
) -> ChunkResult:
    """Classify one chunk and encode it; return the payload with the chunk's counts.

    *notes* name the rows whose bytes did not all decode cleanly: their message says so. *lines* are the input
    lines the rows start on (empty or ``None`` when the format has none): the summary names rows by them. *names*
    are the run's (:mod:`taikai.batch._run_names`): masked where a row writes them bare too.
    """
    job = _held["job"]
    masker = job.masker.knowing(names) if job.masker is not None and names else job.masker
    masks: dict[str, int] = {}
    columns: dict[str, list[Any]] = {}
    flag = _stop.get("flag")  # a worker's: the parent, running one job itself, is stopped by Ctrl-C at once
    texts, read = data[job.text], []
    step = STOP_EVERY if flag is not None else max(len(texts), 1)  # the same output: a row's features are its own
    for start in range(0, max(len(texts), 1), step):
        if flag is not None and flag.is_set():  # the run is stopping: the rest of this chunk is not read
            raise Stopped(f"chunk {index} left unfinished: the run was stopping")
        part = texts[start : start + step]
        if masker is not None:  # the masked texts are read by the rules and the model, and written
            part, counted = masker.mask_values(part)
            for kind, n in counted.items():
                masks[kind.value] = masks.get(kind.value, 0) + n
            read.extend(part)
        for name, values in job.model.classify(part, job.rules, job.rules_mode).columns().items():
            columns.setdefault(name, []).extend(values)
    if flag is not None and flag.is_set():  # nor encoded
        raise Stopped(f"chunk {index} left unfinished: the run was stopping")
    if job.masker is not None:
        data = list(data)
        data[job.text] = read
    if notes:
        messages = columns["message"] = list(columns["message"])
        for i, note in notes.items():
            messages[i] = f"{messages[i]}; {note.message()}" if messages[i] else note.message()
    out = [*data, *columns.values()]
    risks = None
    if spec.is_stream:
        payload, replaced, folds, risks = tio.encode_stream(spec, out, first=index == 1)
    else:
        payload, replaced, folds = tio.encode_table(spec, out, row_start, job.source), 0, CP932Folds()
        risks = _cut_cells(out) if spec.fmt == "xlsx" else None  # named by line and id, as the other lists are
    result = chunk_result(
        columns["status"],
        columns["message"],
        columns["reason"],
        columns["sentiment"],
        data[job.id] if job.id is not None else None,
        lambda i: row_start + i + 1,
        replaced,
        payload,
        columns.get("rule_names"),
        columns.get("rule_conflict"),
        masks=masks,
        lines=lines,
        risks=risks,
        unheld=tio.unheld_rows(out, spec.encoding) if replaced else (),
        excel_ids=spec.fmt in ("csv", "tsv"),
        decoded=sorted(notes or ()),
    )
    return replace(result, folded=folds.characters, folded_rows=folds.rows)


def worker_count(jobs: int) -> int:
    """Return the worker processes of ``jobs=`` (``--jobs``): *jobs* itself, or for 0 one per core this process may
    run on, its CPU affinity (as ``taskset``, a container's ``--cpuset-cpus`` or a job scheduler sets it), not every
    core of the machine; where the system keeps no affinity (macOS, Windows), one per core of the machine."""
    if jobs:
        return jobs
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # no sched_getaffinity on this system
        return os.cpu_count() or 1


def start_pool(job: Job, jobs: int) -> Workers:
    """Start *jobs* workers now, before reading starts threads: fork shares the loaded model (spawn elsewhere).

    The workers are forked (or spawned) by the first submits, which return at once: the parent reads the first
    chunks while they start, instead of waiting for each to answer (some 0.04 s of a run on 2 cores, in which no
    worker had a chunk). A worker that fails to start breaks the pool, and the first chunk's result says so.
    A Ctrl-C (or SIGTERM) while they start stops the pool before it is raised: none is left waiting for work.
    """
    pool = Workers(jobs, job)
    try:
        with Deferral():  # raised between two forks, it would leave a worker the pool does not know
            for _ in range(jobs):  # fork: all at the first submit; spawn: one more process per submit
                pool.submit(os.getpid)
    except BaseException:
        with Shield():  # cut short, the workers would wait for work, and the process for them at exit
            pool.stop()
        raise
    return pool


def _cut_cells(out: list[list[Any]]) -> tio.ExcelRisks:
    """Return the texts of an xlsx output's chunk *out* that the sheet cuts to Excel's limit (longer than it once
    the characters a cell cannot hold are removed, as :func:`taikai.io.excel_value` does), and their rows."""
    limit = tio.XLSX_MAX_CELL
    cut = [
        i
        for column in out
        for i, value in enumerate(column)
        if type(value) is str and len(value) > limit and len(value.translate(tio.XLSX_LOST)) > limit
    ]
    return tio.ExcelRisks(long_cells=len(cut), long_rows=tuple(sorted(set(cut))))
