"""Pick reviews out of a predictions frame: the ones the model is surest of per reason, and the least confident."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
import pandas as pd

from taikai.analysis._tables import (
    blank_as_missing,
    classified,
    plain_predictions,
    reason_labels,
    sentiment_labels,
)
from taikai.errors import TEXT_COLUMN, InputError
from taikai.model import find_column
from taikai.text import normalize, same_text_key

SAME_TEXT = "rows"
"""The column of the tables of one row per text: how many classified rows hold that text."""


def top_probability(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return, per classified row, the predicted reason's probability, the runner-up and the margin between them."""
    df = plain_predictions(df, prefix)
    rows = classified(df)
    labels = reason_labels(df)
    columns = [f"p_reason_{r}" for r in labels]
    if not set(columns) <= set(rows.columns):
        raise InputError("the predictions have no p_reason_* columns: write them with taikai batch or predict_frame")
    proba = rows[columns].to_numpy(dtype=float)
    order = np.argsort(-proba, axis=1, kind="stable")
    first = proba[np.arange(len(proba)), order[:, 0]] if len(proba) else np.array([])
    second = proba[np.arange(len(proba)), order[:, 1]] if len(proba) and len(labels) > 1 else np.zeros(len(proba))
    runner_up = [labels[j] for j in order[:, 1]] if len(proba) and len(labels) > 1 else [None] * len(proba)
    return pd.DataFrame(
        {"p": first, "runner_up": runner_up, "p_runner_up": second, "margin": first - second}, rows.index
    )


def _positional(df: pd.DataFrame, prefix: str | None, text_column: Hashable) -> tuple[pd.DataFrame, pd.Index, Hashable]:
    """Return *df* (plain names) on the index 0..n-1, its own index, and its text column's label: rows are picked
    by position, so that a repeated label (two runs concatenated) picks one row, not every row of that label."""
    df = plain_predictions(df, prefix)
    found = find_column(df.columns, text_column, TEXT_COLUMN, source="the predictions frame")
    return df.reset_index(drop=True), df.index, found


def _text_keys(df: pd.DataFrame, rows: pd.Index, text_column: Hashable) -> pd.Series:
    """Return the key of the duplicate checks (:func:`taikai.text.same_text_key`) of the texts of *rows*."""
    return pd.Series([same_text_key(normalize(str(v))) for v in df.loc[rows, text_column]], index=rows)


def _one_per_text(scores: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """Return *scores* (in the order to pick) with the first row of each text only, and a column :data:`SAME_TEXT`
    counting the classified rows of that text."""
    kept = scores[~keys.loc[scores.index].duplicated()]
    return kept.assign(**{SAME_TEXT: keys.loc[kept.index].map(keys.value_counts()).astype(int)})


def _with_text(
    df: pd.DataFrame,
    labels: pd.Index,
    picked: list[int],
    text_column: Hashable,
    extra: pd.DataFrame,
    context: list[str] | None,
) -> pd.DataFrame:
    sentiment = ["sentiment"] if sentiment_labels(df) else []  # none from a model without a sentiment head
    keep = [c for c in ("reason", *sentiment, *(context or ())) if c in df.columns and c != text_column]
    shown = df.loc[picked, keep]
    for column in context or ():  # a blank platform reads as in segment_breakdown, not as NaN
        if column in shown.columns:
            shown[column] = blank_as_missing(shown[column])
    out = pd.concat([shown, extra.loc[picked], df.loc[picked, [text_column]]], axis=1)
    return out.set_axis(labels[picked], axis=0)  # the caller's labels back


def representative_reviews(
    df: pd.DataFrame,
    text_column: Hashable = "text",
    per_reason: int = 3,
    context: list[str] | None = None,
    *,
    prefix: str | None = None,
    one_per_text: bool = True,
) -> pd.DataFrame:
    """Return, per reason, the *per_reason* rows the model is surest of (highest probability).

    The columns: the reason, the sentiment (left out for a model without a sentiment head), *context*, the
    probability and the text. *context* names further columns to show (an id, the date, the platform); a blank
    cell of theirs reads :data:`MISSING_SEGMENT`, as in :func:`segment_breakdown`. The rows keep *df*'s index
    labels. With *one_per_text* (the default, as the report shows them), a text posted several times is shown
    once, by its surest row, and the column ``rows`` says how many classified rows hold it (texts compared as the
    duplicate checks compare them, :func:`taikai.text.same_text_key`); ``one_per_text=False`` picks rows, repeats
    and all.
    """
    df, labels, text_column = _positional(df, prefix, text_column)
    scores = top_probability(df)
    rows = classified(df)
    keys = _text_keys(df, rows.index, text_column) if one_per_text else None
    picked: list[int] = []
    for label in reason_labels(df):
        mine = scores.loc[rows.index[rows["reason"].astype(str) == label]]
        mine = mine.sort_values("p", ascending=False, kind="stable")
        picked.extend((mine if keys is None else _one_per_text(mine, keys)).index[:per_reason])
    extra = scores[["p"]]
    if keys is not None:
        extra = extra.assign(**{SAME_TEXT: keys.map(keys.value_counts()).astype(int)})
    return _with_text(df, labels, picked, text_column, extra, context)


def least_confident(
    df: pd.DataFrame,
    text_column: Hashable = "text",
    n: int = 20,
    context: list[str] | None = None,
    *,
    prefix: str | None = None,
    one_per_text: bool = True,
) -> pd.DataFrame:
    """Return the *n* classified rows with the lowest probability for their predicted reason: review these.

    *context* names further columns to show, as in :func:`representative_reviews`. The rows keep *df*'s index
    labels. With *one_per_text* (the default), a text posted several times is shown once, by its least confident
    row, with the number of classified rows holding it in the column ``rows``, as in
    :func:`representative_reviews`; ``one_per_text=False`` picks rows, repeats and all."""
    df, labels, text_column = _positional(df, prefix, text_column)
    scores = top_probability(df).sort_values(["p", "margin"], kind="stable")
    if one_per_text:
        scores = _one_per_text(scores, _text_keys(df, scores.index, text_column))
    picked = list(scores.index[:n])
    return _with_text(df, labels, picked, text_column, scores, context)
