"""The Dask engine's local cluster started deaf to Ctrl-C (:func:`ctrl_c_held`): a terminal's Ctrl-C reaches every
process of the command, the cluster's too, and its processes each printed a traceback as they died; the engine
stops them itself, as it cancels the run and closes the cluster."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Within the block, hold Ctrl-C (SIGINT) back from this process and have the processes started in it ignore it
    for good (a local cluster's workers: Ctrl-C is left to this process, which closes them). A Ctrl-C that comes
    within the block is not lost: this process gets it as the block ends, in the handler it had. Where signals
    cannot be held (Windows, or a thread other than the main one), the block runs as it is."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # blocked, a signal waits: it is not dropped
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)  # what the processes started keep: they drop it
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if handler is None else handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a Ctrl-C that came meanwhile comes now
