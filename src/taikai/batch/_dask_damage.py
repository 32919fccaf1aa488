"""A Parquet input file that a worker of the Dask engine could not read past its footer (a damaged page, a row group
cut short): said as the local engine says it, not as a filesystem the workers do not share."""

from __future__ import annotations

import traceback
from pathlib import PurePath

from taikai.errors import InputError

_READER = ("dask", "dataframe", "io", "parquet")
"""The path parts of Dask's Parquet reader, whose frames are in the traceback of an error it raised reading a part."""


def damaged_parquet(exc: BaseException) -> InputError | None:
    """Return the error of a Parquet input file whose data could not be read, when *exc* (raised by a task on a
    worker) is Arrow's error from within Dask's Parquet reader; else ``None`` (a file missing or unreadable to the
    worker, ``FileNotFoundError`` or ``PermissionError``, is a filesystem's matter)."""
    import pyarrow as pa

    if not isinstance(exc, OSError | pa.ArrowException) or isinstance(exc, FileNotFoundError | PermissionError):
        return None
    frames = traceback.extract_tb(exc.__traceback__)
    if not any(_inside(PurePath(frame.filename).parts) for frame in frames):
        return None
    return InputError(
        f"a Parquet file of the input could not be read ({' '.join(str(exc).split())}): it is damaged, or was cut "
        "short or changed while it was written; write it again (the local engine, taikai.classify_file or --engine "
        "local, given one file at a time, names the file and the rows where reading it stops)"
    )


def _inside(parts: tuple[str, ...]) -> bool:
    """Whether a file whose path has *parts* is a module of Dask's Parquet reader."""
    n = len(_READER)
    return any(parts[k : k + n] == _READER for k in range(len(parts) - n + 1))
