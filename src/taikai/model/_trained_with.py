"""The options of a model's training that its metadata records beside its features: its cross-validation folds
(``--folds``), the share of rows it held out for the test (``--test-size``), the seed of that split and of the folds
(``--seed``), and whether its texts were masked (``--mask-pii``). The retrain commands give them again, so that
following one trains the model its user had: on the same rows, with the same thresholds, on texts masked as they
were (not on the personal data the first training kept out of the model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taikai.model._retrain import TrainedAs

FOLDS = 5
"""The cross-validation folds by default (``--folds``), which tune the reason thresholds; 0 or 1: none."""
TEST_SIZE = 0.2
"""The share of rows held out for the test by default (``--test-size``); a split column decides instead."""


def trained_with(meta: TrainedAs) -> list[str]:
    """Return the options of :data:`~taikai.model._fields.TRAIN_COMMAND` the model *meta* describes was trained
    with beside its features, labels and columns, in this order, last before the files added: ``--seed N`` for a
    seed other than the default 0, ``--mask-pii`` when its texts were masked, ``--folds N`` and ``--test-size X``
    when not the defaults (:data:`FOLDS`, :data:`TEST_SIZE`). The masking, folds and test size are recorded since
    2026-12-07: a model saved before says nothing of them, and is taken as trained unmasked with the defaults."""
    return (
        [f"--seed {meta.seed}"] * bool(meta.seed)
        + ["--mask-pii"] * meta.mask_pii
        + [f"--folds {meta.folds}"] * (meta.folds != FOLDS)
        + [f"--test-size {meta.test_size:g}"] * (meta.test_size != TEST_SIZE)
    )


def share(value: object) -> float:
    """Return *value*, a JSON number from 0 up to, not including, 1 (a share of rows held out, ``test_size``), as a
    float; raise ``ValueError`` for anything else (1, -0.2, NaN, "0.2", true)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:  # NaN compares false
        raise ValueError(value)
    return float(value)
