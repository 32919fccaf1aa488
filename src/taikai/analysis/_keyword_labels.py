"""The labels :func:`taikai.keywords` keeps (``labels=``, ``taikai keywords LABEL…``): a reason or a sentiment of the
model, by its id or its Japanese name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from taikai.errors import InputError, wrong_type
from taikai.labels import REASON_IDS, SENTIMENTS, label_list, reason_id, sentiment_id

if TYPE_CHECKING:
    from taikai.analysis._keywords import Keywords

_ACCEPTED = "a label such as 'fees', a list of labels, or None (every label)"


def check_labels(labels: object) -> tuple[str, ...] | None:
    """Return *labels* (``None``, one label as a str, or a list or tuple of them) as a tuple, or ``None`` for every
    label; refuse another type, a label that is no str, and an empty list (which would keep no label at all)."""
    if labels is None:
        return None
    if isinstance(labels, str):
        return (labels,)
    listed = labels.tolist() if hasattr(labels, "tolist") else labels  # a Series or an array of labels: a list
    if not isinstance(listed, list | tuple | set | frozenset):
        raise wrong_type("labels", labels, _ACCEPTED)
    given = tuple(listed)
    odd = next((label for label in given if not isinstance(label, str)), None)
    if odd is not None:
        raise wrong_type("each of labels", odd, "a str such as 'fees' or '手数料が高い'")
    if not given:
        raise InputError("labels is empty: give one or more reasons or sentiments of the model, or None for all")
    return given


def refuse_misplaced_labels(model: object, top: object) -> None:
    """Refuse labels given where :func:`taikai.keywords` takes its model or *top* (``keywords("fees")``, as the
    command line writes ``taikai keywords fees``, or ``keywords(model, "fees")``): a ``TypeError`` saying to give
    them as ``labels=``, not the model loader's "no such model directory fees" nor "top must be an int". Only labels
    of the taxonomy (ids in any case, or Japanese names) are taken for labels, and for the model only when they name
    no file or directory: a model directory named ``fees`` is still loaded."""
    import os

    default = "keywords(labels={0}) for the default model, or "
    for name, value, write in (("the model", model, default), ("top", top, "")):
        given: list[object] = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
        )
        if not given or not all(isinstance(label, str) and _taxonomy_label(label) for label in given):
            continue
        if name == "the model" and isinstance(value, str) and os.path.exists(value):
            continue
        shown = repr(value) if isinstance(value, str) else repr(given)
        raise TypeError(
            f"keywords(model, top, kind, mask_pii, labels) takes the labels as labels=: it was given {shown} as "
            f"{name}; write {write.format(shown)}keywords(model, labels={shown})"
        )


def _taxonomy_label(label: str) -> bool:
    """Whether *label* names a reason or a sentiment of the taxonomy: its id in any case, or its Japanese name."""
    folded = label.strip().casefold()
    return reason_id(label) in REASON_IDS or sentiment_id(label) in SENTIMENTS or folded in {*REASON_IDS, *SENTIMENTS}


def only_labels(found: Keywords, labels: Sequence[str]) -> Keywords:
    """Return *found* with only the reasons and sentiments *labels* name (in the model's order), each by its id (any
    case) or, for the taxonomy's, its Japanese name (``手数料が高い``, ``ネガティブ``); a label that is none of the
    model's raises :class:`~taikai.errors.InputError`, naming the model's labels and the one it may have meant."""
    from dataclasses import replace

    from taikai._closest_label import closest_label

    wanted: set[tuple[str, str]] = set()
    for label in labels:
        head = _head_of(label, found)
        if head is None:
            closest = closest_label(label, list(found.reason)) or closest_label(label, list(found.sentiment))
            meant = f" (did you mean {closest}?)" if closest else ""
            raise InputError(
                f"keywords: {label!r} is no reason or sentiment of the model{meant}: its reasons are "
                f"{label_list(found.reason)}, its sentiments {label_list(found.sentiment)}; give one or more of them, "
                "or none for all"
            )
        wanted.add(head)
    return replace(
        found,
        reason={k: v for k, v in found.reason.items() if ("reason", k) in wanted},
        sentiment={k: v for k, v in found.sentiment.items() if ("sentiment", k) in wanted},
    )


def _head_of(label: str, found: Keywords) -> tuple[str, str] | None:
    """Return ``(head, id)`` of the model's label *label* names, or ``None``."""
    for head, per_label, to_id in (("reason", found.reason, reason_id), ("sentiment", found.sentiment, sentiment_id)):
        if label in per_label:  # a label of one's own, as written
            return head, label
        named = to_id(label)
        if named in per_label:
            return head, named
        folded = {k.casefold(): k for k in per_label}
        if label.strip().casefold() in folded:
            return head, folded[label.strip().casefold()]
    return None
