"""The command of the command line that is running, for messages of the library that name it (``-: evaluate does
not read standard input``, as ``batch`` says of itself); none in a Python call.

It imports only :mod:`taikai._context_values`, so that every package, however low its layer, reads one copy.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from contextvars import ContextVar

from taikai._context_values import set_within

_RUNNING: ContextVar[str | None] = ContextVar("taikai_running_command", default=None)


def running(command: str) -> AbstractContextManager[None]:
    """Within the block, :func:`running_command` is *command* (``evaluate``, ``rules test``)."""
    return set_within(_RUNNING, command)


def running_command(default: str = "taikai") -> str:
    """Return the command of the command line that is running, else *default* (a Python call)."""
    return _RUNNING.get() or default
