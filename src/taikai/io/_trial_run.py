"""Predictions of a trial run (``taikai batch --limit N``): only the first N rows of the input were classified.

The batch summary records ``limit`` (and the ``input``); a frame :func:`~taikai.io.read_predictions` reads from
such a file carries it in ``frame.attrs["taikai_trial_run"]`` (``{"limit": N, "input": "dump.csv"}``), so that a
report, drift check or labelling sheet made of the frame says it is of those rows, not of the whole input, as one
made of the file does.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taikai.errors import DataWarning, InputError
from taikai.io._run_summary import RunSummary, read_summary

TRIAL_RUN = "taikai_trial_run"
"""The key of ``frame.attrs`` that holds a trial run's ``limit`` and ``input`` (see the module docstring)."""


@dataclass(frozen=True)
class TrialRun:
    """A trial run's ``--limit`` and the name of its input (``None``: the summary does not say)."""

    limit: int
    input: str | None = None


def trial_run(run: RunSummary | None, frame: Any = None) -> TrialRun | None:
    """Return the trial run the batch summary *run* records, else the one the predictions *frame* carries (read
    with :func:`~taikai.io.read_predictions`); ``None`` for predictions of a whole input (or not known): one that
    ended before its ``--limit`` (fewer rows than it, as batch says: ``all of dump.csv (it ended before --limit)``)
    is whole, as is one of an input of exactly N rows (its summary records ``"more_rows": false``; one written
    before it was recorded does not say, and reads as a trial run)."""
    if run is not None and run.limit is not None:
        whole = run.rows < run.limit or run.more_rows is False
        return None if whole else TrialRun(run.limit, Path(run.input).name if run.input else None)
    recorded = getattr(frame, "attrs", {}).get(TRIAL_RUN) if frame is not None else None
    if not isinstance(recorded, dict) or not isinstance(recorded.get("limit"), int):
        return None
    given = recorded.get("input")
    return TrialRun(recorded["limit"], str(given) if given else None)


def mark_trial_run(frame: Any, path: Path) -> None:
    """Put the trial run the batch summary beside *path* records (if any) in *frame*'s ``attrs``; a summary that is
    another output's, or malformed, marks nothing (the commands that read it say why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            trial = trial_run(read_summary(path))
    except InputError:
        return
    if trial is not None:
        frame.attrs[TRIAL_RUN] = {"limit": trial.limit, "input": trial.input}
