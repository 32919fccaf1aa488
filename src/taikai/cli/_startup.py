"""Start a classifying command quickly: import scikit-learn without the optional libraries it loads but never
uses here.

``import sklearn`` imports pandas (and through it pyarrow) only to keep a reference that no scikit-learn code
reads (``sklearn.utils.fixes.pd``), and ``sklearn.pipeline`` imports rich, when installed, for the progress-bar
callback of scikit-learn's estimators (``sklearn.callback.ProgressBar``), which no taikai command uses: together
a fifth of a second or more of a one-text ``taikai predict``. :func:`import_sklearn_without_pandas` imports
scikit-learn's core and the modules a model's pickle refers to while both are reported missing, so that
``fixes.pd`` is ``None`` and the callback's rich classes are not defined; pandas and rich themselves can still be
imported afterwards.

:func:`finish` ends a command that asked for it (:func:`exit_quickly_when_done`) without the interpreter's
teardown, which scikit-learn and SciPy make slow.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn

UNUSED = ("pandas", "rich")
"""Libraries scikit-learn imports when installed and a classifying command never uses through it."""


def import_sklearn_without_pandas() -> None:
    """Import scikit-learn's core and ``sklearn.pipeline`` without pandas or rich; a no-op once scikit-learn,
    pandas or rich is imported."""
    if any(name in sys.modules for name in ("sklearn", *UNUSED)):
        return
    for name in UNUSED:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError meanwhile
    try:
        import sklearn.pipeline  # noqa: F401  (imports sklearn.utils.fixes, then sklearn.callback)
    finally:
        for name in UNUSED:
            del sys.modules[name]


_quick_exit = False


def exit_quickly_when_done() -> None:
    """Let :func:`finish` end this process without tearing the interpreter down: for a command that has written
    everything it writes to standard output and error, and opened no file it could leave unflushed.

    Freeing the objects of scikit-learn, SciPy and NumPy module by module when the interpreter exits costs about
    a fifth of a second, more than a one-text ``taikai predict`` spends loading its model and classifying.
    """
    global _quick_exit
    _quick_exit = True


def finish(code: str | int | None) -> NoReturn:
    """End the process with exit status *code* (a ``SystemExit`` code: ``None``, an int or a message).

    After :func:`exit_quickly_when_done`, with no other thread running and an int (or no) code: flush standard
    output and error, run the ``atexit`` handlers as a normal exit does, and end the process at once
    (``os._exit``), leaving the memory to the operating system. Otherwise, or when flushing fails (a closed
    pipe), exit the usual way, which reports such errors as Python does.
    """
    status = 0 if code is None else code
    quick = _quick_exit and type(status) is int and threading.active_count() == 1 and hasattr(atexit, "_run_exitfuncs")
    if quick:
        try:
            _flush()
            atexit._run_exitfuncs()
            _flush()
        except Exception:  # the usual exit reports it
            quick = False
    if not quick or not isinstance(status, int):
        sys.exit(code)
    os._exit(status)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
