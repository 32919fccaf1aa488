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
    complete (:meth:`complete`), and stopped as its summary was written, also what ``--resume`` still writes
    (:meth:`placed`)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @classmethod
    def complete(cls, output: str | Path, rows: int, when: str = "as the run ended") -> Interrupted:
        """Return the stop of a run that came *when* (``as the run ended``) its *output*, of *rows* rows, was
        complete: a stop, though nothing is left to do."""
        return cls(f"interrupted {when}; {output} is complete ({rows:,} rows)")

    @classmethod
    def placed(cls, output: Path, rows: int, bad_lines: Path | None) -> Interrupted:
        """Return the stop of a run whose *output*, of *rows* rows, was put in place, not yet its summary (nor
        *bad_lines*, its side file of bad lines, when still to be moved beside it): ``--resume`` writes them (see
        :meth:`taikai.batch._workdir.WorkDir.finish`), classifying nothing again."""
        from taikai.errors import RESUME
        from taikai.io import summary_path

        left = f"its summary {summary_path(output).name}"
        left += f" and its side file of bad lines {bad_lines.name} are" if bad_lines is not None else " is"
        return cls(
            f"interrupted as the run ended; {output} is complete ({rows:,} rows), but {left} not written: run it "
            f"again with {RESUME.given(True)} to write {'them' if bad_lines else 'it'} (no row is classified again)"
        )


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
