"""The refusal of ``batch`` options of the other engine than ``--engine`` names: which options, and what to do
instead (leave them out, or run the engine they belong to: the local engine reads one file, not a folder or a glob),
as the Python API's refusal says it (:meth:`taikai.batch.BatchOptions.refuse_other_engine`)."""

from __future__ import annotations

import glob
import shlex
from pathlib import Path


def other_engine_refusal(given: list[str], engine: str, input_path: Path) -> str:
    """Return the refusal of the options *given* (``--limit``…), which belong to the other engine than *engine*,
    for the input *input_path*: what to do with them."""
    names = ", ".join(given)
    applies = "applies" if len(given) == 1 else "apply"
    it = "it" if len(given) == 1 else "them"
    if engine != "dask":
        return f"{names} {applies} to --engine dask only: add --engine dask to run on a Dask cluster, or leave {it} out"
    refused = f"{names} {applies} to the local engine only, not to --engine dask: leave {it} out, or "
    if input_path.is_dir() or glob.has_magic(str(input_path)):
        return (
            f"{refused}run the local engine (the command without --engine dask) with {it} on one file of "
            f"{shlex.quote(str(input_path))} at a time: it reads one file, not a folder or a glob"
        )
    return f"{refused}run the command without --engine dask to use {it} (the local engine reads this file)"
