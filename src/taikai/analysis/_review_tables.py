"""Pick reviews out of a predictions frame: the ones the model is surest of per reason, and the least confident."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
import pandas as pd

from taikai.analysis._blanks import blank_as_missing, blank_name
from taikai.analysis._plain_names import as_renamed, names_as_given, names_back
from taikai.analysis._tables import (
    FRAME,
    classified,
    plain_predictions,
    reason_labels,
    sentiment_labels,
)
from taikai.errors import TEXT_COLUMN, Argument, InputError, check_bool, check_int, wrong_type
from taikai.model import find_column
from taikai.rules import MODEL_REASON
from taikai.text import near_text_key, normalize, reviews_told, same_text_key

SAME_TEXT = "rows"
"""The column of the tables of one row per text: how many classified rows hold that text."""
COMPUTED = ("p", "runner_up", "p_runner_up", "margin", SAME_TEXT)
"""The columns the review tables compute (:func:`top_probability`'s, and :data:`SAME_TEXT`): a column of the
caller's that a table shows (its text, a *context* column) may have none of these names."""


def model_reasons(rows: pd.DataFrame) -> pd.Series:
    """Return the model's own reason of each of *rows*: ``model_reason`` where the predictions have it (``--rules-mode
    override`` writes the first firing rule's label as ``reason``), else ``reason``."""
    own = rows["reason"]
    if MODEL_REASON in rows.columns:
        own = rows[MODEL_REASON].where(rows[MODEL_REASON].notna(), own)
    return own.astype(str)


def top_probability(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return, per classified row, the probability of the model's reason, the runner-up and the margin between them.

    The model's reason is ``reason``, or ``model_reason`` where the predictions have one (under ``--rules-mode
    override`` ``reason`` is a rule's label, not the model's): ``p`` is always the probability of the model's own
    reason, and the runner-up the most probable other reason."""
    df = plain_predictions(df, prefix)
    rows = classified(df)
    labels = reason_labels(df)
    columns = [f"p_reason_{r}" for r in labels]
    if not set(columns) <= set(rows.columns):
        raise InputError("the predictions have no p_reason_* columns: write them with taikai batch or predict_frame")
    proba = rows[columns].to_numpy(dtype=float)
    at = np.arange(len(proba))
    position = model_reasons(rows).map({r: j for j, r in enumerate(labels)})
    best = np.argmax(proba, axis=1) if len(proba) else np.zeros(0, dtype=int)
    own = np.where(position.isna(), best, position.fillna(0)).astype(int)  # a reason without a column: the surest
    first = proba[at, own]
    if len(labels) > 1:
        others = proba.copy()
        others[at, own] = -np.inf
        second_at = np.argmax(others, axis=1) if len(proba) else np.zeros(0, dtype=int)
        second = others[at, second_at]
        runner_up: list[str | None] = [labels[j] for j in second_at]
    else:
        second, runner_up = np.zeros(len(proba)), [None] * len(proba)
    return pd.DataFrame(
        {"p": first, "runner_up": runner_up, "p_runner_up": second, "margin": first - second}, rows.index
    )


CONTEXT = Argument("context")


def shown_columns(
    df: pd.DataFrame, plain: pd.DataFrame, text_column: Hashable, context: object
) -> tuple[Hashable, list[Hashable]]:
    """Return the labels in *plain* (*df* under plain names, :func:`plain_predictions`) of the text column and the
    *context* columns *df* names (a list, or one column's name): a table of reviews shows each, so that a column not
    there (a typo) or ``pd.NA`` is refused naming the argument and the columns, never left out."""
    index, given = plain.index.names, names_as_given(df, plain)  # listed as *df* names them: pred_reason
    told = reviews_told(df, text_column)  # not there: the columns that read as reviews are named
    text_column = as_renamed(df, plain, text_column)
    found = find_column(plain.columns, text_column, TEXT_COLUMN, source=FRAME, shown=given, index=index, hint=told)
    if isinstance(context, str):  # one column: context="platform" as context=["platform"]
        context = [context]
    if context is not None and not isinstance(context, list | tuple):
        raise wrong_type("context", context, "a list of column names, or one column's name")
    shown = [
        find_column(plain.columns, as_renamed(df, plain, c), CONTEXT, source=FRAME, shown=given, index=index)
        for c in context or ()
    ]
    return found, shown


def _positional(
    df: pd.DataFrame, prefix: str | None, text_column: Hashable, context: str | list[str] | None
) -> tuple[pd.DataFrame, pd.Index, Hashable, list[Hashable], dict[Hashable, Hashable]]:
    """Return *df* (plain names) on the index 0..n-1, its own index, its text column's label, the labels of the
    *context* columns and *df*'s own names of the columns renamed (:func:`names_back`): rows are picked by position,
    so that a repeated label (two runs concatenated) picks one row, not every row of that label. A *context*
    column that is not in *df* is an :class:`InputError`."""
    plain = plain_predictions(df, prefix)  # a column named as *df* names it: its own sentiment, not the model's
    found, shown = shown_columns(df, plain, text_column, context)
    given = names_back(df, plain)
    for label, argument in [(found, "text_column="), *((c, "context=") for c in shown)]:
        name = given.get(label, label)
        if name in COMPUTED:  # two columns of one name: the caller's mixed with the table's, or lost
            raise InputError(
                f"the column {name!r} ({argument}) has the name of a column the table of reviews computes "
                f"({', '.join(COMPUTED)}): rename it in the frame first, df.rename(columns={{{name!r}: "
                f"'input_{name}'}}), and give the new name"
            )
    return plain.reset_index(drop=True), plain.index, found, shown, given


def _text_keys(df: pd.DataFrame, rows: pd.Index, text_column: Hashable) -> pd.Series:
    """Return the near-copy key (:func:`taikai.text.near_text_key`, as ``evaluate`` counts a training row with an
    added ``。``) of the texts of *rows*; a text of punctuation only keeps its :func:`taikai.text.same_text_key`."""
    texts = df[text_column].loc[rows]  # not df.loc[rows, text_column], which takes a tuple label for two keys
    of_text: dict[str, str] = {}  # each distinct text normalised and keyed once: a dump repeats many
    keys = []
    for value in texts:
        text = str(value)
        key = of_text.get(text)
        if key is None:
            normalized = normalize(text)
            key = of_text[text] = near_text_key(normalized) or same_text_key(normalized)
        keys.append(key)
    return pd.Series(keys, index=rows)


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
    context: list[Hashable],
    given: dict[Hashable, Hashable],
) -> pd.DataFrame:
    sentiment = ["sentiment"] if sentiment_labels(df) else []  # none from a model without a sentiment head
    shown_columns = ("reason", MODEL_REASON, *sentiment, *context)
    keep = list(dict.fromkeys(c for c in shown_columns if c in df.columns and c != text_column))
    shown = df.loc[picked, keep]
    for column in context:  # a blank platform reads as in segment_breakdown, not as NaN
        if column in shown.columns:
            shown[column] = blank_as_missing(shown[column], blank_name(df[column]))
    out = pd.concat([shown, extra.loc[picked], df.loc[picked, [text_column]]], axis=1)
    # the caller's labels back, and the caller's names: pred_reason and the frame's own sentiment, not input_…
    return out.set_axis(labels[picked], axis=0).rename(columns=given)


def representative_reviews(
    df: pd.DataFrame,
    text_column: Hashable = "text",
    per_reason: int = 3,
    context: str | list[str] | None = None,
    *,
    prefix: str | None = None,
    one_per_text: bool = True,
) -> pd.DataFrame:
    """Return, per reason, the *per_reason* rows the model is surest of (highest probability of that reason).

    The reason is the model's own: ``model_reason`` where the predictions have it (``--rules-mode override``), shown
    next to ``reason`` (the rule's label there), else ``reason``; ``p`` is that reason's probability.

    The columns: the reason (and the model's own beside it, as above), the sentiment (left out for a model without
    a sentiment head), *context*, the probability and the text. *context* names further columns to show, a list or
    one column's name (an id,
    the date, the platform); a blank cell of theirs reads ``(空欄)`` (``(空欄: 値のないセル)`` where a value is
    written so), as in :func:`segment_breakdown`. The rows keep *df*'s index labels. With *one_per_text* (the
    default, as the report shows them), a text posted several times is shown once, by its surest row, and the
    column ``rows`` says how many classified rows hold it (texts compared as near-copies: the same but for
    punctuation and spaces, a trailing ``。`` or ``?``, :func:`taikai.text.near_text_key`); ``one_per_text=False``
    picks rows, repeats and all. Columns of *df* keep *df*'s names: with prefixed predictions
    (``predict_frame(prefix="pred_")``) the model's are ``pred_reason``,
    ``pred_sentiment``, and a column of the frame's own (its ``sentiment``) keeps its name. A text or *context*
    column named as one the table computes (:data:`COMPUTED`: ``p``, ``rows``, …) is refused (:class:`InputError`):
    rename it first (the report shows it as ``input_rows``).
    """
    check_int("per_reason", per_reason, 1)
    one_per_text = check_bool("one_per_text", one_per_text)  # "no" would pick one per text
    df, labels, text_column, shown, given = _positional(df, prefix, text_column, context)
    scores = top_probability(df)
    rows = classified(df)
    own = model_reasons(rows)
    keys = _text_keys(df, rows.index, text_column) if one_per_text else None
    picked: list[int] = []
    for label in reason_labels(df):
        mine = scores.loc[rows.index[own == label]]
        mine = mine.sort_values("p", ascending=False, kind="stable")
        picked.extend((mine if keys is None else _one_per_text(mine, keys)).index[:per_reason])
    extra = scores[["p"]]
    if keys is not None:
        extra = extra.assign(**{SAME_TEXT: keys.map(keys.value_counts()).astype(int)})
    return _with_text(df, labels, picked, text_column, extra, shown, given)


def least_confident(
    df: pd.DataFrame,
    text_column: Hashable = "text",
    n: int = 20,
    context: str | list[str] | None = None,
    *,
    prefix: str | None = None,
    one_per_text: bool = True,
) -> pd.DataFrame:
    """Return the *n* classified rows with the lowest probability for their predicted reason: review these.

    The predicted reason is the model's own, ``model_reason`` where the predictions have it (shown next to
    ``reason``, the rule's label under ``--rules-mode override``), as in :func:`top_probability`.

    *context* names further columns to show, as in :func:`representative_reviews`. The rows keep *df*'s index
    labels. With *one_per_text* (the default), a text posted several times is shown once, by its least confident
    row, with the number of classified rows holding it in the column ``rows``, as in
    :func:`representative_reviews`; ``one_per_text=False`` picks rows, repeats and all. Columns of *df* keep *df*'s
    names, and one named as a computed column is refused, as in :func:`representative_reviews`."""
    check_int("n", n, 1)
    one_per_text = check_bool("one_per_text", one_per_text)  # "no" would pick one per text
    df, labels, text_column, shown, given = _positional(df, prefix, text_column, context)
    scores = top_probability(df).sort_values(["p", "margin"], kind="stable")
    if one_per_text:
        scores = _one_per_text(scores, _text_keys(df, scores.index, text_column))
    picked = list(scores.index[:n])
    return _with_text(df, labels, picked, text_column, scores, shown, given)
