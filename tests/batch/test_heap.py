"""The C heap of a process that classifies chunks keeps what a chunk frees for the next (glibc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import taikai.batch._worker as worker
from taikai.batch import _heap
from taikai.batch._worker import Job, hold, release

GLIBC = _heap._glibc()

CHUNKS = """
import resource, sys
import numpy as np
from taikai.batch._heap import keep_freed_memory
if sys.argv[1] == "kept":
    keep_freed_memory()
faults = []
for chunk in range(4):  # each chunk makes arrays of a few MB, all held at once, and frees them
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    arrays = [np.ones(4 << 20, dtype=np.uint8) for _ in range(8)]
    del arrays
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(max(faults[2:]))
"""


@pytest.mark.slow
@pytest.mark.skipif(not GLIBC, reason="the thresholds are glibc's")
@pytest.mark.parametrize(
    ("heap", "faulted_again"),
    [
        ("kept", False),  # the third and fourth chunks reuse what the one before freed
        ("as glibc sets it", True),  # given back each time, faulted in again page by page: the 32 MB of a chunk
    ],
)
def test_memory_a_chunk_freed_is_not_faulted_in_again(heap, faulted_again):
    # glibc gave such arrays back to the kernel when freed, and the next chunk faulted every page in again:
    # some 10,000 faults per 5,000 rows with the shipped model, 0.03-0.05 CPU s of system time.
    done = subprocess.run([sys.executable, "-c", CHUNKS, heap], capture_output=True, text=True, check=True)
    pages = (8 * (4 << 20)) // 4096
    assert (int(done.stdout) > pages // 8) is faulted_again  # kept: none; given back: some 4,000


def test_holding_a_job_keeps_freed_memory(tiny_model, monkeypatch):
    calls: list[bool] = []
    monkeypatch.setattr(worker, "keep_freed_memory", lambda: calls.append(True) or True)
    hold(Job(tiny_model, 0, None, "input.csv"))
    release()
    assert calls == [True]  # the parent of a run, and each worker (init_worker holds the job too)


@pytest.mark.parametrize(("glibc", "done"), [(GLIBC, GLIBC), (False, False)])
def test_the_thresholds_are_set_once_where_glibc_runs(monkeypatch, glibc, done):
    monkeypatch.setattr(_heap, "_set", [])
    monkeypatch.setattr(_heap, "_glibc", lambda: glibc)
    assert _heap.keep_freed_memory() is done
    monkeypatch.setattr(_heap, "_glibc", lambda: pytest.fail("asked again"))
    assert _heap.keep_freed_memory() is done
