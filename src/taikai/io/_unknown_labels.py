"""What a labelled file is told about a label it may not use: the closest known label, or how to separate two."""

from __future__ import annotations

import re
from collections.abc import Collection

from taikai.labels import REASON_IDS, SENTIMENTS, closest_label, named_labels, own_labels

_RUN_TOGETHER = re.compile(r"[,、\s]+")
"""What separates reasons of the taxonomy, but not labels of one's own (a label of one's own may hold them)."""


def known_labels(kinds: set[str], reasons: Collection[str] | None, sentiments: Collection[str] | None) -> str:
    """Say which labels are known, of the *kinds* found unknown only; the Japanese display names only for a
    label set that has them (the taxonomy's), not for labels of one's own."""
    listed = [
        (kind, known, not own_labels(known, taxonomy) and taxonomy)
        for kind, known, taxonomy in (("reasons", reasons, REASON_IDS), ("sentiments", sentiments, SENTIMENTS))
        if kind in kinds and known
    ]
    said = [f"one of the {kind} {named_labels(known, taxonomy or ())}" for kind, known, taxonomy in listed]
    named = any(taxonomy for _, _, taxonomy in listed)
    return " or ".join(said) + (": the id or the Japanese name in brackets" if named else "")


def unknown_label(label: str, known: Collection[str], several: bool = True) -> str:
    """Say that *label* is unknown, with the known label closest to it (``'sports watch'`` for ``sports-watch``;
    ``fees (手数料が高い)`` for ``手数料高い``: :func:`~taikai.labels.closest_label`).

    Where *several* labels may be given (reasons) and *label* is known labels run together with ``、``, a comma or
    a space (``お金、忙しさ``: a label of one's own may hold those, so they do not separate such labels), say to
    separate them with ``|``.
    """
    pieces = [x for x in _RUN_TOGETHER.split(label) if x]
    if several and len(pieces) > 1 and all(x in known for x in pieces):
        return f"unknown label {label!r}: separate labels of your own with |: {'|'.join(pieces)}"
    close = closest_label(label, known)
    return f"unknown label {label!r}" + (f" (closest: {close})" if close else "")
