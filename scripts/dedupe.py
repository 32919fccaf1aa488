"""Find exact and near-duplicate texts (character 3-gram Jaccard), e.g. to keep train and test apart.

The functions live in :mod:`taikai.text` (``taikai suggest`` uses them too); the corpus scripts import them here.
"""

from __future__ import annotations

from taikai.text import jaccard, near_duplicates, shingles

__all__ = ["jaccard", "near_duplicates", "shingles"]
