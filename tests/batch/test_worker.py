"""The job a process holds: while it is held, what the process held before (the model) is out of the garbage
collector's sight, and back after; a process that froze objects itself keeps them frozen."""

from __future__ import annotations

import gc

import pytest

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
