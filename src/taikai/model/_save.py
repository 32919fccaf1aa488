"""Save a :class:`~taikai.Model` into a directory, as ``taikai.train(data, out=directory)`` does: refuse a directory
that holds a model or other files, and metadata that does not describe the pipeline, then write both files. A
pipeline unchanged since it was loaded is written as the very bytes it was loaded from, so that its sha256 (the
identity predictions files record) holds."""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path
from typing import Any

from taikai.errors import InputError, ModelError, check_path
from taikai.model._artifact import ARTIFACT_NAME, METADATA_NAME, save_artifact
from taikai.model._loaded import metadata_problems
from taikai.model._metadata import ModelMetadata


def check_model_dir(out: Path, overwrite: bool, named: str, force: str = "overwrite=True") -> None:
    """Refuse an *out* (*named* in messages: ``directory /x`` or ``out='/x' (--out on the command line)``) that is a
    file, or a directory holding a model or other files unless *overwrite* (what to pass for that: *force*)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{named}: is a file, not a model directory; choose a directory (it is created)")
    if not out.is_dir() or overwrite:
        return
    if (out / METADATA_NAME).exists() or (out / ARTIFACT_NAME).exists():
        raise InputError(f"{named}: already holds a model; choose another directory, or pass {force} to replace it")
    others = sorted(p.name for p in out.iterdir())
    if others:
        shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
        raise InputError(
            f"{named}: the directory holds other files ({shown}); choose a new or empty directory, or pass {force} "
            "to write the model among them"
        )


def _content(obj: Any) -> bytes:
    """Return a digest of what *obj* holds, whatever its objects' identities: pickled without a memo (a pickle's
    bytes depend on which equal strings and dtypes are one object, which a pickle round trip changes)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: a shared object is written each time it is met
    pickler.dump(obj)
    return hashlib.sha256(buffer.getbuffer()).digest()


def unchanged(pipeline: Any, data: bytes) -> bool:
    """Return whether *pipeline* holds what the artifact bytes *data* (already verified) hold: neither refit nor
    given other parameters since it was loaded from them."""
    import joblib

    try:
        now = _content(pipeline)
    except (pickle.PicklingError, ValueError, TypeError, RecursionError):  # a cycle (no memo) or the unpicklable
        return False
    return now == _content(joblib.load(io.BytesIO(data)))


def save_model(
    pipeline: Any, meta: ModelMetadata, directory: str | Path, overwrite: bool, loaded: bytes | None = None
) -> tuple[Path, ModelMetadata, bytes]:
    """Save a model into *directory* (see :meth:`taikai.Model.save`); return the directory, the metadata as
    written and the artifact's bytes. *loaded*: the artifact bytes the pipeline was loaded from (or last saved
    as), written again when the pipeline is :func:`unchanged` since."""
    check_path("directory", directory)
    out = Path(directory)
    check_model_dir(out, overwrite, f"directory {out}")
    problems = metadata_problems(pipeline, meta)
    if problems:  # a pipeline fitted by hand: its metadata is empty, and load_model would refuse it
        raise ModelError(
            f"cannot save the model: its metadata does not describe its pipeline ({'; '.join(problems)}); "
            "train it with taikai.train(data, out=directory), which writes both"
        )
    same = loaded if loaded is not None and unchanged(pipeline, loaded) else None
    written = save_artifact(pipeline, meta, out, same)
    return out, written, same if same is not None else (out / ARTIFACT_NAME).read_bytes()
