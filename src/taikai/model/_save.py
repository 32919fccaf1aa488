"""Save a :class:`~taikai.Model` into a directory, as ``taikai.train(data, out=directory)`` does: refuse a directory
that holds a model or other files (checked before training, and again once the save holds the directory, so that a
model another save wrote meanwhile is not replaced), and metadata that does not describe the pipeline, then write
both files. A pipeline unchanged since it was loaded is written as the very bytes it was loaded from, so that its
sha256 (the identity predictions files record) holds."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

from taikai._cut import cut_list
from taikai.errors import Argument, InputError, ModelError, check_path
from taikai.model._artifact import ARTIFACT_NAME, METADATA_NAME, leftover
from taikai.model._default_model import packaged_model_dir, shipped_model_dir
from taikai.model._loaded import metadata_problems
from taikai.model._metadata import ModelMetadata
from taikai.model._save_files import dirs_made, write_artifact
from taikai.model._save_marker import SAVING_NAME, Leftover, busy, in_progress, save_state
from taikai.text import empty_or_blank


def check_out_given(argument: Argument, value: object) -> None:
    """Refuse a *value* of *argument* (the directory to save a model into) that is not a path, or an empty or blank
    one: ``""`` would be the current directory, ``" "`` a directory no ``--model`` takes."""
    check_path(argument.name, value)
    said = empty_or_blank(str(value))
    if said:
        raise InputError(
            f"{argument.given(str(value))} is {said}: give the directory to write the model into (it is created)"
        )


def _check_parent(out: Path, named: str) -> None:
    """Refuse a new *out* that cannot be created: it or a missing parent is a symbolic link to a path that does not
    exist, or its nearest existing parent is a file, or not writable.

    The path is walked as mkdir resolves it, its ``..`` after the part before (``link/../m``: through ``link``), not
    normalised as :func:`os.path.abspath` would (``m``)."""
    full = Path.cwd() / out  # as given: Path keeps "..", and an absolute out stays itself
    parent = full
    while not parent.exists() and parent != parent.parent:
        if parent.is_symlink():  # dangling: mkdir would say "File exists"
            which = "it is" if parent == full else f"{parent} is"
            raise InputError(
                f"{named}: {which} a symbolic link to {os.readlink(parent)}, which does not exist, so the model "
                "directory cannot be created; create the directory it points to, or choose another directory"
            )
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(
            f"{named}: {parent} is a file, not a directory, so the model directory cannot be created in it"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"{named}: cannot create it: you may not write to {parent}; choose a directory you may write")


def refuse_shipped(out: Path, named: str, force: str) -> None:
    """Refuse the directory *out* (*named* in messages) when it is the shipped model's (:func:`shipped_model_dir`),
    with *force* (what replaces a model) or without: the model taikai uses when none is given, which the README's
    first command runs, is not replaced by a model trained or saved into it, a step away (``--force``) from losing
    it. A model retrained to be shipped is trained into another directory, then moved into ``models/default``."""
    shipped = shipped_model_dir()
    if shipped is None or not out.is_dir() or not os.path.samefile(out, shipped):
        return
    packaged = packaged_model_dir() is not None
    where = " (inside the installed package)" if packaged else ""
    ship = (
        "" if packaged else f"; to ship a retrained model, train it elsewhere, then replace {shipped} by its directory"
    )
    raise InputError(
        f"{named}: holds the shipped model, the one taikai uses when no model is given{where}, which a model is not "
        f"saved over, even with {force}: choose another directory (models/mine), then give it with --model "
        "(load_model(DIR) in Python), or set TAIKAI_MODEL to it to make it the default" + ship
    )


def check_model_dir(
    out: Path,
    overwrite: bool,
    named: str,
    force: str = "overwrite=True",
    *,
    interrupted: bool | None = None,
    late: bool = False,
) -> None:
    """Refuse an *out* (*named* in messages: ``directory /x`` or ``out='/x' (--out on the command line)``) that is a
    file or cannot be created, a directory holding a model or other files unless *overwrite* (what to pass for
    that: *force*), one whose files an interrupted save left not one model (unless *overwrite*), and one a live save
    is writing. *interrupted*: whether an interrupted save left its marker in *out* (``None``: look); *late*: the
    check of a save holding *out*, after the one made before training (the trained model is lost if refused)."""
    given = out
    if not out.exists():
        out = dirs_made(out)[0]  # as the save will find it: new/../m is m, once the save has made new
    if out.exists() and not out.is_dir():
        raise InputError(f"{named}: is a file, not a model directory; choose a directory (it is created)")
    if not out.exists():
        _check_parent(given, named)
        return
    refuse_shipped(out, named, force)
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"{named}: you may not write to it; choose a directory you may write")
    if interrupted is None:
        state = save_state(out)
        if state is not None and state.live:
            if late:
                raise InputError(busy(named, state.pid, force, late=True, began="it began while this one was trained"))
            raise InputError(in_progress(named, state))
        interrupted = state is not None
    left = leftover(out) if interrupted and not overwrite else Leftover.WHOLE  # a whole model: as if no marker
    if left is Leftover.INCOMPLETE:
        raise InputError(
            f"{named}: a save into it was interrupted before it wrote both {ARTIFACT_NAME} and {METADATA_NAME}, so it "
            f"holds no complete model; pass {force} to write one"
        )
    if left is Leftover.HALF_WRITTEN:
        raise InputError(
            f"{named}: a save into it was interrupted, so it holds a half-written model; pass {force} to replace it"
        )
    if overwrite:
        return
    if (out / METADATA_NAME).exists() or (out / ARTIFACT_NAME).exists():
        if late:
            raise InputError(
                f"{named}: a model was saved into it while this one was trained (another taikai train or Model.save "
                f"finished first), and this one was not saved; choose another directory, or pass {force} to replace "
                "that model"
            )
        raise InputError(f"{named}: already holds a model; choose another directory, or pass {force} to replace it")
    others = sorted(p.name for p in out.iterdir() if p.name != SAVING_NAME)
    if others:
        shown = cut_list(others, 5)
        raise InputError(
            f"{named}: the directory holds other files ({shown}); choose a new or empty directory, or pass {force} "
            "to write the model among them"
        )


def _content(obj: Any) -> bytes:
    """Return a digest of what *obj* holds, whatever its objects' identities: pickled without a memo (a pickle's
    bytes depend on which equal strings and dtypes are one object, which a pickle round trip changes)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: a shared object is written each time it is met
    pickler.dump(obj)
    return hashlib.sha256(buffer.getbuffer()).digest()


def unchanged(pipeline: Any, data: bytes) -> bool:
    """Return whether *pipeline* holds what the artifact bytes *data* (already verified) hold: neither refit nor
    given other parameters since it was loaded from them."""
    import joblib

    try:
        now = _content(pipeline)
    except (pickle.PicklingError, ValueError, TypeError, RecursionError):  # a cycle (no memo) or the unpicklable
        return False
    return now == _content(joblib.load(io.BytesIO(data)))


def save_model(
    pipeline: Any,
    meta: ModelMetadata,
    directory: str | Path,
    overwrite: bool,
    loaded: bytes | None = None,
    *,
    named: str = "",
    force: str = "overwrite=True",
    late: bool = False,
) -> tuple[Path, ModelMetadata, bytes]:
    """Save a model into *directory* (see :meth:`taikai.Model.save`); return the directory, the metadata as
    written and the artifact's bytes. *loaded*: the artifact bytes the pipeline was loaded from (or last saved
    as), written again when the pipeline is :func:`unchanged` since. *named* and *force*: the directory and
    *overwrite* in messages (``directory DIR`` and ``overwrite=True`` by default); *late*: *directory* was checked
    before the model was trained (see :func:`check_model_dir`)."""
    check_out_given(Argument("directory"), directory)
    out = Path(directory)
    named = named or f"directory {out}"
    check_model_dir(out, overwrite, named, force, late=late)
    problems = metadata_problems(pipeline, meta)
    if problems:  # a pipeline fitted by hand: its metadata is empty, and load_model would refuse it
        raise ModelError(
            f"cannot save the model: its metadata does not describe its pipeline ({'; '.join(problems)}); "
            "train it with taikai.train(data, out=directory), which writes both"
        )
    same = loaded if loaded is not None and unchanged(pipeline, loaded) else None

    def again(interrupted: bool) -> None:  # the directory as it is once this save holds it
        check_model_dir(out, overwrite, named, force, interrupted=interrupted, late=True)

    written, data = write_artifact(pipeline, meta, out, same, again, named=named, force=force, late=late)
    return out, written, data
