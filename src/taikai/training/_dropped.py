"""Added rows dropped as duplicates whose labels differ from those of the row kept: counted by what differs, and
the first few named at their ``FILE:LINE`` with the row kept."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import pandas as pd

KEY = "_taikai_key"
"""The column of a row's text key (the duplicate checks' key) while the rows are gathered."""
PLACE = "_taikai_where"
"""The column of where a row is (``FILE:LINE``) while the rows are gathered."""
SHOWN_DIFFERING = 5
"""How many dropped rows with other labels are named, each with the row kept."""


@dataclass(frozen=True)
class Differences:
    """Dropped rows whose labels differ from the row kept: in all, with other reasons, with another sentiment.

    Reasons differ when their set or their first (primary, the one trained on) reason does; the same reasons in
    another order after the first are the same labels. A row may differ in both, so ``rows`` may be less than
    ``reasons + sentiment``.
    """

    rows: int = 0
    reasons: int = 0
    sentiment: int = 0


_Labels: TypeAlias = "tuple[str, frozenset[str], str | None]"
Kept: TypeAlias = "dict[str, tuple[_Labels, str]]"
"""The rows kept, by text key: their labels (primary reason, reason set, sentiment) and where they are."""


def kept_rows(frame: pd.DataFrame, sentiment: Hashable | None) -> Kept:
    """Return the labels and the place of every row of *frame* by its text key (the last row of a repeated key)."""
    return dict(zip(frame[KEY], zip(_labels(frame, sentiment), frame[PLACE], strict=True), strict=True))


def _labels(frame: pd.DataFrame, sentiment: Hashable | None) -> list[_Labels]:
    sentiments = frame[sentiment].tolist() if sentiment else [None] * len(frame)
    return [
        (labels[0] if labels else "", frozenset(labels), s)
        for labels, s in zip(frame["label_set"], sentiments, strict=True)
    ]


def differences(dropped: pd.DataFrame, kept: Kept, sentiment: Hashable | None) -> tuple[Differences, tuple[str, ...]]:
    """Count the *dropped* rows whose labels differ from those *kept* for their text key, and in what; name the
    first :data:`SHOWN_DIFFERING` of them (``FILE:LINE (kept: FILE:LINE)``). A dropped row without a sentiment
    (coded with reasons only) does not differ in sentiment from the kept row's, nor one without a reason (coded with
    a sentiment only) in reasons."""
    rows = reasons = sentiments = 0
    shown: list[str] = []
    for key, place, (primary, label_set, feeling) in zip(
        dropped[KEY], dropped[PLACE], _labels(dropped, sentiment), strict=True
    ):
        (other_primary, other_set, other_feeling), kept_at = kept[key]
        # a row coded with a sentiment only says nothing of the reasons
        reasons_differ = bool(label_set) and (primary != other_primary or label_set != other_set)
        feeling_differs = bool(feeling) and feeling != other_feeling  # a row coded with reasons only says nothing
        rows += reasons_differ or feeling_differs
        reasons += reasons_differ
        sentiments += feeling_differs
        if (reasons_differ or feeling_differs) and len(shown) < SHOWN_DIFFERING:
            shown.append(f"{place} (kept: {kept_at})")
    return Differences(rows, reasons, sentiments), tuple(shown)
