"""Near-duplicate texts: character 3-gram shingles and their Jaccard similarity, found without comparing all pairs;
near-copies, one text mostly held in the other (a review with a boilerplate opener or closer added), once the fixed
parts of a form many of the texts were written in are left out."""

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
FORM_SHARE = 0.5
"""The share of the texts from which a 3-gram held by them is a fixed part of a form they were written in
(``【退会理由】``, ``【総合評価】★★☆☆☆``), left out when near-copies are looked for, and when suggest's
near-duplicates are (``near_duplicates(form=FORM_SHARE)``)."""
FORM_ROWS = 10
"""The least number of texts a 3-gram must be in to be a form's: in fewer, texts that share most of their grams are
more likely copies of one review than fillings of one form (a review copied with other openers into half of a
handful of rows must still be one group)."""

SAME_ANSWER = 0.5
"""The 3-gram Jaccard similarity, a form's fixed parts left out, from which two near-duplicate texts written in one
form hold the same answer (one answer edited: a near-duplicate) rather than different ones (no duplicates)."""
EDITED = 0.5
"""The 3-gram Jaccard similarity from which two texts one id names are one review edited (a typo fixed, a sentence
added in a labelling sheet) rather than other reviews under an id that is not unique, or of another dump."""


def edited(a: str, b: str) -> bool:
    """Return whether the texts *a* and *b* are one text edited: their 3-gram Jaccard similarity is :data:`EDITED`
    or more."""
    return jaccard(shingles(a), shingles(b)) >= EDITED


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


def form_grams(sets: Sequence[frozenset[str]], share: float = FORM_SHARE, least: int = FORM_ROWS) -> frozenset[str]:
    """Return the 3-grams in at least *share* of *sets* and in at least *least* of them: a form's fixed parts."""
    frequency: dict[str, int] = defaultdict(int)
    for s in sets:
        for g in s:
            frequency[g] += 1
    floor = max(least, share * len(sets))
    return frozenset(g for g, n in frequency.items() if n >= floor)


def _pairs(
    sets: Sequence[frozenset[str]],
    share: float,
    length: float,
    bound: float,
    similarity: Callable[[frozenset[str], frozenset[str]], float],
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, similarity)`` (``i < j``) for every pair of 3-gram *sets* within *length* of each other's size
    whose *similarity* is ≥ *share*. Exact when every such pair shares at least *bound* of each set's grams:
    candidate pairs share a rare 3-gram (a prefix filter), then each is scored in full."""
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


def near_duplicates(
    texts: Sequence[str], threshold: float = NEAR_DUPLICATE, form: float | None = None
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, similarity)`` for every pair of *texts* whose normalised 3-gram Jaccard is ≥ *threshold*.

    Exact: candidate pairs share a rare 3-gram (a prefix filter), then each candidate is scored in full. With *form*
    (a share, such as :data:`FORM_SHARE`), a pair is also to share :data:`SAME_ANSWER` of its grams once the fixed
    parts of a form the texts were written in are left out (:func:`form_grams`, as :func:`near_copies` leaves them
    out), so that different answers filled into one form are no duplicates, while one answer edited still is.
    """
    # Jaccard >= t: the sizes are within t of each other, and the pair shares t of the larger set's grams
    sets = _sets(texts)
    pairs = _pairs(sets, threshold, threshold, threshold, jaccard)
    if form is None or not pairs:
        return pairs
    rest = _without_form(sets, form)
    return [(i, j, s) for i, j, s in pairs if jaccard(rest[i], rest[j]) >= SAME_ANSWER]


def _sets(texts: Sequence[str]) -> list[frozenset[str]]:
    return [shingles(normalize(t)) for t in texts]


def _without_form(sets: list[frozenset[str]], form: float) -> list[frozenset[str]]:
    """Return *sets* without the 3-grams of a form (:func:`form_grams`); a set that is all form is kept whole."""
    fixed = form_grams(sets, form)
    return [(s - fixed) or s for s in sets] if fixed else sets


def near_copies(
    texts: Sequence[str], threshold: float = NEAR_COPY, length: float = COPY_LENGTH, form: float = FORM_SHARE
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, share)`` for every pair of *texts* of which the shorter has at least *threshold* of its
    normalised 3-grams in the longer, the shorter's 3-gram set at least *length* of the longer's: ``正直、X`` and
    ``Xと思います。`` of one review *X*. Exact, as :func:`near_duplicates` is.

    The 3-grams of a form many texts were written in (:func:`form_grams`: in at least *form* of the texts, and in
    :data:`FORM_ROWS`) are left out first, so that reviews that only share a form's headings and fixed answers
    (``【良かった点】…【退会理由】{reason}。【総合評価】★★☆☆☆``) are no copies of each other; a text that is
    all form is compared whole. Without such a form, every near-duplicate pair (:func:`near_duplicates`) is one.
    """
    sets = _without_form(_sets(texts), form)
    # the pair shares t of the smaller set's grams, and so t × length of the larger's
    return _pairs(sets, threshold, length, threshold * length, containment)


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


def duplicate_groups(texts: Sequence[str], threshold: float = NEAR_DUPLICATE, form: float = FORM_SHARE) -> list[int]:
    """Return, per text, the index of the first text of its near-duplicate group (itself when it has none).

    Groups are the connected components of the near-duplicate pairs (:func:`near_duplicates`, whose answers to a
    form in at least *form* of the texts are alike), so a chain of similar texts is one group, and different answers
    filled into one form (``退会理由：{reason}``) are told apart.
    """
    return _components(len(texts), near_duplicates(texts, threshold, form))


def copy_groups(
    texts: Sequence[str], threshold: float = NEAR_COPY, length: float = COPY_LENGTH, form: float = FORM_SHARE
) -> list[int]:
    """Return, per text, the index of the first text of its group of near-copies (:func:`near_copies`, a form's
    fixed parts left out; itself when it has none): the connected components of the near-copy pairs, which hold the
    near-duplicate groups of texts written in no common form."""
    return _components(len(texts), near_copies(texts, threshold, length, form))
