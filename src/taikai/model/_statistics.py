"""What a set of reviews looks like to a model, as counts: stored in a model's metadata at training time.

:class:`DriftStatistics` is the reference of ``taikai drift``: a dump whose figures stray too far from them no
longer looks like what the model was trained on. The same type describes a dump, a period of a dump, or a
``--reference`` file, so that every comparison reads two values of one type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

CONFIDENCE_BINS = 20
"""Bins of width 0.05 over [0, 1] for the top reason probability; 0.5 is a bin edge."""
WORDS_FLOOR_SHARE = 0.001
"""Stored word document frequencies: the words in at least this share of the rows ..."""
WORDS_MAX = 5000
"""... and at most this many of them, the most frequent first."""


@dataclass(frozen=True)
class DriftStatistics:
    """Counts over a set of texts: statuses, tokens the model knows, confidence, predicted labels, words.

    ``confidence`` counts the classified rows per bin of the top reason probability (``CONFIDENCE_BINS`` bins of
    equal width over [0, 1]); ``reasons`` and ``sentiments`` count the predicted labels of the same rows.
    ``tokens`` and ``oov_tokens`` count the model's tokens in the classified rows and those not in its word
    vocabulary (``oov_tokens`` is ``None`` for a model without word features: it has no word vocabulary).
    ``words`` holds the document frequency of content words (UniDic dictionary forms) over ``word_rows`` rows;
    a word not in it appears in fewer than ``words_floor`` of them. ``word_rows`` are the rows neither empty nor
    errors, of the same rows as the other counts, except in a model's statistics, whose word table counts the
    training rows while the other counts are of held-out rows.
    """

    source: str
    rows: int = 0
    empty: int = 0
    error: int = 0
    foreign: int = 0
    tokens: int = 0
    oov_tokens: int | None = 0
    confidence: tuple[int, ...] = (0,) * CONFIDENCE_BINS
    confidence_sum: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)
    sentiments: dict[str, int] = field(default_factory=dict)
    word_rows: int = 0
    words: dict[str, int] = field(default_factory=dict, repr=False)  # thousands of words: read, not shown
    words_floor: int = 1
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # dicts of counts: not hashable, so hash() is not offered

    @property
    def classified(self) -> int:
        """Rows with a prediction."""
        return sum(self.confidence)

    @property
    def unclassifiable_share(self) -> float:
        """Share of rows that are empty, not text, or not Japanese (no kana word or kanji, or under half of letters)."""
        return (self.empty + self.error + self.foreign) / self.rows if self.rows else math.nan

    @property
    def oov_rate(self) -> float:
        """Share of the model's tokens in classified rows that are not in the model's word vocabulary."""
        return self.oov_tokens / self.tokens if self.tokens and self.oov_tokens is not None else math.nan

    @property
    def tokens_per_row(self) -> float:
        """Mean number of the model's tokens in a classified row."""
        checked = self.rows - self.empty - self.error  # the rows tokenized (word_rows counts the word table's)
        return self.tokens / checked if checked and self.tokens else math.nan

    @property
    def mean_confidence(self) -> float:
        """Mean top reason probability of the classified rows."""
        return self.confidence_sum / self.classified if self.classified else math.nan

    @property
    def low_confidence_share(self) -> float:
        """Share of classified rows whose top reason probability is below 0.5."""
        return sum(self.confidence[: CONFIDENCE_BINS // 2]) / self.classified if self.classified else math.nan

    def word_share(self, word: str) -> float:
        """Return the share of rows holding *word*; for a word not stored, the largest share it can have."""
        if not self.word_rows:
            return 0.0
        return self.words.get(word, self.words_floor - 1) / self.word_rows

    def capped(self, floor_share: float = WORDS_FLOOR_SHARE, max_words: int = WORDS_MAX) -> DriftStatistics:
        """Return these statistics with only the words in ``floor_share`` of the rows, ``max_words`` at most."""
        floor = max(1, math.ceil(floor_share * self.word_rows), self.words_floor)
        kept = sorted(((w, n) for w, n in self.words.items() if n >= floor), key=lambda wn: (-wn[1], wn[0]))
        if len(kept) > max_words:
            floor = kept[max_words][1] + 1
            kept = [(w, n) for w, n in kept[:max_words] if n >= floor]
        return replace(self, words=dict(kept), words_floor=floor)

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (the ``drift_statistics`` part of ``metadata.json``)."""
        return {
            "source": self.source,
            "rows": self.rows,
            "empty": self.empty,
            "error": self.error,
            "foreign": self.foreign,
            "tokens": self.tokens,
            "oov_tokens": self.oov_tokens,
            "confidence": {"bins": list(self.confidence), "sum": round(self.confidence_sum, 6)},
            "reasons": dict(self.reasons),
            "sentiments": dict(self.sentiments),
            "words": {"rows": self.word_rows, "floor": self.words_floor, "document_frequency": dict(self.words)},
        }

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> DriftStatistics:
        """Read values written by :meth:`to_dict`."""
        confidence = tuple(int(n) for n in values["confidence"]["bins"])
        if len(confidence) != CONFIDENCE_BINS:
            raise ValueError(f"confidence has {len(confidence)} bins, not {CONFIDENCE_BINS}")
        words = values["words"]
        return cls(
            source=str(values["source"]),
            rows=int(values["rows"]),
            empty=int(values["empty"]),
            error=int(values["error"]),
            foreign=int(values["foreign"]),
            tokens=int(values["tokens"]),
            oov_tokens=None if values["oov_tokens"] is None else int(values["oov_tokens"]),
            confidence=confidence,
            confidence_sum=float(values["confidence"]["sum"]),
            reasons={str(k): int(v) for k, v in values["reasons"].items()},
            sentiments={str(k): int(v) for k, v in values["sentiments"].items()},
            word_rows=int(words["rows"]),
            words={str(k): int(v) for k, v in words["document_frequency"].items()},
            words_floor=int(words["floor"]),
        )
