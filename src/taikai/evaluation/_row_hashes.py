"""The rows of a split told by a model's row hashes, for a labelled file without a ``split`` column
(:func:`rows_by_hashes`)."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.errors import REFIT_ALL, SPLIT, InputError
from taikai.model import ModelMetadata, sha256_file
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS
from taikai.text import Status, check_text

if TYPE_CHECKING:
    import pandas as pd


def rows_by_hashes(
    meta: ModelMetadata, df: pd.DataFrame, split: str, source: str, text_column: Hashable, data: object
) -> tuple[pd.DataFrame, str]:
    """Return the rows of *df* (which has no ``split`` column) of *split* as the model's row hashes tell them: for
    ``test`` those it was not fitted on, for ``train`` those it was; and a note saying so. Raises
    :class:`InputError` when the model cannot tell (no row hashes; refitted on all rows) or no row is left."""
    fitted = meta.fitted_rows()
    trained = meta.training_data
    cannot = f"{source}: no 'split' column, so the {split} rows are those the model's metadata tells, but "
    advice = f"; add a split column (train/test), or score all rows with {SPLIT.either(['all'])}"
    if fitted is None:
        raise InputError(cannot + "it records no row hashes (the model was saved before taikai recorded them)" + advice)
    if meta.refit_on_all_rows and split == "test":
        raise InputError(
            cannot + f"the model was trained with {REFIT_ALL.given(True)}: refitted on every row of its training "
            "data, test rows too, so none is held out" + advice
        )
    seen = fitted.contains(df[text_column], meta.max_chars, masked=True)  # as training_overlap counts them
    chosen = df[~seen if split == "test" else seen]
    what = "not fitted on" if split == "test" else "fitted on"
    if chosen.empty:
        raise InputError(cannot + f"none of its {len(df):,} labelled row(s) is one the model was {what}" + advice)
    note = (
        f"no 'split' column: the {len(chosen):,} row(s) this model was {what}, told by the row hashes in its metadata"
    )
    same_file = isinstance(data, (str, Path)) and trained.file_sha256 == sha256_file(Path(data))
    held = trained.test_rows
    if split == "test" and same_file and isinstance(held, int):
        usable = sum(
            check_text(text, ignore=NOT_JAPANESE_PLACEHOLDERS).status is Status.OK for text in chosen[text_column]
        )
        unusable = (
            f" (and {len(chosen) - usable:,} without usable text, which training skipped)"
            if usable < len(chosen)
            else ""
        )
        if held == usable:
            note += f"; this is its training file, and these are the {held:,} test rows it held out{unusable}"
        else:
            note += (
                f"; this is its training file, of which it held out {held:,} test rows: those with the same text as "
                "a training row count as fitted on"
            )
    return chosen, note
