"""Whether an exception is a stop (Ctrl-C, or SIGTERM or SIGHUP, which the command line turns into
``KeyboardInterrupt``) or an error a stop caused, for the command line and for the library code that must not take a
stop for a failure; and the signals that stop a command (:data:`STOP_SIGNALS`).

It imports nothing of taikai, so that every package, however low its layer, reads one copy.
"""

from __future__ import annotations

import signal

STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""The signals that stop a command as Ctrl-C does: Ctrl-C (SIGINT); SIGTERM (``kill``, ``timeout``, a job scheduler);
SIGHUP, the hang-up of the terminal the command runs in (an ssh session that drops, a terminal window closed), which
killed a ``batch`` at once with 129, silent, leaving its partial output without a word. Stopped, a command says so
in one line and exits 130 (a ``batch`` keeps the chunks it saved, for ``--resume``). One ignored (a command run
under ``nohup``, which ignores SIGHUP) stays ignored. Windows has no SIGHUP."""


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
