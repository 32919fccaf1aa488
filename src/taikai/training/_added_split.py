"""Say, at training time, that rows of an ``--add`` file marked ``test`` in its ``split`` column are trained on:
only the base data's split column decides the test rows, and a later ``taikai evaluate FILE --split test`` would
score rows the model has seen."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING

from taikai._warn import warn_user
from taikai.errors import ADD, DataWarning
from taikai.io import split_values

if TYPE_CHECKING:
    import pandas as pd


def warn_added_tests(added: pd.DataFrame, used: pd.Series, files: Sequence[str], file_column: str) -> None:
    """Warn, for each of *files* (the added files, by their place in *file_column* of *added*), how many of the rows
    trained on (*used*) its ``split`` column marks ``test``, read as the base data's is
    (:func:`taikai.io.split_values`)."""
    if "split" not in added.columns:
        return
    tested = split_values(added["split"]).eq("test").fillna(False) & used
    for number, name in enumerate(files):
        mine = added[file_column] == number
        count = int((tested & mine).sum())
        if count:
            scored = (
                "taikai.evaluate(model, frame, split='test')"
                if name.startswith("<frame")
                else (f"taikai evaluate {shlex.quote(name)} --split test")
            )
            warn_user(
                f"{name}: {count:,} of its {int((used & mine).sum()):,} added row(s) say split 'test', but a file "
                f"given to {ADD} is trained on whole (its split column is not read: only the base data's holds rows "
                f"out for the test): they are training rows, and {scored} would score rows the model has seen; to "
                f"measure the model on them instead, move them to a file of their own, left out of {ADD}, and score "
                "it with taikai evaluate",
                DataWarning,
            )
