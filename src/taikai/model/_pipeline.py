"""Build the scikit-learn pipeline: normalise, TF-IDF features, and a reason head beside a sentiment head."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils.extmath import softmax
from sklearn.utils.validation import check_is_fitted

from taikai.model._feature_config import ClassWeight, FeatureConfig
from taikai.model._vectorizer import FastTfidfVectorizer
from taikai.model._vectors import WordVectors
from taikai.model._word_block import FeatureBlocks, WordFeatures
from taikai.text import JapaneseTokenizer, TextNormalizer

SEED = 0
"""The random seed of training's split and folds (``seed`` overrides it) and, always, of the solvers."""


class ReasonSentimentClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Two linear heads on shared features: column 0 of ``y`` is the primary reason, column 1 the sentiment.

    With a one-column ``y`` only the reason head is fitted (label sets without sentiment). A row whose sentiment is
    missing (``None``, ``""`` or NaN: a row labelled with reasons only) trains the reason head only, one whose reason
    is missing (a row labelled with a sentiment only) the sentiment head only: each head is fitted on the rows that
    have its label. The features are the same for both heads.
    """

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.model"

    def __init__(self, reason_estimator: Any = None, sentiment_estimator: Any = None):
        self.reason_estimator = reason_estimator
        self.sentiment_estimator = sentiment_estimator

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> ReasonSentimentClassifier:
        """Fit both heads on the same feature matrix (each row weighted by *sample_weight*, when given); each head
        on the rows that have its label."""
        y = np.asarray(y, dtype=object)
        if y.ndim == 1:
            y = y[:, None]
        if y.ndim != 2 or y.shape[1] not in (1, 2):
            raise ValueError("y must have one or two columns: primary reason and (optionally) sentiment")
        from threadpoolctl import threadpool_limits

        default = LogisticRegression(max_iter=2000)
        reason = default if self.reason_estimator is None else self.reason_estimator
        sentiment = default if self.sentiment_estimator is None else self.sentiment_estimator
        # L-BFGS multiplies the dense block (word vectors) by a few columns at a time: in BLAS's threads those
        # products only spin (measured: the same wall time with two threads as with one, twice the CPU), so the
        # heads are fitted in the calling thread, as they are scored (_proba_of_parts).
        with threadpool_limits(limits=1, user_api="blas"):
            self.reason_ = _fit_head(reason, X, y[:, 0], sample_weight, "a reason: label some")
            self.sentiment_ = None
            if y.shape[1] == 2:
                self.sentiment_ = _fit_head(
                    sentiment, X, y[:, 1], sample_weight, "a sentiment: label some, or fit without a sentiment column"
                )
        self.reason_classes_ = np.asarray(self.reason_.classes_)
        no_sentiment = np.asarray([], dtype=object)
        self.sentiment_classes_ = no_sentiment if self.sentiment_ is None else np.asarray(self.sentiment_.classes_)
        return self

    def predict_proba(self, X: Any) -> tuple[np.ndarray, np.ndarray]:
        """Return (reason probabilities, sentiment probabilities), columns in ``*_classes_`` order."""
        check_is_fitted(self, "reason_")  # NotFittedError, as scikit-learn's estimators raise, not AttributeError
        reason = self.reason_.predict_proba(X)
        if self.sentiment_ is None:
            return reason, np.empty((reason.shape[0], 0))
        return reason, self.sentiment_.predict_proba(X)

    def predict_proba_parts(self, parts: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
        """Return :meth:`predict_proba` of the matrix ``hstack(parts)`` without building it: each logistic
        head's scores are the sum of each part times its columns of the coefficients (the same numbers, up to
        the order of float additions)."""
        check_is_fitted(self, "reason_")
        widths = [part.shape[1] for part in parts]
        reason = _proba_of_parts(self.reason_, parts, widths)
        if self.sentiment_ is None:
            return reason, np.empty((reason.shape[0], 0))
        return reason, _proba_of_parts(self.sentiment_, parts, widths)

    def predict(self, X: Any) -> np.ndarray:
        """Return an (n, 2) array of primary reason and sentiment (``None`` without a sentiment head)."""
        reason, sentiment = self.predict_proba(X)
        sentiments: Any = (
            self.sentiment_classes_[sentiment.argmax(axis=1)] if sentiment.shape[1] else [None] * len(reason)
        )
        return np.column_stack([self.reason_classes_[reason.argmax(axis=1)], sentiments])

    def score(self, X: Any, y: Any, sample_weight: Any = None) -> float:
        """Return the mean accuracy over the labels ``y`` holds (its columns; a missing sentiment is not scored)."""
        y = np.asarray(y, dtype=object)
        if y.ndim == 1:
            y = y[:, None]
        labelled = np.column_stack([_has_label(y[:, k]) for k in range(y.shape[1])])
        return float((self.predict(X)[:, : y.shape[1]] == y)[labelled].mean())


def _fit_head(estimator: Any, X: Any, y: Any, sample_weight: Any, missing: str) -> Any:
    """Return a clone of *estimator* fitted on the rows of *X* whose target *y* holds a label (*missing* says which,
    and what to do, in the error when none does)."""
    rows = np.flatnonzero(_has_label(y))
    if len(rows) == len(y):  # every row has its label: the matrix as it is, not a copy of it
        return clone(estimator).fit(X, y, sample_weight=sample_weight)
    if not len(rows):
        raise ValueError(f"no row has {missing}")
    weight = None if sample_weight is None else np.asarray(sample_weight)[rows]
    return clone(estimator).fit(X[rows], y[rows], sample_weight=weight)


def _has_label(column: Any) -> np.ndarray:
    """Return which cells of a target column hold a label: not ``None``, ``""`` or NaN (a row labelled in part)."""
    return np.asarray([not (value is None or value == "" or value != value) for value in column], dtype=bool)


def _proba_of_parts(head: Any, parts: Sequence[Any], widths: list[int]) -> np.ndarray:
    """Return ``head.predict_proba(hstack(parts))`` for a fitted ``LogisticRegression`` (softmax of the scores;
    a binary head: the logistic of its one score), scoring each part with its own columns."""
    if type(head) is not LogisticRegression:
        return np.asarray(head.predict_proba(sp.hstack(parts, format="csr")))
    coef = np.asarray(head.coef_)
    # The dtype scikit-learn's X @ coef.T + intercept has for the joined matrix (float32 for float32 features).
    dtype = np.result_type(*(part.dtype for part in parts), coef.dtype)
    scores = np.zeros((parts[0].shape[0], coef.shape[0]), dtype=dtype)
    start = 0
    for part, width in zip(parts, widths, strict=True):
        block = coef[:, start : start + width].T
        if sp.issparse(part):
            scores += part @ np.ascontiguousarray(block)
        else:  # dense (word vectors, float32): one product per class by numpy's own loop (einsum), not BLAS:
            # OpenBLAS runs even a matrix-vector product this small in its threads, whose spinning cost a batch
            # process about a fifth more CPU than the product itself (bench/RESULTS.md)
            dense = np.asarray(part, dtype=dtype)
            for k, weights in enumerate(np.ascontiguousarray(block.T, dtype=dtype)):
                scores[:, k] += np.einsum("ij,j->i", dense, weights)
        start += width
    scores += head.intercept_
    if len(head.classes_) <= 2:
        positive = expit(scores[:, 0])
        return np.column_stack([1 - positive, positive])
    return np.asarray(softmax(scores, copy=False))


def _word_features(config: FeatureConfig) -> Pipeline:
    """Return tokenize → TF-IDF of word n-grams, with the pooled word vectors beside it when configured (both
    read the one tokenizer's output: one MeCab pass per text)."""
    vectorizer = FastTfidfVectorizer(
        token_pattern=r"\S+",
        lowercase=False,
        ngram_range=config.word_ngrams,
        min_df=config.min_df,
        sublinear_tf=True,
        dtype=np.float32,
    )
    tokenize = ("tokenize", JapaneseTokenizer(form=config.token_form, cp932_fold=config.cp932_fold))
    if config.vectors is None:
        return Pipeline([tokenize, ("tfidf", vectorizer)])
    blocks = WordFeatures([("tfidf", vectorizer), ("vectors", WordVectors(config.vectors))])
    return Pipeline([tokenize, ("blocks", blocks)])


def build_features(config: FeatureConfig) -> FeatureBlocks:
    """Return the TF-IDF feature union of word n-grams over fugashi tokens and/or character n-grams."""
    parts = []
    if config.word_ngrams:
        parts.append(("words", _word_features(config)))
    if config.char_ngrams:
        chars = FastTfidfVectorizer(
            analyzer="char",
            lowercase=False,
            ngram_range=config.char_ngrams,
            min_df=config.min_df,
            sublinear_tf=True,
            dtype=np.float32,
        )
        parts.append(("chars", chars))
    return FeatureBlocks(parts)


def build_pipeline(config: FeatureConfig | None = None) -> Pipeline:
    """Return an unfitted pipeline: normalise → features → reason and sentiment heads (*config* by default
    ``FeatureConfig()``, words only; the shipped model's is :meth:`FeatureConfig.shipped`)."""
    config = config or FeatureConfig()

    def head(c: float, class_weight: ClassWeight) -> LogisticRegression:
        return LogisticRegression(C=c, class_weight=class_weight, max_iter=3000, random_state=SEED)

    reason = head(config.reason_c, config.class_weight)
    sentiment = head(config.sentiment_c, config.sentiment_class_weight)
    return Pipeline(
        [
            ("normalize", TextNormalizer()),
            ("features", build_features(config)),
            ("classify", ReasonSentimentClassifier(reason, sentiment)),
        ]
    )
