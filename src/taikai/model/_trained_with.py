"""The options of a model's training that its metadata records beside its features: the seed of its test split and
cross-validation folds (``--seed``), and whether its texts were masked (``--mask-pii``). The retrain commands give
them again, so that following one trains the model its user had: on the same rows, with the same thresholds, on
texts masked as they were (not on the personal data the first training kept out of the model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taikai.model._retrain import TrainedAs


def trained_with(meta: TrainedAs) -> list[str]:
    """Return the options of :data:`~taikai.model._fields.TRAIN_COMMAND` the model *meta* describes was trained
    with beside its features and labels: ``--seed N`` for a seed other than the default 0, ``--mask-pii`` when its
    texts were masked (recorded since 2026-12-07: a model saved before says nothing, and is taken as unmasked)."""
    return [f"--seed {meta.seed}"] * bool(meta.seed) + ["--mask-pii"] * meta.mask_pii
