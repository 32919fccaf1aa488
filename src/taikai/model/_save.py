"""Save a :class:`~taikai.Model` into a directory, as ``taikai.train(data, out=directory)`` does: refuse a directory
that holds a model or other files, and metadata that does not describe the pipeline, then write both files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taikai.errors import InputError, ModelError, check_path
from taikai.model._artifact import ARTIFACT_NAME, METADATA_NAME, metadata_problems, save_artifact
from taikai.model._metadata import ModelMetadata


def check_model_dir(out: Path, overwrite: bool, told: str) -> None:
    """Refuse an *out* (argument *told*) that is a file, or a directory holding a model or other files unless
    *overwrite* (as ``taikai train --out`` refuses them)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{told} {out}: is a file, not a model directory; choose a directory (it is created)")
    if not out.is_dir() or overwrite:
        return
    if (out / METADATA_NAME).exists() or (out / ARTIFACT_NAME).exists():
        raise InputError(f"{told} {out}: already holds a model; choose another directory, or pass overwrite=True")
    others = sorted(p.name for p in out.iterdir())
    if others:
        shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
        raise InputError(
            f"{told} {out}: the directory holds other files ({shown}); choose a new or empty directory, or pass "
            "overwrite=True to write the model among them"
        )


def save_model(
    pipeline: Any, meta: ModelMetadata, directory: str | Path, overwrite: bool
) -> tuple[Path, ModelMetadata]:
    """Save a model into *directory* (see :meth:`taikai.Model.save`); return the directory and the metadata as
    written."""
    check_path("directory", directory)
    out = Path(directory)
    check_model_dir(out, overwrite, "directory")
    problems = metadata_problems(pipeline, meta)
    if problems:  # a pipeline fitted by hand: its metadata is empty, and load_model would refuse it
        raise ModelError(
            f"cannot save the model: its metadata does not describe its pipeline ({'; '.join(problems)}); "
            "train it with taikai.train(data, out=directory), which writes both"
        )
    return out, save_artifact(pipeline, meta, out)
