"""Let a run that stops finish stopping: a second Ctrl-C (or SIGTERM) while it stops its workers, closes its files
and releases its locks is ignored. Raised there, it would cut those steps short (with ``--jobs``, a pool of workers
never told to end, which the process then waits for at exit: for ever) and replace what the first one said."""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType
from typing import Any

STOPS = (signal.SIGINT, signal.SIGTERM)
"""The signals a run stops on (Ctrl-C, and SIGTERM on the command line)."""


def _ignore(signum: int, frame: FrameType | None) -> None:
    """Take a stop signal and do nothing: the run is stopping already."""


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
