"""The files of a model directory, and whether a path holds a model: one answer for the modules below
``taikai.model`` (``taikai.io``) and beside it (``taikai._argument_order``, ``taikai.model._env_named``), which
look at a path without loading anything."""

from __future__ import annotations

import os

MODEL_FILES = ("model.joblib", "metadata.json")
"""The files of a model directory (``taikai.model.ARTIFACT_NAME`` and ``METADATA_NAME``); either names the model.
tests/test_model_files.py checks that the list agrees with the model's own names."""


def holds_model(path: str | os.PathLike[str]) -> bool:
    """Return whether *path* is a directory holding a model's file (``model.joblib`` or ``metadata.json``): a model
    directory, whether or not the model in it would load."""
    return os.path.isdir(path) and any(os.path.isfile(os.path.join(path, name)) for name in MODEL_FILES)


def names_model_file(path: str | os.PathLike[str]) -> bool:
    """Return whether *path* is a file named as a model's file (``model.joblib``, ``metadata.json``), which stands
    for the model in its directory."""
    return os.path.basename(path) in MODEL_FILES and os.path.isfile(path)
