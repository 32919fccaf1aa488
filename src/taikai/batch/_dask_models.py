"""The model on a Dask cluster's workers: shipped to each worker once and cached per process.

A worker plugin (:class:`ModelPlugin`) carries the model directory's files and loads (and verifies) them at the
worker's start; partitions look the model up (:class:`ModelRef`) in a per-process cache keyed by
:func:`taikai.model.model_key` (of the artifact's sha256 and the thresholds and ``max_chars`` of its metadata, so
that a worker never keeps a model whose metadata was edited since). Without a distributed client (threaded or process
scheduler) each process loads the model from its directory on first use.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from taikai.errors import MissingExtraError

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise MissingExtraError("the Dask engine", "dask and distributed", "dask", exc) from exc

from taikai.batch._dask_arguments import check_client, check_loaded
from taikai.errors import ModelError
from taikai.model import ARTIFACT_NAME, METADATA_NAME, Model, load_model, model_key

_MODELS: dict[str, Model] = {}
_LOADS: dict[str, int] = {}
_HOLDERS: dict[str, set[str]] = {}
LOAD_LOCK = threading.Lock()
"""Held while this process's caches (of models, and of compiled rules) change."""


def load_count() -> dict[str, int]:
    """Return how many times this process loaded each model (by :func:`~taikai.model.model_key`): 1 each when
    shipping works."""
    return dict(_LOADS)


def held_models() -> list[str]:
    """Return the keys (:func:`~taikai.model.model_key`) of the models this process holds in memory."""
    return sorted(_MODELS)


def _remember(key: str, load: Callable[[], Model]) -> Model:
    """Return the cached model *key*, or call *load* once in this process and cache its result."""
    with LOAD_LOCK:
        if key not in _MODELS:
            _MODELS[key] = load()
            _LOADS[key] = _LOADS.get(key, 0) + 1
        return _MODELS[key]


def _model_files(model: Model) -> dict[str, bytes] | None:
    """Return the bytes of the model directory's metadata and artifact, or ``None`` for an in-memory model."""
    if model.path is None:
        return None
    artifact = model.metadata.artifact.file if model.metadata.artifact else ARTIFACT_NAME
    return {name: (Path(model.path) / name).read_bytes() for name in (METADATA_NAME, artifact)}


def _load_files(key: str, files: dict[str, bytes], root: str) -> Model:
    """Write a model directory's files under *root* and load it, so the artifact is verified as usual."""
    target = Path(tempfile.mkdtemp(prefix=f"taikai-model-{key[:12]}-", dir=root))
    for name, data in files.items():
        (target / name).write_bytes(data)
    return load_model(target)


class ModelPlugin(WorkerPlugin):  # type: ignore[misc]
    """Carry one model to every worker (also those that join or restart later) and load it at setup.

    Under its default name (one per model) registering it again is a no-op. A run of the file engine gives it a
    name of its own and unregisters it at its end: :meth:`teardown` then frees the model on each worker, unless
    another plugin still holds it.
    """

    idempotent = True

    def __init__(self, model: Model, name: str | None = None):
        self.key = model_key(model)
        self.name = name or f"taikai-model-{self.key[:16]}"
        self.files = _model_files(model)
        self.model = model if self.files is None else None

    def setup(self, worker: Any) -> None:
        """Load the model into this worker process's cache (once, whatever the number of partitions)."""
        files, model = self.files, self.model
        if files is None:
            assert model is not None
            _remember(self.key, lambda: model)
        else:
            _remember(self.key, lambda: _load_files(self.key, files, worker.local_directory))
        with LOAD_LOCK:
            _HOLDERS.setdefault(self.key, set()).add(self.name)

    def teardown(self, worker: Any) -> None:
        """Free the model in this worker process once no registered plugin holds it any more."""
        with LOAD_LOCK:
            holders = _HOLDERS.get(self.key, set())
            holders.discard(self.name)
            if not holders:
                _HOLDERS.pop(self.key, None)
                _MODELS.pop(self.key, None)


class ModelRef:
    """What a partition task carries: the model's key and directory, or an unshipped in-memory model itself."""

    def __init__(self, model: Model, shipped: bool):
        self.key = model_key(model)
        self.path = str(model.path) if model.path is not None else None
        self.model = model if model.path is None and not shipped else None

    def get(self) -> Model:
        """Return this process's copy of the model, loading it from its directory on first use."""
        if self.key in _MODELS:
            return _MODELS[self.key]
        model, path = self.model, self.path
        if model is not None:
            return _remember(self.key, lambda: model)
        if path is None or not os.path.isdir(path):
            raise ModelError(
                f"model {self.path} is not on this worker and was not shipped; call taikai.dask.classify with "
                "the distributed Client active (or client=) so that the model is sent to every worker"
            )
        return _remember(self.key, lambda: load_model(path))


def ship_model(model: Model, client: Any, name: str | None = None) -> str:
    """Send *model* to every worker of *client* (and to those that join later) and return the plugin's name.

    Without *name*, a no-op when the model is already there; with one, the caller unregisters it when done
    (``client.unregister_worker_plugin(name)``), which frees the model on the workers.
    """
    check_loaded(model)
    check_client(client, required=True)
    plugin = ModelPlugin(model, name)
    client.register_plugin(plugin)
    return str(plugin.name)
