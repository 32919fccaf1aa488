"""The lock a live batch run holds while it writes an output, so that a second run on the same output is refused.

The lock is an ``flock`` on a lock file holding the pid of the run: ``OUTPUT.taikai-partial/lock``, which both
engines take (:class:`RunLock` for the local engine, :class:`DaskLock` for the Dask engine, which removes it and its
folder at the run's end), so that a local run and a Dask run on the same output refuse each other too. It lasts as
long as the run's process (and the worker processes forked from it): the kernel releases it when they end, even by
``kill -9``, so that a lock file left by a killed run is taken over; a lock file whose lock is held belongs to a
live run. ``flock`` locks each opened file: a second run in the same process (another thread) is refused too. Where
the filesystem has no locks (NFS or SMB mounted without them), the run warns and goes on unlocked.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from taikai._flock import same_file, try_flock
from taikai._warn import warn_user
from taikai.errors import DataWarning, InputError

LOCK = "lock"
DASK_NOTE = "dask"
"""What a Dask run writes after its pid in the lock it holds, so that a refused run says whose it is."""


class Busy(Exception):
    """Another live run holds the lock (its pid, when it has written it yet, and the note it wrote after it)."""

    def __init__(self, pid: int | None, note: str = ""):
        super().__init__(pid)
        self.pid, self.note = pid, note


def _holder(fd: int) -> Busy:
    """Return what the lock file *fd* says of the run holding it: its pid (``None``: not written yet, or not a
    number) and the note on its second line."""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        lines = os.pread(fd, 4096, 0).decode("utf-8").split("\n")
        note = lines[1] if len(lines) > 1 else ""
        with contextlib.suppress(ValueError):
            return Busy(int(lines[0].strip()), note)
        return Busy(None, note)
    return Busy(None)


def _flock(fd: int, path: Path, warn: bool = True) -> None:
    """Lock *fd* (the lock file *path*); raise :class:`Busy` when a live run holds it, warn (with *warn*) when locks
    are missing."""

    def said(exc: OSError) -> None:
        warn_user(
            f"{path.parent}: its filesystem does not support locks ({exc.strerror}): a second run on the same "
            "output would not be refused; do not start one while this run lives",
            DataWarning,
        )

    if not try_flock(fd, no_locks=said if warn else None):
        raise _holder(fd)


def _take(path: Path, note: str = "", warn: bool = True) -> int | None:
    """Take the lock *path*, write the pid and *note* in it, and return its descriptor; ``None`` when a finished run
    removed it meanwhile.

    Raise :class:`Busy` when a live run holds it, and ``FileNotFoundError`` when its folder is gone.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _flock(fd, path, warn)
        if not same_file(fd, path):  # the run that held it finished and removed it: the lock taken is of no use
            os.close(fd)
            return None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n{note}".encode(), 0)
        return fd
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


def _who(pid: int | None) -> str:
    if pid == os.getpid():
        return f"another taikai batch in this process (pid {pid}, another thread)"
    return "another taikai batch" + (f" (pid {pid})" if pid else "")


def busy_message(pid: int | None, output: Path, where: str) -> str:
    """Return the message refusing a run on *output* that a live run (pid *pid*) is writing; *where* names the
    lock or partial output it holds."""
    return (
        f"{_who(pid)} is writing {output}; wait for it to end or choose another output= (-o on the command line) "
        f"({where})"
    )


class FileLock:
    """The lock file *path* of a run writing *output*; *folder*: it lies in a folder made if need be."""

    note = ""
    """What the lock file says after the pid (read back by a refused run)."""
    warns = True
    """Whether a filesystem without locks is warned of (once per run: by the lock taken first)."""

    def __init__(self, path: Path, output: Path, folder: bool = False):
        self.path, self.output, self.folder = path, output, folder
        self._fd: int | None = None

    def where(self) -> str:
        """Say what the lock guards, for the message refusing a second run."""
        return f"its lock is {self.path}"

    def refusal(self, busy: Busy) -> str:
        """Return the message refusing this run while the live run *busy* holds the lock."""
        return busy_message(busy.pid, self.output, self.where())

    def acquire(self) -> None:
        """Take the lock; raise :class:`InputError` when another live run holds it."""
        while self._fd is None:
            if self.folder:
                self.path.parent.mkdir(exist_ok=True)
            try:
                self._fd = _take(self.path, self.note, self.warns)
            except FileNotFoundError:  # the folder was removed between mkdir and open: make it again
                if not self.folder:
                    raise
                continue
            except Busy as busy:
                raise InputError(self.refusal(busy)) from None

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

    def refusal(self, busy: Busy) -> str:
        if busy.note == DASK_NOTE:  # a Dask run holds it: the folder holds its lock alone
            return busy_message(busy.pid, self.output, f"a run of the Dask engine; its lock is {self.path}")
        return super().refusal(busy)


class DaskLock(RunLock):
    """The lock of a Dask run writing the folder *output*: the local engine's (:class:`RunLock`), so that each engine
    refuses a live run of the other on the same output. Its folder holds nothing else and goes at the run's end."""

    note = DASK_NOTE

    def release(self, remove: bool = False) -> None:
        held = self._fd is not None
        super().release(remove)
        if held and remove:  # a local run's partial folder holds more (an interrupted run): it stays
            with contextlib.suppress(OSError):
                self.path.parent.rmdir()


class SideLock(FileLock):
    """The lock of the files a local run writes beside *output*, named by its stem (``OUTPUT_STEM.summary.json``,
    ``OUTPUT_STEM.bad_lines.csv``): ``x.csv`` and ``x.parquet`` share them, so that two live runs on the two are
    refused as two runs on one output are. Its file, ``OUTPUT_STEM.summary.json.taikai-lock``, names the output."""

    def __init__(self, summary: Path, output: Path):
        super().__init__(summary.with_name(summary.name + ".taikai-lock"), output)
        self.summary, self.note = summary, output.name
        self.warns = False  # the run's own lock, in the same folder, has warned

    def refusal(self, busy: Busy) -> str:
        other = busy.note or "another output"
        return (
            f"{self.output}: {_who(busy.pid)} is writing {other}, whose summary {self.summary.name} this run would "
            f"overwrite ({other} and {self.output.name} share it); wait for it to end, or choose another output name "
            f"(nothing was written) (its lock is {self.path})"
        )
