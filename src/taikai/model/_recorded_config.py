"""The ``config`` object of a model's metadata as a typed record, :class:`RecordedConfig`: the settings of the
:class:`~taikai.model.FeatureConfig` the model was trained with, a field per key, as recorded. Reading it checks
nothing: a model whose config this taikai refuses (a setting of a later taikai, a value edited by hand) must still
load, so that :meth:`~taikai.model.ModelMetadata.feature_config` can name the setting and the file in its error."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from taikai.model._json_keys import read_keys, written

if TYPE_CHECKING:
    from taikai.model._feature_config import ClassWeight, FeatureConfig


@dataclass(frozen=True)
class RecordedConfig:
    """What ``config`` in ``metadata.json`` records: the :class:`~taikai.model.FeatureConfig` fields training wrote
    (``None``: not recorded, or recorded as null; a model saved before format 5 records no ``vectors`` and no
    ``sentiment_class_weight``, one saved before the fold of CP932 look-alikes no ``cp932_fold``, read as 0).
    :meth:`~taikai.model.ModelMetadata.feature_config` reads them into a :class:`~taikai.model.FeatureConfig`, whose
    checks they must pass.

    ``unread`` holds, as read, the settings whose value is not of the kind training writes (``"min_df": "2"``, a
    ``word_ngrams`` of text): their field is ``None`` and ``feature_config`` names them. ``keys`` and ``extra`` (the
    keys as written, and the values of keys this taikai does not know): as :mod:`taikai.model._json_keys` says, so
    :meth:`to_dict` writes back what :meth:`from_dict` read, byte for byte once dumped. Make one for a
    :class:`~taikai.model.FeatureConfig` with :meth:`of`: a field set by hand is written only when not ``None``.
    """

    token_form: str | None = None
    word_ngrams: tuple[int, ...] | None = None
    char_ngrams: tuple[int, ...] | None = None
    min_df: int | float | None = None
    reason_c: int | float | None = None
    sentiment_c: int | float | None = None
    class_weight: ClassWeight = None
    vectors: str | None = None
    sentiment_class_weight: ClassWeight = None
    cp932_fold: int | None = None
    unread: Mapping[str, object] = field(default_factory=dict)
    extra: Mapping[str, object] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # weights per label are objects: not hashable

    def recorded(self) -> bool:
        """Return whether a config is recorded (not for a pipeline fitted by hand, nor a damaged metadata's)."""
        return bool(self.to_dict())

    def holds(self, name: str) -> bool:
        """Return whether the setting *name* is recorded, if only as null (a config saved before format 5 does not
        record ``vectors``)."""
        return name in self.to_dict()

    def words_only(self) -> bool:
        """Return whether a config is recorded whose ``vectors`` is null or absent (an older model's): a model
        without word vectors, retrained with ``--vectors none``."""
        return self.recorded() and self.vectors is None and "vectors" not in self.unread

    def __getitem__(self, name: str) -> object:
        """Return the setting *name* as ``metadata.json`` records it (``config["vectors"]``, as when ``config`` was a
        dict); a setting not recorded raises ``KeyError``."""
        return self.to_dict()[name]

    def to_dict(self) -> dict[str, object]:
        """Return the JSON-ready ``config`` object: the keys read, in their order, then any field set since."""
        values = written(self, _KNOWN, _WRITERS)
        return values | {key: value for key, value in self.unread.items() if values.get(key) is None}

    @classmethod
    def from_dict(cls, values: Mapping[str, object]) -> RecordedConfig:
        """Return the record of a ``config`` object: each known setting typed when its value is of the kind training
        writes, else kept in ``unread``; nothing is refused (:meth:`~taikai.model.ModelMetadata.feature_config`
        checks)."""
        unread = {
            key: value
            for key, value in values.items()
            if key in _READERS and value is not None and _READERS[key](value) is _UNREAD
        }
        typed = {key: None if key in unread else value for key, value in values.items()}
        return cls(**read_keys(typed, _KNOWN, _READERS), unread=unread)

    @classmethod
    def of(cls, config: FeatureConfig) -> RecordedConfig:
        """Return the record of *config*, as training writes it."""
        return cls.from_dict(config.to_dict())

    def with_settings(self, values: Mapping[str, object]) -> RecordedConfig:
        """Return this record with the settings *values* (by name) set, each where it was read (a new one last)."""
        return RecordedConfig.from_dict(self.to_dict() | dict(values))


_UNREAD = object()
"""The mark of a value not of the kind its setting takes."""


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: object) -> object:
    return value if isinstance(value, str) else _UNREAD


def _number(value: object) -> object:
    return value if _is_number(value) else _UNREAD


def _whole(value: object) -> object:
    return value if isinstance(value, int) and not isinstance(value, bool) else _UNREAD


def _ngrams(value: object) -> object:
    if isinstance(value, list | tuple) and all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return tuple(value)
    return _UNREAD


def _weight(value: object) -> object:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and all(isinstance(k, str) and _is_number(v) for k, v in value.items()):
        return dict(value)
    return _UNREAD


def _copy(value: Mapping[str, float] | str) -> object:
    return dict(value) if isinstance(value, Mapping) else value


_READERS: dict[str, Callable[[object], object]] = {
    "token_form": _text,
    "word_ngrams": _ngrams,
    "char_ngrams": _ngrams,
    "min_df": _number,
    "reason_c": _number,
    "sentiment_c": _number,
    "class_weight": _weight,
    "vectors": _text,
    "sentiment_class_weight": _weight,
    "cp932_fold": _whole,
}
"""How each setting is read when not null: typed, or :data:`_UNREAD` for a value of another kind."""
_WRITERS: dict[str, Callable[[Any], object]] = {
    "word_ngrams": list,
    "char_ngrams": list,
    "class_weight": _copy,
    "sentiment_class_weight": _copy,
}
"""How the settings read into other types are written back: n-grams as lists, a copy of a weight per label."""
_KNOWN = tuple(f.name for f in fields(RecordedConfig) if f.name not in ("unread", "extra", "keys"))
"""The settings, in the order training writes them (:class:`~taikai.model.FeatureConfig`'s fields)."""
