"""The lock a live batch run holds on its partial output folder, so that a second run on the same output is refused.

The lock is an ``flock`` on ``OUTPUT.taikai-partial/lock``, which holds the pid of the run. It lasts as long as the
run's process (and the worker processes forked from it): the kernel releases it when they end, even by ``kill -9``,
so that a folder left by a killed run can be resumed; a folder whose lock is held belongs to a live run.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from taikai.errors import InputError

LOCK = "lock"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, the lock file only records the pid
    fcntl = None  # type: ignore[assignment]


class Busy(Exception):
    """Another live run holds the lock (its pid, when it has written it yet)."""

    def __init__(self, pid: int | None):
        super().__init__(pid)
        self.pid = pid


def _holder(fd: int) -> int | None:
    """Return the pid written in the lock file *fd*, or ``None`` (not written yet, or not a number)."""
    with contextlib.suppress(OSError, ValueError):
        return int(os.pread(fd, 32, 0).decode("ascii").strip())
    return None


def _take(path: Path) -> int | None:
    """Take the lock *path* and return its descriptor; ``None`` when a finished run removed it meanwhile.

    Raise :class:`Busy` when a live run holds it, and ``FileNotFoundError`` when its folder is gone.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Busy(_holder(fd)) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # the run that held it finished and removed its folder: the lock taken is of no use
            os.close(fd)
            return None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        return fd
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


class RunLock:
    """The lock of the partial folder *folder* of a run writing *output*."""

    def __init__(self, folder: Path, output: Path):
        self.folder, self.output = folder, output
        self._fd: int | None = None

    def acquire(self) -> None:
        """Create *folder* if need be and lock it; raise :class:`InputError` when another live run holds it."""
        while self._fd is None:
            self.folder.mkdir(exist_ok=True)
            try:
                self._fd = _take(self.folder / LOCK)
            except FileNotFoundError:  # the folder was removed between mkdir and open: make it again
                continue
            except Busy as busy:
                pid = f" (pid {busy.pid})" if busy.pid else ""
                raise InputError(
                    f"another taikai batch{pid} is writing {self.output}; wait for it to end or choose another -o "
                    f"(its partial output is {self.folder})"
                ) from None

    def release(self) -> None:
        """Release the lock (closing its descriptor); the lock file stays, or goes with its folder."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
