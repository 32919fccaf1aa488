"""The objects of ``training_data`` on the added rows dropped for disagreeing with others, typed:
:class:`Disagreeing` (by kind, ``duplicates`` and ``repeats``) of :class:`LabelCounts` (``added_disagreeing_in``)
or of places (``added_disagreeing_at``). Written back as read (:mod:`taikai.model._json_keys`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from taikai.model._json_keys import read_keys, written

T = TypeVar("T")


@dataclass(frozen=True)
class LabelCounts:
    """Of some rows, how many differ in their ``reasons`` and in their ``sentiment`` (``None``: not recorded).
    ``extra`` and ``keys``: as :mod:`taikai.model._json_keys` says."""

    reasons: int | None = None
    sentiment: int | None = None
    extra: Mapping[str, object] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # the extra values may be lists or objects: not hashable

    def to_dict(self) -> dict[str, object]:
        """Return the JSON-ready object: the keys read, in their order, then any count set since."""
        return written(self, _COUNTS)

    @classmethod
    def from_dict(cls, values: Mapping[str, object]) -> LabelCounts:
        """Return the record of an object of counts, its values as they are."""
        return cls(**read_keys(values, _COUNTS))


@dataclass(frozen=True)
class Disagreeing(Generic[T]):
    """Of the added rows dropped for disagreeing with others, something of each kind (``None``: not recorded):
    ``duplicates``, whose text the base data holds with other labels, and ``repeats``, repeated among the added
    files with other labels. ``training_data.added_disagreeing_in`` holds :class:`LabelCounts` (how many differ in
    which labels), ``added_disagreeing_at`` the places of the first few (``FILE:LINE (kept: FILE:LINE)``).
    ``extra`` and ``keys``: as :mod:`taikai.model._json_keys` says."""

    duplicates: T | None = None
    repeats: T | None = None
    extra: Mapping[str, object] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # the extra values may be lists or objects: not hashable

    def to_dict(self, write: Callable[[T], object]) -> dict[str, object]:
        """Return the JSON-ready object, each kind's value written by *write*: the keys read, in their order, then
        any kind set since."""
        return written(self, _KINDS, dict.fromkeys(_KINDS, write))

    @classmethod
    def from_dict(cls, values: Mapping[str, object], read: Callable[[Any], T]) -> Disagreeing[T]:
        """Return the record of an object by kind, each kind's value (when not null) read by *read*."""
        return cls(**read_keys(values, _KINDS, dict.fromkeys(_KINDS, read)))


def counts(values: Mapping[str, object]) -> Disagreeing[LabelCounts]:
    """Return ``training_data.added_disagreeing_in`` typed."""
    return Disagreeing.from_dict(values, LabelCounts.from_dict)


def places(values: Mapping[str, object]) -> Disagreeing[tuple[str, ...]]:
    """Return ``training_data.added_disagreeing_at`` typed (each kind's list of places as a tuple)."""
    return Disagreeing.from_dict(values, tuple)


_COUNTS = tuple(f.name for f in fields(LabelCounts) if f.name not in ("extra", "keys"))
_KINDS = ("duplicates", "repeats")
