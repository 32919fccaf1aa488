"""Compute the feature matrix and keep the dictionary forms the word block tokenised, so that lemma rules reuse them.

Tokenising is most of a batch run's time. A model reading dictionary forms (the shipped model) computes the very
words that ``lemma:`` terms match; :func:`features_and_lemmas` runs the feature union step by step and returns
them with the matrix, which equals ``FeatureUnion.transform``'s (a test compares them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.pipeline import Pipeline

from taikai.rules import LEMMA_FORM
from taikai.text import JapaneseTokenizer, default_dicdir


def lemma_step(part: Any) -> JapaneseTokenizer | None:
    """Return the tokenizer of a ``tokenize → vectorizer`` pipeline if it gives the words lemma rules match."""
    if not isinstance(part, Pipeline) or len(part.steps) != 2:
        return None
    step = part.steps[0][1]
    if not isinstance(step, JapaneseTokenizer) or step.form != LEMMA_FORM:
        return None
    return step if step.dicdir in (None, default_dicdir()) else None


def features_and_lemmas(union: Any, texts: Sequence[str]) -> tuple[Any, list[str] | None]:
    """Return ``union.transform(texts)`` and, if a block tokenises into dictionary forms, those words per text.

    *union* is a fitted :class:`~sklearn.pipeline.FeatureUnion`; the words come as
    :meth:`taikai.rules.RuleMatcher.lemmas` gives them (space-separated), or ``None`` when no block has them.
    """
    if any(isinstance(part, str) and part != "drop" for _, part in union.transformer_list):
        return union.transform(texts), None  # "passthrough": not a text pipeline; let the union handle it
    weights = union.transformer_weights or {}
    blocks: list[Any] = []
    lemmas: list[str] | None = None
    for name, part in union.transformer_list:
        if isinstance(part, str) or part is None:  # "drop"
            continue
        tokenizer = lemma_step(part) if lemmas is None else None
        if tokenizer is not None:
            lemmas = list(tokenizer.transform(texts))
            block = part.steps[1][1].transform(lemmas)
        else:
            block = part.transform(texts)
        weight = weights.get(name)
        blocks.append(block if weight is None else block * weight)
    if any(sparse.issparse(b) for b in blocks):
        return sparse.hstack(blocks).tocsr(), lemmas
    return np.hstack(blocks), lemmas
