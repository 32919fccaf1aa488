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

    def init(job):  # in each worker: it starts only once the parent is past start_pool
        if not go.wait(30):
            with gave_up.get_lock():
                gave_up.value += 1
        real_init(job)

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
