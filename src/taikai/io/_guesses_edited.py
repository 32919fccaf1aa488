"""A ``taikai suggest`` sheet whose model's guesses were corrected in place: ``model_reason`` changed on a row whose
``reasons`` was left empty. The model's columns are never read as labels, so such a row was counted as blank (or
as a sentiment alone) and its correction lost without a word: it is refused instead, naming the rows."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from taikai._cut import cut_lines
from taikai.errors import InputError
from taikai.labels import label_cell, reason_id

if TYPE_CHECKING:
    import pandas as pd

MODEL_REASON = "model_reason"
"""The sheet's column of the model's primary reason (its guess), beside :data:`MODEL_REASON_JA`, its name."""
MODEL_REASON_JA = "model_reason_ja"
"""The sheet's column naming the model's primary reason in Japanese, as ``suggest`` wrote it."""


def check_guesses_kept(df: pd.DataFrame, source: str, reasons_column: Hashable, where: Callable[[int], str]) -> None:
    """Refuse *df* when a row without reasons has a ``model_reason`` that its ``model_reason_ja`` does not name:
    the guess was changed by hand, a correction meant as the row's label. *where* names a row by its position."""
    columns = [str(c) for c in df.columns]
    if MODEL_REASON not in columns or MODEL_REASON_JA not in columns or reasons_column not in df.columns:
        return
    if columns.count(MODEL_REASON) > 1 or columns.count(MODEL_REASON_JA) > 1:
        return  # not a sheet suggest wrote
    guesses = df[df.columns[columns.index(MODEL_REASON)]].tolist()
    names = df[df.columns[columns.index(MODEL_REASON_JA)]].tolist()
    edited = [
        f"{where(position)}: {MODEL_REASON} {label_cell(guess)!r}, where {MODEL_REASON_JA} names "
        f"{label_cell(name)!r}{_id_of(label_cell(name))}"
        for position, (guess, name, reasons) in enumerate(zip(guesses, names, df[reasons_column].tolist(), strict=True))
        if not label_cell(reasons)
        and label_cell(guess)
        and label_cell(name)
        and reason_id(label_cell(guess)) != reason_id(label_cell(name))
    ]
    if edited:
        raise InputError(
            "\n".join(
                [
                    f"{source}: {len(edited):,} row(s) have no {reasons_column} but a {MODEL_REASON} other than the "
                    f"model's guess, which {MODEL_REASON_JA} still names: was the guess corrected in place? The "
                    "model's columns are never read as labels, so these corrections would be lost:",
                    *cut_lines(edited, 5, ""),
                    f"copy each correction into {reasons_column} (and a sentiment corrected in model_sentiment into "
                    f"the sentiment column), save and run again; or put {MODEL_REASON} back as the model wrote it",
                ]
            )
        )


def _id_of(name: str) -> str:
    """Return `` (ID)``, the id a Japanese reason *name* stands for, or ``""`` when *name* is one itself."""
    found = reason_id(name)
    return f" ({found})" if found != name else ""
