"""The label a message offers for an unknown one (:func:`closest_label`): ``fees (手数料が高い)`` for ``手数料高い``."""

from __future__ import annotations

from collections.abc import Iterable

from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    OwnLabels,
    own_labels,
    reason_id,
    reason_name,
    sentiment_id,
    sentiment_name,
    shown_label,
)


def closest_label(label: str, known: Iterable[str]) -> str | None:
    """Return the label of *known* closest to an unknown *label* as messages name it, or ``None``: labels of the
    taxonomy compared by id and by Japanese name, named ``fees (手数料が高い)``; labels of one's own as written (a
    taxonomy name of one of them, ``手数料が高い`` for their ``fees``, names it and says they are read as written).
    A label that differs from a known one in case only (``FEES``, ``Fees``) always names it; one that shares only
    scattered letters with every known label (``negatve`` and ``graduated``) names none (:func:`_alike`)."""
    import difflib

    ids = [str(k) for k in known]
    own = isinstance(known, OwnLabels) or (own_labels(ids) and own_labels(ids, SENTIMENTS))
    names = {} if own else {x: reason_name(x) if x in REASON_IDS else sentiment_name(x) for x in ids}
    spellings = {spelled: x for x in ids for spelled in (x, names.get(x, x))}
    folded = {spelled.casefold(): x for spelled, x in spellings.items()}
    close = [x for x in difflib.get_close_matches(label, list(spellings), n=3, cutoff=_CUTOFF) if _alike(label, x)]
    taxonomy = next((x for x in (reason_id(label), sentiment_id(label)) if x != label.strip() and x in ids), None)
    if own and taxonomy is not None and label.casefold() not in folded:  # 手数料が高い for a --free-labels fees
        return f"{taxonomy!r}, named {label!r} in the taxonomy; labels of one's own are read as written"
    if label.casefold() in folded:  # a case-only variant (FEES of fees), which difflib misses in capitals
        found = folded[label.casefold()]
    elif close:
        found = spellings[close[0]]
    else:
        return None
    return repr(found) if own else f"{shown_label(found)} ({names[found]})"


_CUTOFF = 0.5
"""How alike (difflib's ratio) a known label must be to an unknown one to be offered."""


def _alike(label: str, known: str) -> bool:
    """Whether *known* is alike enough to *label* to help, counting only runs of two or more characters in common,
    or a single non-ASCII one (a kanji says much): letters scattered in common (``a``, ``t``, ``e`` of ``negatve`` in
    ``graduated``) make difflib's ratio reach the cutoff for words that have nothing to do with each other."""
    import difflib

    blocks = difflib.SequenceMatcher(None, label, known, autojunk=False).get_matching_blocks()
    kept = sum(b.size for b in blocks if b.size >= 2 or (b.size == 1 and not label[b.a].isascii()))
    return 2 * kept / (len(label) + len(known)) >= _CUTOFF


def names_known(label: str, known: Iterable[str]) -> bool:
    """Return whether *label* names one of *known* in another spelling: another case (``Positive`` of
    ``positive``) or a taxonomy id or Japanese name (``ポジティブ`` of ``positive``). Such a label is offered its
    known label by :func:`closest_label`, not called a label of the other kind: ``positive`` may be a reason of a
    model with labels of its own (chABSa's polarity)."""
    ids = {str(k) for k in known}
    folded = {x.casefold() for x in ids}
    return label.casefold() in folded or reason_id(label) in ids or sentiment_id(label) in ids
