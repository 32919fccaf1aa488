"""Find exact and near-duplicate texts (character 3-gram Jaccard), e.g. to keep train and test apart."""

from __future__ import annotations

from collections import defaultdict

from taikai.text import normalize


def shingles(text: str, n: int = 3) -> frozenset[str]:
    """Return the set of character *n*-grams of *text* (the text itself when shorter)."""
    return frozenset(text[i : i + n] for i in range(max(1, len(text) - n + 1)))


def jaccard(a: frozenset, b: frozenset) -> float:
    """Return |a ∩ b| / |a ∪ b|."""
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def near_duplicates(texts: list[str], threshold: float = 0.8) -> list[tuple[int, int, float]]:
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
        candidates = set()
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
