"""What added labels bought: scores on the user's own rows, trained without them and with them (k-fold, each
group of near-copies in one fold)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from taikai.errors import ADD
from taikai.evaluation import score_single
from taikai.model import AddedComparison, FeatureConfig, HeldOutScores, MovedRow
from taikai.text import copy_groups, near_text_key
from taikai.training._cv import fit_frame, reason_rows, sentiment_rows
from taikai.training._text_keys import model_texts

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


def _moves(
    gold: np.ndarray[Any, Any],
    before: np.ndarray[Any, Any],
    after: np.ndarray[Any, Any],
    has: list[np.ndarray[Any, Any]],
) -> list[int | None]:
    """Return, per column of *gold* (reason, sentiment), the rows *after* gets right that *before* got wrong and
    those it gets wrong that *before* got right, on the rows *has* marks for it (``None``, ``None`` when none)."""
    moves: list[int | None] = []
    for column, rows in enumerate(has):
        if column < gold.shape[1] and rows.any():
            right_before = before[rows, column] == gold[rows, column]
            right_after = after[rows, column] == gold[rows, column]
            moves += [int((right_after & ~right_before).sum()), int((right_before & ~right_after).sum())]
        else:
            moves += [None, None]
    return moves


def _moved_rows(
    gold: np.ndarray[Any, Any],
    before: np.ndarray[Any, Any],
    after: np.ndarray[Any, Any],
    has: list[np.ndarray[Any, Any]],
    places: Sequence[str],
) -> tuple[MovedRow, ...]:
    """Return the rows :func:`_moves` counts, each head's in row order: those right on one side only."""
    moved = []
    for column, head in enumerate(("reason", "sentiment")[: gold.shape[1]]):
        for row in np.flatnonzero(has[column]).tolist():
            g, b, a = (str(x[row, column]) for x in (gold, before, after))
            if (b == g) != (a == g):
                moved.append(MovedRow(head, places[row] if row < len(places) else "", g, b, a))
    return tuple(moved)


def compare_added(
    base: pd.DataFrame,
    added: pd.DataFrame,
    config: FeatureConfig,
    folds: int,
    seed: int,
    sentiment_column: Hashable | None,
    text_column: Hashable,
    places: Sequence[str] = (),
) -> AddedComparison | None:
    """Score the *added* rows out of fold with and without them in training; ``None`` with fewer than 2 folds.

    Near-copies among the added rows (:func:`taikai.text.copy_groups`: one review with another opener or closer)
    are kept in one fold, so that no row is scored by a model trained on its copy; ``folds`` is capped at the
    number of such groups. *places* names each added row (``FILE:LINE``) in the rows that moved. Groups are
    shuffled into folds with *seed* (not stratified: a user's handful of labels
    may hold a reason once).
    """
    import pandas as pd
    from sklearn.model_selection import GroupKFold

    texts = np.array(model_texts(added[text_column]), dtype=object)
    groups = copy_groups(list(texts))
    folds = min(folds, len(set(groups)))
    if folds < 2:
        return None
    gold_columns = [added["primary"].to_numpy(dtype=object)]
    if sentiment_column is not None:
        gold_columns.append(added[sentiment_column].to_numpy(dtype=object))
    gold = np.column_stack(gold_columns)
    width = gold.shape[1]
    without = fit_frame(config, base, sentiment_column, text_column).predict(texts)[:, :width]
    with_added = np.empty_like(gold)
    for train_idx, test_idx in GroupKFold(folds, shuffle=True, random_state=seed).split(texts, groups=groups):
        frame = pd.concat([base, added.iloc[train_idx]], ignore_index=True)
        fitted = fit_frame(config, frame, sentiment_column, text_column)
        with_added[test_idx] = fitted.predict(texts[test_idx])[:, :width]
    both = pd.concat([base, added], ignore_index=True)
    has = [reason_rows(added), sentiment_rows(added, sentiment_column)]
    labels = [sorted(set(both["primary"][reason_rows(both)]))]
    if sentiment_column is not None:
        labels.append(sorted(set(both[sentiment_column][sentiment_rows(both, sentiment_column)])))
    partial = int(has[1].sum()) if sentiment_column is not None and not has[1].all() else None
    reasoned = None if has[0].all() else int(has[0].sum())
    learned = {near_text_key(t) for t in model_texts(base[text_column])}  # DATA's: both sides trained on them
    of_base = sum(near_text_key(t) in learned for t in texts)
    right, wrong, felt_right, felt_wrong = _moves(gold, without, with_added, has)
    return AddedComparison(
        len(added),
        folds,
        _scores(gold, without, labels, has),
        _scores(gold, with_added, labels, has),
        partial,
        reasoned,
        sum(n for n in Counter(groups).values() if n > 1),
        right,
        wrong,
        felt_right,
        felt_wrong,
        moved=_moved_rows(gold, without, with_added, has, places),
        base_copies=of_base,
    )


def skipped_comparison(added: pd.DataFrame) -> str:
    """Say why :func:`compare_added` skipped the comparison of the *added* rows (folds were asked for): fewer than
    2 rows, or rows that are all near-copies of one text."""
    said = f"the file(s) given to {ADD} gave {len(added):,} usable new row(s), and it needs at least 2 (one per fold)"
    if len(added) > 1:  # enough rows, all near-copies of one review: they make one fold
        said = (
            f"the {len(added):,} usable new rows of the file(s) given to {ADD} are near-copies of one text (one "
            "review with other openers or closers), which are kept in one fold, and it needs at least 2 different "
            "texts (one per fold)"
        )
    return f"the before/after comparison of the added labels was skipped: {said}; label more rows to see what they buy"
