"""Texts labelled twice, differently: rows of one labelled file holding the same review (the duplicate checks' text
key) with other reasons or another sentiment, as two labellers' sheets put together give them. Training learns both
labels and an evaluation or a rules test scores both, so one of them counts as wrong whatever is predicted: the rows
are to be settled, and first to be seen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from taikai.text._normalize import normalize
from taikai.text._same import same_text_key

SHOWN_CONFLICTS = 5
"""How many texts labelled differently a warning names, each with its rows."""


@dataclass(frozen=True)
class RowLabels:
    """The labels of one row as a conflict compares them: its reasons, primary first (empty: coded with a sentiment
    only), and its sentiment (``""``: none, or coded with reasons only)."""

    reasons: tuple[str, ...] = ()
    sentiment: str = ""

    def shown(self) -> str:
        """Return the labels as a message shows them: ``fees|trouble, negative``."""
        return ", ".join(part for part in ("|".join(self.reasons), self.sentiment) if part) or "no label"


@dataclass(frozen=True)
class LabelConflicts:
    """The texts of a labelled file that its rows label in different ways: how many texts, on how many rows, and the
    first :data:`SHOWN_CONFLICTS` of them, each as its rows' places and labels (``a.csv:2 (fees, negative) and
    a.csv:9 (other, negative)``). Reasons differ when their primary reason or their set does (the same reasons in
    another order after the first are the same labels); a row without reasons (or without a sentiment) differs from
    none in them."""

    texts: int = 0
    rows: int = 0
    shown: tuple[str, ...] = ()

    def warning(self, effect: str, source: str = "") -> str | None:
        """Return the warning about the conflicts (``None``: there are none), saying what they do (*effect*: ``Each
        row is scored against its own labels, …``) and how to settle them; headed by the file *source* when given."""
        if not self.texts:
            return None
        more = f"; and {self.texts - len(self.shown):,} more" if self.texts > len(self.shown) else ""
        head = f"{source}: " if source else ""
        return (
            f"{head}{self.texts:,} text(s) are labelled in different ways on {self.rows:,} rows (the same review "
            f"labelled twice, as by two labellers): {'; '.join(self.shown)}{more}. {effect}: settle each text's "
            "labels (agree on one, keep one row) and run again"
        )

    def to_dict(self) -> dict[str, object]:
        """Return JSON-ready values."""
        return {"texts": self.texts, "rows": self.rows, "shown": list(self.shown)}


def row_labels(label_sets: Sequence[Sequence[str]], sentiments: Sequence[object] | None = None) -> list[RowLabels]:
    """Return the labels of the rows of a labelled table: its ``label_set`` cells (primary first) and its sentiment
    cells (*sentiments*; ``None``: no sentiment read)."""
    felt = [None] * len(label_sets) if sentiments is None else sentiments
    return [
        RowLabels(tuple(reasons), feeling if isinstance(feeling, str) else "")
        for reasons, feeling in zip(label_sets, felt, strict=True)
    ]


def label_conflicts(texts: Sequence[object], labels: Sequence[RowLabels], places: Sequence[str]) -> LabelConflicts:
    """Return the texts of *texts* (one per row; a value that is not a text, or is blank, is no review and is left
    out) that the rows' *labels* give different labels, the rows named by their *places* (``FILE:LINE``), in the
    order the texts first come."""
    rows: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        key = same_text_key(normalize(text)) if isinstance(text, str) else ""
        if key.strip():
            rows.setdefault(key, []).append(i)
    texts_found = rows_found = 0
    shown: list[str] = []
    for group in rows.values():
        if len(group) < 2 or not _differ([labels[i] for i in group]):
            continue
        texts_found += 1
        rows_found += len(group)
        if len(shown) < SHOWN_CONFLICTS:
            shown.append(" and ".join(f"{places[i]} ({labels[i].shown()})" for i in group))
    return LabelConflicts(texts_found, rows_found, tuple(shown))


def _differ(labels: Sequence[RowLabels]) -> bool:
    reasons = {(r.reasons[0], frozenset(r.reasons)) for r in labels if r.reasons}
    sentiments = {r.sentiment for r in labels if r.sentiment}
    return len(reasons) > 1 or len(sentiments) > 1
