"""The marker of a save into a model directory: the file ``.taikai-saving``, which a save creates, holds an ``flock``
on (its pid written in it) while it writes ``model.joblib`` and ``metadata.json``, and removes once both are written.

So two saves into one directory never write at once (the second is refused, naming the first's pid), and a save
that was killed (a crash, ``kill``, the OOM killer) or interrupted (Ctrl-C) once it had replaced a file leaves the
marker behind with nobody holding its lock (the kernel releases it when the process ends). Such a marker blocks only
a directory whose files are not one model (see :class:`Leftover`): one without both files holds no complete model,
one whose ``model.joblib`` is not the file ``metadata.json`` records holds a half-written model; neither is ever
loaded, and a save with ``overwrite`` replaces them. A directory whose files are one model loads as it is, the marker
left in place (a reader never writes into a model directory: it may be read-only, or a save may be taking the marker
at that instant); the next save into it removes the marker. Where the filesystem has no locks (NFS or SMB mounted
without them), saves are not locked, and a marker reads as an interrupted save.
"""

from __future__ import annotations

import contextlib
import enum
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from taikai._flock import same_file, try_flock
from taikai.errors import OVERWRITE, InputError

SAVING_NAME = ".taikai-saving"
"""The marker of a save under way (or interrupted) in a model directory."""
LOCK_WAIT = 1.0
"""Seconds a save tries again for the marker's lock, which a loader looking at the marker holds for an instant."""


@dataclass(frozen=True)
class SaveState:
    """A marker found in a model directory: of a *live* save (its *pid*, when written) or of an interrupted one."""

    live: bool
    pid: int | None


class Leftover(enum.Enum):
    """What a model directory whose marker no live save holds has: its files checked against each other."""

    WHOLE = "whole"
    """Both files, ``model.joblib`` the bytes ``metadata.json`` records: the save had not touched them, or had
    written both."""
    INCOMPLETE = "incomplete"
    """``model.joblib`` or ``metadata.json`` missing: a save into a new directory stopped before writing both."""
    HALF_WRITTEN = "half-written"
    """Both files, but not of one model (or unreadable): a save stopped between replacing one and the other."""


class SaveBusy(Exception):
    """Another live save holds the marker of the directory (its pid, when it has written it yet)."""

    def __init__(self, pid: int | None):
        super().__init__(pid)
        self.pid = pid


@dataclass
class Saving:
    """The save holding a directory's marker: whether the marker was left by an *interrupted* save, and whether
    this save has *touched* the model's files (replaced one of them) yet."""

    interrupted: bool
    touched: bool = False


def _pid(fd: int) -> int | None:
    with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
        return int(os.pread(fd, 64, 0).decode("ascii").split("\n")[0])
    return None


def _saver(pid: int | None) -> str:
    if pid == os.getpid():
        return f"another save in this process (pid {pid}, another thread)"
    return "another taikai train or Model.save" + (f" (pid {pid})" if pid else "")


REDO = f"train again with {OVERWRITE.given(True)}"
"""What to do with a half-written model: write a whole one over it."""


def busy(named: str, pid: int | None, force: str, *, late: bool, began: str) -> str:
    """Return the message refusing a save into *named*, which the live save *pid* holds (*began*: when it began).
    *late*: this save's model was trained for *named* and is lost; *force*: what replaces the model it saves."""
    if late:
        return (
            f"{named}: {_saver(pid)} is saving a model into it ({began}), and this one was not saved; choose another "
            f"directory, or pass {force} once it has ended to replace the model it saves"
        )
    return (
        f"{named}: {_saver(pid)} is saving a model into it ({began}); nothing was written: wait for it to end, then "
        f"choose another directory, or pass {force} to replace the model it saves"
    )


def in_progress(named: str, state: SaveState, redo: str = REDO, left: Leftover = Leftover.HALF_WRITTEN) -> str:
    """Return the message refusing to read the directory *named* whose marker is *state*: a live save's, or an
    interrupted one's that left *left*; *redo*: what replaces a model that is not whole."""
    if state.live:
        return f"{named}: {_saver(state.pid)} is saving a model into it; wait for it to end"
    if left is Leftover.INCOMPLETE:
        return (
            f"{named}: a save into it was interrupted before it wrote both model.joblib and metadata.json, so it "
            f"holds no complete model; {redo} to write one"
        )
    return (
        f"{named}: a save into it was interrupted, so it holds a half-written model, which is never loaded; {redo} "
        "to replace it"
    )


def save_state(directory: Path) -> SaveState | None:
    """Return the save whose marker *directory* holds (live, or interrupted), or ``None`` when it holds none."""
    try:
        fd = os.open(directory / SAVING_NAME, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:  # unreadable: it is there, and no save of this user holds it
        return SaveState(False, None)
    try:
        live = not try_flock(fd, shared=True)
        return SaveState(live, _pid(fd))
    finally:
        os.close(fd)


def _take(marker: Path) -> tuple[int, bool]:
    """Open and lock *marker*; return its descriptor and whether this save created it. Raise :class:`SaveBusy`
    when a live save holds it (after :data:`LOCK_WAIT` seconds)."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fd, created = os.open(marker, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
        except FileExistsError:
            try:
                fd, created = os.open(marker, os.O_RDWR), False
            except FileNotFoundError:  # the save holding it finished meanwhile
                continue
        try:
            while not try_flock(fd):
                if time.monotonic() > deadline:
                    raise SaveBusy(_pid(fd))
                time.sleep(0.05)
            if same_file(fd, marker):
                return fd, created
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the save that held it removed it once done: take a new one


@contextlib.contextmanager
def holding_save(directory: Path, named: str, force: str, *, late: bool = False) -> Iterator[Saving]:
    """Hold the marker of a save into *directory* (which exists) while the block writes the model's files; remove it
    once they are written. A block that fails before touching them (:attr:`Saving.touched`) leaves the directory
    as it was: the marker goes too, unless an interrupted save had left it. Raise :class:`InputError` when a live
    save holds it (*named*: the directory in messages; *force*: what to pass to replace a model; *late*: the model
    to save was trained for this directory, and is lost)."""
    marker = directory / SAVING_NAME
    try:
        fd, created = _take(marker)
    except SaveBusy as taken:
        raise InputError(busy(named, taken.pid, force, late=late, began="it began saving first")) from None
    saving = Saving(interrupted=not created and os.fstat(fd).st_size > 0)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield saving
        marker.unlink(missing_ok=True)  # both files written: the directory holds a whole model
    except BaseException:
        if not saving.touched and not saving.interrupted:
            with contextlib.suppress(OSError):
                marker.unlink()
        raise
    finally:
        os.close(fd)
