"""Classify whole files: the local engine (chunks, worker processes, resume) and the Dask engine.

Both engines take the same :class:`BatchOptions` and return the same :class:`BatchSummary`, made from one
:class:`ChunkResult` per chunk or partition. The engines need the model (scikit-learn) and are imported on first
use, so that the command line can build its options from here without loading them; the Dask engine
(:mod:`taikai.dask`) also needs the ``dask`` extra.

:data:`BAD_LINE_MODES` was ``ON_BAD_LINES``, the name of the argument ``taikai.errors.ON_BAD_LINES``: the old name
still reads, with a ``DeprecationWarning``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.batch._chunk import ChunkResult, RowProblem, chunk_result
from taikai.batch._columns import text_column_needed as text_column_needed
from taikai.batch._counted import MAX_EXAMPLES, CountedRows
from taikai.batch._fingerprint import input_fingerprint
from taikai.batch._interrupted import Interrupted
from taikai.batch._options import BAD_LINE_MODES, DEFAULT_CHUNK_SIZE, ENGINES, BatchOptions, BatchOptionValues
from taikai.batch._progress import Progress
from taikai.batch._state import Totals
from taikai.batch._summary import BatchSummary

if TYPE_CHECKING:
    from taikai.batch._local import classify_file
    from taikai.batch._local import run_local as run_local
    from taikai.batch._outputs import output_types

__all__ = [
    "BAD_LINE_MODES",
    "DEFAULT_CHUNK_SIZE",
    "ENGINES",
    "MAX_EXAMPLES",
    "BatchOptionValues",
    "BatchOptions",
    "BatchSummary",
    "ChunkResult",
    "CountedRows",
    "Interrupted",
    "Progress",
    "RowProblem",
    "Totals",
    "chunk_result",
    "classify_file",
    "input_fingerprint",
    "output_types",
]
__dir__ = public_dir(globals(), [*__all__, "dask"])  # its submodule dask, read as an attribute

__getattr__: Any = lazy_modules(
    "taikai.batch",
    {
        "taikai.batch._local": ("classify_file", "run_local"),
        "taikai.batch._outputs": ("output_types",),
    },
    submodules=("dask",),  # taikai.batch.dask after a bare import taikai (it needs the dask extra)
    renames={"ON_BAD_LINES": "BAD_LINE_MODES"},  # the old name, which the Argument taikai.errors.ON_BAD_LINES holds
)
