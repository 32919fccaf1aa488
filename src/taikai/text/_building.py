"""The lock of building a file or directory in a cache once: one thread of one process builds, the others wait."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None  # type: ignore[assignment]

_BUILDING = threading.Lock()
"""Held by the thread of this process that builds a copy."""


def _reset_after_fork() -> None:
    global _BUILDING
    _BUILDING = threading.Lock()  # a fork of a process building in another thread: that thread is not in the child


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


@contextmanager
def building(target: Path) -> Iterator[None]:
    """Hold the lock of building *target*: this process's thread lock, then (POSIX) an exclusive ``flock`` on the
    file ``.<target name>.lock`` beside it, which the system releases if the holder dies (no stale lock).

    The holder removes the lock file when done: a process that opened it before waits on the old file, then finds
    *target* made (or, if the holder failed, builds it), and one that opens a new file finds it too. The caller
    looks for *target* again once it holds the lock. Without ``fcntl`` (Windows) only threads wait: processes that
    build at once each build, and the caller's renaming into place keeps each whole.
    """
    with _BUILDING:
        if fcntl is None:
            yield
            return
        lock = target.parent / f".{target.name}.lock"
        with open(lock, "a+b") as held:
            fcntl.flock(held.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    lock.unlink()
