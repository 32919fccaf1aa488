"""Standard error on a terminal that hangs up (an ssh session that drops, a terminal window closed): what taikai says
there is lost, and the command goes on (:func:`outlive_the_terminal`).

Once a terminal has hung up, every write to it fails with ``EIO``. A ``batch`` run whose SIGHUP was ignored (``nohup``
without a redirect of standard error, ``disown``, ``setsid``) died on its next progress line, ``the run stopped:
Input/output error``, its message lost too, exit 1; one stopped by the hang-up (SIGHUP, a stop) could not say so and
ended 1, not 130; one that ended as the terminal went exited 1 after a complete output, its summary unwritten.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _Terminal(io.RawIOBase):
    """The file descriptor of a terminal, whose writes once it has hung up (``EIO``) are dropped, as are all later
    ones: nobody is there to read them. Any other failed write is raised as before."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self.hung_up = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return not self.hung_up and os.isatty(self._fd)

    def write(self, data: ReadableBuffer, /) -> int:
        size = len(memoryview(data).cast("B"))
        if self.hung_up:
            return size
        try:
            return os.write(self._fd, data)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            self.hung_up = True
            return size


def outlive_the_terminal() -> None:
    """When standard error is a terminal, write to it through :class:`_Terminal` (same encoding and error handler,
    line-buffered as Python's own), so that its hang-up loses the words but not the work or the exit code. A pipe or
    a file is left as it is (a full disk under ``2> log`` still fails as it did). Run as the command line starts."""
    err = sys.stderr
    try:
        fd = err.fileno() if err is not None else -1
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return
    if fd < 0 or not os.isatty(fd):
        return
    err.flush()
    buffered = io.BufferedWriter(_Terminal(fd))
    sys.stderr = io.TextIOWrapper(buffered, encoding=err.encoding, errors=err.errors, line_buffering=True)
