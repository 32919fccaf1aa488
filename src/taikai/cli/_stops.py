"""SIGTERM and SIGHUP stop every command as Ctrl-C does (:func:`stop_on_sigterm`), all held while the command line
starts (:func:`hold_stops`); while a ``batch`` engine runs (:class:`FirstStop`) the first stop ends the run, once,
and is not lost; the later ones add nothing."""

from __future__ import annotations

import _thread
import os
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any, NoReturn

from taikai._stopped import STOP_SIGNALS


def stop_on_sigterm() -> None:
    """Have SIGTERM (``kill``, ``timeout``, a job scheduler) stop the command as Ctrl-C does, raising
    ``KeyboardInterrupt``: what it was writing is cleaned up (a model's save marker, a half-written report or sheet)
    and it exits 130 saying so in one line, instead of dying at once with nothing said. So does SIGHUP, the hang-up
    of the terminal (an ssh session that drops): a ``batch`` it killed at once (129, silent) now keeps its saved chunks
    for ``--resume`` and exits 130, as a SIGTERM's. A SIGTERM or SIGHUP that is ignored (``nohup`` ignores SIGHUP),
    or handled by the program that runs taikai in its own process, is left so."""
    for stop in STOP_SIGNALS:
        if stop != signal.SIGINT and signal.getsignal(stop) is signal.SIG_DFL:
            signal.signal(stop, _stop)


_HELD = set(STOP_SIGNALS)


def hold_stops() -> None:
    """Hold Ctrl-C and SIGTERM back until the command runs (:func:`release_stops`): one that came while click parsed
    the arguments, outside the command's handling of stops, ended in click's own "Aborted!" and exit 1. Held, it is
    delivered as the command starts, and stops it as any stop does (exit 130, one line). No-op where signals cannot
    be blocked (Windows)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)


def hold_stops_in_the_command() -> None:
    """Hold the stops (:func:`hold_stops`) from the moment ``taikai.cli`` starts loading, when this process is the
    ``taikai`` command (its console script, or ``python -m taikai``): a SIGTERM while the command line loaded (a
    few tenths of a second) killed it silently with 143, and a Ctrl-C printed a traceback. Imported as a library (a
    notebook, a test runner), ``taikai.cli`` leaves the signals as they are."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    name = spec.name if spec is not None else os.path.basename(getattr(main, "__file__", None) or "")
    if name in ("taikai", "taikai.exe", "taikai.__main__"):
        hold_stops()


def release_stops() -> None:
    """Deliver the stops held back by :func:`hold_stops`, and any later one at once (a no-op when none are held)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def _stop(signum: int, frame: FrameType | None) -> NoReturn:
    raise KeyboardInterrupt


class FirstStop:
    """The handler of Ctrl-C, SIGTERM and SIGHUP while a batch engine runs: the first stops the run
    (``KeyboardInterrupt``);
    the later ones are ignored. The run ignores them while it stops, but they could still come as it gives its
    handlers back, or as its message is printed: raised there, they replaced its message ("interrupted before any row
    was saved" after rows were saved) or added a line ("taikai: interrupted") after it; on the Dask engine, they broke
    off its cleanup (cancelling the tasks, removing the partial parts, closing the cluster).

    A stop raised where Python drops exceptions (a garbage-collector callback: the Dask engine's ``distributed``
    registers one, and the signal was handled there more often than not) would be lost, the run going on as if none
    had come and ignoring the later ones: it is given again, until the run gets it (:meth:`_dropped`).

    Once it has stopped the run it stays until the process ends (the command ends with the run); until then
    :meth:`restore` gives the signals back the handlers they had. A Ctrl-C that is ignored (a job started in the
    background) stays ignored, and so does a SIGHUP (``nohup``): the run goes on when the terminal hangs up.
    """

    def __init__(self) -> None:
        self.came = False
        self._raised: KeyboardInterrupt | None = None
        self._signum: int = signal.SIGINT
        self._again: threading.Timer | None = None
        self._in_hook = False
        self._previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, self)}
        for stop in STOP_SIGNALS:
            if stop != signal.SIGTERM and signal.getsignal(stop) is not signal.SIG_IGN:
                self._previous[stop] = signal.signal(stop, self)
        self._hook = sys.unraisablehook
        sys.unraisablehook = self._dropped

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if not self.came:
            self.came, self._signum = True, signum
            self._raised = KeyboardInterrupt()
            raise self._raised

    def _dropped(self, unraisable: Any) -> None:
        """Give the stop again when Python dropped it (``sys.unraisablehook``): the run has not seen it; pass
        anything else dropped on to the hook there was."""
        if self._raised is not None and unraisable.exc_value is self._raised:
            self._in_hook = True
            self.came, self._raised = False, None
            # from another thread: raised from this hook, it would be dropped again, for good
            self._again = threading.Timer(0.01, self._give_again)
            self._again.daemon = True
            self._again.start()  # on a loaded machine, this may return after the timer's 10 ms
            self._in_hook = False  # the hook's last statement: no stop is checked for between it and the return
            return
        self._hook(unraisable)

    def _give_again(self) -> None:
        """Give the dropped stop again, once the hook that dropped it has returned."""
        while self._in_hook:
            time.sleep(0.001)
        _thread.interrupt_main(signal.Signals(self._signum))

    def restore(self) -> None:
        """Give the signals back their handlers, unless a stop came: the command is ending with the run. A stop
        dropped and not given again yet came as the run ended: it is not given again (to the handler there was, it
        would stop the command after its complete run, or print a traceback as the interpreter exits)."""
        if self._again is not None:
            self._again.cancel()
        if not self.came:
            for stop, handler in self._previous.items():
                signal.signal(stop, signal.SIG_DFL if handler is None else handler)
            sys.unraisablehook = self._hook
