"""Find exact and near-duplicate texts (character 3-gram Jaccard), e.g. to keep train and test apart, and near-copies
of another set's texts (the check that no written text copies a real dev item).

``jaccard``, ``shingles`` and ``near_duplicates`` live in :mod:`taikai.text` (``taikai suggest`` uses them too); the
corpus scripts import them here. ``near_copies_of`` is the scripts' and tests' own.
"""

from __future__ import annotations

import unicodedata

from taikai.text import jaccard, near_duplicates, shingles

__all__ = ["jaccard", "near_copies_of", "near_duplicates", "shingles"]


def near_copies_of(texts: list[str], others: list[str], threshold: float = 0.5, run: int = 20) -> list[tuple[int, int]]:
    """Return (text, other) index pairs with character 3-gram Jaccard >= *threshold* or a shared run of *run* chars.

    Both sides are compared after NFKC, since the real texts mix half- and full-width forms.
    """
    texts = [unicodedata.normalize("NFKC", t) for t in texts]
    others = [unicodedata.normalize("NFKC", t) for t in others]
    windows: dict[str, int] = {}
    for j, other in enumerate(others):
        for k in range(len(other) - run + 1):
            windows.setdefault(other[k : k + run], j)
    other_shingles = [shingles(o) for o in others]
    found = []
    for i, text in enumerate(texts):
        mine = shingles(text)
        hits = {windows[text[k : k + run]] for k in range(len(text) - run + 1) if text[k : k + run] in windows}
        hits.update(j for j, theirs in enumerate(other_shingles) if jaccard(mine, theirs) >= threshold)
        found.extend((i, j) for j in sorted(hits))
    return found
