"""The model that made the predictions a sheet is picked from, as the batch summary beside them names it: its
metadata says how it was trained (the how_to's train command) and on which rows (the rows labelled already); a model
trained again into that folder since (``taikai train --out DIR --force``) is not the one that made them."""

from __future__ import annotations

import os
import shlex
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


def replaced(run: RunSummary | None, meta: ModelMetadata | None) -> bool:
    """Return whether the model the batch summary *run* names, whose metadata is *meta* (:func:`metadata`), is no
    longer the one that made the predictions: its artifact's sha256 is not the one the summary records."""
    if run is None or run.model is None or not run.model.sha256 or meta is None or meta.artifact is None:
        return False
    return meta.artifact.sha256.lower() != run.model.sha256.lower()


def warn_replaced(source: str, run: RunSummary | None) -> None:
    """Warn when the model that made the predictions *source* was replaced in its folder since (:func:`replaced`):
    they are an earlier model's, so the rows picked are those that model was unsure of, the labels just added
    included; the way out is a batch with the model there now."""
    meta = metadata(run)
    if run is None or run.model is None or meta is None or not replaced(run, meta):
        return
    from taikai._warn import warn_user
    from taikai.errors import DataWarning

    now = meta.artifact.sha256[:12] if meta.artifact is not None else ""
    warn_user(
        f"{source}: these predictions were made by the model {run.model.name} (sha256 {run.model.sha256[:12]}…), "
        f"but {run.model.path} now holds another model (sha256 {now}…, created {meta.created_at}), trained there "
        "since: the rows are picked by what the earlier model was unsure of, and the sheet's how_to describes the "
        "model there now; to pick by the model there now, run taikai batch again with "
        f"--model {shlex.quote(run.model.path)} and suggest from its output",
        DataWarning,
    )


def located(
    run: RunSummary | None, meta: ModelMetadata, names: tuple[str, ...], role: str = "added"
) -> tuple[str, ...]:
    """Return *names*, the files the model the batch summary *run* names was trained on with ``--add`` (*role*
    ``added``; ``base``: its training data), as training read them (relative to the folder it ran in), each as a
    path from the current folder: a relative one that is not here with the sha256 its metadata records is looked
    for in the model's folder and the folders above it (where training ran, for ``--out models/NAME``), so that a
    command given from another folder names the file; a name found nowhere is kept as it is."""
    if run is None or run.model is None:
        return names
    recorded = {f.file: f.sha256.lower() for f in meta.inputs if f.role == role}
    folders = Path(run.model.path).resolve().parents
    out = []
    for name in names:
        if Path(name).is_absolute() or not recorded.get(name) or _sha256(Path(name)) == recorded[name]:
            out.append(name)
            continue
        found = next((p for p in (f / name for f in folders) if _sha256(p) == recorded[name]), None)
        out.append(name if found is None else min(os.path.relpath(found), str(found), key=len))
    return tuple(out)


def _sha256(path: Path) -> str | None:
    """Return the sha256 of the file *path* (:func:`~taikai.model.sha256_file`); ``None`` when it is no file that can
    be read."""
    from taikai.model import sha256_file

    try:
        return sha256_file(path)
    except OSError:
        return None
