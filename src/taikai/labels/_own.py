"""Labels of one's own: a model's labels read exactly as written (trained with ``--free-labels``, or not all ids
of the taxonomy), not as the taxonomy's ids and Japanese names."""

from __future__ import annotations

from collections.abc import Iterable

from taikai._taxonomy import REASON_IDS


class OwnLabels(list[str]):
    """A model's labels that are its user's own (trained with ``--free-labels``, ``ModelMetadata.free_labels``):
    :func:`own_labels` says so even when all are spelt as taxonomy ids (``fees`` meaning ratings).

    A model's reasons carry its *sentiments* (labels of its own too), so that a rule labelled with one of them
    (``great``) is told it is one of the model's sentiments, not only that it is no reason."""

    def __init__(self, labels: Iterable[str] = (), sentiments: Iterable[str] = ()) -> None:
        super().__init__(labels)
        self.sentiments: tuple[str, ...] = tuple(sentiments)


def own_labels(labels: Iterable[str] | None, taxonomy: Iterable[str] = REASON_IDS) -> bool:
    """Return whether *labels* (a model's reasons, or sentiments with ``taxonomy=SENTIMENTS``) are labels of one's
    own, read exactly as written: :class:`OwnLabels` (a model trained with ``--free-labels``), or not all of them
    ids of the *taxonomy* (a model saved before its metadata recorded ``free_labels``).

    Japanese display names and ids in any case name the taxonomy's labels only for a model of the taxonomy's labels;
    a model with labels of its own (trained with ``--free-labels`` on labels not all taxonomy ids) has its labels
    kept as the data wrote them (``その他`` is not ``other`` there), in every file, sheet and rules file read for it.
    ``--free-labels`` alone does not make labels own: against a model of taxonomy ids, ``その他`` is ``other``.
    """
    return isinstance(labels, OwnLabels) or (labels is not None and not set(labels) <= set(taxonomy))
