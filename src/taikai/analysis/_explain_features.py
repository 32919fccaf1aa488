"""The features a model reads in one text, with their values and their spans in the original text.

A text is read as :meth:`taikai.Model.classify` reads it: normalised, and a masked text's placeholders as ``○``
(:func:`taikai.privacy.neutralize`); a feature holding a ``○`` spans its whole placeholder in the original text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from taikai.analysis._explain_words import TextWords
from taikai.model import Model, feature_blocks, ngram_spans, vector_word_spans
from taikai.privacy import ANY_PLACEHOLDER, NEUTRAL
from taikai.text import OffsetMap, normalize_with_offsets

VECTOR_FEATURE = "(word vectors)"
"""The name of the one contribution of the pooled word vectors (the meaning of all the text's words at once)."""
VECTOR_KIND = "vector"


@dataclass(frozen=True, eq=False)
class TextFeatures:
    """The features present in one text: per feature its name and kind, column, value and original spans."""

    names: list[tuple[str, str]]
    columns: np.ndarray[Any, Any]
    values: np.ndarray[Any, Any]
    spans: list[list[tuple[int, int]]]
    words: TextWords | None = None
    """The words whose vectors were pooled (a model with word vectors), to share out the vector contribution."""


def read_with_offsets(normalized: str, offsets: OffsetMap) -> tuple[str, list[tuple[int, int]]]:
    """Return the text the model reads, :func:`taikai.privacy.neutralize` of *normalized* (each placeholder a
    ``○``), with the span of the original text each of its characters stems from (a ``○``: its placeholder's)."""
    read: list[str] = []
    where: list[tuple[int, int]] = []
    last = 0
    for match in ANY_PLACEHOLDER.finditer(normalized) if "[" in normalized else ():
        read.append(normalized[last : match.start()])
        where.extend(offsets.span(i, i + 1) for i in range(last, match.start()))
        read.append(NEUTRAL)
        where.append(offsets.span(match.start(), match.end()))
        last = match.end()
    read.append(normalized[last:])
    where.extend(offsets.span(i, i + 1) for i in range(last, len(normalized)))
    return "".join(read), where


def _original_span(where: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    return min(s for s, _ in where[start:end]), max(e for _, e in where[start:end])


CUT_MARGIN = 64
"""Normalised characters past a cut text's end that a prefix of the original must give before its offsets are used:
normalising a prefix agrees with normalising the whole but at the prefix's end (a space trimmed, a run cut)."""


def cut_offsets(original: str, normalized: str) -> OffsetMap:
    """Return the offsets of a text *original* that the model read only the start of, *normalized* (its first
    ``max_chars`` normalised characters): those of the shortest prefix of *original* (twice as long each try) whose
    normalised form starts with *normalized* and goes :data:`CUT_MARGIN` characters past it, else the whole's. A
    text of a million characters is thus normalised to its first twenty thousand, not all of it."""
    size = 2 * len(normalized) + CUT_MARGIN
    while size < len(original):
        offsets = normalize_with_offsets(original[:size])
        if len(offsets.text) >= len(normalized) + CUT_MARGIN and offsets.text.startswith(normalized):
            return offsets
        size *= 2
    return normalize_with_offsets(original)


def text_features(model: Model, normalized: str, original: str, *, cut: bool = False) -> TextFeatures:
    """Return the features *model* reads in *normalized* (the classified, normalised form of *original*; with *cut*,
    the start the model read of it: only that start of *original* is normalised again to find the spans)."""
    offsets = cut_offsets(original, normalized) if cut else normalize_with_offsets(original)
    read, where = read_with_offsets(normalized, offsets)
    columns: list[int] = []
    values: list[float] = []
    names: list[tuple[str, str]] = []
    spans: list[list[tuple[int, int]]] = []
    words: TextWords | None = None
    for block in feature_blocks(model.pipeline):
        prepared = block.prepare.transform([read]) if block.prepare is not None else [read]
        if not block.ngrams:
            dense = np.asarray(block.vectorizer.transform(prepared))[0]
            for j in np.flatnonzero(dense):
                columns.append(block.offset + int(j))
                values.append(float(dense[j]) * block.weight)
                names.append((VECTOR_FEATURE, VECTOR_KIND))
                spans.append([])
            if hasattr(block.vectorizer, "words_of"):
                matched, vectors, scale = block.vectorizer.words_of(prepared[0])
                located = {
                    word: sorted({_original_span(where, s, e) for s, e in places})
                    for word, places in vector_word_spans(block, read, matched).items()
                }
                words = TextWords(matched, vectors, scale * block.weight, block.offset, located)
            continue
        row = block.vectorizer.transform(prepared).tocsr()
        places = ngram_spans(block, read)
        vocabulary = block.names()
        for j, v in zip(row.indices, row.data):
            columns.append(block.offset + j)
            values.append(v * block.weight)
            names.append((str(vocabulary[j]), block.kind))
            spans.append(sorted({_original_span(where, s, e) for s, e in places.get(j, [])}))
    return TextFeatures(names, np.asarray(columns, dtype=int), np.asarray(values, dtype=float), spans, words)
