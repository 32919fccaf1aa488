"""The statistics stored at training time: counted on held-out rows, so that they describe text the model never saw
(the word table on the training rows: a word table need not be held out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from taikai.drift._counting import MeasuredRow, StatisticsBuilder
from taikai.model import DriftStatistics, Model


@dataclass(frozen=True)
class HeldOut:
    """Out-of-fold predictions of a cross-validation, one column per label of ``reason_labels`` and
    ``sentiment_labels``.

    ``folds`` holds, per fold, the row positions it held out and the word vocabulary of the pipeline fitted
    without them (``None`` for a pipeline without word features).
    """

    reason_labels: tuple[str, ...]
    sentiment_labels: tuple[str, ...]
    reason_proba: npt.NDArray[Any]
    sentiment_proba: npt.NDArray[Any]
    folds: tuple[tuple[npt.NDArray[Any], frozenset[str] | None], ...]


def _columns(proba: npt.NDArray[Any], labels: Sequence[str], wanted: Sequence[str]) -> npt.NDArray[Any]:
    """Return the columns of *proba* (one per label of *labels*) in the order of *wanted*."""
    order = [list(labels).index(label) for label in wanted]
    picked: npt.NDArray[Any] = proba[:, order] if order else np.empty((len(proba), 0))
    return picked


def training_statistics(
    model: Model,
    texts: Sequence[object],
    held_out: HeldOut | None,
    source: str = "",
    *,
    training: Sequence[object] | None = None,
) -> DriftStatistics:
    """Return the drift statistics of *model* over its training *texts*, capped to keep ``metadata.json`` small.

    With *held_out* (cross-validation), every row is counted with its out-of-fold prediction and against the
    vocabulary of the fold that did not see it. Without, the rows are classified by *model* itself: pass rows
    it was not fitted on (a test split) when there are any, and the rows it was fitted on as *training*.
    The word table (``words``, ``word_rows``) is counted on every training row (*training*, else *texts*): what
    the model learnt from, held out or not (a word table need not be held out; a row no fold holds out, without
    a reason, is counted there too).
    """
    values = list(texts)
    if held_out is None:
        builder = StatisticsBuilder.for_model(model, source or f"predictions of the model on {len(values):,} rows")
        classified = model.classify(values)
        measured = builder.measure(values, classified.statuses, classified.reason_proba, classified.sentiment_proba)
        builder.add(measured)
        words = builder.child("words")
        words.add(measured if training is None else _unpredicted(words, list(training)))
        return _with_words(builder.build(), words.build())
    folds = len(held_out.folds)
    held = sum(len(rows) for rows, _ in held_out.folds)  # a row no fold holds out (no reason) is not counted
    source = source or f"out-of-fold predictions of {folds}-fold cross-validation on {held:,} training rows"
    builder = StatisticsBuilder.for_model(model, source)
    words = builder.child("words")
    reason = _columns(held_out.reason_proba, held_out.reason_labels, model.reason_labels)
    sentiment = _columns(held_out.sentiment_proba, held_out.sentiment_labels, model.sentiment_labels)
    for rows, known in held_out.folds:
        measured = builder.measure([values[i] for i in rows], None, reason[rows], sentiment[rows], known=known)
        builder.add(measured)
        words.add(measured)
    counted = {int(i) for rows, _ in held_out.folds for i in rows}
    words.add(_unpredicted(words, [v for i, v in enumerate(values) if i not in counted]))
    return _with_words(builder.build(), words.build())


def _unpredicted(builder: StatisticsBuilder, texts: list[object]) -> list[MeasuredRow]:
    """Return the rows of *texts* measured without predictions: their words (and tokens) only."""
    return builder.measure(texts, None, np.empty((len(texts), 0)), np.empty((0, 0)))


def _with_words(stats: DriftStatistics, words: DriftStatistics) -> DriftStatistics:
    """Return *stats* with the word table of *words*, capped."""
    return replace(stats, word_rows=words.word_rows, words=words.words).capped()
