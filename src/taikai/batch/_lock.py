"""The lock a live batch run holds while it writes an output, so that a second run on the same output is refused.

The lock is an ``flock`` on a lock file holding the pid of the run: ``OUTPUT.taikai-partial/lock`` for the local
engine (:class:`RunLock`), ``OUTPUT.taikai-dask.lock`` beside the output folder for the Dask engine
(:class:`FileLock`, removed at the run's end). It lasts as long as the run's process (and the worker processes
forked from it): the kernel releases it when they end, even by ``kill -9``, so that a lock file left by a killed
run is taken over; a lock file whose lock is held belongs to a live run. ``flock`` locks each opened file: a
second run in the same process (another thread) is refused too. Where the filesystem has no locks (NFS or SMB
mounted without them), the run warns and goes on unlocked.
"""

from __future__ import annotations

import contextlib
import errno
import os
import warnings
from pathlib import Path

from taikai.errors import DataWarning, InputError

LOCK = "lock"
NO_LOCKS = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL})
"""What ``flock`` raises where the filesystem does not support locks."""

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


def _flock(fd: int, path: Path) -> None:
    """Lock *fd* (the lock file *path*); raise :class:`Busy` when a live run holds it, warn when locks are missing."""
    if fcntl is None:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise Busy(_holder(fd)) from None
    except OSError as exc:
        if exc.errno not in NO_LOCKS:
            raise
        warnings.warn(
            f"{path.parent}: its filesystem does not support locks ({exc.strerror}): a second run on the same "
            "output would not be refused; do not start one while this run lives",
            DataWarning,
            stacklevel=4,
        )


def _take(path: Path) -> int | None:
    """Take the lock *path* and return its descriptor; ``None`` when a finished run removed it meanwhile.

    Raise :class:`Busy` when a live run holds it, and ``FileNotFoundError`` when its folder is gone.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _flock(fd, path)
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # the run that held it finished and removed it: the lock taken is of no use
            os.close(fd)
            return None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        return fd
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


def busy_message(pid: int | None, output: Path, where: str) -> str:
    """Return the message refusing a run on *output* that a live run (pid *pid*) is writing; *where* names the
    lock or partial output it holds."""
    if pid == os.getpid():
        who = f"another taikai batch in this process (pid {pid}, another thread)"
    else:
        who = "another taikai batch" + (f" (pid {pid})" if pid else "")
    return f"{who} is writing {output}; wait for it to end or choose another output= (-o on the command line) ({where})"


class FileLock:
    """The lock file *path* of a run writing *output*; *folder*: it lies in a folder made if need be."""

    def __init__(self, path: Path, output: Path, folder: bool = False):
        self.path, self.output, self.folder = path, output, folder
        self._fd: int | None = None

    def where(self) -> str:
        """Say what the lock guards, for the message refusing a second run."""
        return f"its lock is {self.path}"

    def acquire(self) -> None:
        """Take the lock; raise :class:`InputError` when another live run holds it."""
        while self._fd is None:
            if self.folder:
                self.path.parent.mkdir(exist_ok=True)
            try:
                self._fd = _take(self.path)
            except FileNotFoundError:  # the folder was removed between mkdir and open: make it again
                if not self.folder:
                    raise
                continue
            except Busy as busy:
                raise InputError(busy_message(busy.pid, self.output, self.where())) from None

    def release(self, remove: bool = False) -> None:
        """Release the lock (closing its descriptor); with *remove*, delete the lock file first (while held, so
        that a run waiting on it sees it gone and takes a new one)."""
        if self._fd is not None:
            if remove:
                with contextlib.suppress(OSError):
                    self.path.unlink()
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


class RunLock(FileLock):
    """The lock of the partial folder *folder* of a local run writing *output* (its file ``lock``)."""

    def __init__(self, folder: Path, output: Path):
        super().__init__(folder / LOCK, output, folder=True)

    def where(self) -> str:
        return f"its partial output is {self.path.parent}"
