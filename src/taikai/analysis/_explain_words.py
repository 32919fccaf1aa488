"""The words behind the word-vector contribution of an explanation: how much each word's vector pulled.

The pooled vector of a text is the sum of its matched words' vectors (a word, or a compound key of the table, once
per occurrence), divided by that sum's norm and times the block's weights; the norm is a constant of the text, and
a head is linear, so the block's weight toward a class is exactly the sum over the words of ``coef · v_word ×
weight / norm``. A word repeated in the text is one :class:`WordPart` with its count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]


@dataclass(frozen=True, eq=False)
class TextWords:
    """The words of one text whose vectors the model pooled: each match's word (a compound key's tokens joined by
    spaces), its vector, and the factor the sum is scaled by (the weights over the sum's norm), with the block's
    first column."""

    words: list[str]
    vectors: Array  # (matches, dim), float64
    scale: float
    offset: int
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Each word's spans in the original text, one per match."""


@dataclass(frozen=True)
class WordPart:
    """One word's part in the ``(word vectors)`` contribution: the *word* (as the tokenizer writes it, in dictionary
    form; a compound of the table joined by spaces), how often it occurs (*count*), its *weight* (toward the label:
    positive; against: negative) and its *share* of the contribution's weight (``weight / total``; the shares add
    up to 1, and a word pulling against a positive total has a negative share). When the total is not positive (the
    words pull against the label on the whole, or cancel out), a share would read backwards (a word pulling toward
    the label at -230%): *share* is then ``None``, and the word has its weight only. The weights of all the words add up
    to the contribution's weight. Its *spans* are where it occurs in the original text ``(start, end)``, as a
    contribution's (a compound from its first token's start to its last token's end)."""

    word: str
    count: int
    weight: float
    share: float | None
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        out = {"word": self.word, "count": self.count, "weight": self.weight, "share": self.share}
        return out | {"spans": [list(s) for s in self.spans]}


def word_parts(found: TextWords | None, coef: Array, total: float) -> tuple[WordPart, ...]:
    """Return each word's part in the vector contribution *total* toward the class of centred coefficients *coef*
    (one row), strongest toward first. The pooled vector is float32; its rounding (a millionth of the total or so)
    is shared among the words in proportion to their size, so that the weights add up to *total* exactly."""
    if found is None or not found.words:
        return ()
    pulls = found.vectors @ coef[found.offset : found.offset + found.vectors.shape[1]] * found.scale
    order: dict[str, int] = {}
    for word in found.words:
        order.setdefault(word, len(order))
    which = np.fromiter((order[w] for w in found.words), dtype=np.int64, count=len(found.words))
    weights = np.bincount(which, weights=pulls, minlength=len(order))
    counts = np.bincount(which, minlength=len(order))
    size = np.abs(weights).sum()
    if size > 0:
        weights = weights + (total - weights.sum()) * np.abs(weights) / size
    parts = [
        WordPart(
            word,
            int(counts[i]),
            float(weights[i]),
            float(weights[i] / total) if total > 0 else None,  # no share of a total that is not positive
            tuple(found.spans.get(word, ())),
        )
        for word, i in order.items()
    ]
    return tuple(sorted(parts, key=lambda p: -p.weight))
