"""Whether an exception is a stop (Ctrl-C, or SIGTERM, which the command line turns into ``KeyboardInterrupt``) or
an error a stop caused, for the command line and for the library code that must not take a stop for a failure.

It imports nothing of taikai, so that every package, however low its layer, reads one copy.
"""

from __future__ import annotations


def stopped(exc: BaseException) -> bool:
    """Return whether *exc* is a stop (``KeyboardInterrupt``) or an error a stop caused, through its chain of causes
    and contexts: a compiled module stopped while it initialises raises ``ImportError("initialization failed")``
    from the ``KeyboardInterrupt`` (SciPy's, as scikit-learn loads)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False
