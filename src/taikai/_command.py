"""The command of the command line that is running, for messages of the library that name it (``-: evaluate does
not read standard input``, as ``batch`` says of itself); none in a Python call.

It imports nothing of taikai, so that every package, however low its layer, reads one copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_RUNNING: ContextVar[str | None] = ContextVar("taikai_running_command", default=None)


@contextmanager
def running(command: str) -> Iterator[None]:
    """Within the block, :func:`running_command` is *command* (``evaluate``, ``rules test``)."""
    token = _RUNNING.set(command)
    try:
        yield
    finally:
        _RUNNING.reset(token)


def running_command(default: str = "taikai") -> str:
    """Return the command of the command line that is running, else *default* (a Python call)."""
    return _RUNNING.get() or default
