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
