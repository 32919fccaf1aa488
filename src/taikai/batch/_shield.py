"""Let a run that stops finish stopping: a second Ctrl-C (or SIGTERM) while it stops its workers, closes its files
and releases its locks is ignored. Raised there, it would cut those steps short (with ``--jobs``, a pool of workers
never told to end, which the process then waits for at exit: for ever) and replace what the first one said.

A Ctrl-C while the workers are forked waits until they all are (:class:`Deferral`): raised between two forks, it
left a worker the pool never knew of, waited for at exit for ever; and a worker forked with the run's handler,
reached by the terminal's Ctrl-C before it ignores it, died with a traceback and broke the pool."""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType
from typing import Any

from taikai._stopped import STOP_SIGNALS

STOPS = STOP_SIGNALS
"""The signals a run stops on (Ctrl-C, and SIGTERM and SIGHUP on the command line:
:data:`taikai._stopped.STOP_SIGNALS`)."""


def _ignore(signum: int, frame: FrameType | None) -> None:
    """Take a stop signal and do nothing: the run is stopping already."""


class Deferral:
    """Hold back Ctrl-C and SIGTERM within ``with deferral:``, and deliver them at its end, to the handlers they had.

    A stop that is ignored (``SIG_IGN``: a job started in the background ignores Ctrl-C) stays ignored. A process
    forked within keeps the holding handler, which only notes the stop: a worker then ignores stops itself.
    Only the main thread handles signals: in another thread it does nothing.
    """

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}
        self._came: list[int] = []

    def _note(self, signum: int, frame: FrameType | None) -> None:
        if signum not in self._came:
            self._came.append(signum)

    def __enter__(self) -> Deferral:
        if threading.current_thread() is threading.main_thread():
            for stop in STOPS:
                if signal.getsignal(stop) not in (signal.SIG_IGN, None):
                    self._previous[stop] = signal.signal(stop, self._note)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        for stop, handler in self._previous.items():
            signal.signal(stop, handler)
        self._previous.clear()
        came, self._came = self._came, []
        for stop in came:  # as it would have been at once: KeyboardInterrupt, or the end of the process
            signal.raise_signal(stop)


class Shield:
    """Hold off Ctrl-C and SIGTERM from :meth:`up` to :meth:`down` (or within ``with shield:``).

    Only the main thread handles signals: in another thread (a run started from one) it does nothing.
    """

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}

    def up(self) -> None:
        """Ignore Ctrl-C and SIGTERM from now on; when they are already held off, nothing changes."""
        if self._previous or threading.current_thread() is not threading.main_thread():
            return
        for stop in STOPS:
            self._previous[stop] = signal.signal(stop, _ignore)

    def down(self) -> None:
        """Give Ctrl-C and SIGTERM back the handlers they had before :meth:`up`."""
        for stop, handler in self._previous.items():
            signal.signal(stop, signal.SIG_DFL if handler is None else handler)  # None: set outside Python
        self._previous.clear()

    def __enter__(self) -> Shield:
        self.up()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.down()
