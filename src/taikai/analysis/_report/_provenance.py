"""Which model made the predictions: named by ``--model``, recorded in the batch summary, or the default model."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taikai.errors import Argument, InputError, ModelError
from taikai.io import RunSummary, check_made_by, stamp_model_dir
from taikai.model import (
    Model,
    ModelMetadata,
    default_model_dir,
    load_model,
    model_display_name,
    model_sha256,
    read_metadata,
    shipped_model_dir,
)


class Origin(enum.Enum):
    """How the report knows the model."""

    OPTION = "option"  # --model
    SUMMARY = "summary"  # the batch summary beside the predictions
    ASSUMED = "assumed"  # the default model, whose columns match
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ModelInfo:
    """The model behind the predictions, as its metadata says; empty fields when it is unknown."""

    origin: Origin
    name: str = ""
    sha256: str = ""
    created_at: str = ""
    test_metrics: dict[str, float] = field(default_factory=dict)
    refit_on_all_rows: bool = False


def given_model(model: Model | str | Path | None) -> Model | None:
    """Return the model given to the report, loaded and verified (``load_model``) when it is a directory: a
    model that loading refuses (a changed artifact, other library versions, edited metadata) is refused by the
    report as by ``drift`` and ``batch``, before the report is built, not shown with its metadata's sha256."""
    return model if model is None or isinstance(model, Model) else load_model(model)


def prediction_reasons(frame: Any) -> set[str]:
    """Return the reasons of the ``p_reason_*`` columns of a predictions frame."""
    return {str(c)[len("p_reason_") :] for c in frame.columns if str(c).startswith("p_reason_")}


def _test_metrics(meta: ModelMetadata) -> dict[str, float]:
    test = meta.metrics.test
    return {} if test is None else {key: float(value) for key, value in test.numbers().items()}


def _from_metadata(origin: Origin, name: str, meta: ModelMetadata) -> ModelInfo:
    sha = meta.artifact.sha256 if meta.artifact is not None else ""
    return ModelInfo(origin, name, sha, meta.created_at, _test_metrics(meta), meta.refit_on_all_rows)


def _metadata(model: Model | str | Path) -> tuple[str, ModelMetadata]:
    if isinstance(model, Model):
        return model_display_name(model.path, model_sha256(model)), model.metadata
    meta = read_metadata(Path(model))
    return model_display_name(model, meta.artifact.sha256 if meta.artifact else ""), meta


def identify_model(frame: Any, model: Model | str | Path | None, run: RunSummary | None) -> ModelInfo:
    """Return the model that made *frame*; refuse a ``--model`` whose reasons or hash disagree with the predictions."""
    found = prediction_reasons(frame)
    if model is not None:
        name, meta = _metadata(model)
        if found and found != set(meta.reasons):
            raise InputError(
                f"the predictions' p_reason_* columns {sorted(found)} do not match the reasons of the model {name} "
                f"{sorted(meta.reasons)}; name the model that made them with {Argument('model', '--model')}"
            )
        check_made_by(run, name, meta.artifact.sha256 if meta.artifact else "")
        return _from_metadata(Origin.OPTION, name, meta)
    if run is not None and run.model is not None:
        stamp = run.model
        # named anew from the hash: a summary written before would call a $TAIKAI_MODEL model "default (shipped)"
        name = model_display_name(stamp.path, stamp.sha256) if stamp.path else stamp.name
        return ModelInfo(
            Origin.SUMMARY, name, stamp.sha256, stamp.created_at, stamp.test_metrics, stamp.refit_on_all_rows
        )
    name, meta = _metadata(default_model_dir())
    if found == set(meta.reasons):
        return _from_metadata(Origin.ASSUMED, name, meta)
    return ModelInfo(Origin.UNKNOWN)


class Missing(enum.Enum):
    """Why the model a batch summary names cannot be had for the drift check."""

    NO_DIRECTORY = "no_directory"  # the summary names no directory (a model never saved)
    GONE = "gone"  # the directory it names is not there (moved or deleted)
    NOT_A_MODEL = "not_a_model"  # the directory is there, without a model's metadata
    ANOTHER_MODEL = "another_model"  # the directory holds a model of another sha256


@dataclass(frozen=True)
class MissingModel:
    """The model the batch summary names cannot be had for the drift check: *why*, and what the page says of it in
    its own language (the summary's file name, the model's name and sha256, *other*: the sha256 of the model its
    directory holds now; never the model's path, which is the analyst's own), and *detail*: the same with the path,
    in English, warned on the command line."""

    why: Missing
    summary: str
    name: str
    sha256: str
    detail: str
    other: str = ""


def drift_model(model: Model | str | Path | None, run: RunSummary | None) -> Model | str | Path | MissingModel | None:
    """Return the model to check drift against: *model*; else the one the batch summary *run* names, found by its
    stored path (:func:`taikai.io.stamp_model_dir`) and checked by its artifact's sha256, or, when that directory
    is gone or holds another model, the default or the shipped model when it has that sha256 (the same model
    installed elsewhere: a new virtual environment); else why it cannot be used (:class:`MissingModel`: never
    another model in its place). ``None`` without a summary that names a model (the default model, as the model
    section assumes it)."""
    if model is not None:
        return model
    if run is None or run.model is None:
        return None
    folder = stamp_model_dir(run)
    missing = _missing(run, folder)
    if missing is None:
        return folder
    return _installed_copy(run.model.sha256) or missing


def _missing(run: RunSummary, folder: Path | None) -> MissingModel | None:
    """Why the directory *folder* the summary *run* names (``None``: not found) is not its model; ``None`` when
    it is."""
    assert run.model is not None
    stamp = run.model
    name = model_display_name(stamp.path, stamp.sha256) if stamp.path else stamp.name
    said = (Path(run.path).name, name, stamp.sha256)
    made = f"{said[0]} says the predictions were made by model {name} (sha256 {stamp.sha256[:12]}…)"
    advice = f"give that model with {Argument('model', '--model')}"
    if folder is None:
        if not stamp.path:
            return MissingModel(Missing.NO_DIRECTORY, *said, f"{made} and names no directory of it; {advice}")
        looked = "" if Path(stamp.path).is_absolute() else " (looked for beside the summary and in the current folder)"
        return MissingModel(Missing.GONE, *said, f"{made}, but {stamp.path} is no directory{looked}; {advice}")
    try:
        meta = read_metadata(folder)
    except ModelError as exc:
        return MissingModel(Missing.NOT_A_MODEL, *said, f"{made}, but {exc}; {advice}")
    sha256 = meta.artifact.sha256 if meta.artifact is not None else ""
    if sha256 != stamp.sha256:
        other = f"another model now (sha256 {sha256[:12] or 'none'}…)"
        return MissingModel(Missing.ANOTHER_MODEL, *said, f"{made}, but {folder} holds {other}; {advice}", sha256)
    return None


def _installed_copy(sha256: str) -> Path | None:
    """Return the directory of the default model (``$TAIKAI_MODEL``, else the shipped one) or of the shipped model
    when its artifact's hash is *sha256*, else ``None``."""
    try:
        folders = [default_model_dir(), shipped_model_dir()]
    except ModelError:  # no default model installed
        folders = []
    for folder in folders:
        try:
            meta = None if folder is None else read_metadata(folder)
        except ModelError:
            continue
        if sha256 and meta is not None and meta.artifact is not None and meta.artifact.sha256 == sha256:
            return folder
    return None
