"""The rows an evaluation classified, as a predictions frame (``EvaluationReport.predictions``): the data's columns,
then the model's, named as ``predict_frame(prefix="pred_")`` names them, so that a notebook lists the errors with
``analysis.misclassified`` without classifying the rows again."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from taikai.model import Classified, free_prefix

if TYPE_CHECKING:
    import pandas as pd


def evaluated_rows(
    rows: pd.DataFrame,
    index: pd.Index | None,
    result: Classified,
    text_column: Hashable,
    read: Sequence[object] | None = None,
) -> pd.DataFrame:
    """Return *rows* (the data rows evaluated, with the columns they were read with) with the columns of *result*
    after theirs, named with ``pred_`` (``pred2_``, … when the data has a column of such a name: the first prefix
    :func:`taikai.model.free_prefix` finds free); on *index* (a frame's own labels of those rows; ``None``: their data
    rows, from 0), the text the model *read* in *text_column* when it is not the text as written (masked)."""
    import pandas as pd

    rows = rows.copy()
    if read is not None:
        rows[text_column] = list(read)
    if index is not None:
        rows.index = index
    added = result.to_frame(rows.index)
    prefix = free_prefix(map(str, rows.columns), map(str, added.columns))
    added.columns = [prefix + str(c) for c in added.columns]
    out = pd.concat([rows, added], axis=1)
    out.columns.names = rows.columns.names
    return out
