"""How the predicted label mix moved from the reference: one divergence over all labels (the judged figure), and
the label that carries it (shown beside it, since the fixed limit cannot see one label doubling in a large dump)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from taikai.labels import counted_label
from taikai.text import percent


def js_divergence(counts: dict[str, int], reference: dict[str, int]) -> float:
    """Return the Jensen–Shannon divergence in bits (0 = same mix, 1 = disjoint) of two label count tables."""
    labels = sorted(set(counts) | set(reference))
    p = np.array([counts.get(label, 0) for label in labels], dtype=float)
    q = np.array([reference.get(label, 0) for label in labels], dtype=float)
    if not p.sum() or not q.sum():
        return math.nan
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2

    def kl(a: np.ndarray[Any, Any]) -> float:
        nonzero = a > 0
        return float(np.sum(a[nonzero] * np.log2(a[nonzero] / m[nonzero])))

    return max(0.0, (kl(p) + kl(q)) / 2)


@dataclass(frozen=True)
class ShareMove:
    """The label whose share of the classified rows moved most from the reference: its share there and here."""

    label: str
    reference_share: float
    share: float

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"label": self.label, "reference_share": self.reference_share, "share": self.share}

    def __str__(self) -> str:
        shares = (percent(s, "", decimals=1) for s in (self.reference_share, self.share))  # as the report's tables
        return f"{counted_label(self.label)} {' → '.join(shares)}"


def largest_move(counts: dict[str, int], reference: dict[str, int]) -> ShareMove | None:
    """Return the label whose share moved most (absolute points) between *reference* and *counts*, the first in
    the reference's order on a tie; ``None`` when either table is empty, or when no share moved (a dump compared
    with itself: no label moved most, though the first would read ``10.5% → 10.5%``). The reason-mix check is one
    divergence over all labels; this says which label carries it."""
    total, ref_total = sum(counts.values()), sum(reference.values())
    if not total or not ref_total:
        return None
    labels = list(reference) + [label for label in counts if label not in reference]
    moves = [ShareMove(label, reference.get(label, 0) / ref_total, counts.get(label, 0) / total) for label in labels]
    most = max(moves, key=lambda m: abs(m.share - m.reference_share))
    return most if most.share != most.reference_share else None
