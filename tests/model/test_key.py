"""model_key: what a model computes, its metadata settings included; model_sha256: the identity predictions record."""

from __future__ import annotations

import json
import shutil

import pytest

import taikai
from taikai.model import DEFAULT_THRESHOLD, metadata_settings, model_key, model_sha256


def _copy(model_dir, where, edit=None):
    shutil.copytree(model_dir, where)
    if edit is not None:
        metadata = json.loads((where / "metadata.json").read_text(encoding="utf-8"))
        edit(metadata)
        (where / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    return taikai.load_model(where)


@pytest.mark.parametrize(
    ("edit", "same_key"),
    [
        (None, True),
        (lambda m: m.update(created_at="2000-01-01T00:00:00+00:00"), True),  # no output changes
        (lambda m: m.update(warnings=["a note"]), True),
        (lambda m: m.update(reason_thresholds=dict.fromkeys(m["reason_thresholds"], 0.9)), False),
        (lambda m: m["reason_thresholds"].update(fees=0.05), False),
        (lambda m: m["reason_thresholds"].pop("fees"), False),  # then the default applies
        (lambda m: m.update(max_chars=50), False),
    ],
    ids=["copy", "created_at", "warnings", "every threshold", "one threshold", "a threshold removed", "max_chars"],
)
def test_the_key_changes_with_the_metadata_settings_and_the_identity_does_not(tmp_path, tiny_model_dir, edit, same_key):
    """Regression: the key was the artifact's sha256 alone, which an edit of metadata.json leaves as it was, so the
    Dask engine's per-worker cache could keep serving the model as it was before the edit."""
    original, copy = taikai.load_model(tiny_model_dir), _copy(tiny_model_dir, tmp_path / "copy", edit)
    assert (model_key(copy) == model_key(original)) is same_key
    assert model_sha256(copy) == model_sha256(original) == original.metadata.artifact.sha256


def test_the_settings_are_the_thresholds_classify_applies_and_max_chars(tmp_path, tiny_model_dir):
    model = _copy(tiny_model_dir, tmp_path / "copy", lambda m: m["reason_thresholds"].pop("fees"))
    settings = metadata_settings(model)
    assert list(settings["reason_thresholds"]) == model.reason_labels
    assert settings["reason_thresholds"]["fees"] == DEFAULT_THRESHOLD
    assert settings["max_chars"] == model.max_chars == model.metadata.max_chars


def test_an_unsaved_model_is_keyed_by_its_pipeline_and_settings(tiny_model):
    unsaved = taikai.Model(tiny_model.pipeline, tiny_model.metadata.__class__.unsaved())
    assert model_key(unsaved).startswith("memory-") and model_sha256(unsaved) == model_key(unsaved)
    assert model_key(unsaved) == model_key(taikai.Model(tiny_model.pipeline, unsaved.metadata))
