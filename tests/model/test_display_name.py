"""The name a model is shown by: "default (shipped)" for the shipped model only (by its hash), else its folder's."""

from __future__ import annotations

import pytest

from taikai.model import (
    IN_MEMORY_NAME,
    SHIPPED_NAME,
    default_model_dir,
    model_display_name,
    read_metadata,
    shipped_model_dir,
)
from taikai.model._display_name import shipped_sha256


def _sha256(folder) -> str:
    artifact = read_metadata(folder).artifact
    assert artifact is not None
    return artifact.sha256


@pytest.mark.parametrize(
    ("path", "which", "name"),
    [
        ("/anywhere/default", "shipped", SHIPPED_NAME),
        ("/anywhere/copy", "shipped", SHIPPED_NAME),  # a copy of the shipped model is the shipped model
        ("/anywhere/default", "tiny", "default"),  # a model of that folder name is not, unless it is by hash
        ("/anywhere/mine2", "tiny", "mine2"),
        ("models/mine2", "tiny", "mine2"),
        (None, "tiny", IN_MEMORY_NAME),
        ("", "tiny", IN_MEMORY_NAME),
        ("/anywhere/mine", "", "mine"),  # the hash unknown
    ],
)
def test_the_display_name(tiny_model_dir, path, which, name):
    sha256 = {"shipped": _sha256(default_model_dir()), "tiny": _sha256(tiny_model_dir), "": ""}[which]
    assert model_display_name(path, sha256) == name


def test_taikai_model_does_not_make_a_model_the_shipped_one(tiny_model_dir, monkeypatch):
    """Regression: a model chosen with TAIKAI_MODEL was recorded and shown as "default (shipped)"."""
    shipped = shipped_model_dir()
    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))
    assert default_model_dir() == tiny_model_dir
    assert shipped_model_dir() == shipped and shipped is not None
    assert shipped_sha256() == _sha256(shipped) != _sha256(tiny_model_dir)
    assert model_display_name(tiny_model_dir, _sha256(tiny_model_dir)) == "tiny"
