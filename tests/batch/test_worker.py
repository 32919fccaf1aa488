"""The job a process holds: while it is held, what the process held before (the model) is out of the garbage
collector's sight, and back after; a process that froze objects itself keeps them frozen. The pool of workers
is started without waiting for them."""

from __future__ import annotations

import gc
import multiprocessing
import os

import pytest

import taikai.batch._worker as worker
from taikai.batch._worker import Job, hold, release


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
