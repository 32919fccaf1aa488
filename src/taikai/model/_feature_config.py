"""The feature configuration of a model, checked field by field when it is made."""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass
from typing import Any

from taikai.errors import InputError, wrong_type
from taikai.model._vector_table import DEFAULT_VECTORS

TOKEN_FORMS = ("base", "surface")
"""The word token forms of :class:`taikai.text.JapaneseTokenizer`."""
CLASS_WEIGHTS = ("balanced", None)
"""The class weightings a head takes."""


@dataclass(frozen=True)
class FeatureConfig:
    """Choices of features and regularisation. The field defaults are the words-only model chosen on real text;
    :meth:`shipped` is the configuration of the shipped model (those plus word vectors), which the training entry
    points (``taikai train``, :func:`taikai.train` without a config) use (docs/model_selection.md).

    ``vectors`` names a word-vector table (``chive``: the table ``scripts/extract_vectors.py`` builds inside the
    package; or a path to one), pooled over the word tokens beside their n-grams; ``None`` (the default) for none.
    Vectors read the dictionary-form word tokens: a configuration with ``token_form="surface"`` or without word
    n-grams cannot take them. ``class_weight`` applies to the reason head and, unless ``sentiment_class_weight``
    differs, the sentiment head.

    Each field is checked when the config is made (:class:`TypeError` for a wrong type, :class:`InputError` for a
    wrong value, naming the field and what it takes), not when training has read the data.
    """

    token_form: str = "base"
    word_ngrams: tuple[int, int] | None = (1, 2)
    char_ngrams: tuple[int, int] | None = None
    min_df: int = 2
    reason_c: float = 30.0
    sentiment_c: float = 30.0
    class_weight: str | None = "balanced"
    vectors: str | None = None
    sentiment_class_weight: str | None = "balanced"

    def __post_init__(self) -> None:
        _check_choice("token_form", self.token_form, TOKEN_FORMS, "'base' (dictionary forms) or 'surface' (as written)")
        for name in ("word_ngrams", "char_ngrams"):
            _check_ngrams(name, getattr(self, name))
        _check_min_df(self.min_df)
        for name in ("reason_c", "sentiment_c"):
            _check_c(name, getattr(self, name))
        for name in ("class_weight", "sentiment_class_weight"):
            _check_choice(name, getattr(self, name), CLASS_WEIGHTS, "'balanced' (weigh labels by rarity) or None")
        if isinstance(self.vectors, os.PathLike):
            object.__setattr__(self, "vectors", os.fspath(self.vectors))  # recorded in metadata.json as text
        if self.vectors is not None and not isinstance(self.vectors, str):
            raise wrong_type("vectors", self.vectors, "None, 'chive' or the path of a word-vector table")
        if not (self.word_ngrams or self.char_ngrams):
            raise InputError("a model needs word n-grams, character n-grams or both: set word_ngrams or char_ngrams")
        if self.vectors is not None and not self.word_ngrams:
            raise InputError("word vectors read the word tokens: set word_ngrams, or vectors=None")
        if self.vectors is not None and self.token_form != "base":
            raise InputError("word vectors are keyed by dictionary forms: they need token_form='base'")

    @classmethod
    def shipped(cls) -> FeatureConfig:
        """Return the configuration the shipped model (``models/default``) was trained with: word 1-2-grams of
        dictionary forms plus the pooled chiVe word vectors. The one place that says what is shipped: ``taikai
        train`` and :func:`taikai.train` default to it; ``replace(FeatureConfig.shipped(), vectors=None)`` (or
        ``--vectors none``) is the words-only opt-out."""
        return cls(vectors=DEFAULT_VECTORS)

    def to_dict(self) -> dict[str, Any]:
        """Return the config as JSON-ready values."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> FeatureConfig:
        """Rebuild a config written by :meth:`to_dict`."""
        values = dict(values)
        # Configs written before these fields existed describe models without vectors and one class weighting.
        values.setdefault("vectors", None)
        values.setdefault("sentiment_class_weight", values.get("class_weight"))
        for key in ("word_ngrams", "char_ngrams"):
            if values.get(key) is not None:
                values[key] = tuple(values[key])
        return cls(**values)


def _check_choice(name: str, value: object, choices: tuple[str | None, ...], accepted: str) -> None:
    if value is not None and not isinstance(value, str):
        raise wrong_type(name, value, accepted)
    if value not in choices:
        raise InputError(f"{name} must be {accepted}, not {value!r}")


def _check_c(name: str, value: object) -> None:
    accepted = "a positive number (the inverse of the regularisation strength), such as 30.0"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise wrong_type(name, value, accepted)
    if not 0 < value < math.inf:
        raise InputError(f"{name} must be {accepted}, not {value!r}")


def _check_ngrams(name: str, value: object) -> None:
    accepted = "None or a tuple (low, high) of n-gram lengths with 1 <= low <= high, such as (1, 2)"
    if value is None:
        return
    if not isinstance(value, tuple) or len(value) != 2 or not all(type(n) is int for n in value):
        raise wrong_type(name, value, accepted)
    low, high = value
    if not 1 <= low <= high:
        raise InputError(f"{name} must be {accepted}, not {value!r}")


def _check_min_df(value: object) -> None:
    accepted = "an int of at least 1 (texts), or a float from 0.0 to 1.0 (a share of them), such as 2"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise wrong_type("min_df", value, accepted)
    if (isinstance(value, int) and value < 1) or (isinstance(value, float) and not 0.0 <= value <= 1.0):
        raise InputError(f"min_df must be {accepted}, not {value!r}")
