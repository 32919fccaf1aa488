"""The texts of labelled rows as the model reads them, and their keys for the duplicate checks and the split."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.privacy import read_as_model
from taikai.text import same_text_key

if TYPE_CHECKING:
    import pandas as pd


def model_texts(series: pd.Series) -> list[str]:
    """Return the texts as the model sees them at prediction time (:meth:`taikai.Model.classify`): normalised, cut
    to ``MAX_CHARS``, and the placeholders of masked personal data read as ``○`` (:func:`taikai.privacy.read_as_model`),
    so that a labelled ``taikai suggest --mask-pii`` sheet does not teach the model ``[メール]`` as a word."""
    return [read_as_model(t).text for t in series]


def text_keys(series: pd.Series) -> list[str]:
    """Return the key of each text for the duplicate checks: the model's text with the characters a CP932 round
    trip changes folded (:func:`taikai.text.same_text_key`), so a review copied through Excel is the same review."""
    return [same_text_key(t) for t in model_texts(series)]
