"""The text column of a dump that drift counts: the one given, else the one batch classified (its summary), else
``text``, else, for a dump without a ``text`` column, the column the model was trained on (``train --text-column
本文``) when the dump has it, with a warning saying so; and which rows predictions of a trial run (``--limit``) are."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from taikai.errors import Argument
from taikai.io import text_column_of
from taikai.model import columns_read

if TYPE_CHECKING:
    from taikai.io import RunSummary, TrialRun
    from taikai.model import Model


def dump_text_column(
    run: RunSummary | None,
    given: Hashable | None,
    argument: Argument,
    columns: Sequence[Hashable],
    model: Model,
    source: str,
    *,
    warn: bool = True,
) -> tuple[Hashable, Argument]:
    """Return the text column of the dump *source* (with *columns*, beside its batch summary *run*) and the argument
    that names it (:func:`taikai.io.text_column_of`); for a dump told no column (*given* ``None``) that has no
    ``text`` column, the column *model* was trained on when the dump has it, said in a warning (*warn*: for the
    pass that counts the dump, not one that only checks it), as evaluate reads it (:func:`taikai.model.columns_read`);
    when the dump has neither, the argument's note names
    the model's column, for the error of the missing column."""
    text, argument = text_column_of(run, given, argument)
    if given is not None or argument.note:  # given, or the batch summary's
        return text, argument
    own = model.metadata.columns.text
    read = columns_read(columns, (text, None, None), model.metadata.columns, source, text_argument=argument, warn=warn)
    if read[0] != text:
        return read[0], replace(argument, note=f"its default came from the model, trained on {own!r}")
    if own != text and text not in {str(column) for column in columns}:  # nor the model's: its error names it
        return text, replace(argument, note=f"the model was trained on a column {own!r}")
    return text, argument


def trial_rows(trial: TrialRun | None) -> str | None:
    """Return which rows predictions of a *trial* run (``taikai batch --limit N``) are: ``the first 1,000 rows of
    dump.csv (taikai batch --limit 1000)``; ``None`` for no trial run."""
    if trial is None:
        return None
    rows = f"the first {trial.limit:,} rows" if trial.limit != 1 else "the first row"
    return f"{rows} of {trial.input or 'the input'} (taikai batch --limit {trial.limit})"
