"""The stop of a batch run by Ctrl-C or SIGTERM: what it left, said (:class:`Interrupted`), and a cleanup that a
stop does not cut short (:func:`run_all`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a run; :attr:`message` says what it left: the local engine keeps its partial
    output for ``--resume`` (none before a chunk is saved); the Dask engine, stopped while it closed its cluster,
    has its output complete already."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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
