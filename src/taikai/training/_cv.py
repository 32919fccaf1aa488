"""Train a model reproducibly: cross-validate, tune multi-label thresholds, test, save with metadata."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, train_test_split

from taikai.drift import HeldOut, training_statistics
from taikai.errors import InputError
from taikai.evaluation import evaluate, score_multi, score_single
from taikai.io import read_labelled, validate_labelled
from taikai.model import (
    DEFAULT_THRESHOLD,
    SEED,
    DriftStatistics,
    FeatureConfig,
    Model,
    ModelMetadata,
    build_pipeline,
    reason_sets,
    save_artifact,
    sha256_file,
    word_vocabulary,
)
from taikai.text import MAX_CHARS, check_text

THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)


def content_sha256(df: pd.DataFrame, columns: list[str]) -> str:
    """Return a sha256 of the given columns' values, independent of file encoding and column order."""
    digest = hashlib.sha256()
    for row in df[columns].itertuples(index=False):
        digest.update("\x1f".join(map(str, row)).encode("utf-8") + b"\x1e")
    return digest.hexdigest()


def _texts(series: pd.Series) -> list[str]:
    """Return the texts as the model sees them at prediction time (normalised and cut to ``MAX_CHARS``)."""
    return [check_text(t).text for t in series]


def _targets(df: pd.DataFrame, sentiment_column: str | None) -> np.ndarray[Any, Any]:
    columns = [df["primary"].to_numpy(dtype=object)]
    if sentiment_column:
        columns.append(df[sentiment_column].to_numpy(dtype=object))
    return np.column_stack(columns)


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
    sentiment_column: str | None = "sentiment",
    text_column: str = "text",
) -> tuple[dict[str, Any], dict[str, float], HeldOut | None]:
    """Return (cross-validated scores, tuned thresholds, out-of-fold predictions) on *df*."""
    counts = df["primary"].value_counts()
    folds = min(folds, int(counts.min()))
    if folds < 2:
        return {"folds": 0, "note": "too few examples per reason to cross-validate"}, {}, None
    texts = np.array(_texts(df[text_column]), dtype=object)
    y = _targets(df, sentiment_column)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    pipeline = build_pipeline(config)
    reason_labels = sorted(df["primary"].unique())
    sentiment_labels = sorted(df[sentiment_column].unique()) if sentiment_column else []
    oof_reason = np.zeros((len(df), len(reason_labels)))
    oof_sentiment = np.zeros((len(df), len(sentiment_labels)))
    held_out_folds = []
    for train_idx, test_idx in splitter.split(texts, y[:, 0]):
        fitted = clone(pipeline).fit(texts[train_idx], y[train_idx])
        vocabulary = word_vocabulary(fitted)
        held_out_folds.append((test_idx, vocabulary.known if vocabulary else None))
        classifier = fitted.named_steps["classify"]
        rp, sp = classifier.predict_proba(fitted[:-1].transform(texts[test_idx]))
        for j, label in enumerate(classifier.reason_classes_):
            oof_reason[test_idx, reason_labels.index(label)] = rp[:, j]
        for j, label in enumerate(classifier.sentiment_classes_):
            oof_sentiment[test_idx, sentiment_labels.index(label)] = sp[:, j]
    gold_sets = df["label_set"].tolist()
    thresholds = tune_thresholds(oof_reason, reason_labels, gold_sets)
    predicted_primary = [reason_labels[j] for j in oof_reason.argmax(axis=1)]
    reason = score_single(df["primary"].tolist(), predicted_primary, reason_labels)
    limits = np.array([thresholds[label] for label in reason_labels])
    reasons = score_multi(gold_sets, [list(r) for r in reason_sets(oof_reason, reason_labels, limits)], reason_labels)
    scores = {
        "folds": folds,
        "reason_macro_f1": reason.macro_f1,
        "reason_accuracy": reason.accuracy,
        "reasons_micro_f1": reasons.micro_f1,
        "reasons_macro_f1": reasons.macro_f1,
    }
    if sentiment_column:
        predicted = [sentiment_labels[j] for j in oof_sentiment.argmax(axis=1)]
        sentiment = score_single(df[sentiment_column].tolist(), predicted, sentiment_labels)
        scores |= {"sentiment_macro_f1": sentiment.macro_f1, "sentiment_accuracy": sentiment.accuracy}
    held_out = HeldOut(tuple(reason_labels), tuple(sentiment_labels), oof_reason, oof_sentiment, tuple(held_out_folds))
    return scores, thresholds, held_out


def _labels(pipeline: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the reason and sentiment labels of a fitted pipeline."""
    classifier = pipeline.named_steps["classify"]
    return tuple(str(c) for c in classifier.reason_classes_), tuple(str(c) for c in classifier.sentiment_classes_)


def split_frame(df: pd.DataFrame, test_size: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split by the ``split`` column (train/test) when present, else stratified by primary reason."""
    if "split" in df.columns:
        split = df["split"].str.strip().str.lower()
        bad = sorted(set(split) - {"train", "test"})
        if bad:
            raise InputError(f"column 'split' must hold train or test, found {bad}")
        return df[split == "train"], df[split == "test"]
    if test_size <= 0:
        return df, df.iloc[:0]
    counts = df["primary"].value_counts()
    stratify = df["primary"] if counts.min() >= 2 else None
    train, test = train_test_split(df, test_size=test_size, random_state=seed, stratify=stratify)
    return train, test


def _drift_statistics(
    model: Model, train_df: pd.DataFrame, test_df: pd.DataFrame, text_column: str, held_out: HeldOut | None
) -> DriftStatistics:
    """Return what ``taikai drift`` compares with: counted on held-out rows (cross-validation, else the test
    split), or on the training rows themselves when nothing was held out (then the model's confidence is
    higher than on new text, which the source says)."""
    if held_out is not None:
        return training_statistics(model, train_df[text_column].tolist(), held_out)
    if len(test_df):
        source = f"predictions on the {len(test_df)} test rows of a model fitted on the training rows"
        return training_statistics(model, test_df[text_column].tolist(), None, source)
    source = f"predictions on its own {len(train_df)} training rows (nothing held out: confidence is optimistic)"
    return training_statistics(model, train_df[text_column].tolist(), None, source)


def train(
    data: str | Path | pd.DataFrame,
    out: str | Path | None = None,
    config: FeatureConfig | None = None,
    folds: int = 5,
    test_size: float = 0.2,
    seed: int = SEED,
    refit_all: bool = False,
    text_column: str = "text",
    reasons_column: str = "reasons",
    sentiment_column: str | None = "sentiment",
    encoding: str | None = None,
) -> Model:
    """Train a model on a labelled CSV path or frame and return it (saved to *out* when given).

    The ``split`` column, if any, decides train and test rows; otherwise a stratified ``test_size`` share
    is held out. Cross-validation on the train rows gives the reported CV scores and the per-reason
    thresholds; the test rows give the test scores. With ``refit_all`` the saved model is refitted on all rows.
    """
    config = config or FeatureConfig()
    source: dict[str, Any] = {}
    if isinstance(data, pd.DataFrame):
        df = validate_labelled(data, "<frame>", text_column, reasons_column, sentiment_column)
    else:
        path = Path(data)
        df = read_labelled(path, text_column, reasons_column, sentiment_column, encoding=encoding)
        source = {"file": path.name, "file_sha256": sha256_file(path)}
    columns = [text_column, reasons_column] + ([sentiment_column] if sentiment_column else [])
    source |= {"content_sha256": content_sha256(df, columns), "rows": len(df)}
    try:
        train_df, test_df = split_frame(df, test_size, seed)
    except ValueError as exc:
        raise InputError(
            f"cannot split {len(df)} rows into train and test ({exc}); give more rows or --test-size 0"
        ) from exc
    for name, column in (("reasons", "primary"), ("sentiments", sentiment_column)):
        if column and train_df[column].nunique() < 2:
            raise InputError(f"training needs at least two different {name} in the training rows")
    source |= {"train_rows": len(train_df), "test_rows": len(test_df)}
    try:
        cv_scores, thresholds, held_out = cross_validate(train_df, config, folds, seed, sentiment_column, text_column)
        pipeline = build_pipeline(config).fit(_texts(train_df[text_column]), _targets(train_df, sentiment_column))
    except ValueError as exc:  # e.g. no n-gram left after min_df on very little data
        raise InputError(f"cannot train on {len(train_df)} rows: {exc}") from exc
    meta = ModelMetadata(
        taikai_version=importlib_metadata.version("taikai"),
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        reasons=_labels(pipeline)[0],
        sentiments=_labels(pipeline)[1],
        reason_thresholds=thresholds,
        max_chars=MAX_CHARS,
        config=config.to_dict(),
        seed=seed,
        training_data=source,
        metrics={"cv": cv_scores},
    )
    model = Model(pipeline, meta)
    if len(test_df):
        report = evaluate(model, test_df, text_column, reasons_column, sentiment_column)
        meta.metrics["test"] = report.summary() | {"rows": len(test_df), "report": report.to_dict()}
    meta = replace(meta, drift=_drift_statistics(model, train_df, test_df, text_column, held_out))
    model = Model(pipeline, meta)
    if refit_all and len(test_df):
        pipeline = build_pipeline(config).fit(_texts(df[text_column]), _targets(df, sentiment_column))
        reasons, sentiments = _labels(pipeline)
        meta = replace(meta, reasons=reasons, sentiments=sentiments, refit_on_all_rows=True)
        meta.metrics["note"] = "test scores were measured before refitting on all rows"
        model = Model(pipeline, meta)
    if out is not None:
        model.metadata = save_artifact(pipeline, meta, Path(out))
        model.path = Path(out)
    return model
