"""The churn taxonomy's labels in use: their display names, how messages list them, and parsing of label cells.

The taxonomy itself (:data:`REASONS`, :data:`SENTIMENTS`, their names and meanings) is defined in
:mod:`taikai._taxonomy` and re-exported here, its public path. Every name is imported from here; the modules of
this package hold them by job: display names (:mod:`taikai.labels._names`), labels of one's own
(:mod:`taikai.labels._own`), labels as messages and tables show and order them (:mod:`taikai.labels._shown`), the
taxonomy id a label names (:mod:`taikai.labels._ids`) and label cells (:mod:`taikai.labels._cells`).

>>> from taikai.labels import parse_label_cell, reason_name
>>> [reason_name(label, "en") for label in parse_label_cell("手数料が高い｜time")]
['High fees', 'No time']
"""

from __future__ import annotations

from taikai._lazy import public_dir as _public_dir

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai._taxonomy import (
    LANGUAGES,
    REASON_IDS,
    REASONS,
    SENTIMENT_MEANINGS,
    SENTIMENT_NAMES_EN,
    SENTIMENT_NAMES_JA,
    SENTIMENTS,
    Reason,
)
from taikai.labels._cells import LABEL_SEPARATORS, parse_label_cell
from taikai.labels._cells import format_reasons as format_reasons
from taikai.labels._cells import label_cell as label_cell
from taikai.labels._cells import parse_reasons as parse_reasons
from taikai.labels._ids import reason_id, sentiment_id
from taikai.labels._names import named_reason as named_reason
from taikai.labels._names import reason_name, sentiment_name
from taikai.labels._names import reason_with_id as reason_with_id
from taikai.labels._own import OwnLabels, own_labels
from taikai.labels._shown import counted_label as counted_label
from taikai.labels._shown import display_order as display_order
from taikai.labels._shown import label_list, label_order
from taikai.labels._shown import named_labels as named_labels
from taikai.labels._shown import shown_label as shown_label

__all__ = [
    "LABEL_SEPARATORS",
    "LANGUAGES",
    "REASONS",
    "REASON_IDS",
    "SENTIMENTS",
    "SENTIMENT_MEANINGS",
    "SENTIMENT_NAMES_EN",
    "SENTIMENT_NAMES_JA",
    "OwnLabels",
    "Reason",
    "label_list",
    "label_order",
    "own_labels",
    "parse_label_cell",
    "reason_id",
    "reason_name",
    "sentiment_id",
    "sentiment_name",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself
