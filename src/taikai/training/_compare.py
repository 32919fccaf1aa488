"""What added labels bought: scores on the user's own rows, trained without them and with them (k-fold)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import numpy as np

from taikai.evaluation import score_single
from taikai.model import AddedComparison, FeatureConfig, HeldOutScores
from taikai.training._cv import fit_frame, model_texts, reason_rows, sentiment_rows

if TYPE_CHECKING:
    import pandas as pd


def _scores(
    gold: np.ndarray[Any, Any],
    predicted: np.ndarray[Any, Any],
    labels: list[list[str]],
    has: list[np.ndarray[Any, Any]],
) -> HeldOutScores:
    """Score *predicted* against *gold* (columns: reason, sentiment); *labels* lists every label of each column; each
    column only on the rows *has* marks for it (those with that label), none when no row has one."""
    scores: list[float | None] = []
    for column, rows in enumerate(has):
        if column < gold.shape[1] and rows.any():
            found = score_single(list(gold[rows, column]), list(predicted[rows, column]), labels[column])
            scores += [found.accuracy, found.macro_f1]
        else:
            scores += [None, None]
    return HeldOutScores(*scores)


def compare_added(
    base: pd.DataFrame,
    added: pd.DataFrame,
    config: FeatureConfig,
    folds: int,
    seed: int,
    sentiment_column: Hashable | None,
    text_column: Hashable,
) -> AddedComparison | None:
    """Score the *added* rows out of fold with and without them in training; ``None`` with fewer than 2 folds.

    ``folds`` is capped at the number of added rows. Folds are shuffled with *seed* (not stratified: a user's
    handful of labels may hold a reason once).
    """
    import pandas as pd
    from sklearn.model_selection import KFold

    folds = min(folds, len(added))
    if folds < 2:
        return None
    texts = np.array(model_texts(added[text_column]), dtype=object)
    gold_columns = [added["primary"].to_numpy(dtype=object)]
    if sentiment_column:
        gold_columns.append(added[sentiment_column].to_numpy(dtype=object))
    gold = np.column_stack(gold_columns)
    width = gold.shape[1]
    without = fit_frame(config, base, sentiment_column, text_column).predict(texts)[:, :width]
    with_added = np.empty_like(gold)
    for train_idx, test_idx in KFold(folds, shuffle=True, random_state=seed).split(texts):
        frame = pd.concat([base, added.iloc[train_idx]], ignore_index=True)
        fitted = fit_frame(config, frame, sentiment_column, text_column)
        with_added[test_idx] = fitted.predict(texts[test_idx])[:, :width]
    both = pd.concat([base, added], ignore_index=True)
    has = [reason_rows(added), sentiment_rows(added, sentiment_column)]
    labels = [sorted(set(both["primary"][reason_rows(both)]))]
    if sentiment_column:
        labels.append(sorted(set(both[sentiment_column][sentiment_rows(both, sentiment_column)])))
    partial = int(has[1].sum()) if sentiment_column and not has[1].all() else None
    reasoned = None if has[0].all() else int(has[0].sum())
    return AddedComparison(
        len(added),
        folds,
        _scores(gold, without, labels, has),
        _scores(gold, with_added, labels, has),
        partial,
        reasoned,
    )
