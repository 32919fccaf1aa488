"""Where the default model is: ``$TAIKAI_MODEL``, else the shipped model (packaged in the wheel, or
``models/default`` of the source checkout of an editable install)."""

from __future__ import annotations

import json
import os
from importlib import metadata as importlib_metadata
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlparse

from taikai.errors import ModelError
from taikai.model._artifact import METADATA_NAME


def _editable_source_dir() -> Path | None:
    """Return the source checkout of an editable install (PEP 610 direct_url.json), if this is one."""
    try:
        text = importlib_metadata.distribution("taikai").read_text("direct_url.json")
    except importlib_metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    info = json.loads(text)
    if not info.get("dir_info", {}).get("editable"):
        return None
    return Path(unquote(urlparse(info["url"]).path))


def packaged_model_dir() -> Path | None:
    """Return the directory of the shipped model packaged inside the installed wheel, ``None`` without one."""
    packaged = resources.files("taikai") / "default_model"
    if packaged.is_dir() and (packaged / METADATA_NAME).is_file():
        return Path(str(packaged))
    return None


def shipped_model_dir() -> Path | None:
    """Return the directory of the shipped model, whatever ``$TAIKAI_MODEL`` says: the copy packaged inside the
    installed wheel, else ``models/default`` of the source checkout of an editable install; ``None`` without one."""
    packaged = packaged_model_dir()
    if packaged is not None:
        return packaged
    source = _editable_source_dir()
    if source is not None and (source / "models" / "default" / METADATA_NAME).is_file():
        return source / "models" / "default"
    return None


def default_model_dir() -> Path:
    """Return the directory of the default model.

    Looked up in order: ``$TAIKAI_MODEL``; the copy packaged inside the installed wheel; ``models/default`` of
    the source checkout for an editable install.
    """
    env = os.environ.get("TAIKAI_MODEL")
    if env:
        return Path(env)
    shipped = shipped_model_dir()
    if shipped is not None:
        return shipped
    raise ModelError(
        "no default model is installed; give a model directory (load_model(DIR) in Python, --model DIR on the "
        "command line), set TAIKAI_MODEL, or train one"
    )
