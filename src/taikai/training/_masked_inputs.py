"""``train(..., mask_pii=True)`` (``taikai train --mask-pii``): the labelled texts masked before anything reads them.

The texts of DATA and of every ``--add`` file are masked once read, so the model is fitted on masked texts (no name
nor number among its words, nor in the word counts its metadata records), and the skipped rows the summary and the
metadata quote are quoted masked; the errors and warnings of the call are masked by
:func:`taikai._masked_messages.errors_masked`.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taikai.training._inputs import TrainingInputs


def masked_inputs(inputs: TrainingInputs, text_column: Hashable) -> TrainingInputs:
    """Return *inputs* with the texts of its base and added rows, and of its skipped rows, masked."""
    from taikai.privacy import default_masker, mask_text_column

    base = mask_text_column(inputs.base, text_column)[0]
    added = mask_text_column(inputs.added, text_column)[0] if text_column in inputs.added.columns else inputs.added
    texts = default_masker().mask_values([row.text for row in inputs.skipped])[0]
    skipped = tuple(replace(row, text=str(text)) for row, text in zip(inputs.skipped, texts, strict=True))
    return replace(inputs, base=base, added=added, skipped=skipped)
