"""Set a context variable for the length of a block: what a message says within it (the command running, the
arguments named, the texts kept as given when masking) is the block's own, and outside it as before, also when the
block raises, in every thread and task apart.

It imports nothing of taikai, so that every module, however low its layer, may use it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def set_within(var: ContextVar[T], value: T) -> Iterator[None]:
    """Within the block, *var* is *value*; after it, *var* is what it was before (also when the block raises)."""
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)
