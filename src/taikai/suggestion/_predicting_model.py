"""The model that made the predictions a sheet is picked from, as the batch summary beside them names it: its
metadata says how it was trained (the how_to's train command) and on which rows (the rows labelled already)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taikai.io import RunSummary
    from taikai.model import ModelMetadata


def metadata(run: RunSummary | None) -> ModelMetadata | None:
    """Return the metadata of the model a batch summary *run* names; ``None`` when no summary names a model whose
    metadata can still be read."""
    if run is None or run.model is None:
        return None
    from taikai.errors import ModelError
    from taikai.model import read_metadata

    try:
        return read_metadata(Path(run.model.path))
    except (ModelError, OSError):
        return None
