"""The check, before a Dask run sends any task, that every worker imports taikai's Dask engine of this version (a
task sent to a worker without it would end the worker, and the run would wait for ever)."""

from __future__ import annotations

from typing import Any

from taikai import __version__ as taikai_version
from taikai.errors import TaikaiError

_PROBE = "(lambda taikai: (taikai.__version__, taikai.__file__))(__import__('taikai.batch.dask'))"
"""What each worker evaluates before the run: the version and file of the taikai it imports, with its Dask engine
(not the installed distribution's version, which a copy of taikai first on the worker's path would not match)."""
_BARE_PROBE = "(lambda taikai: (taikai.__version__, taikai.__file__))(__import__('taikai'))"
"""What a worker whose taikai lacks the Dask engine evaluates next: the version and file of the taikai it imports."""


def check_versions(client: Any, where: str, extra: str) -> None:
    """Raise :class:`TaikaiError` naming the workers of *client* (its scheduler at *where*) that do not import
    taikai's Dask engine of this version, and saying to install *extra* there."""
    found = client.run(eval, _PROBE, on_error="return")
    failed = sorted(worker for worker, got in found.items() if isinstance(got, BaseException))
    bare = client.run(eval, _BARE_PROBE, workers=failed, on_error="return") if failed else {}
    wrong = [
        _wrong_worker(worker, got, bare.get(worker))
        for worker, got in sorted(found.items())
        if isinstance(got, BaseException) or got[0] != taikai_version
    ]
    if wrong:
        raise TaikaiError(
            f"{where}: the worker {'; the worker '.join(wrong)}; nothing was written. Install "
            f"{extra}=={taikai_version} (the version here) on every worker, with no other copy of taikai first on "
            "its path, or stop those workers, and run again"
        )


def _wrong_worker(worker: str, got: Any, bare: Any) -> str:
    """Say what is wrong with *worker*, whose probe gave *got* (version and file, or an error) and, when that was an
    error, whose bare import of taikai gave *bare*."""
    if not isinstance(got, BaseException):
        return f"{worker} has taikai {got[0]} (imported from {got[1]})"
    error = f"{type(got).__name__}: {got}"
    if isinstance(bare, tuple):
        return f"{worker} has taikai {bare[0]} (imported from {bare[1]}) without its Dask engine ({error})"
    return f"{worker} cannot import taikai ({error})"
