"""The caution of ``rules test`` that rules fired on few rows: their precision rests on a handful of hits."""

from __future__ import annotations

from collections.abc import Sequence

FEW_HITS = 10
"""Below this many hits (and above none), a rule's precision is said to be rough: one hit moves it by 1/hits."""


def few_hits_line(rules: Sequence[tuple[str, str, int]]) -> str | None:
    """Return the caution that rules (name, label, hits) fired on fewer than :data:`FEW_HITS` rows, with what one hit
    moves their precision by; ``None`` when every rule that fired did on enough rows."""
    few = [(name, label, hits) for name, label, hits in rules if 0 < hits < FEW_HITS]
    if not few:
        return None
    named = ", ".join(f"{name} ({label}) on {hits:,}" for name, label, hits in few)
    least = min(hits for _, _, hits in few)
    return (
        f"Few hits: {named}: one hit moves a rule's precision by 1/hits ({1 / least:.3f} at {least:,}), so these "
        "precisions are rough, as their 95 % interval shows; label a larger file to test them on for firmer ones."
    )
