"""Explain one prediction: the n-grams that pushed it toward its reason and sentiment, at spans of the original text.

A feature's weight toward class *k* is its TF-IDF value in the text times its centred coefficient for *k*
(the coefficient minus the feature's mean coefficient over all classes; see
:func:`taikai.model.centred_coefficients`). The weights of all features plus the centred intercept
(``bias``) add up to the class's centred score (``score``), whose softmax is the predicted probability.
Positive weights push toward the predicted class, negative ones away from it. A model with word vectors adds one
contribution for them, ``(word vectors)``: the pooled vector's columns summed, with no span (it reads every word).

A text is judged and read as :meth:`taikai.Model.classify` judges and reads it (a masked text's placeholders as
``○``, see :func:`taikai.privacy.neutralize`), so the status, labels and probabilities are those of ``predict``; a
feature holding a ``○`` spans its whole placeholder in the original text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import numpy as np

from taikai.errors import check_int, wrong_type
from taikai.labels import named_reason
from taikai.model import Model, centred_coefficients, feature_blocks, ngram_spans, resolve_model
from taikai.privacy import NEUTRAL, NOT_JAPANESE_PLACEHOLDERS, PLACEHOLDERS
from taikai.text import OffsetMap, Status, check_text, clip, display_width, normalize_with_offsets, pad, shown_text

DEFAULT_TOP = 10
VECTOR_FEATURE = "(word vectors)"
"""The name of the one contribution of the pooled word vectors (the meaning of all the text's words at once)."""
VECTOR_KIND = "vector"
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()), re.IGNORECASE)
"""Every placeholder, as written or lower-cased: what :func:`taikai.privacy.neutralize` replaces by ``○``."""


@dataclass(frozen=True)
class Contribution:
    """One feature of the text: its n-gram, TF-IDF value, weight, and spans ``(start, end)`` in the original text."""

    feature: str
    kind: str
    value: float
    weight: float
    spans: tuple[tuple[int, int], ...]

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """Return JSON-ready values; with *text*, also the original substrings at the spans."""
        out = {"feature": self.feature, "kind": self.kind, "value": self.value, "weight": self.weight}
        out["spans"] = [list(s) for s in self.spans]
        if text is not None:
            out["matches"] = [text[s:e] for s, e in self.spans]
        return out


@dataclass(frozen=True)
class HeadExplanation:
    """Why one head chose its label: the strongest contributions toward and against it."""

    head: str
    label: str
    probability: float
    bias: float
    score: float
    contributions: tuple[Contribution, ...]

    def __repr__(self) -> str:
        """Return the head's label and numbers on one line (the contributions are counted, not listed)."""
        return (
            f"HeadExplanation(head={self.head!r}, label={self.label!r}, probability={self.probability:.2f}, "
            f"score={self.score:+.3f}, contributions: {len(self.toward)} toward, {len(self.against)} against)"
        )

    @property
    def toward(self) -> list[Contribution]:
        return [c for c in self.contributions if c.weight > 0]

    @property
    def against(self) -> list[Contribution]:
        return [c for c in self.contributions if c.weight < 0]

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {
            "head": self.head,
            "label": self.label,
            "probability": self.probability,
            "bias": self.bias,
            "score": self.score,
            "contributions": [c.to_dict(text) for c in self.contributions],
        }


@dataclass(frozen=True)
class Explanation:
    """The explanation of one text; ``reason`` and ``sentiment`` are ``None`` when ``status`` is not ``ok``."""

    text: str
    normalized: str
    status: Status
    message: str = ""
    reason: HeadExplanation | None = None
    sentiment: HeadExplanation | None = None

    def __repr__(self) -> str:
        """Return the text (clipped), status and labels on one line; ``print()`` shows the contributions."""
        parts = [f"text={clip(self.text, 40)!r}", f"status={self.status.value!r}"]
        if self.message:
            parts.append(f"message={self.message!r}")
        for head in self.heads():
            parts.append(f"{head.head}={head.label!r} (p={head.probability:.2f})")
        return f"Explanation({', '.join(parts)})"

    def __str__(self) -> str:
        """Return the rendering of ``taikai explain`` without colours (see :func:`render_text`)."""
        return click.unstyle(render_text(self))

    def heads(self) -> list[HeadExplanation]:
        return [h for h in (self.reason, self.sentiment) if h is not None]

    def char_weights(self, head: str = "reason") -> np.ndarray:
        """Return, per character of the original text, the summed weight of the shown contributions covering it."""
        weights = np.zeros(len(self.text))
        explained = self.reason if head == "reason" else self.sentiment
        for c in explained.contributions if explained else ():
            for s, e in c.spans:
                weights[s:e] += c.weight
        return weights

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (spans index the original text; ``matches`` are its substrings)."""
        return {
            "text": self.text,
            "normalized": self.normalized,
            "status": self.status.value,
            "message": self.message,
            "reason": self.reason.to_dict(self.text) if self.reason else None,
            "sentiment": self.sentiment.to_dict(self.text) if self.sentiment else None,
        }


def _explain_head(
    head: str,
    estimator: Any,
    name: list[tuple[str, str]],
    columns: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
    spans: list[list[tuple[int, int]]],
    top: int,
) -> HeadExplanation:
    coef, intercept, classes = centred_coefficients(estimator)
    x = _dense(columns, values, coef.shape[1])
    probabilities = estimator.predict_proba(x[None, :])[0]
    k = int(np.argmax(probabilities))
    score = float(coef[k] @ x + intercept[k])
    weights = values * coef[k, columns]
    vector = np.array([kind == VECTOR_KIND for _, kind in name], dtype=bool)
    if vector.any():  # the word-vector columns act together: one contribution, placed at the first of them
        first = int(np.flatnonzero(vector)[0])
        weights = np.where(vector, 0.0, weights)
        weights[first] = float((values[vector] * coef[k, columns[vector]]).sum())
        values = values.copy()
        values[first] = 1.0  # the pooled vector is L2-normalised
    order = np.argsort(-weights, kind="stable")
    chosen = [i for i in order if weights[i] > 0][:top] + [i for i in order[::-1] if weights[i] < 0][:top]
    chosen.sort(key=lambda i: -weights[i])
    contributions = tuple(
        Contribution(name[i][0], name[i][1], float(values[i]), float(weights[i]), tuple(spans[i])) for i in chosen
    )
    return HeadExplanation(head, classes[k], float(probabilities[k]), float(intercept[k]), score, contributions)


def _dense(columns: np.ndarray[Any, Any], values: np.ndarray[Any, Any], width: int) -> np.ndarray[Any, Any]:
    x = np.zeros(width)
    x[columns] = values
    return x


def _read_with_offsets(normalized: str, offsets: OffsetMap) -> tuple[str, list[tuple[int, int]]]:
    """Return the text the model reads, :func:`taikai.privacy.neutralize` of *normalized* (each placeholder a
    ``○``), with the span of the original text each of its characters stems from (a ``○``: its placeholder's)."""
    read: list[str] = []
    where: list[tuple[int, int]] = []
    last = 0
    for match in _PLACEHOLDER.finditer(normalized) if "[" in normalized else ():
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


def explain(model: Model | str | Path | None, text: str, top: int = DEFAULT_TOP) -> Explanation:
    """Return the *top* contributions toward and against the predicted reason and sentiment of one *text*.

    The model comes first, then the text: ``explain(model, text)``. *model* is a :class:`~taikai.Model` or the
    directory of one, or ``None`` for the default model (``$TAIKAI_MODEL``, else the shipped one), as for
    :func:`taikai.check_drift`; it has no default, so write ``explain(None, text)``. Arguments given the other way
    round, or a list of texts, are refused with a ``TypeError`` that says what to write.
    """
    check_arguments(model, text)
    check_int("top", top, 0)
    model = resolve_model(model)
    # judged and read as Model.classify judges and reads it: its status, labels and probabilities are predict's
    checked = check_text(text, model.max_chars, NOT_JAPANESE_PLACEHOLDERS)
    original = shown_text(text)
    if checked.status is not Status.OK:
        return Explanation(original, checked.text, checked.status, checked.message)
    read, where = _read_with_offsets(checked.text, normalize_with_offsets(original))
    columns: list[int] = []
    values: list[float] = []
    names: list[tuple[str, str]] = []
    spans: list[list[tuple[int, int]]] = []
    for block in feature_blocks(model.pipeline):
        prepared = block.prepare.transform([read]) if block.prepare is not None else [read]
        if not block.ngrams:
            dense = np.asarray(block.vectorizer.transform(prepared))[0]
            for j in np.flatnonzero(dense):
                columns.append(block.offset + int(j))
                values.append(float(dense[j]) * block.weight)
                names.append((VECTOR_FEATURE, VECTOR_KIND))
                spans.append([])
            continue
        row = block.vectorizer.transform(prepared).tocsr()
        places = ngram_spans(block, read)
        vocabulary = block.names()
        for j, v in zip(row.indices, row.data):
            columns.append(block.offset + j)
            values.append(v * block.weight)
            names.append((str(vocabulary[j]), block.kind))
            spans.append(sorted({_original_span(where, s, e) for s, e in places.get(j, [])}))
    columns_a, values_a = np.asarray(columns, dtype=int), np.asarray(values, dtype=float)
    classifier = model.pipeline.named_steps["classify"]
    heads = {}
    for head, estimator in (("reason", classifier.reason_), ("sentiment", classifier.sentiment_)):
        if estimator is not None:
            heads[head] = _explain_head(head, estimator, names, columns_a, values_a, spans, top)
    return Explanation(original, checked.text, checked.status, checked.message, heads["reason"], heads.get("sentiment"))


_TEXT_LIKE = re.compile(r"[\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""What a text has and a model directory's name hardly has: spaces, or Japanese letters and punctuation."""
_ORDER = "explain(model, text) takes the model first, then the text"


def check_arguments(model: object, text: object) -> None:
    """Raise ``TypeError`` if the arguments of :func:`explain` are swapped (a text where the model goes: a str that is
    no directory but reads as a text), or *text* is several texts; saying what to write instead."""
    given = []
    if isinstance(model, str) and not os.path.exists(model) and _TEXT_LIKE.search(model) and os.sep not in model:
        given.append(f"a text ({shown_text(model)[:20]!r}) as the model")
    if isinstance(text, Model):
        given.append("a Model as the text")
    if given:
        raise TypeError(
            f"{_ORDER}: it was given {' and '.join(given)}; write explain(model, text), or explain(None, text) for "
            "the default model"
        )
    if isinstance(text, Iterable) and not isinstance(text, str | bytes):
        raise TypeError(
            f"{wrong_type('text', text, 'one text (a str)')}; explain each text on its own "
            "(for text in texts: taikai.explain(model, text)), or predict many at once with model.predict(texts)"
        )


def _highlight(text: str, weights: np.ndarray) -> str:
    out, i = [], 0
    while i < len(text):
        sign = np.sign(weights[i])
        j = i
        while j < len(text) and np.sign(weights[j]) == sign:
            j += 1
        piece = text[i:j]
        out.append(piece if sign == 0 else click.style(piece, fg="green" if sign > 0 else "red", bold=True))
        i = j
    return "".join(out)


def render_text(explanation: Explanation) -> str:
    """Return a terminal rendering: the text with highlighted spans (green toward, red against) and the weights,
    after the text's message when it has one (it was cut to its first characters)."""
    if explanation.status is not Status.OK:
        return f"{explanation.status.value}: {explanation.message}"
    lines = [f"note: {explanation.message}", ""] if explanation.message else []
    # "word", "char" or "vector" (a model with word vectors): one column wide enough for all, in every head
    kind_width = max((len(c.kind) for head in explanation.heads() for c in head.contributions), default=4)
    for head in explanation.heads():
        name = named_reason(head.label) if head.head == "reason" else head.label
        lines.append(f"{head.head}: {name}  p={head.probability:.2f}  score={head.score:+.3f}")
        lines.append("  " + _highlight(explanation.text, explanation.char_weights(head.head)))
        shown = [repr(c.feature) for c in head.contributions]
        width = max(16, *map(display_width, shown)) if shown else 16
        for c, feature in zip(head.contributions, shown):
            where = ", ".join(f"{explanation.text[s:e]!r}@{s}-{e}" for s, e in c.spans) or "-"
            label = click.style(f"{c.weight:+.3f}", fg="green" if c.weight > 0 else "red")
            lines.append(f"  {label}  {c.kind:{kind_width}s} {pad(feature, width)} {where}")
        lines.append("")
    return "\n".join(lines).rstrip()
