"""The labels ``taikai keywords LABEL…`` lists: a reason or a sentiment of the model, by its id or its Japanese name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from taikai.errors import TaikaiError
from taikai.labels import label_list, reason_id, sentiment_id

if TYPE_CHECKING:
    from taikai.analysis import Keywords


def only_labels(found: Keywords, labels: Sequence[str]) -> Keywords:
    """Return *found* with only the reasons and sentiments *labels* name (in the model's order), each by its id (any
    case) or, for the taxonomy's, its Japanese name (``手数料が高い``, ``ネガティブ``); a label that is none of the
    model's raises :class:`TaikaiError`, naming the model's labels and the one it may have meant."""
    from dataclasses import replace

    from taikai._closest_label import closest_label

    wanted: set[tuple[str, str]] = set()
    for label in labels:
        head = _head_of(label, found)
        if head is None:
            closest = closest_label(label, list(found.reason)) or closest_label(label, list(found.sentiment))
            meant = f" (did you mean {closest}?)" if closest else ""
            raise TaikaiError(
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
