"""Explain one prediction: the n-grams that pushed it toward its reason and sentiment, at spans of the original text.

A feature's weight toward class *k* is its TF-IDF value in the text times its centred coefficient for *k*
(the coefficient minus the feature's mean coefficient over all classes; see
:func:`taikai.model.centred_coefficients`). The weights of all features plus the centred intercept
(``bias``) add up to the class's centred score (``score``), whose softmax is the predicted probability.
Positive weights push toward the predicted class, negative ones away from it. A model with word vectors adds one
contribution for them, ``(word vectors)``: the pooled vector's columns summed, with no span (it reads every word);
its ``words`` share it out exactly over the words whose vectors were pooled (:mod:`taikai.analysis._explain_words`).

A text is judged and read as :meth:`taikai.Model.classify` judges and reads it (a masked text's placeholders as
``○``, see :func:`taikai.privacy.neutralize`), so the status, labels and probabilities are those of ``predict``; a
feature holding a ``○`` spans its whole placeholder in the original text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai.analysis._explain_arguments import check_arguments
from taikai.analysis._explain_features import VECTOR_KIND, TextFeatures, text_features
from taikai.analysis._explain_words import WordPart, word_parts
from taikai.analysis._explanation import DEFAULT_TOP, Contribution, Explanation, HeadExplanation
from taikai.errors import TOP, check_at_least, check_bool
from taikai.model import Model, centred_coefficients, checked_rules, resolve_model
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS
from taikai.rules import RulesGiven, RulesMode
from taikai.text import Status, check_text, cut_to, shown_text


def _explain_head(
    head: str, estimator: Any, found: TextFeatures, top: int, label: str, probability: float
) -> HeadExplanation:
    """Explain *head*'s *label* (of *probability*), as ``predict`` classified the text."""
    name = found.names
    columns = found.columns
    values = found.values
    spans = found.spans
    coef, intercept, classes = centred_coefficients(estimator)
    vector_words: tuple[WordPart, ...] = ()
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
        vector_words = word_parts(found.words, coef[k], float(weights[first]))
    order = np.argsort(-weights, kind="stable")
    chosen = [i for i in order if weights[i] > 0][:top] + [i for i in order[::-1] if weights[i] < 0][:top]
    chosen.sort(key=lambda i: -weights[i])
    contributions = tuple(
        Contribution(
            name[i][0],
            name[i][1],
            float(values[i]),
            float(weights[i]),
            tuple(spans[i]),
            vector_words if name[i][1] == VECTOR_KIND else (),
        )
        for i in chosen
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
    rules: RulesGiven = None,
    rules_mode: RulesMode | str = RulesMode.FLAG,
    mask_pii: bool = False,
) -> Explanation:
    """Return the *top* contributions toward and against the predicted reason and sentiment of one *text*.

    The model comes first, then the text: ``explain(model, text)``. *model* is a :class:`~taikai.Model` or the
    directory of one, or ``None`` for the default model (``$TAIKAI_MODEL``, else the shipped one), as for
    :func:`taikai.check_drift`; it has no default, so write ``explain(None, text)``. Arguments given the other way
    round, a list of texts, or a value that is no text (a number, bytes: :meth:`taikai.Model.predict` refuses them
    too), are refused with a ``TypeError`` that says what to write; a missing value (``None``, NaN) is explained as an
    empty text.

    A text longer than the model's ``max_chars`` is explained as ``predict`` classifies it, from its first
    ``max_chars`` characters after normalisation, and its ``message`` says so; its spans fall in that start.

    With *rules* and *rules_mode* (as for :meth:`taikai.Model.predict`), the explanation also says which rules
    fired and the reason written out; the model's own reason is explained as without them.

    ``mask_pii=True`` replaces personal data by placeholders (:func:`taikai.mask_pii`) first, as
    :meth:`taikai.Model.predict` does: the masked text is what the model and the rules read, the explanation's
    ``text``, and what the spans index; no feature holds a masked value.
    """
    text = check_arguments(text)  # type: ignore[assignment]  # a str or None, explained as empty
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
        return Explanation(original, checked.text, checked.status, checked.message, top=top)
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
        result.messages[0],  # predict's: that it was cut, that it holds HTML markup (taikai.text.reading_note)
        heads["reason"],
        heads.get("sentiment"),
        reasons=result.reasons[0],
        model_reasons=result.named_reasons,
        top=top,
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
