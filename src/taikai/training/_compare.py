"""What added labels bought: scores on the user's own rows, trained without them and with them (k-fold)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import numpy as np

from taikai.evaluation import score_single
from taikai.model import AddedComparison, FeatureConfig, HeldOutScores
from taikai.training._cv import fit_frame, model_texts, sentiment_rows

if TYPE_CHECKING:
    import pandas as pd


def _scores(
    gold: np.ndarray[Any, Any], predicted: np.ndarray[Any, Any], labels: list[list[str]], felt: np.ndarray[Any, Any]
) -> HeldOutScores:
    """Score *predicted* against *gold* (columns: reason, sentiment); *labels* lists every label of each column; the
    sentiment only on the rows *felt* marks (those with one), none when no row has one."""
    reason = score_single(list(gold[:, 0]), list(predicted[:, 0]), labels[0])
    if gold.shape[1] < 2 or not felt.any():
        return HeldOutScores(reason.accuracy, reason.macro_f1)
    sentiment = score_single(list(gold[felt, 1]), list(predicted[felt, 1]), labels[1])
    return HeldOutScores(reason.accuracy, reason.macro_f1, sentiment.accuracy, sentiment.macro_f1)


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
    felt = sentiment_rows(added, sentiment_column)
    labels = [sorted(set(both["primary"]))]
    if sentiment_column:
        labels.append(sorted(set(both[sentiment_column][sentiment_rows(both, sentiment_column)])))
    partial = int(felt.sum()) if sentiment_column and not felt.all() else None
    return AddedComparison(
        len(added), folds, _scores(gold, without, labels, felt), _scores(gold, with_added, labels, felt), partial
    )
