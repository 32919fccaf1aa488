"""A column the caller names as the frame names it, found in the frame with its predicted columns under their plain
names (:func:`taikai.analysis.plain_predictions`).

Prefixed predictions of a labelled frame (``predict_frame(labelled, prefix="pred_")``) hold the frame's own
``sentiment`` beside the model's ``pred_sentiment``; read with plain names, the model's is ``sentiment`` and the
frame's ``input_sentiment``. ``by="sentiment"`` means the column the caller sees, the frame's own, not the model's
that took its name; ``by="pred_sentiment"`` the model's.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def as_renamed(before: pd.DataFrame, after: pd.DataFrame, column: Hashable | None) -> Hashable | None:
    """Return the name in *after* (*before* with its predicted columns under their plain names: its columns in the
    same places) of the column *before* names *column*; *column* as it is when *before* has no column so named (a
    predicted column named plainly, ``reason``, found in *after* as such; or none, which the caller's lookup
    refuses, naming the columns)."""
    if column is None or after is before or len(before.columns) != len(after.columns):
        return column
    if not isinstance(column, Hashable):  # a list: the caller's lookup refuses it as no column label
        return column
    try:
        position = before.columns.get_loc(column)
    except (KeyError, TypeError):
        return column
    return after.columns[position] if isinstance(position, int) else column
