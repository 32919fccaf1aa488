"""The feature configuration of a model, checked field by field when it is made."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from taikai.errors import InputError, ModelError, as_float, as_int, wrong_type
from taikai.labels import label_cell
from taikai.model._fields import TRAIN_COMMAND
from taikai.model._vector_table import DEFAULT_VECTORS
from taikai.text import CP932_FOLD, cp932_fold_table

TOKEN_FORMS = ("base", "surface")
"""The word token forms of :class:`taikai.text.JapaneseTokenizer`."""
CLASS_WEIGHTS = ("balanced", None)
"""The named class weightings a head takes (besides a dict of a weight per label)."""
ClassWeight = str | dict[str, float] | None
"""A head's class weighting: ``'balanced'``, ``None`` or a positive weight per label (``{'positive': 2.0}``)."""


@dataclass(frozen=True)
class FeatureConfig:
    """Choices of features and regularisation. The field defaults are the words-only model chosen on real text;
    :meth:`shipped` is the configuration of the shipped model (those plus word vectors), which the training entry
    points (``taikai train``, :func:`taikai.train` without a config) use (docs/model_selection.md).

    ``vectors`` names a word-vector table (``chive``: the table ``scripts/extract_vectors.py`` builds inside the
    package; or a path to one), pooled over the word tokens beside their n-grams; ``None`` (the default) for none.
    Vectors read the dictionary-form word tokens: a configuration with ``token_form="surface"`` or without word
    n-grams cannot take them. ``class_weight`` applies to the reason head and, unless ``sentiment_class_weight``
    differs, the sentiment head. A dict of weights is keyed by labels written as label cells are: training reads
    the taxonomy's Japanese display names and ids in any case as its ids (``{"手数料が高い": 2.0}`` weighs ``fees``,
    ``{"ネガティブ": 2.0}`` ``negative``; the model records the ids), and labels of one's own (``free_labels``) as
    written after NFKC.

    ``cp932_fold`` is the version of the fold of the look-alikes a CP932 file holds that the word tokenizer applies
    (:func:`taikai.text.cp932_fold_table`): with 1 (:data:`taikai.text.CP932_FOLD`, the default) 〜 (U+301C), the
    ～ of a text read from CP932 (``~`` after NFKC) and ``~`` are one word, as are − and ``-``, ‖ and ∥, — and ―;
    0 folds nothing, as models trained before the fold (a config recorded without it reads as 0). Character n-grams
    read the text unfolded.

    Each field is checked when the config is made (:class:`TypeError` for a wrong type, :class:`InputError` for a
    wrong value, naming the field and what it takes), not when training has read the data.
    """

    token_form: str = "base"
    word_ngrams: tuple[int, int] | None = (1, 2)
    char_ngrams: tuple[int, int] | None = None
    min_df: int = 2
    reason_c: float = 30.0
    sentiment_c: float = 30.0
    class_weight: ClassWeight = "balanced"
    vectors: str | None = None
    sentiment_class_weight: ClassWeight = "balanced"
    cp932_fold: int = CP932_FOLD

    def __post_init__(self) -> None:
        for name, check in _CHECKS.items():  # each returns the value as recorded (numpy numbers as Python ones)
            object.__setattr__(self, name, check(name, getattr(self, name)))
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
        values.setdefault("cp932_fold", 0)  # a model trained before the fold reads its texts unfolded
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:  # written by another taikai version, or edited
            are = "is no setting" if len(unknown) == 1 else "are no settings"
            raise InputError(f"{', '.join(map(repr, unknown))} {are} of this taikai")
        for key in ("word_ngrams", "char_ngrams"):
            if isinstance(values.get(key), list):
                values[key] = tuple(values[key])
        return cls(**values)


def unsupported_settings(values: dict[str, Any]) -> list[str]:
    """Return the settings (``name=value``) of a saved config *values* that :class:`FeatureConfig` refuses on their
    own: keys it does not know and values its checks refuse (empty: only the settings together are refused)."""
    known = {f.name for f in fields(FeatureConfig)}
    found = [f"{name}={value!r}" for name, value in values.items() if name not in known]
    for name, check in _CHECKS.items():
        if name in values:
            value = values[name]
            try:
                check(name, tuple(value) if name.endswith("_ngrams") and isinstance(value, list) else value)
            except (TypeError, ValueError, InputError):
                found.append(f"{name}={value!r}")
    return found


def unsupported_error(
    values: dict[str, Any], saved_by: str, exc: Exception, retrain: str = TRAIN_COMMAND
) -> ModelError:
    """Return the error of a model whose saved config *values* (written by taikai *saved_by*) :class:`FeatureConfig`
    refuses with *exc*: the settings this taikai does not support, and to retrain (a model of another taikai
    version may hold settings this one does not take); saved by this very version, the file was edited: say so,
    and to restore it. *retrain* is the model's retrain command (:func:`~taikai.model._retrain.retrain_command`)."""
    from importlib import metadata

    try:
        installed = metadata.version("taikai")
    except metadata.PackageNotFoundError:  # a source tree never installed
        installed = "version unknown"
    settings = unsupported_settings(values)
    what = (
        f"the setting{'s' if len(settings) > 1 else ''} {' and '.join(settings)}"
        if settings
        else f"the settings {values}"
    )
    if saved_by and saved_by == installed:  # this taikai wrote it, so it took the settings then: they were changed
        return ModelError(
            f"the config of this model holds {what}, which this taikai ({installed}) does not take, though this "
            f"same version saved the model: {exc}; metadata.json seems edited: restore it from a copy of the model, "
            f"or retrain it: {retrain}"
        )
    saved = f"taikai {saved_by}" if saved_by else "another taikai"
    return ModelError(
        f"this taikai ({installed}) does not support {what} of this model (saved by {saved}): {exc}; "
        f"retrain it: {retrain}"
    )


def _check_choice(name: str, value: object, choices: tuple[str | None, ...], accepted: str) -> Any:
    if value is not None and not isinstance(value, str):
        raise wrong_type(name, value, accepted)
    if value not in choices:
        raise InputError(f"{name} must be {accepted}, not {value!r}")
    return value


def _check_token_form(name: str, value: object) -> Any:
    return _check_choice(name, value, TOKEN_FORMS, "'base' (dictionary forms) or 'surface' (as written)")


def _check_class_weight(name: str, value: object) -> Any:
    accepted = "'balanced' (weigh labels by rarity), None, or a dict of a positive weight per label"
    if not isinstance(value, dict):
        return _check_choice(name, value, CLASS_WEIGHTS, accepted)
    if not value:
        raise InputError(f"{name} must be {accepted}, not an empty dict")
    weights: dict[str, float] = {}
    written: dict[str, str] = {}
    for label, weight in value.items():
        if not isinstance(label, str):
            raise wrong_type(f"{name} label", label, "a str (a label the head predicts)")
        read = label_cell(label)  # as a label cell is read: NFKC, stripped ('ｌｏｗ＿ｐａｙ' is low_pay)
        if read in written:
            raise InputError(
                f"{name} has the keys {written[read]!r} and {label!r}, which are read as one label, {read!r} (after "
                "Unicode NFKC, as label cells are read): give it one weight"
            )
        written[read] = label
        weights[read] = _positive(f"{name}[{label!r}]", weight, "a positive number")
    return weights  # a copy: the frozen config does not change with the dict it was given


def _check_c(name: str, value: object) -> Any:
    number = _positive(name, value, "a positive number (the inverse of the regularisation strength), such as 30.0")
    return value if type(value) in (int, float) else number  # numpy numbers recorded as Python ones


def _positive(name: str, value: object, accepted: str) -> float:
    """Return *value* as a float if it is a finite number above 0 (:func:`taikai.errors.as_float`); else raise
    ``TypeError`` (not a number) or :class:`InputError` naming *name* and what it takes."""
    number = as_float(value)
    if number is None:
        raise wrong_type(name, value, accepted)
    if not 0 < number < math.inf:
        raise InputError(f"{name} must be {accepted}, not {value!r}")
    return number


def _check_ngrams(name: str, value: object) -> Any:
    accepted = "None or a tuple (low, high) of n-gram lengths with 1 <= low <= high, such as (1, 2)"
    if value is None:
        return None
    ints = tuple(as_int(n) for n in value) if isinstance(value, tuple) else ()
    if len(ints) != 2 or None in ints:
        raise wrong_type(name, value, accepted)
    low, high = ints
    if not 1 <= low <= high:  # type: ignore[operator]
        raise InputError(f"{name} must be {accepted}, not {value!r}")
    return ints


def _check_min_df(name: str, value: object) -> Any:
    accepted = "an int of at least 1 (texts), or a float from 0.0 to 1.0 (a share of them), such as 2"
    whole = as_int(value)
    number = whole if whole is not None else as_float(value)
    if number is None:
        raise wrong_type(name, value, accepted)
    if (isinstance(number, int) and number < 1) or (isinstance(number, float) and not 0.0 <= number <= 1.0):
        raise InputError(f"{name} must be {accepted}, not {value!r}")
    return number


def _check_vectors(name: str, value: object) -> Any:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)  # recorded in metadata.json as text
    if value is not None and not isinstance(value, str):
        raise wrong_type(name, value, "None, 'chive' or the path of a word-vector table")
    return value


def _check_cp932_fold(name: str, value: object) -> Any:
    accepted = f"a fold version: {CP932_FOLD} (CP932 look-alikes read as one) or 0 (none)"
    version = as_int(value)
    if version is None:
        raise wrong_type(name, value, accepted)
    try:
        cp932_fold_table(version)
    except ValueError:
        raise InputError(f"{name} must be {accepted}, not {value!r}") from None
    return version


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "token_form": _check_token_form,
    "word_ngrams": _check_ngrams,
    "char_ngrams": _check_ngrams,
    "min_df": _check_min_df,
    "reason_c": _check_c,
    "sentiment_c": _check_c,
    "class_weight": _check_class_weight,
    "vectors": _check_vectors,
    "sentiment_class_weight": _check_class_weight,
    "cp932_fold": _check_cp932_fold,
}
"""The check of each field: raises for a value the field does not take, else returns the value to record."""
