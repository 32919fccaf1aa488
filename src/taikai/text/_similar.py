"""Near-duplicate texts: character 3-gram shingles and their Jaccard similarity, found without comparing all pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from taikai.text._normalize import normalize

NEAR_DUPLICATE = 0.8
"""The 3-gram Jaccard similarity from which two texts count as near-duplicates (as in the corpus build)."""


def shingles(text: str, n: int = 3) -> frozenset[str]:
    """Return the set of character *n*-grams of *text* (the text itself when shorter)."""
    return frozenset(text[i : i + n] for i in range(max(1, len(text) - n + 1)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a ∩ b| / |a ∪ b|."""
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def near_duplicates(texts: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[tuple[int, int, float]]:
    """Return ``(i, j, similarity)`` for every pair of *texts* whose normalised 3-gram Jaccard is ≥ *threshold*.

    Exact: candidate pairs share a rare 3-gram (a prefix filter), then each candidate is scored in full.
    """
    sets = [shingles(normalize(t)) for t in texts]
    frequency: dict[str, int] = defaultdict(int)
    for s in sets:
        for g in s:
            frequency[g] += 1
    index: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for i, s in enumerate(sets):
        # Two sets with Jaccard >= t share at least one of the first |s| - ceil(t * |s|) + 1 rarest grams.
        ordered = sorted(s, key=lambda g: (frequency[g], g))
        prefix = ordered[: len(s) - int(threshold * len(s) - 1e-9) + 1] if s else []
        candidates: set[int] = set()
        for g in prefix:
            candidates.update(index[g])
            index[g].append(i)
        for j in sorted(candidates):
            if min(len(s), len(sets[j])) < threshold * max(len(s), len(sets[j])):
                continue
            similarity = jaccard(s, sets[j])
            if similarity >= threshold:
                pairs.append((j, i, similarity))
    return sorted(pairs)


def duplicate_groups(texts: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[int]:
    """Return, per text, the index of the first text of its near-duplicate group (itself when it has none).

    Groups are the connected components of the near-duplicate pairs, so a chain of similar texts is one group.
    """
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in near_duplicates(texts, threshold):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(texts))]
