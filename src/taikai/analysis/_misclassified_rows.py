"""The rows of a predictions frame whose predicted reason is not the gold one (:func:`misclassified`)."""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

from taikai.analysis._plain_names import names_back
from taikai.analysis._tables import classified, plain_predictions, reason_labels
from taikai.errors import Argument, wrong_type
from taikai.labels import own_labels, parse_label_cell
from taikai.model import find_column


def misclassified(df: pd.DataFrame, gold_column: Hashable = "gold", *, prefix: str | None = None) -> pd.DataFrame:
    """Return the classified rows of *df* whose predicted ``reason`` is not the primary reason of *gold_column*.

    The gold cell is read as :func:`taikai.evaluate` reads a label cell (``|``, ``,`` or ``、`` between reasons,
    the first the primary; Japanese names as ids, unless the model's reasons are labels of one's own, which are
    compared as written: ``その他`` is not ``other`` there). *gold_column* is named as in *df*: with prefixed
    predictions (``predict_frame(prefix="pred_")``), ``"reasons"`` is the input's column, not ``pred_reasons``.
    Rows without a gold reason, and rows the model could not classify (``evaluate`` lists them as unscored), are
    no misclassifications and are left out. The rows keep *df*'s columns under *df*'s names: the input's
    ``reasons`` and the model's ``pred_reason`` there, as the caller named them.
    """
    if not isinstance(df, pd.DataFrame):
        raise wrong_type("df", df, "a pandas DataFrame of predictions (Model.predict_frame) with a gold column")
    # the gold column as the frame names it (its own reasons, not the model's pred_reasons read as reasons)
    gold_column = find_column(df.columns, gold_column, Argument("gold_column"))  # 0 or "0", as predict_frame finds it
    position = list(df.columns).index(gold_column)
    given, df = df, plain_predictions(df, prefix)
    gold_column = df.columns[position]
    rows = classified(df)  # plain names: df is read so
    as_written = own_labels(reason_labels(df))
    gold = rows[gold_column].map(lambda cell: next(iter(parse_label_cell(cell, as_written=as_written)), None))
    return rows[gold.notna() & (rows["reason"].astype(str) != gold)].rename(columns=names_back(given, df))
