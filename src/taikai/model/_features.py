"""Look inside a fitted pipeline: its feature blocks, their n-grams in a text, and centred head coefficients."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.pipeline import FeatureUnion, Pipeline

from taikai.model._lexicon import greedy_matches
from taikai.text import JapaneseTokenizer


@dataclass(frozen=True)
class Block:
    """One part of the feature union: a TF-IDF vectorizer, the steps before it, and its columns."""

    name: str
    kind: str  # "word" or "char" (n-grams), or "vector" (pooled word vectors: columns without a vocabulary)
    prepare: Pipeline | None
    vectorizer: Any  # a fitted TfidfVectorizer, or WordVectors
    offset: int
    width: int
    weight: float = 1.0

    def names(self) -> np.ndarray[Any, Any]:
        """Return the n-gram of each column of this block."""
        names: np.ndarray[Any, Any] = self.vectorizer.get_feature_names_out()
        return names

    @property
    def ngrams(self) -> bool:
        """Whether the columns are n-grams (with a vocabulary and spans in the text)."""
        return self.kind != "vector"


def _members(union: FeatureUnion) -> list[tuple[str, Any, float]]:
    weights = union.transformer_weights or {}
    return [(n, p, float(weights.get(n, 1.0))) for n, p in union.transformer_list if p not in ("drop", None)]


def feature_blocks(pipeline: Any) -> list[Block]:
    """Return the blocks of the pipeline's ``features`` union, in column order.

    A part of the union is a vectorizer, or a pipeline that prepares text for one (the tokenizer), or for a union
    of several that read the same prepared text (word n-grams and word vectors over one tokenizer's output).
    """
    blocks: list[Block] = []
    offset = 0
    for name, part, weight in _members(pipeline.named_steps["features"]):
        prepare, last = (part[:-1], part[-1]) if isinstance(part, Pipeline) else (None, part)
        inner = _members(last) if isinstance(last, FeatureUnion) else [(name, last, 1.0)]
        for inner_name, vectorizer, inner_weight in inner:
            if hasattr(vectorizer, "vocabulary_"):
                width = len(vectorizer.vocabulary_)
                kind = "char" if str(vectorizer.analyzer).startswith("char") else "word"
            else:
                width, kind = int(vectorizer.dim_), "vector"
            blocks.append(Block(inner_name, kind, prepare, vectorizer, offset, width, weight * inner_weight))
            offset += width
    return blocks


@dataclass(frozen=True)
class WordVocabulary:
    """The single words a pipeline's word n-gram block knows, and how its tokenizer writes them."""

    form: str  # the JapaneseTokenizer's token form: "base" or "surface"
    dicdir: str | None
    known: frozenset[str]
    cp932_fold: int = 0  # the JapaneseTokenizer's fold of CP932 look-alikes (0: none)


def word_vocabulary(pipeline: Any) -> WordVocabulary | None:
    """Return the word unigrams of the pipeline's fugashi word block, or ``None`` when it has none."""
    for block in feature_blocks(pipeline):
        tokenizer = _tokenizer(block.prepare)
        if block.kind == "word" and tokenizer is not None:
            known = frozenset(g for g in block.vectorizer.vocabulary_ if " " not in g)
            return WordVocabulary(tokenizer.form, tokenizer.dicdir, known, tokenizer.cp932_fold)
    return None


def centred_coefficients(estimator: Any) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], list[str]]:
    """Return (coefficients, intercepts, classes) with every feature's mean over the classes subtracted.

    A softmax does not change when the same number is added to every class's score, so a coefficient only
    means something relative to the other classes: the centred value is the feature's push toward a class
    against the average class. A binary head is written as two classes with scores 0 and ``w·x + b``.
    """
    coef = np.asarray(estimator.coef_, dtype=float)
    intercept = np.asarray(estimator.intercept_, dtype=float)
    classes = [str(c) for c in estimator.classes_]
    if coef.shape[0] == 1 and len(classes) == 2:
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([[0.0], intercept])
    return coef - coef.mean(axis=0), intercept - intercept.mean(), classes


def _tokenizer(prepare: Pipeline | None) -> JapaneseTokenizer | None:
    if prepare is None:
        return None
    found = [step for _, step in prepare.steps if isinstance(step, JapaneseTokenizer)]
    return found[0] if len(found) == 1 and len(prepare.steps) == 1 else None


def _word_tokens(block: Block, text: str) -> tuple[list[str], list[tuple[int, int] | None]]:
    """Return the tokens the vectorizer sees in normalised *text* and each token's span in *text*."""
    document = block.prepare.transform([text])[0] if block.prepare is not None else text
    if block.ngrams:
        tokens = block.vectorizer.build_tokenizer()(block.vectorizer.build_preprocessor()(document))
    else:  # word vectors read the tokenizer's output split on spaces
        tokens = document.split()
    tokenizer = _tokenizer(block.prepare)
    spans: list[tuple[int, int] | None] = [None] * len(tokens)
    if tokenizer is not None:
        words, located = [], []
        for word, start, end in tokenizer.tokenize_with_spans(text):
            words.append(word)
            located.append((start, end) if end > start else None)
        if words == tokens:
            spans = located
    elif block.prepare is None:
        cursor = 0
        for i, token in enumerate(tokens):
            start = text.find(token, cursor)
            if start >= 0:
                spans[i], cursor = (start, start + len(token)), start + len(token)
    return tokens, spans


def ngram_spans(block: Block, text: str) -> dict[int, list[tuple[int, int]]]:
    """Return, for each column of *block* present in normalised *text*, the spans of its occurrences in *text*."""
    vocabulary = block.vectorizer.vocabulary_
    low, high = block.vectorizer.ngram_range
    found: dict[int, list[tuple[int, int]]] = {}
    if block.kind == "char":
        if block.prepare is not None or block.vectorizer.analyzer != "char":
            return found
        for n in range(low, high + 1):
            for i in range(len(text) - n + 1):
                column = vocabulary.get(text[i : i + n])
                if column is not None:
                    found.setdefault(column, []).append((i, i + n))
        return found
    tokens, spans = _word_tokens(block, text)
    for n in range(low, high + 1):
        for i in range(len(tokens) - n + 1):
            column = vocabulary.get(" ".join(tokens[i : i + n]))
            if column is None:
                continue
            first, last = spans[i], spans[i + n - 1]
            places = found.setdefault(column, [])
            if first is not None and last is not None:
                places.append((first[0], last[1]))
    return found


def vector_word_spans(block: Block, text: str, words: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Return, for each of *words* (the matches of a word-vector *block* in normalised *text*, as its ``words_of``
    gives them: a compound's tokens joined by spaces), the spans of its matches in *text*. The tokens are walked as
    the table segments them (:func:`~taikai.model._lexicon.greedy_matches`) over the matched words only: the same
    matches, since a run matched at a place is the table's longest key there."""
    tokens, spans = _word_tokens(block, text)
    known = list(dict.fromkeys(words))
    index = {word: k for k, word in enumerate(known)}
    longest = max((len(w.split(" ")) for w in known), default=0)
    found: dict[str, list[tuple[int, int]]] = {}
    for i, length, k in greedy_matches(tokens, lambda run: index.get(run, -1), longest):
        places = found.setdefault(known[k], [])
        first, last = spans[i], spans[i + length - 1]
        if first is not None and last is not None:
            places.append((first[0], last[1]))
    return found
