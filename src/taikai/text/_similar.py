"""Near-duplicate texts: character 3-gram shingles and their Jaccard similarity, found without comparing all pairs;
near-copies, one text mostly held in the other (a review with a boilerplate opener or closer added)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from taikai.text._normalize import normalize

NEAR_DUPLICATE = 0.8
"""The 3-gram Jaccard similarity from which two texts count as near-duplicates (as in the corpus build)."""
NEAR_COPY = 0.7
"""The share of the shorter text's 3-grams found in the longer from which two texts count as near-copies."""
COPY_LENGTH = 0.5
"""The least size of the shorter text's 3-gram set, as a share of the longer's, for two texts to be near-copies: a
short text held in many long ones (``ありがとうございました``) would otherwise join them all into one group."""


def shingles(text: str, n: int = 3) -> frozenset[str]:
    """Return the set of character *n*-grams of *text* (the text itself when shorter)."""
    return frozenset(text[i : i + n] for i in range(max(1, len(text) - n + 1)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a ∩ b| / |a ∪ b|."""
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a ∩ b| / min(|a|, |b|): the share of the smaller set found in the other."""
    inter = len(a & b)
    return inter / min(len(a), len(b)) if inter else 0.0


def _pairs(
    texts: Sequence[str],
    share: float,
    length: float,
    bound: float,
    similarity: Callable[[frozenset[str], frozenset[str]], float],
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, similarity)`` (``i < j``) for every pair of *texts* whose normalised 3-gram sets are within
    *length* of each other's size and whose *similarity* is ≥ *share*. Exact when every such pair shares at least
    *bound* of each set's grams: candidate pairs share a rare 3-gram (a prefix filter), then each is scored in
    full."""
    sets = [shingles(normalize(t)) for t in texts]
    frequency: dict[str, int] = defaultdict(int)
    for s in sets:
        for g in s:
            frequency[g] += 1
    index: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for i, s in enumerate(sets):
        # Two sets sharing >= b·|s| grams share at least one of the first |s| - ceil(b * |s|) + 1 rarest grams.
        ordered = sorted(s, key=lambda g: (frequency[g], g))
        prefix = ordered[: len(s) - int(bound * len(s) - 1e-9) + 1] if s else []
        candidates: set[int] = set()
        for g in prefix:
            candidates.update(index[g])
            index[g].append(i)
        for j in sorted(candidates):
            if min(len(s), len(sets[j])) < length * max(len(s), len(sets[j])):
                continue
            found = similarity(s, sets[j])
            if found >= share:
                pairs.append((j, i, found))
    return sorted(pairs)


def near_duplicates(texts: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[tuple[int, int, float]]:
    """Return ``(i, j, similarity)`` for every pair of *texts* whose normalised 3-gram Jaccard is ≥ *threshold*.

    Exact: candidate pairs share a rare 3-gram (a prefix filter), then each candidate is scored in full.
    """
    # Jaccard >= t: the sizes are within t of each other, and the pair shares t of the larger set's grams
    return _pairs(texts, threshold, threshold, threshold, jaccard)


def near_copies(
    texts: Sequence[str], threshold: float = NEAR_COPY, length: float = COPY_LENGTH
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, share)`` for every pair of *texts* of which the shorter has at least *threshold* of its
    normalised 3-grams in the longer, the shorter's 3-gram set at least *length* of the longer's: ``正直、X`` and
    ``Xと思います。`` of one review *X*. Every near-duplicate pair (:func:`near_duplicates`) is one. Exact, as
    :func:`near_duplicates` is."""
    # the pair shares t of the smaller set's grams, and so t × length of the larger's
    return _pairs(texts, threshold, length, threshold * length, containment)


def _components(size: int, pairs: list[tuple[int, int, float]]) -> list[int]:
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in pairs:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(size)]


def duplicate_groups(texts: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[int]:
    """Return, per text, the index of the first text of its near-duplicate group (itself when it has none).

    Groups are the connected components of the near-duplicate pairs, so a chain of similar texts is one group.
    """
    return _components(len(texts), near_duplicates(texts, threshold))


def copy_groups(texts: Sequence[str], threshold: float = NEAR_COPY, length: float = COPY_LENGTH) -> list[int]:
    """Return, per text, the index of the first text of its group of near-copies (:func:`near_copies`; itself when
    it has none): the connected components of the near-copy pairs, which hold the near-duplicate groups."""
    return _components(len(texts), near_copies(texts, threshold, length))
