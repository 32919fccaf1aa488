"""Count what drift compares: statuses, tokens the model knows, confidence, predicted labels and content words."""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from taikai.drift._hidden_words import HiddenWords
from taikai.model import CONFIDENCE_BINS, DriftStatistics, Model, word_vocabulary
from taikai.privacy import NEUTRAL, NOT_JAPANESE_PLACEHOLDERS, neutralize, without_addresses
from taikai.text import Status, WordTagger, check_text, japanese_share, without_markup

FOREIGN_BELOW = 0.5
"""A classified text whose kana and kanji are fewer than this share of its letters counts as not Japanese."""


_HONORIFIC_AFTER = re.compile(f"{NEUTRAL}[ ]?(?:さん|様|さま|氏|先生|くん|君|ちゃん|殿)")
"""A placeholder and the honorific after it: one name, no word (UniDic splits ○氏, ○先生, ○殿 and ○ さん, and the
honorific alone would be a word the reference never had: its names kept it, 田中氏)."""


class MeasuredRow(NamedTuple):
    """One text as :meth:`StatisticsBuilder.measure` measures it, for :meth:`StatisticsBuilder.add` to count (no row
    of a file or frame: it was named ``Row``): status, whether it is mostly non-Japanese, its tokens and the unknown
    ones, its content words, the top reason probability, the predicted reason and sentiment (column, -1: none), and the
    hash of its text as the model reads it (:func:`taikai.text.normalize`; 0: blank, or not given), which tells the
    rows of one text apart from the others."""

    status: Status
    foreign: bool
    tokens: int
    oov: int
    words: frozenset[str]
    p: float
    reason: int
    sentiment: int
    text: int = 0


_EMPTY = MeasuredRow(Status.EMPTY, False, 0, 0, frozenset(), math.nan, -1, -1)
_ERROR = MeasuredRow(Status.ERROR, False, 0, 0, frozenset(), math.nan, -1, -1)
_NONE = np.empty(0)


class StatisticsBuilder:
    """Measure rows (texts with their statuses and probabilities), add them, and :meth:`build` their statistics.

    Measuring tags a text once; its row can then be added to several builders (the whole dump, its period).

    *known* is the model's word vocabulary (``None``: the model has none, and no OOV rate is counted); *form*
    the form in which its tokenizer writes tokens. With *hide_names* (``mask_pii``), the content words counted leave
    out the names and places UniDic tags and the address units after a place (:mod:`taikai.drift._hidden_words`).
    """

    def __init__(
        self,
        source: str,
        reason_labels: Sequence[str],
        sentiment_labels: Sequence[str],
        known: frozenset[str] | None,
        tagger: WordTagger,
        hide_names: bool = False,
        count_texts: bool = False,
    ) -> None:
        self.source = source
        self.reason_labels = list(reason_labels)
        self.sentiment_labels = list(sentiment_labels)
        self.known = known
        self.tagger = tagger
        self.hidden = HiddenWords() if hide_names else None
        self.rows = self.empty = self.error = self.foreign = self.tokens = self.oov = self.word_rows = 0
        self.confidence = np.zeros(CONFIDENCE_BINS, dtype=np.int64)
        self.confidence_sum = 0.0
        self.reasons: Counter[str] = Counter()
        self.sentiments: Counter[str] = Counter()
        self.words: Counter[str] = Counter()
        # each row's text hash (MeasuredRow.text), 8 bytes a row, kept by a period's builder (child; see
        # most_repeated): the whole input's are counted from the hashes its reader keeps
        # (taikai.drift._rows.Rows.repeats), not twice
        self.texts: array[int] | None = array("q") if count_texts else None

    @classmethod
    def for_model(cls, model: Model, source: str, mask_pii: bool = False) -> StatisticsBuilder:
        """Return a builder counting tokens as *model*'s tokenizer writes them, against its vocabulary; with
        *mask_pii*, its content words hold no name or place UniDic tags."""
        vocabulary = word_vocabulary(model.pipeline)
        tagger = WordTagger(vocabulary.form, vocabulary.dicdir, vocabulary.cp932_fold) if vocabulary else WordTagger()
        known = vocabulary.known if vocabulary else None
        return cls(source, model.reason_labels, model.sentiment_labels, known, tagger, mask_pii)

    def child(self, source: str) -> StatisticsBuilder:
        """Return an empty builder with the same labels, vocabulary and tagger (one tagger per process), which keeps
        its rows' text hashes (:meth:`most_repeated`): a period's."""
        return StatisticsBuilder(
            source,
            self.reason_labels,
            self.sentiment_labels,
            self.known,
            self.tagger,
            self.hidden is not None,
            count_texts=True,
        )

    def measure(
        self,
        texts: Sequence[object],
        statuses: Sequence[Status] | None,
        reason_proba: npt.NDArray[Any],
        sentiment_proba: npt.NDArray[Any],
        known: frozenset[str] | None = None,
        keys: Sequence[int] | None = None,
    ) -> list[MeasuredRow]:
        """Return what is counted of each text, given its status (``None``: check the text) and probabilities.

        *known* replaces the builder's vocabulary for these rows (the held-out rows of one cross-validation fold
        are counted against the vocabulary of the model fitted without them). *keys*: each text's hash as the
        duplicate count reads it (:attr:`MeasuredRow.text`; ``None``: not counted).
        """
        known = self.known if known is None else known
        out = []
        for i, value in enumerate(texts):
            checked = check_text(value, ignore=NOT_JAPANESE_PLACEHOLDERS)
            status = checked.status if statuses is None else statuses[i]
            key = keys[i] if keys is not None else 0
            if status is Status.EMPTY:
                out.append(_EMPTY._replace(text=key) if key else _EMPTY)
                continue
            if status is not Status.OK or not checked.ok:  # one English text pasted 100 times is one text too
                out.append(_ERROR._replace(text=key) if key else _ERROR)
                continue
            text = neutralize(checked.text)  # a masked text's placeholders as ○, as the model reads them
            tokens, words = self.tagger.words(text)
            bare = without_addresses(text)  # an e-mail address or URL as masking finds it: no words
            bare = without_markup(bare)  # nor an HTML tag's name (p, br, div, class): the dump's hint says the markup
            if text != checked.text:  # a placeholder is no word (○, ○さん), nor its honorific (○氏)
                bare = _HONORIFIC_AFTER.sub(NEUTRAL, bare)
            if bare != text:
                words = self.tagger.words(bare)[1]
            if text != checked.text:
                words = [w for w in words if NEUTRAL not in w]
            if self.hidden is not None:  # mask_pii: a name or a place is no word either
                words = self.hidden.keep(text, words)
            oov = sum(1 for t in tokens if t not in known) if known is not None else 0
            if oov and known is not None and NEUTRAL not in known:
                # a masked value reads as a known token, as an unmasked URL reads as url: masking is no drift
                oov -= min(text.count(NEUTRAL) - checked.text.count(NEUTRAL), tokens.count(NEUTRAL))
            reason, sentiment = reason_proba[i], sentiment_proba[i] if len(sentiment_proba) else _NONE
            top = -1 if not len(reason) or np.isnan(reason).any() else int(np.argmax(reason))
            feeling = -1 if not len(sentiment) or np.isnan(sentiment).any() else int(np.argmax(sentiment))
            out.append(
                MeasuredRow(
                    Status.OK,
                    japanese_share(without_markup(checked.text)) < FOREIGN_BELOW,  # a tag is no English
                    len(tokens),
                    oov,
                    frozenset(words),
                    float(reason[top]) if top >= 0 else math.nan,
                    top,
                    feeling,
                    key,
                )
            )
        return out

    def add(self, rows: Iterable[MeasuredRow]) -> None:
        """Count measured rows (see :meth:`measure`)."""
        for row in rows:
            self.rows += 1
            if row.text and self.texts is not None:
                self.texts.append(row.text)
            if row.status is not Status.OK:
                self.empty += row.status is Status.EMPTY
                self.error += row.status is Status.ERROR
                continue
            self.foreign += row.foreign
            self.tokens += row.tokens
            self.oov += row.oov
            self.word_rows += 1
            self.words.update(row.words)
            if row.reason >= 0:
                self.confidence[min(int(row.p * CONFIDENCE_BINS), CONFIDENCE_BINS - 1)] += 1
                self.confidence_sum += row.p
                self.reasons[self.reason_labels[row.reason]] += 1
            if row.sentiment >= 0:
                self.sentiments[self.sentiment_labels[row.sentiment]] += 1

    def most_repeated(self) -> int:
        """Return how many of the rows added hold their most common text (as :attr:`MeasuredRow.text` tells texts
        apart): 1 when every text differs, 0 when no row's text was given or the builder keeps none (not a
        :meth:`child`)."""
        if not self.texts:
            return 0
        return int(np.unique(np.frombuffer(self.texts, dtype=np.int64), return_counts=True)[1].max())

    def build(self) -> DriftStatistics:
        """Return the statistics of every row added so far."""
        return DriftStatistics(
            source=self.source,
            rows=self.rows,
            empty=self.empty,
            error=self.error,
            foreign=self.foreign,
            tokens=self.tokens,
            oov_tokens=self.oov if self.known is not None else None,
            confidence=tuple(int(n) for n in self.confidence),
            confidence_sum=self.confidence_sum,
            reasons={label: self.reasons[label] for label in self.reason_labels},
            sentiments={label: self.sentiments[label] for label in self.sentiment_labels},
            word_rows=self.word_rows,
            words=dict(self.words),
        )
