"""Write a file whole or not at all (:func:`written_whole`): a command stopped while it writes (Ctrl-C, SIGTERM, a
full disk) leaves the file as it was, or none, never the first part of a report, sheet or JSON.

Every command says in one form where a file it wrote went (:func:`written_line`): what, then the path as a shell
takes it. It imports nothing of taikai, so that every package, however low its layer, can use it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shlex
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Yield the file to write *path*'s content to: a new file beside *path* (``.NAME.PID.HEX.tmp``), renamed over
    it when the block ends and removed when the block raises (a stop included), so that *path* is either as it was
    or complete. A symbolic link is followed (the file it names is replaced, the link kept); a replaced file keeps
    its permissions. *path* itself is yielded, to be written in place, when it exists and is no regular file (a
    device such as ``/dev/null``, a named pipe), a file this process may not write (refused as before, not
    renamed over) or a file a stream is redirected to (``/dev/stdout``), or when no new file can be made beside
    it: writing it then works, or fails naming *path*. A write that fails naming no file (a full disk) or the new
    file, and a rename that fails, are said of *path* too."""
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError:  # the write says what is wrong
        mode = 0
    in_place = mode is not None and (not stat.S_ISREG(mode) or not os.access(target, os.W_OK) or _stream(path))
    temporary = None if in_place else _temporary(target)
    if temporary is None:
        with _named(path, None):
            yield Path(path)
        return
    try:
        with _named(path, temporary):
            yield temporary
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        try:
            os.replace(temporary, target)
        except OSError as exc:  # (Windows: the file is open in Excel) said of the file asked for, not this one
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)  # gone once renamed


@contextmanager
def _named(path: Path, temporary: Path | None) -> Iterator[None]:
    """Have a write that fails without naming a file (a full disk, a quota: ``No space left on device``), or naming
    *temporary*, name *path*: the file asked for, which the user can look at."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None or exc.filename not in (None, str(temporary)):
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def write_whole(path: Path, data: str | bytes) -> None:
    """Write *data* (text as UTF-8) to *path* whole or not at all (see :func:`written_whole`)."""
    with written_whole(path) as target:
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)


def _stream(path: Path) -> bool:
    """Return whether *path* names a stream of this process (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``),
    whatever it leads to: a file it is redirected to stays the one the stream writes to. ``/dev/shm`` is a folder
    of files in memory, no stream: a file there is written whole as anywhere."""
    named = os.path.abspath(path)
    return named.startswith(("/dev/", "/proc/")) and not named.startswith("/dev/shm/")


def _temporary(target: Path) -> Path | None:
    """Create and return an empty file beside *target*, named for it and this process; ``None`` when the folder
    takes no new file (a missing or read-only folder: *target* is written in place, as before)."""
    while True:
        path = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:  # pragma: no cover - 32 random bits taken
            continue
        except OSError:
            return None
        return path


def written_line(what: str, path: Path | str) -> str:
    """Return the line a command prints for the file (or folder) it wrote: *what*, then *path* quoted for the shell
    (:func:`shlex.quote`) as the user pastes it into the next command: ``labelling sheet written to 'my sheet.xlsx'``.
    """
    return f"{what} written to {shlex.quote(str(path))}"
