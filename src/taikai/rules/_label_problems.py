"""What is said of a rule whose label is not one of the model's reasons: the problem of each such rule, the error
that gathers them, and what to give instead."""

from __future__ import annotations

import re
from collections.abc import Sequence

from taikai._closest_label import closest_label, names_known
from taikai.errors import UnknownRuleLabelError
from taikai.labels import SENTIMENTS, label_list, own_labels, reason_id, reason_name, sentiment_id, sentiment_name


def unknown_label(where: str, label: str, labels: Sequence[str] = ()) -> str:
    """Return the problem of a rule (*where*: ``FILE:LINE: rule 'NAME'``) whose *label* the model does not have, with
    the closest of the model's reasons *labels* when one is close (``closest: fees (手数料が高い)``), as
    ``evaluate`` and ``train --add`` say it (:func:`taikai._closest_label.closest_label`). A sentiment (``negative``,
    ``ネガティブ``) is said to be one, unless it names one of *labels* (``Positive`` of a reason of one's own
    ``positive``): rules set reasons only; several reasons (``fees|low_pay``) are said to need
    a rule each."""
    own = getattr(labels, "sentiments", ())  # a --free-labels model's own sentiments (OwnLabels)
    sentiment = sentiment_id(label)
    kind = f"one of the model's sentiments ({label_list(own)})" if names_known(label, own) else ""
    kind = kind or (f"a sentiment ({sentiment}, {sentiment_name(sentiment)})" if sentiment in SENTIMENTS else "")
    if kind and not names_known(label, labels):
        return (
            f"{where}: label {label!r} is {kind}, and sentiments "
            "cannot be rule labels: rules set reasons only (the sentiment stays the model's)"
        )
    pieces = [p for p in re.split(r"[|｜,，、;；/／\s]+", label) if p]
    if len(pieces) > 1 and all(p in labels or reason_id(p) in labels for p in pieces):  # fees|low_pay, fees;time
        return (
            f"{where}: label {label!r} names {len(pieces)} reasons, and a rule has one label: write a rule for each "
            f"(a copy of this one, with another name, for label = {pieces[1]!r})"
        )
    close = closest_label(label, labels)
    return f"{where}: label {label!r} is not a reason of the model" + (f" (closest: {close})" if close else "")


def unknown_labels_error(problems: str, labels: Sequence[str]) -> UnknownRuleLabelError:
    """Return the error of rules whose labels are not among *labels* (the model's reasons): the *problems* (each
    such rule named, as :func:`unknown_label` says it, and any other problem of the same file), then
    :func:`labels_hint`. Its type, not its text, is what callers catch it by."""
    return UnknownRuleLabelError(f"{problems}\n{labels_hint(labels)}")


def labels_hint(labels: Sequence[str]) -> str:
    """Return what to do about a rule label that is not one of *labels* (the model's reasons, listed with their
    Japanese names): a Japanese name is offered only for the taxonomy's labels, not for labels of one's own
    (:func:`taikai.labels.own_labels`: an :class:`~taikai.labels.OwnLabels` of a ``--free-labels`` model, even spelt
    as taxonomy ids)."""
    if own_labels(labels):  # labels of one's own have no Japanese names
        return f"the model's reasons are {label_list(labels)}: give one of them as label"
    # each with its name, in the model's order: a label typed in Japanese (低報酬) is told the names there are
    named = ", ".join(f"{label} ({reason_name(label)})" for label in labels)
    return f"the model's reasons are {named}: give one of them as label (or its Japanese name)"
