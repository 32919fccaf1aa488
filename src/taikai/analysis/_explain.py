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

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click
import numpy as np

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai.analysis._explain_arguments import check_arguments
from taikai.analysis._explain_features import VECTOR_KIND, TextFeatures, text_features
from taikai.analysis._explain_text import render_text
from taikai.errors import TOP, InputError, check_at_least, check_bool
from taikai.model import Model, centred_coefficients, checked_rules, resolve_model
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS
from taikai.rules import RuleHits, RuleMatcher, RuleSet, RulesMode
from taikai.text import Status, check_text, clip, cut_to, shown_text

DEFAULT_TOP = 10


@dataclass(frozen=True)
class Contribution:
    """One feature of the text: its n-gram, TF-IDF value, weight, and spans ``(start, end)`` in the original text.

    ``kind`` is ``"word"`` (a word n-gram, its words joined by spaces, in dictionary form), ``"char"`` (a
    character n-gram) or, for a model with word vectors, ``"vector"``: the one contribution of the pooled word
    vectors, ``feature`` ``"(word vectors)"``, whose value is 1 and which has no spans (it reads every word). It is
    often the largest.
    """

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

    def __str__(self) -> str:
        """Return the rendering of ``taikai explain`` without colours (see :func:`render_text`)."""
        return click.unstyle(render_text(self))

    def heads(self) -> list[HeadExplanation]:
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


def _explain_head(
    head: str, estimator: Any, found: TextFeatures, top: int, label: str, probability: float
) -> HeadExplanation:
    """Explain *head*'s *label* (of *probability*), as ``predict`` classified the text."""
    name, columns, values, spans = found.names, found.columns, found.values, found.spans
    coef, intercept, classes = centred_coefficients(estimator)
    x = _dense(columns, values, coef.shape[1])
    k = [str(c) for c in classes].index(label)
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
    return HeadExplanation(head, label, probability, float(intercept[k]), score, contributions)


def _dense(columns: np.ndarray[Any, Any], values: np.ndarray[Any, Any], width: int) -> np.ndarray[Any, Any]:
    x = np.zeros(width)
    x[columns] = values
    return x


@argument_order
@errors_masked
def explain(
    model: Model | str | Path | None,
    text: str,
    top: int = DEFAULT_TOP,
    rules: RuleSet | RuleMatcher | str | Path | None = None,
    rules_mode: RulesMode | str = RulesMode.FLAG,
    mask_pii: bool = False,
) -> Explanation:
    """Return the *top* contributions toward and against the predicted reason and sentiment of one *text*.

    The model comes first, then the text: ``explain(model, text)``. *model* is a :class:`~taikai.Model` or the
    directory of one, or ``None`` for the default model (``$TAIKAI_MODEL``, else the shipped one), as for
    :func:`taikai.check_drift`; it has no default, so write ``explain(None, text)``. Arguments given the other way
    round, or a list of texts, are refused with a ``TypeError`` that says what to write.

    A text longer than the model's ``max_chars`` is explained as ``predict`` classifies it, from its first
    ``max_chars`` characters after normalisation, and its ``message`` says so; its spans fall in that start.

    With *rules* and *rules_mode* (as for :meth:`taikai.Model.predict`), the explanation also says which rules
    fired and the reason written out; the model's own reason is explained as without them.

    ``mask_pii=True`` replaces personal data by placeholders (:func:`taikai.mask_pii`) first, as
    :meth:`taikai.Model.predict` does: the masked text is what the model and the rules read, the explanation's
    ``text``, and what the spans index; no feature holds a masked value.
    """
    check_arguments(text)
    check_at_least(TOP, top, 1)  # as --top: an explanation without contributions explains nothing
    check_bool("mask_pii", mask_pii)
    if mask_pii:
        from taikai.privacy import default_masker

        [text] = default_masker().mask_values([text])[0]  # type: ignore[assignment]  # a str stays a str
    mode = RulesMode.for_rules(rules_mode, rules)
    resolved = resolve_model(model)
    matcher = checked_rules(rules, resolved, model)  # a bad rules file stops before any work
    model = resolved
    # judged and read as Model.classify judges and reads it; the labels and probabilities are the ones it gives
    checked = check_text(text, model.max_chars, NOT_JAPANESE_PLACEHOLDERS)
    original = shown_text(text)
    if checked.status is not Status.OK:
        return Explanation(original, checked.text, checked.status, checked.message)
    result = model.classify([text], matcher, mode)
    found = text_features(model, checked.text, original, cut=cut_to(checked.message) is not None)
    classifier = model.pipeline.named_steps["classify"]
    predicted = {
        "reason": (result.reasons[0][0], result.reason_proba[0], model.reason_labels),
        "sentiment": (result.sentiments[0], result.sentiment_proba[0], model.sentiment_labels),
    }
    heads = {}
    for head, estimator in (("reason", classifier.reason_), ("sentiment", classifier.sentiment_)):
        label, proba, labels = predicted[head]
        if estimator is not None and label is not None:
            heads[head] = _explain_head(head, estimator, found, top, label, float(proba[labels.index(label)]))
    explained = Explanation(
        original,
        checked.text,
        checked.status,
        checked.message,
        heads["reason"],
        heads.get("sentiment"),
        reasons=result.reasons[0],
        model_reasons=result.named_reasons,
    )
    if result.rule_hits is None:
        return explained
    final = result.final[0]
    return replace(
        explained,
        rules=result.rule_hits[0],
        rules_mode=mode,
        final_reason=final[0],
        rule_conflict=result.conflicts()[0],
        final_reasons=final,
    )
