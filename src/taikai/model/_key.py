"""What identifies what a model computes: its artifact and the settings of its metadata that change its outputs.

``metadata.json`` lies outside the artifact's sha256, and two of its fields change what the model outputs: the
per-reason thresholds (which further reasons are stated) and ``max_chars`` (where a text is cut). An edit of either
leaves the artifact, and its sha256, as it was; :func:`model_key` changes with it.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from taikai.model._model import Model


def metadata_settings(model: Model) -> dict[str, Any]:
    """Return the settings of *model*'s metadata that change its outputs, outside its artifact: the threshold of
    each reason as :meth:`~taikai.model.Model.classify` applies it (the default for a reason without one), and the
    text limit ``max_chars``."""
    thresholds = {label: float(t) for label, t in zip(model.reason_labels, model.thresholds, strict=True)}
    return {"reason_thresholds": thresholds, "max_chars": model.max_chars}


def settings_json(model: Model) -> str:
    """Return :func:`metadata_settings` as canonical JSON (keys sorted), as run fingerprints store it."""
    return json.dumps(metadata_settings(model), sort_keys=True)


def model_key(model: Model) -> str:
    """Return a key that changes with what *model* computes: a sha256 of its saved artifact's sha256 (for a model
    never saved, of its pickled pipeline) and of :func:`metadata_settings` (equal models get equal keys; a model
    whose ``metadata.json`` thresholds or ``max_chars`` were edited gets another). The Dask engine caches a
    model per worker process under it."""
    artifact = model.metadata.artifact
    if artifact is not None:
        digest = hashlib.sha256(artifact.sha256.encode())
    else:  # the same names, whatever the process unpickled before (see _attribute_names)
        from taikai.model._attribute_names import intern_attribute_names

        intern_attribute_names(model.pipeline)
        digest = hashlib.sha256(pickle.dumps(model.pipeline, protocol=pickle.HIGHEST_PROTOCOL))
    digest.update(settings_json(model).encode())
    return f"{'' if artifact is not None else 'memory-'}{digest.hexdigest()}"


def model_sha256(model: Model) -> str:
    """Return the identity predictions files record of the model that made them: the sha256 of its saved
    artifact (``taikai drift`` and ``taikai report`` compare it with the model's), or :func:`model_key` for a
    model never saved."""
    artifact = model.metadata.artifact
    return artifact.sha256 if artifact is not None else model_key(model)
