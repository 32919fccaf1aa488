"""What evaluate says of a gold label outside the model's labels: the closest of the model's to a typo; for the
default model (no model given), that a sheet of a ``--free-labels`` model wants that model; ``--free-labels`` last,
for what it does (the label is then scored as a miss)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from taikai.errors import FREE_LABELS
from taikai.model import default_model_labels

SCORE_AS_MISSES = f"pass {FREE_LABELS.given(True)} to score the labels the model cannot predict as misses"
"""What evaluate's ``free_labels`` does with a gold label outside the model's labels, said beside the error."""


def known_label_options(reasons: Sequence[str], sentiments: Sequence[str], own: bool, default: bool) -> dict[str, Any]:
    """Return the options of ``check_labelled`` that refuse a gold label outside the model's *reasons* and
    *sentiments* (*own*: labels of its own; *default*: the default model's, no model was given)."""
    # the model's labels, with the closest to each unknown one: not --free-labels, which would score a typo as a
    # miss; it is offered for a model of labels of its own (a label only the test rows have is no typo there),
    # else for a label close to none of the model's
    return {
        "known_reasons": reasons,
        "known_sentiments": sentiments,
        "free_labels_hint": True if own else None,
        "free_labels_advice": SCORE_AS_MISSES,
        "unknown_hint": default_model_labels("a sheet") if default else "",  # said before --free-labels
    }
