"""The stop of a batch run by Ctrl-C or SIGTERM: what it left, said (:class:`Interrupted`), and a cleanup that a
stop does not cut short (:func:`run_all`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a run; :attr:`message` says what it left: the local engine keeps its partial
    output for ``--resume`` (none before a chunk is saved); a run stopped once its output was in place (as it
    removed its partial folder or an earlier output, closed its cluster, released its lock) says the output is
    complete (:meth:`complete`)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @classmethod
    def complete(cls, output: str | Path, rows: int, when: str = "as the run ended") -> Interrupted:
        """Return the stop of a run that came *when* (``as the run ended``) its *output*, of *rows* rows, was
        complete: a stop, though nothing is left to do."""
        return cls(f"interrupted {when}; {output} is complete ({rows:,} rows)")


class _Counted(Protocol):
    """What counts a run's rows (its :class:`~taikai.batch.BatchSummary`)."""

    rows: int


@contextmanager
def said_complete(output: str | Path, summary: _Counted) -> Iterator[None]:
    """Within the block, the run's *output* is complete (its rows counted by *summary*): a stop there
    (``KeyboardInterrupt``) says so (:meth:`Interrupted.complete`), not that the run was cut short."""
    try:
        yield
    except Interrupted:
        raise
    except KeyboardInterrupt:
        raise Interrupted.complete(output, summary.rows) from None


def run_all(steps: Sequence[Callable[[], object] | None]) -> None:
    """Run every one of *steps* (``None``: none to run); a stop (``KeyboardInterrupt``) in one is raised once all
    have run, so that a Ctrl-C during a run's cleanup does not leave the rest of it undone (a later stop is
    ignored: :class:`taikai.cli._stops.FirstStop`)."""
    stopped: KeyboardInterrupt | None = None
    for step in steps:
        try:
            if step is not None:
                step()
        except KeyboardInterrupt as exc:
            stopped = stopped or exc
    if stopped is not None:
        raise stopped
