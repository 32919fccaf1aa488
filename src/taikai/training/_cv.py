"""Cross-validation, multi-label thresholds and the train/test split; fitting a pipeline on weighted rows."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, train_test_split

from taikai.drift import HeldOut
from taikai.evaluation import score_multi, score_single
from taikai.io import split_column
from taikai.labels import label_list, shown_label
from taikai.model import DEFAULT_THRESHOLD, SEED, FeatureConfig, build_pipeline, reason_sets, word_vocabulary
from taikai.model import content_sha256 as rows_sha256
from taikai.text import same_text_key
from taikai.training._checks import ONE_SENTIMENT
from taikai.training._text_keys import model_texts, text_keys

WEIGHT = "_taikai_weight"
"""The column of per-row sample weights in a training frame (absent: every row weighs 1)."""

THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)


def frame_sha256(df: pd.DataFrame, columns: list[Hashable]) -> str:
    """Return a sha256 of the values of *df*'s *columns*, in that order, whatever file they were read from: the
    ``content_sha256`` a model's metadata records of a frame it was trained on (:func:`taikai.model.content_sha256`
    of its rows)."""
    return rows_sha256(df[columns].itertuples(index=False))


def targets(df: pd.DataFrame, sentiment_column: Hashable | None) -> np.ndarray[Any, Any]:
    """Return the training targets of *df*: primary reason, then sentiment when there is a sentiment column."""
    columns = [df["primary"].to_numpy(dtype=object)]
    if sentiment_column is not None:
        columns.append(df[sentiment_column].to_numpy(dtype=object))
    return np.column_stack(columns)


def sentiment_rows(df: pd.DataFrame, sentiment_column: Hashable | None) -> np.ndarray[Any, Any]:
    """Return which rows of *df* have a sentiment (all of them without a sentiment column: none is read); a row
    labelled with reasons only has ``""`` and trains the reason head only."""
    if sentiment_column is None:
        return np.zeros(len(df), dtype=bool)
    felt: np.ndarray[Any, Any] = (df[sentiment_column] != "").to_numpy(dtype=bool)
    return felt


def reason_rows(df: pd.DataFrame) -> np.ndarray[Any, Any]:
    """Return which rows of *df* have a primary reason; a row labelled with a sentiment only has ``""`` and trains
    the sentiment head only."""
    reasoned: np.ndarray[Any, Any] = (df["primary"] != "").to_numpy(dtype=bool)
    return reasoned


def head_rows(fitted: pd.DataFrame, sentiment_column: Hashable | None) -> dict[str, int]:
    """Return how many of the *fitted* rows each head was fitted on (``reason_rows``: those with a reason,
    ``sentiment_rows``: those with a sentiment, of ``fitted_rows``) when some rows are coded with reasons only or a
    sentiment only (they train one head alone); empty when every row trained both heads."""
    felt, reasoned = sentiment_rows(fitted, sentiment_column), reason_rows(fitted)
    if sentiment_column is None or (felt.all() and reasoned.all()):
        return {}
    return {"reason_rows": int(reasoned.sum()), "sentiment_rows": int(felt.sum()), "fitted_rows": len(fitted)}


def weights(df: pd.DataFrame) -> np.ndarray[Any, Any] | None:
    """Return the sample weights of *df*'s rows, or ``None`` when every row weighs 1."""
    if WEIGHT not in df.columns:
        return None
    values = df[WEIGHT].fillna(1.0).to_numpy(dtype=float)
    return None if (values == 1.0).all() else values


def fit_pipeline(
    config: FeatureConfig, texts: Any, y: np.ndarray[Any, Any], sample_weight: np.ndarray[Any, Any] | None
) -> Any:
    """Return a new pipeline of *config* fitted on *texts* and targets *y*, rows weighted by *sample_weight*."""
    pipeline = build_pipeline(config)
    if sample_weight is None:
        return pipeline.fit(texts, y)
    return pipeline.fit(texts, y, classify__sample_weight=sample_weight)


def fit_frame(config: FeatureConfig, df: pd.DataFrame, sentiment_column: Hashable | None, text_column: Hashable) -> Any:
    """Return a pipeline of *config* fitted on the labelled frame *df* (with its weights, if any)."""
    return fit_pipeline(config, model_texts(df[text_column]), targets(df, sentiment_column), weights(df))


def tune_thresholds(proba: np.ndarray[Any, Any], labels: list[str], gold_sets: list[list[str]]) -> dict[str, float]:
    """Choose, per reason, the probability above which it is added as a further reason (best F1 on *proba*)."""
    top = proba.argmax(axis=1)
    thresholds = {}
    for j, label in enumerate(labels):
        truth = np.array([label in g for g in gold_sets])
        best, best_f1 = DEFAULT_THRESHOLD, -1.0
        for t in THRESHOLD_GRID:
            pred = (top == j) | (proba[:, j] >= t)
            tp = float((pred & truth).sum())
            f1 = 2 * tp / (pred.sum() + truth.sum()) if (pred.sum() + truth.sum()) else 0.0
            if f1 > best_f1 + 1e-9:
                best, best_f1 = float(t), f1
        thresholds[label] = best
    return thresholds


def cross_validate(
    df: pd.DataFrame,
    config: FeatureConfig,
    folds: int = 5,
    seed: int = SEED,
    sentiment_column: Hashable | None = "sentiment",
    text_column: Hashable = "text",
) -> tuple[dict[str, Any], dict[str, float], HeldOut | None]:
    """Return (cross-validated scores, tuned thresholds, out-of-fold predictions) on *df*.

    The folds are stratified by the primary reason; a row without one (a sentiment only) is in no test fold: it
    trains in every fold, and is scored by none (``reason_rows`` in the scores counts those that are).
    """
    reasoned = reason_rows(df)
    texts = np.array(model_texts(df[text_column]), dtype=object)
    positions, always = np.flatnonzero(reasoned), np.flatnonzero(~reasoned)
    keys = pd.Series([same_text_key(t) for t in texts[positions]], dtype=object)
    repeated = bool(keys.duplicated().any())  # then each text is held out in one fold, all its rows together
    primary = df["primary"].iloc[positions].reset_index(drop=True)
    counts = (primary[~keys.duplicated()] if repeated else primary).value_counts()
    folds = min(folds, int(counts.min()))
    if folds < 2:
        return {"folds": 0, "note": "too few examples per reason to cross-validate"}, {}, None
    y = targets(df, sentiment_column)
    sample_weight = weights(df)
    reason_labels = sorted(df["primary"][reasoned].unique())
    felt = sentiment_rows(df, sentiment_column)
    if repeated:
        grouped = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = list(grouped.split(texts[positions], y[positions, 0], keys.to_numpy()))
    else:  # as before repeated texts were grouped: the same folds, so a retrain of the same rows is the same model
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = list(splitter.split(texts[positions], y[positions, 0]))
    lone = _lone_sentiment(y, felt, positions, always, splits) if sentiment_column is not None else ""
    if lone:
        return {"folds": 0, "note": f"{ONE_SENTIMENT}: {lone}"}, {}, None
    sentiment_labels = sorted(df[sentiment_column][felt].unique()) if sentiment_column is not None else []
    oof_reason = np.zeros((len(df), len(reason_labels)))
    oof_sentiment = np.zeros((len(df), len(sentiment_labels)))
    held_out_folds = []
    for fold_train, fold_test in splits:
        train_idx, test_idx = positions[fold_train], positions[fold_test]
        if len(always):  # the rows without a reason train in every fold, after the fold's own
            train_idx = np.concatenate([train_idx, always])
        fold_weight = None if sample_weight is None else sample_weight[train_idx]
        fitted = fit_pipeline(config, texts[train_idx], y[train_idx], fold_weight)
        vocabulary = word_vocabulary(fitted)
        held_out_folds.append((test_idx, vocabulary.known if vocabulary else None))
        classifier = fitted.named_steps["classify"]
        rp, sp = classifier.predict_proba(fitted[:-1].transform(texts[test_idx]))
        for j, label in enumerate(classifier.reason_classes_):
            oof_reason[test_idx, reason_labels.index(label)] = rp[:, j]
        for j, label in enumerate(classifier.sentiment_classes_):
            oof_sentiment[test_idx, sentiment_labels.index(label)] = sp[:, j]
    gold_sets = df["label_set"][reasoned].tolist()  # thresholds and reason scores: on the rows with a reason
    held_reasons = oof_reason[reasoned]
    thresholds = tune_thresholds(held_reasons, reason_labels, gold_sets)
    predicted_primary = [reason_labels[j] for j in held_reasons.argmax(axis=1)]
    reason = score_single(df["primary"][reasoned].tolist(), predicted_primary, reason_labels)
    limits = np.array([thresholds[label] for label in reason_labels])
    predicted_sets = [list(r) for r in reason_sets(held_reasons, reason_labels, limits)]
    reasons = score_multi(gold_sets, predicted_sets, reason_labels)
    scores = {
        "folds": folds,
        "reason_macro_f1": reason.macro_f1,
        "reason_accuracy": reason.accuracy,
        "reasons_micro_f1": reasons.micro_f1,
        "reasons_macro_f1": reasons.macro_f1,
    }
    if not reasoned.all():
        scores["reason_rows"] = int(reasoned.sum())
    scored = felt & reasoned  # the rows held out (those with a reason) that have a sentiment to score
    if sentiment_column is not None and scored.any():
        predicted = [sentiment_labels[j] for j in oof_sentiment[scored].argmax(axis=1)]
        sentiment = score_single(df[sentiment_column][scored].tolist(), predicted, sentiment_labels)
        scores |= {"sentiment_macro_f1": sentiment.macro_f1, "sentiment_accuracy": sentiment.accuracy}
    if sentiment_column is not None and not scored.all():
        scores["sentiment_rows"] = int(scored.sum())
    held_out = HeldOut(tuple(reason_labels), tuple(sentiment_labels), oof_reason, oof_sentiment, tuple(held_out_folds))
    return scores, thresholds, held_out


def _lone_sentiment(
    y: np.ndarray[Any, Any],
    felt: np.ndarray[Any, Any],
    positions: np.ndarray[Any, Any],
    always: np.ndarray[Any, Any],
    splits: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]],
) -> str:
    """Return why the training rows of a fold of *splits* (those of *positions* it trains on, then *always*) would
    hold a single sentiment, which no sentiment head can be fitted on (the folds are stratified by reason, so every
    row of a rare sentiment may be held out in one); ``""`` when each fold trains on two sentiments or more."""
    counts = pd.Series(y[felt, 1]).value_counts()
    for fold_train, _ in splits:
        rows = np.concatenate([positions[fold_train], always])
        kept = set(y[rows[felt[rows]], 1])
        if len(kept) < 2:
            gone = ", ".join(f"{shown_label(str(s))} ({n:,})" for s, n in counts.items() if s not in kept)
            return (
                f"the training rows of one of its {len(splits)} folds would hold the sentiment "
                f"{label_list(sorted(map(str, kept)))} alone, as every row of {gone} is held out in that fold"
            )
    return ""


def pipeline_labels(pipeline: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the reason and sentiment labels of a fitted pipeline."""
    classifier = pipeline.named_steps["classify"]
    return tuple(str(c) for c in classifier.reason_classes_), tuple(str(c) for c in classifier.sentiment_classes_)


def split_frame(
    df: pd.DataFrame, test_size: float, seed: int, text_column: Hashable = "text"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split by the ``split`` column (train/test) when present, else stratified by primary reason: then a row without
    one (labelled with a sentiment only) is never held out, it trains (after the rows drawn to train). Rows of one
    text (:func:`text_keys`) are drawn together, all held out or all trained on, so no test row repeats a training
    row's text; without repeated texts the rows are drawn as they always were."""
    split = split_column(df)
    if split is not None:
        return df[(split == "train").to_numpy()], df[(split == "test").to_numpy()]
    if test_size <= 0:
        return df, df.iloc[:0]
    reasoned = reason_rows(df)
    if not reasoned.all():
        train, test = split_frame(df[reasoned], test_size, seed, text_column)
        return pd.concat([train, df[~reasoned]]), test
    keys = pd.Series(text_keys(df[text_column]), index=df.index, dtype=object)
    if keys.duplicated().any():
        return _split_texts(df, keys, test_size, seed)
    counts = df["primary"].value_counts()
    stratify = df["primary"] if counts.min() >= 2 else None
    train, test = train_test_split(df, test_size=test_size, random_state=seed, stratify=stratify)
    return train, test


def _split_texts(df: pd.DataFrame, keys: pd.Series, test_size: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split *df* by its texts' *keys*: a *test_size* share of the distinct texts, stratified by the primary reason of
    each text's first row, is held out with every row holding it."""
    first = ~keys.duplicated()
    primary = df["primary"][first.to_numpy()]
    stratify = primary if primary.value_counts().min() >= 2 else None
    _, held = train_test_split(keys[first].to_numpy(), test_size=test_size, random_state=seed, stratify=stratify)
    test = keys.isin(set(held)).to_numpy()
    return df[~test], df[test]
