"""The job a process holds: while it is held, what the process held before (the model) is out of the garbage
collector's sight, and back after; a process that froze objects itself keeps them frozen. The pool of workers
is started without waiting for them, each warming up as it starts."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import taikai
import taikai.batch._worker as worker
from taikai.batch._worker import WARM_TEXTS, Job, hold, release


@pytest.mark.parametrize(
    ("frozen_before", "frozen_after"),
    [
        (False, False),  # hold froze what was there; release gave it back to the collector
        (True, True),  # the process's own freeze is left as it is
    ],
)
def test_hold_freezes_what_the_process_holds_until_release(tiny_model, frozen_before, frozen_after):
    gc.unfreeze()
    try:
        if frozen_before:
            gc.freeze()
        hold(Job(tiny_model, 0, None, "input.csv"))
        assert gc.get_freeze_count() > 0
        release()
        assert (gc.get_freeze_count() > 0) is frozen_after
    finally:
        release()
        gc.unfreeze()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the workers are forked here")
def test_start_pool_returns_while_the_workers_still_start(tiny_model, monkeypatch):
    # Waiting for every worker to answer kept the parent from reading the first chunks while they started: the
    # workers then sat idle.
    go = multiprocessing.get_context("fork").Event()
    gave_up = multiprocessing.get_context("fork").Value("i", 0)
    real_init = worker.init_worker

    def init(*args):  # in each worker: it starts only once the parent is past start_pool
        if not go.wait(30):
            with gave_up.get_lock():
                gave_up.value += 1
        real_init(*args)

    monkeypatch.setattr(worker, "init_worker", init)
    pool = worker.start_pool(Job(tiny_model, 0, None, "input.csv"), 2)
    try:
        go.set()
        assert pool.submit(os.getpid).result() != os.getpid()
    finally:
        go.set()
        pool.shutdown(wait=True, cancel_futures=True)
    assert gave_up.value == 0, "start_pool waited for the workers to start"


def _record_classify(log: Path, fail_on: int | None) -> Callable[..., Any]:
    """Return a ``Model.classify`` that appends ``PID N`` (N texts) to *log* first; it raises for *fail_on* texts."""
    real = taikai.Model.classify

    def classify(self, values, *args, **kwargs):
        values = list(values)
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {len(values)}\n")
        if len(values) == fail_on:
            raise ValueError("the warm-up failed")
        return real(self, values, *args, **kwargs)

    return classify


@pytest.mark.parametrize(
    ("fail_on", "jobs", "first_calls"),
    [
        (None, 2, [len(WARM_TEXTS)] * 2),  # each worker warms up before its first chunk
        (len(WARM_TEXTS), 2, [len(WARM_TEXTS)] * 2),  # a warm-up that fails breaks nothing: the chunks run
        (None, 1, [4]),  # one job: the run's own process, nothing to overlap, so no warm-up
    ],
)
def test_workers_warm_up_as_they_start(tmp_path, fee_dump, tiny_model, monkeypatch, fail_on, jobs, first_calls):
    log, one = tmp_path / "calls.log", tmp_path / "one.csv"
    taikai.classify_file(fee_dump, one, "text", model=tiny_model, chunk_size=4)
    monkeypatch.setattr(taikai.Model, "classify", _record_classify(log, fail_on))
    summary = taikai.classify_file(fee_dump, tmp_path / "out.csv", "text", model=tiny_model, chunk_size=4, jobs=jobs)
    firsts: dict[str, int] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, n = line.split()
        firsts.setdefault(pid, int(n))
    assert sorted(firsts.values()) == first_calls
    assert (tmp_path / "out.csv").read_bytes() == one.read_bytes()
    assert summary.rows == 30


def _texts(n: int) -> list[object]:
    """Return *n* fee complaints, every third with an address to mask."""
    mail = " a@example.com"
    return [f"手数料が高すぎて続けられませんでした（#{i}）" + (mail if i % 3 == 0 else "") for i in range(n)]


class _FlagSetAt:
    """A stop flag that the run sets just before the worker's *at*-th look at it (``None``: never)."""

    def __init__(self, at: int | None) -> None:
        self.at, self.looks = at, 0

    def is_set(self) -> bool:
        self.looks += 1
        return self.at is not None and self.looks >= self.at

    def set(self) -> None:
        self.at = 0


@pytest.mark.parametrize(
    ("rows", "set_at", "classified", "stopped"),
    [
        (25, 1, [], True),  # a chunk queued behind the running one: not a row of it read
        (25, 2, [10], True),  # between two batches of rows: the rest is not read
        (25, 3, [10, 10], True),
        (25, 4, [10, 10, 5], True),  # every row read, but not encoded
        (25, None, [10, 10, 5], False),
        (0, None, [0], False),  # an empty chunk (an input of no rows) is classified as before
        (10, None, [10], False),
        (11, None, [10, 1], False),
    ],
)
def test_a_worker_stops_between_batches_of_rows_once_the_run_stops(
    tiny_model, monkeypatch, rows, set_at, classified, stopped
):
    from taikai.batch import _worker as worker
    from taikai.io import OutputSpec

    seen: list[int] = []
    real = tiny_model.classify

    def classify(values, *args):
        seen.append(len(values))
        return real(values, *args)

    monkeypatch.setattr(tiny_model, "classify", classify)
    names = ("id", "text", *tiny_model.classify([]).columns())
    seen.clear()
    data: list[list[object]] = [[str(i) for i in range(rows)], _texts(rows)]
    monkeypatch.setattr(worker, "STOP_EVERY", 10)
    monkeypatch.setitem(worker._stop, "flag", _FlagSetAt(set_at))
    hold(Job(tiny_model, 1, 0, "input.csv"))
    try:
        if stopped:
            with pytest.raises(worker.Stopped, match="chunk 3 left unfinished: the run was stopping"):
                worker.run_chunk(OutputSpec("jsonl", names), 3, data, 0)
        else:
            assert worker.run_chunk(OutputSpec("jsonl", names), 3, data, 0).rows == rows
    finally:
        release()
    assert seen == classified


@pytest.mark.parametrize("rows", [0, 1, 9, 10, 11, 25])
@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_worker_s_chunk_read_in_batches_is_the_chunk_read_in_one_piece(tiny_model, monkeypatch, rows, masked, fmt):
    from taikai.batch import _worker as worker
    from taikai.io import OutputSpec
    from taikai.privacy import default_masker

    monkeypatch.setattr(worker, "STOP_EVERY", 10)
    names = ("id", "text", *tiny_model.classify([]).columns())
    texts = _texts(rows)
    if rows > 3:
        texts[1], texts[2] = "", 42  # empty, and not text
    data: list[list[object]] = [[str(i) for i in range(rows)], texts]
    results = []
    for flag in (None, _FlagSetAt(None)):  # the parent running one job, a worker
        if flag is None:
            monkeypatch.delitem(worker._stop, "flag", raising=False)
        else:
            monkeypatch.setitem(worker._stop, "flag", flag)
        hold(Job(tiny_model, 1, 0, "input.csv", masker=default_masker() if masked else None))
        try:
            results.append(worker.run_chunk(OutputSpec(fmt, names), 1, data, 0))
        finally:
            release()
    assert results[0] == results[1]
    assert results[0].payload == results[1].payload
    assert results[0].rows == rows
    assert bool(results[0].masks) is (masked and rows > 0)


def _digest(model: taikai.Model) -> str:
    """Return the digest of the word-vector table *model* reads."""
    return _word_blocks(model)._pair()[1]._table().digest


def _word_blocks(model: taikai.Model) -> Any:
    """Return *model*'s word block (TF-IDF and word vectors over the tokenizer's output)."""
    return model.pipeline.named_steps["features"].transformer_list[0][1].named_steps["blocks"]


@pytest.mark.parametrize(
    "made",
    [
        "lexicon",  # the batch look-up of words in the vector table, not a binary search per word
        "float32 vectors",  # the whole table converted once, not the rows of each call
        "token ids",  # the n-gram counter's tokens as the lexicon's ids
    ],
)
def test_the_warm_up_makes_the_tables_the_chunks_use(tiny_model, monkeypatch, made):
    # Too few words (1,600) took the way of a few texts: a binary search per word, which made nothing the chunks
    # read, and left the lexicon and the float32 vectors to the first chunk, a worker's slowest.
    from taikai.model import _vector_table

    monkeypatch.setattr(_vector_table, "_LEXICONS", {})
    monkeypatch.setattr(_vector_table, "_MATRICES", {})
    blocks = _word_blocks(tiny_model)
    monkeypatch.delitem(blocks.__dict__, "_joint_cache", raising=False)
    worker.warm(Job(tiny_model, 0, None, "input.csv"))
    found = {
        "lexicon": _digest(tiny_model) in _vector_table._LEXICONS,
        "float32 vectors": _digest(tiny_model) in _vector_table._MATRICES,
        "token ids": "_joint_cache" in blocks.__dict__,
    }
    assert found[made]


def _no_affinity(pid: int) -> set[int]:
    raise AttributeError("sched_getaffinity")  # as on macOS and Windows, where os has no such function


@pytest.mark.parametrize(
    ("affinity", "cores", "jobs", "workers"),
    [
        ({0}, 8, 0, None),  # pinned to one core of eight (taskset -c 0): the run's own process, no pool of eight
        ({0, 3}, 8, 0, 2),  # a container given two cores of the machine's eight
        ({0, 1, 2, 3}, 4, 0, 4),  # every core
        (_no_affinity, 3, 0, 3),  # no affinity kept by the system: every core of the machine
        ({0}, 8, 2, 2),  # a number of jobs is taken as given
    ],
)
def test_jobs_0_starts_one_worker_per_core_the_process_may_run_on(
    tmp_path, fee_dump, tiny_model, monkeypatch, affinity, cores, jobs, workers
):
    # --jobs 0 counted os.cpu_count(), every core of the machine, also under taskset or a container's cpuset: a
    # nightly job pinned to 2 cores of 64 forked 64 workers, each holding the model.
    started: list[int] = []
    real_start = worker.start_pool

    def start_pool(job, n):
        started.append(n)
        return real_start(job, n)

    getter = affinity if callable(affinity) else (lambda pid: set(affinity))
    monkeypatch.setattr(os, "sched_getaffinity", getter, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr("taikai.batch._local.start_pool", start_pool)
    summary = taikai.classify_file(fee_dump, tmp_path / "out.csv", text_column="text", model=tiny_model, jobs=jobs)
    assert summary.rows == 30
    assert started == ([] if workers is None else [workers])
