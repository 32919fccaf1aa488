"""What :func:`~taikai.analysis.explain` returns: an :class:`Explanation` of one text, with a
:class:`HeadExplanation` per head made of :class:`Contribution` s (the features at spans of the original text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import click
import numpy as np

from taikai.analysis._explain_text import render_text
from taikai.analysis._explain_words import WordPart
from taikai.errors import InputError
from taikai.rules import RuleHits, RulesMode
from taikai.text import Status, clip

DEFAULT_TOP = 10
"""The contributions :func:`~taikai.analysis.explain` keeps toward and against each label, and the words the
rendering lists under the word-vector contribution each way, unless told otherwise (``--top``)."""


@dataclass(frozen=True)
class Contribution:
    """One feature of the text: its n-gram, TF-IDF value, weight, and spans ``(start, end)`` in the original text.

    ``kind`` is ``"word"`` (a word n-gram, its words joined by spaces, in dictionary form), ``"char"`` (a
    character n-gram) or, for a model with word vectors, ``"vector"``: the one contribution of the pooled word
    vectors, ``feature`` ``"(word vectors)"``, whose value is 1 and which has no spans (it reads every word). It is
    often the largest; its ``words`` say which words' vectors pulled (:class:`WordPart`, strongest toward the label
    first): their weights add up to its weight. Other contributions have no ``words``.
    """

    feature: str
    kind: str
    value: float
    weight: float
    spans: tuple[tuple[int, int], ...]
    words: tuple[WordPart, ...] = ()

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """Return JSON-ready values; with *text*, also the original substrings at the spans."""
        out = {"feature": self.feature, "kind": self.kind, "value": self.value, "weight": self.weight}
        out["spans"] = [list(s) for s in self.spans]
        if text is not None:
            out["matches"] = [text[s:e] for s, e in self.spans]
        if self.kind == "vector":  # every word, strongest toward first; their weights add up to "weight"
            out["words"] = [w.to_dict() for w in self.words]
        return out


@dataclass(frozen=True)
class HeadExplanation:
    """Why one head chose its label: the strongest contributions toward and against it.

    ``label`` and ``probability`` are ``predict``'s (the same classification); ``score`` is the label's centred
    score from the contributions, whose softmax over the labels gives that probability up to float rounding.
    """

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
        """Return the contributions toward the label, strongest first."""
        return sorted((c for c in self.contributions if c.weight > 0), key=lambda c: -c.weight)

    @property
    def against(self) -> list[Contribution]:
        """Return the contributions against the label, strongest (most negative) first."""
        return sorted((c for c in self.contributions if c.weight < 0), key=lambda c: c.weight)

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
    """The explanation of one text; ``reason`` and ``sentiment`` are ``None`` when ``status`` is not ``ok``.

    With rules (``explain(..., rules=...)``) and a classified text, ``rules`` holds the rules that fired (none: an
    empty :class:`~taikai.rules.RuleHits`), ``final_reason`` the reason written out as ``predict`` writes it (under
    ``override`` the first firing rule's label) and ``rule_conflict`` whether rules fired with none of their labels
    the model's reason; ``reason`` stays the model's own, explained. Without rules all four are ``None``.

    ``reasons`` are the model's reasons, as ``predict`` gives them without rules: its reason, then every other past
    its threshold (empty when not classified); with rules ``final_reasons`` are ``predict``'s ``reasons`` under
    them (``override`` puts the rule's label first).

    ``top`` is the ``top`` it was explained with: the contributions kept toward and against each label, and the
    words :func:`render_text` lists toward and against under the word-vector contribution (``words`` holds them all).
    """

    text: str
    normalized: str
    status: Status
    message: str = ""
    reason: HeadExplanation | None = None
    sentiment: HeadExplanation | None = None
    rules: RuleHits | None = None
    rules_mode: RulesMode | None = None
    final_reason: str | None = None
    rule_conflict: bool | None = None
    reasons: tuple[str, ...] = ()
    final_reasons: tuple[str, ...] | None = None
    model_reasons: Sequence[str] = ()
    """The model's reasons: a model of labels of its own (:class:`~taikai.labels.OwnLabels`, or not all ids) shows
    each as written (``fees``, not 手数料が高い)."""
    top: int = DEFAULT_TOP

    def __repr__(self) -> str:
        """Return the text (clipped), status and labels on one line; ``print()`` shows the contributions."""
        parts = [f"text={clip(self.text, 40)!r}", f"status={self.status.value!r}"]
        if self.message:
            parts.append(f"message={self.message!r}")
        for head in self.heads():
            parts.append(f"{head.head}={head.label!r} (p={head.probability:.2f})")
        if self.rules is not None:
            parts += [f"rules={self.rules.names!r}", f"final_reason={self.final_reason!r}"]
        return f"Explanation({', '.join(parts)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Show the rendering of ``taikai explain`` in a notebook (IPython) for ``taikai.explain(m, text)`` ending a
        cell, as a drift report or a suggestion show their text, not the one-line repr."""
        printer.text(str(self))

    def __str__(self) -> str:
        """Return the rendering of ``taikai explain`` without colours (see :func:`render_text`)."""
        return click.unstyle(render_text(self))

    def heads(self) -> list[HeadExplanation]:
        """Return the explanations of the heads, reason then sentiment, that are not ``None`` (none when
        ``status`` is not ``ok``)."""
        return [h for h in (self.reason, self.sentiment) if h is not None]

    def char_weights(self, head: str = "reason") -> np.ndarray:
        """Return, per character of the original text, the summed weight of the shown contributions of *head*
        (``reason`` or ``sentiment``) covering it."""
        if head not in ("reason", "sentiment"):  # another word was read as sentiment
            raise InputError(f"head must be 'reason' or 'sentiment', not {head!r}")
        weights = np.zeros(len(self.text))
        explained = self.reason if head == "reason" else self.sentiment
        for c in explained.contributions if explained else ():
            for s, e in c.spans:
                weights[s:e] += c.weight
        return weights

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (spans index the original text; ``matches`` are its substrings); with rules,
        also what they said, named as ``predict``'s rule columns."""
        out = {
            "text": self.text,
            "normalized": self.normalized,
            "status": self.status.value,
            "message": self.message,
            "reason": self.reason.to_dict(self.text) if self.reason else None,
            "reasons": list(self.reasons),
            "sentiment": self.sentiment.to_dict(self.text) if self.sentiment else None,
        }
        if self.rules is not None and self.rules_mode is not None:
            out["rules"] = {
                "rules_mode": self.rules_mode.value,
                "rule_names": list(self.rules.names),
                "rule_reasons": list(self.rules.labels),
                "rule_conflict": self.rule_conflict,
                "final_reason": self.final_reason,
                "final_reasons": list(self.final_reasons or ()),
            }
        return out
