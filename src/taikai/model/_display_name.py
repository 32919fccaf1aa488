"""The name a model is shown by (batch summary, report, drift section): ``default (shipped)`` for the shipped model,
known by its artifact's sha256 however it was chosen (``--model``, ``$TAIKAI_MODEL``, a copy); otherwise its
directory's name, never its path (the page is shared, the path is the analyst's own); ``(in memory)`` for a model
never saved."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import ModelError
from taikai.model._artifact import read_metadata
from taikai.model._default_model import shipped_model_dir

SHIPPED_NAME = "default (shipped)"
"""The name of the shipped model (``models/default``, or the copy inside the wheel)."""
IN_MEMORY_NAME = "(in memory)"
"""The name of a model that was never saved: it has no directory."""


def shipped_sha256() -> str:
    """Return the artifact sha256 of the shipped model, ``""`` when none is installed or its metadata is unreadable
    (then no model is named the shipped one)."""
    folder = shipped_model_dir()
    if folder is None:
        return ""
    try:
        artifact = read_metadata(folder).artifact
    except ModelError:
        return ""
    return artifact.sha256 if artifact is not None else ""


def model_display_name(path: str | Path | None, sha256: str) -> str:
    """Return the name of the model in the directory *path* whose artifact hash is *sha256*: ``default (shipped)``
    when that is the shipped model's hash, else the directory's name; ``(in memory)`` without a directory."""
    if sha256 and sha256 == shipped_sha256():
        return SHIPPED_NAME
    if path is None or not str(path):
        return IN_MEMORY_NAME
    return Path(path).name or Path(path).resolve().name
