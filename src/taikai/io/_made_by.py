"""Which model made a batch output: where its directory is, as its summary names it, and the check that another
model is not taken for it."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import MODEL, InputError
from taikai.io._run_summary import RunSummary


def stamp_model_dir(run: RunSummary) -> Path | None:
    """Return the directory of the model that made the predictions, as the batch summary *run* names it, when it
    is there: the stored path, absolute since summaries store it so; a relative one (an older summary, relative to
    where batch ran) resolved against the summary's own folder first, then the current directory. ``None`` when the
    summary names no directory (a model never saved, an older Dask manifest) or no such directory exists; else
    the directory, absolute, so that advice naming it holds from any folder."""
    if run.model is None or not run.model.path:
        return None
    stored = Path(run.model.path)
    tried = [stored] if stored.is_absolute() else [Path(run.path).parent / stored, stored]
    found = next((folder for folder in tried if folder.is_dir()), None)
    return None if found is None else found.resolve()


def check_made_by(run: RunSummary | None, model_name: str, sha256: str, *, named: bool = True, raw: str = "") -> None:
    """Raise :class:`InputError` when the batch summary *run* says its predictions were made by a model other than
    the one called *model_name* whose artifact hash is *sha256* (``""``: unknown, not checked).

    *named*: the model was given with ``--model``; else it is the default model. The advice is to name the one that
    made the predictions: its directory as the summary names it (:func:`stamp_model_dir`), or, when that directory
    is gone (moved or deleted) or none is named, to give the model's new place. *raw* is another way out, said last
    (drift: the raw dump, which it classifies with the model it was given).
    """
    if run is None or run.model is None or not sha256 or run.model.sha256 == sha256:
        return
    made = f"{run.path} says the predictions were made by model {run.model.name} (sha256 {run.model.sha256[:12]}…)"
    if named:
        made = f"{made}, not by {MODEL.given(model_name)} (sha256 {sha256[:12]}…)"
    else:
        made = f"{made}, not by the default model ({model_name}, sha256 {sha256[:12]}…)"
    other = f", or {raw}" if raw else ""
    folder = stamp_model_dir(run)
    if folder is not None:
        raise InputError(f"{made}; name the model that made them with {MODEL.either([str(folder)])}{other}")
    stored = run.model.path
    if not stored:  # a model never saved: nothing to name but where it is now
        raise InputError(f"{made}, and names no directory of it; give that model's directory with {MODEL}{other}")
    looked = "" if Path(stored).is_absolute() else " (looked for beside the summary and in the current folder)"
    raise InputError(
        f"{made}; the directory it names, {stored}, is gone (moved or deleted){looked}: give that model's new "
        f"place with {MODEL}{other}"
    )
