"""Labels of one's own that name one label in two spellings: ``UI/UX`` and ``ui/ux``, or ``fees`` and its Japanese
name ``手数料が高い``, which ``--free-labels`` trains as different labels."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING

from taikai.labels import REASON_IDS, SENTIMENTS, reason_id, sentiment_id

if TYPE_CHECKING:
    import pandas as pd


def _key(label: str, to_id: Callable[[str], str], taxonomy: Sequence[str]) -> str:
    """Return what *label* names: a taxonomy label in any of its spellings (id in any case, Japanese name, both as
    taikai shows them) by its id; any other label by its case-folded form."""
    named = to_id(label)
    return named if named in taxonomy else label.casefold()


def look_alike_labels(df: pd.DataFrame, sentiment_column: Hashable | None) -> list[str]:
    """Return a warning for each kind of label of *df* where labels differ only in case (``UI/UX``, ``ui/ux``), or
    are one taxonomy label in two spellings (``fees``, ``Fees`` and ``手数料が高い``).

    Label cells are read after NFKC, so full- and half-width forms are one label already, and ids and names of the
    taxonomy are read as its ids without ``--free-labels``; labels of one's own are kept as written, so such labels
    are different labels.
    """
    kinds = [("reason", [x for labels in df["label_set"] for x in labels], reason_id, REASON_IDS)]
    if sentiment_column is not None:
        felt = [x for x in df[sentiment_column] if isinstance(x, str) and x]
        kinds.append(("sentiment", felt, sentiment_id, SENTIMENTS))
    out = []
    for kind, labels, to_id, taxonomy in kinds:
        groups: dict[str, set[str]] = {}
        for label in labels:
            groups.setdefault(_key(label, to_id, taxonomy), set()).add(label)
        alike = [sorted(group) for group in groups.values() if len(group) > 1]
        if not alike:
            continue
        how = (
            "differ only in case"
            if all(len({x.casefold() for x in group}) == 1 for group in alike)
            else "name one label in two spellings (another case, or a taxonomy id and its Japanese name)"
        )
        said = "; ".join(sorted(" and ".join(map(repr, group)) for group in alike))
        out.append(
            f"{kind} labels that {how} are different labels: {said}; if each group is one label, write it one way "
            "in the data and train again"
        )
    return out
