"""The retrain command of a model: :data:`~taikai.model._fields.TRAIN_COMMAND` with the options its metadata records
it was trained with, or the :func:`taikai.train` call of a model trained in Python with features the command line
cannot give, so that following a hint trains the same kind of model."""

from __future__ import annotations

import os
import shlex
from typing import TYPE_CHECKING, Protocol

from taikai.model._fields import DATA, TRAIN_COMMAND
from taikai.model._python_retrain import python_command
from taikai.model._trained_with import trained_with

if TYPE_CHECKING:
    from taikai.model._input_file import InputFile
    from taikai.model._recorded_config import RecordedConfig
    from taikai.model._trained_columns import TrainedColumns

NO_VECTORS = "--vectors none"


class TrainedAs(Protocol):
    """How a model was trained, as its metadata records it (:class:`~taikai.model.ModelMetadata`, or what of a
    damaged one can be read)."""

    @property
    def config(self) -> RecordedConfig: ...
    @property
    def reasons(self) -> tuple[str, ...]: ...
    @property
    def sentiments(self) -> tuple[str, ...]: ...
    @property
    def free_labels(self) -> bool: ...
    @property
    def refit_on_all_rows(self) -> bool: ...
    @property
    def columns(self) -> TrainedColumns: ...
    @property
    def folds(self) -> int: ...
    @property
    def test_size(self) -> float: ...
    @property
    def seed(self) -> int: ...
    @property
    def mask_pii(self) -> bool: ...


_OPTIONS = ("--free-labels", "--no-sentiment", NO_VECTORS, "--refit-all")


def train_command(
    free_labels: bool = False, *, no_sentiment: bool = False, no_vectors: bool = False, refit_all: bool = False
) -> str:
    """The retrain command of a model: :data:`TRAIN_COMMAND`, with the options it was trained with (``--free-labels``
    for one of labels of its own, ``--no-sentiment``, ``--vectors none``, ``--refit-all``)."""
    options = _options(free_labels, no_sentiment=no_sentiment, no_vectors=no_vectors, refit_all=refit_all)
    return TRAIN_COMMAND.replace(" --out", options + " --out")


def _options(free_labels: bool, *, no_sentiment: bool, no_vectors: bool, refit_all: bool) -> str:
    given = (free_labels, no_sentiment, no_vectors, refit_all)
    return "".join(f" {o}" for o, on in zip(_OPTIONS, given, strict=True) if on)


def retrain_command(meta: TrainedAs | None) -> str:
    """Return the retrain command of the model *meta* describes: the options its metadata records it was trained with
    (its labels its own, no sentiment head, no word vectors, refit on all rows, the columns it read when not the
    standard ones, its seed, its texts masked, its folds and test share when not the defaults), and the files it was
    trained on with ``--add`` (:func:`added_files`), so that following a hint reads the same data, labels added
    included, into the same kind of model; :data:`TRAIN_COMMAND` when no model is known. A model trained in Python with
    features the command line cannot give (a word-vector table of one's own, ``min_df=1``…) is retrained by the
    :func:`taikai.train` call that gives them. The data is the file the model was trained on, as its metadata records
    it, when that file is there (:func:`base_file`), else ``DATA.csv``; a file that is no longer the one trained on is
    said to be (:func:`changed_base`)."""
    added, weight = added_files(meta)
    data = base_file(meta) or DATA
    python = None if meta is None else python_command(meta, added, weight, data)
    adding = "".join(f" --add {shlex.quote(name)}" for name in added) + (
        f" --add-weight {weight:g}" if added and weight else ""
    )
    command = python or TRAIN_COMMAND.replace(" --out", retrain_options(meta) + adding + " --out").replace(
        f"train {DATA}",
        f"train {shlex.quote(data)}",
        1,  # the first: the command's own, not a name given after
    )
    command += _frames_left_out(meta, python is not None, None if added else weight) + changed_base(meta)
    unread = meta is not None and "vectors" in meta.config.unread  # a value loading refuses: the table is not known
    return unsaid(command, [NO_VECTORS] * unread)


def _frames_left_out(meta: TrainedAs | None, python: bool, weight: float | None) -> str:
    """Say that the DataFrames the model *meta* describes was trained on with ``add=`` have no path, so the
    retrain command (a :func:`taikai.train` call when *python*) leaves them out, and how to give them again, as a
    suggest sheet's steps say it (with their ``--add-weight`` *weight* when no file of the command carries it); ``""``
    without such frames."""
    frames = sum(f.role == "added" and f.file.startswith("<frame") for f in getattr(meta, "inputs", ()))
    if not frames:
        return ""
    given = f"the {frames} DataFrame(s) the model was trained with (add=)"
    if python:
        weighted = f", with add_weight={weight:g}" if weight else ""
        return f" ({given} are not named here: give them to add=[…] too{weighted})"
    weighted = f" with --add-weight {weight:g}" if weight else ""
    return (
        f" ({given} have no path and are left out: save each to a file, frame.to_csv('round1.csv', index=False), "
        f"and give it to --add{weighted})"
    )


def base_file(meta: TrainedAs | None) -> str | None:
    """Return the file the model *meta* describes was trained on (its metadata's ``base`` input, from the current
    folder: :func:`from_here`) when it is a file there, so that a retrain hint names it; ``None`` for a DataFrame
    (``<frame>``), a file moved or deleted, or no record (a model saved before format 4, or a damaged metadata): the
    hint then says ``DATA.csv``."""
    from pathlib import Path

    inputs = getattr(meta, "inputs", ())  # a damaged metadata's salvaged fields record no files
    name = next((from_here(f) for f in inputs if f.role == "base"), None)
    return name if name and not name.startswith("<frame") and Path(name).is_file() else None


def from_here(f: InputFile) -> str:
    """Return the name a retrain command gives the input file *f* in the current folder: its name as training was
    given it when that is absolute (or a frame's ``<frame>``), or when its absolute path is not recorded (a model
    saved before it was) or no file is there now; else its path relative to the current folder, so that the command
    works from any folder, not only the one training ran in (``../data/base.csv`` from a notebook's folder). Not the
    absolute path: a hint is pasted into notes and tickets, where ``/home/NAME/…`` would show who trained and where;
    a relative path names no more than the project's own folders."""
    if os.path.isabs(f.file) or not f.path or not os.path.isfile(f.path):
        return f.file
    try:
        return os.path.relpath(f.path)
    except ValueError:  # another drive (Windows): no relative path leads there
        return f.path


def changed_base(meta: TrainedAs | None) -> str:
    """Say, after a retrain command naming the file the model *meta* describes was trained on (:func:`base_file`),
    that the file there now is not that one (:func:`trained_base`), so that a retrain does not train on other rows
    without a word; ``""`` when it is that file, or no file is named. It reads the whole file: callers that may need
    no message pass the command as a callable (:data:`~taikai.model._fields.Retrain`)."""
    name, changed = trained_base(meta)
    if not changed:
        return ""
    recorded = next(f.sha256 for f in getattr(meta, "inputs", ()) if f.role == "base")
    return (
        f" ({name} is not the file the model was trained on: its sha256 is not the one recorded, "
        f"{recorded[:12]}…; it was changed or replaced since. Put that file back to train on the same rows, "
        "or this trains on the file as it is now)"
    )


def trained_base(meta: TrainedAs | None) -> tuple[str | None, bool]:
    """Return the file a retrain of the model *meta* describes names as its training data (:func:`base_file`;
    ``None``: none, ``DATA.csv`` is said) and whether it changed since: its sha256 is not the one the metadata
    records (edited, replaced, or another file of that name in this folder). It reads the whole file."""
    name = base_file(meta)
    recorded = next((f.sha256 for f in getattr(meta, "inputs", ()) if f.role == "base"), "")
    if name is None or not recorded:
        return name, False
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(name, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:  # unreadable now: the command cannot read it either, and says so when run
        return name, False
    return name, digest.hexdigest() != recorded.lower()


def added_files(meta: TrainedAs | None) -> tuple[tuple[str, ...], float | None]:
    """Return the files the model *meta* describes was trained on with ``--add`` (its metadata's added inputs, each
    from the current folder: :func:`from_here`; a frame given to ``add=`` has no name to give again), so that a
    retrain keeps their labels, and their ``--add-weight`` when not the default 1 (else ``None``)."""
    inputs = getattr(meta, "inputs", ())  # a damaged metadata's salvaged fields record no files
    added = [f for f in inputs if f.role == "added"]
    weights = {f.weight for f in added}
    weight = next(iter(weights)) if len(weights) == 1 and weights != {1.0} else None
    return tuple(from_here(f) for f in added if not f.file.startswith("<frame")), weight


def retrain_options(meta: TrainedAs | None) -> str:
    """Return the train options the model *meta* describes was trained with, as its retrain hints give them
    (`` --free-labels --vectors none --text-column 本文 --seed 7 --mask-pii --folds 0 --test-size 0``; ``""`` for
    none, or when no model is known), for a hint that writes a train command of its own (``--add THIS_FILE``)."""
    if meta is None:
        return ""
    no_sentiment = bool(meta.reasons) and not meta.sentiments
    options = _options(
        meta.free_labels,
        no_sentiment=no_sentiment,
        no_vectors=meta.config.words_only(),
        refit_all=meta.refit_on_all_rows,
    )
    return options + meta.columns.options(no_sentiment=no_sentiment) + "".join(f" {o}" for o in trained_with(meta))


def retrain_hint(meta: TrainedAs | None = None) -> str:
    """What to do with a model trained with other library versions (or damaged): retrain it, as
    :func:`retrain_command` says."""
    return f"retrain it with the installed libraries: {retrain_command(meta)}"


def unsaid(command: str, options: list[str]) -> str:
    """Return *command*, a retrain command, saying that the metadata no longer says whether the model was trained
    with *options* (as it is for none)."""
    if not options:
        return command
    add = "add it if it was" if len(options) == 1 else "add those it was"
    return (
        f"{command} (the metadata no longer says whether the model was trained with {_either(options)}: {add}, "
        "or this trains another kind of model than the original)"
    )


def _either(options: list[str]) -> str:
    return options[0] if len(options) == 1 else f"{', '.join(options[:-1])} or {options[-1]}"
