"""Personal data in review texts: find it and replace it by typed placeholders before anything else sees the text.

``mask_pii(text)`` returns a :class:`Masked` text with the :class:`PiiSpan` of each value replaced; a
:class:`PiiMasker` masks many texts with one tagger and counts the masks per :class:`PiiKind`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules
from taikai.privacy._kinds import (
    ANY_PLACEHOLDER,
    NEUTRAL,
    NOT_JAPANESE_PLACEHOLDERS,
    PLACEHOLDERS,
    Masked,
    PiiKind,
    PiiSpan,
    count_kinds,
    format_counts,
    neutralize,
    sum_counts,
)
from taikai.privacy._screen import MaskedScreen

if TYPE_CHECKING:
    from taikai.privacy._addresses import EMAIL, without_addresses
    from taikai.privacy._mask import PiiMasker, default_masker, mask_pii, mask_text_column

__all__ = [
    "ANY_PLACEHOLDER",
    "EMAIL",
    "NEUTRAL",
    "NOT_JAPANESE_PLACEHOLDERS",
    "PLACEHOLDERS",
    "Masked",
    "MaskedScreen",
    "PiiKind",
    "PiiMasker",
    "PiiSpan",
    "count_kinds",
    "default_masker",
    "format_counts",
    "mask_pii",
    "mask_text_column",
    "neutralize",
    "sum_counts",
    "without_addresses",
]

# The finders compile their patterns on import: only masking needs them, not a model reading masked text
# (``neutralize``), which every classification does.
__getattr__: Any = lazy_modules(
    "taikai.privacy",
    {
        "taikai.privacy._mask": ("PiiMasker", "default_masker", "mask_pii", "mask_text_column"),
        "taikai.privacy._addresses": ("EMAIL", "without_addresses"),
    },
)
