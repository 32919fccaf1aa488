"""The cautions of ``rules test`` that rules, or the rules of a label, fired on few rows: their precision rests on a
handful of hits."""

from __future__ import annotations

from collections.abc import Sequence

FEW_HITS = 10
"""Below this many hits (and above none), a precision is said to be rough: one hit moves it by 1/hits."""


def few_hits_line(rules: Sequence[tuple[str, str, int]]) -> str | None:
    """Return the caution that rules (name, label, hits) fired on fewer than :data:`FEW_HITS` rows, with what one hit
    moves their precision by; ``None`` when every rule that fired did on enough rows."""
    return _caution("Few hits", "a rule's", [(f"{name} ({label})", hits) for name, label, hits in rules])


def few_label_hits_line(labels: Sequence[tuple[str, int]]) -> str | None:
    """Return the caution, worded as :func:`few_hits_line`'s, that the rules of labels (label, hits of any rule of
    it, as the per-label table counts them) fired on fewer than :data:`FEW_HITS` rows; ``None`` when none did."""
    return _caution("Few hits of any rule of the label", "a label's", labels)


def _caution(head: str, whose: str, counted: Sequence[tuple[str, int]]) -> str | None:
    """The caution *head*: the things named (name, hits) that fired on few rows, and what one hit moves *whose*
    precision by."""
    few = [(name, hits) for name, hits in counted if 0 < hits < FEW_HITS]
    if not few:
        return None
    named = ", ".join(f"{name} on {hits:,}" for name, hits in few)
    least = min(hits for _, hits in few)
    return (
        f"{head}: {named}: one hit moves {whose} precision by 1/hits ({1 / least:.3f} at {least:,}), so these "
        "precisions are rough, as their 95 % interval shows; label a larger file to test them on for firmer ones."
    )
