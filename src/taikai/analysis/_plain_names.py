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


def names_as_given(before: pd.DataFrame, after: pd.DataFrame) -> list[Hashable]:
    """Return the columns of *after* (*before* with its predicted columns under their plain names) as *before* names
    them, in *after*'s order: the columns a message lists, so that a caller of ``predict_frame(prefix="pred_")``'s
    frame is shown ``pred_reason``, the name to give, not the ``reason`` it is read as."""
    given = names_back(before, after)
    return [given.get(c, c) for c in after.columns]


def names_back(before: pd.DataFrame, after: pd.DataFrame) -> dict[Hashable, Hashable]:
    """Return the names *before* gives the columns of *after* (*before* with its predicted columns under their plain
    names) that it renamed: ``{"reason": "pred_reason", "input_reasons": "reasons", …}``, so that a table of *after*'s
    rows is returned under the caller's own names (empty when nothing was renamed)."""
    from taikai.model import plain_columns

    given = plain_columns(before)  # a frame with levels: ('pred_reason', '') is pred_reason there too
    if after is given or len(given.columns) != len(after.columns):
        return {}
    return {a: b for a, b in zip(after.columns, given.columns, strict=True) if a != b}
