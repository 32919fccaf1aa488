"""Chosen rows the predicting model was trained on: labelled already, so a sheet that hands them out again wastes
the labeller's time (``train --add`` drops them as duplicates). Said in a warning naming the files to exclude."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from taikai.suggestion._how_to import Earlier
from taikai.suggestion._predicting_model import metadata, replaced

if TYPE_CHECKING:
    from taikai.io import RunSummary


def warn_trained(
    source: str, run: RunSummary | None, texts: list[str], earlier: Earlier, written: bool = False
) -> None:
    """Warn when some of the chosen *texts* are texts the model the batch summary *run* names was fitted on (its
    metadata's row hashes; a masked copy too), naming how many and the files it was trained on that were not given
    to ``--exclude`` (the sheets it was given with ``--add``, else its training data, as *earlier* holds them),
    and, when a sheet is *written*, how to replace it; say nothing when no model or no row hashes are known."""
    from taikai.errors import EXCLUDE, DataWarning, ModelError

    meta = metadata(run)
    if meta is None or not texts:
        return
    try:
        fitted = meta.fitted_rows()
    except ModelError:  # damaged: loading the model says so
        return
    if fitted is None:
        return
    seen = int(fitted.contains(texts, meta.max_chars, masked=True).sum())
    if not seen:
        return
    from taikai._warn import warn_user

    given = set(earlier.files)
    # The sheets it was given with --add first: they are small, and hold the rows an earlier round handed out; its
    # training data once they are all given (naming both would warn of a file that matches no row).
    files = [f for f in earlier.trained_with if f not in given] or [f for f in [earlier.data] if f and f not in given]
    path = None if run is None or run.model is None else run.model.path
    model = "the model that made these predictions" + (f" ({path})" if path else "")
    if replaced(run, meta):  # trained again into that folder since: not the model that made them
        model = f"the model now in {path}"
    named = f", {''.join(f' {EXCLUDE.option} {shlex.quote(f)}' for f in files).strip()}," if files else ""
    again = " (with --force, overwrite=True, to replace this sheet)" if written else ""
    warn_user(
        f"{source}: {seen:,} of the {len(texts):,} row(s) chosen have the text of a row {model} was trained on: "
        "they are labelled already, and train --add drops them as duplicates; "
        f"to leave them out, give {EXCLUDE} the file(s) it was trained on{named} and run again{again}",
        DataWarning,
    )
