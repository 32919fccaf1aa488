"""``flock`` on an open lock file, as the batch run's lock (``taikai.batch``) and the model save's marker
(``taikai.model``) take it: without waiting, a filesystem without locks (NFS or SMB mounted without them) told
apart from a lock another process holds, and a lock file that its holder removed meanwhile recognised.

It imports nothing of taikai, so that both packages, in layers that may not import each other, use one copy.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, a lock file only records its holder
    fcntl = None  # type: ignore[assignment]

NO_LOCKS = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL})
"""What ``flock`` raises where the filesystem does not support locks."""


def try_flock(fd: int, *, shared: bool = False, no_locks: Callable[[OSError], None] | None = None) -> bool:
    """Lock the open file *fd* (exclusively, or *shared*) without waiting; return ``False`` when another open file
    holds a lock that conflicts, ``True`` when it is taken, and ``True`` too where the filesystem has no locks, after
    calling *no_locks* with the error. Any other error of ``flock`` is raised."""
    if fcntl is None:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno not in NO_LOCKS:
            raise
        if no_locks is not None:
            no_locks(exc)
    return True


def same_file(fd: int, path: Path) -> bool:
    """Return whether the open file *fd* is still the file at *path* (``False`` when its holder removed it, so that a
    lock taken on it guards nothing)."""
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False
