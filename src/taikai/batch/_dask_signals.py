"""The Dask engine's local cluster started deaf to Ctrl-C and SIGTERM (:func:`stops_held`): a terminal's Ctrl-C, and
the SIGTERM of a service manager or ``kill -TERM -PGID``, reach every process of the command, the cluster's too, and
its processes each printed a traceback as they died (under SIGTERM, the scheduler in this process printed asyncio's
"Future exception was never retrieved" and a ``CommClosedError`` as its nannies vanished); the engine stops them
itself, as it cancels the run and closes the cluster (without waiting for their tasks: :func:`stop_workers`)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from taikai.batch._shield import STOPS


@contextmanager
def stops_held() -> Iterator[None]:
    """Within the block, hold Ctrl-C and SIGTERM back from this process and have the processes started in it ignore
    them for good (a local cluster's nannies and workers: a stop is left to this process, which closes them, as the
    local engine's workers leave it to theirs). A stop that comes within the block is not lost: this process gets it
    as the block ends, in the handler it had. Where signals cannot be held (Windows, or a thread other than the main
    one), the block runs as it is."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)  # blocked, a signal waits: it is not dropped
    handlers = {stop: signal.signal(stop, signal.SIG_IGN) for stop in STOPS}  # what the processes started keep
    try:
        yield
    finally:
        for stop, handler in handlers.items():
            signal.signal(stop, signal.SIG_DFL if handler is None else handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a stop that came meanwhile comes now


STOP_WAIT = 0.5
"""Seconds a worker of the engine's own cluster is given to close once its run stopped short, before it is killed."""


def stop_workers(local: Any) -> None:
    """Close the worker processes of *local* (a :class:`distributed.LocalCluster`) without waiting for the task each
    runs, whose result a stopped run throws away. ``LocalCluster.close`` has each Nanny ask its worker to finish its
    task first, for up to 4 s (0.8 of its 5 s timeout) before it kills it: a Ctrl-C took 4.5-5.7 s to end a run, the
    workers killed all the same (a worker classifying a partition, even told not to wait for its task, did not close
    within 2 s). Here each is told not to wait, given :data:`STOP_WAIT`, then killed; not restarted. Best
    effort: ``local.close()`` closes what is left."""
    import asyncio

    async def stop(nanny: Any) -> None:
        nanny.close_gracefully(reason="taikai-stopped")  # a worker that ends is not started again
        if getattr(nanny, "process", None) is not None:  # a Nanny's (processes=True)
            await nanny.process.kill(timeout=STOP_WAIT, executor_wait=False, reason="taikai-stopped")

    async def stop_all() -> None:
        await asyncio.gather(*(stop(nanny) for nanny in list(local.workers.values())), return_exceptions=True)

    with suppress(Exception):
        local.sync(stop_all)
