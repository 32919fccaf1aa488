"""Typed records of the objects of ``metadata.json`` written back as read: a frozen dataclass with a field per key
(named as the key), ``extra`` (the values of keys this taikai does not know: a later taikai of the same format may
add some) and ``keys`` (the keys as written, in order). :func:`written` returns the object :func:`read_keys` read,
so saving a loaded model writes the bytes it was loaded from; a field set since is written after the keys read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Convert = Callable[[Any], Any]


def read_keys(
    values: Mapping[str, Any], known: tuple[str, ...], read: Mapping[str, Convert] | None = None
) -> dict[str, Any]:
    """Return the keyword arguments of the record of *values*: the *known* keys' values (converted by *read*, per
    key, when not null), ``extra`` and ``keys``."""
    read = read or {}
    fields = {key: value for key, value in values.items() if key in known}
    for key, convert in read.items():
        if fields.get(key) is not None:
            fields[key] = convert(fields[key])
    extra = {str(key): value for key, value in values.items() if key not in known}
    return fields | {"extra": extra, "keys": tuple(map(str, values))}


def written(record: Any, known: tuple[str, ...], write: Mapping[str, Convert] | None = None) -> dict[str, Any]:
    """Return the JSON-ready object of *record*: the keys read, in their order, then the known fields set since
    (not ``None``) and the extra keys; each value converted by *write* (per key) when not ``None``."""
    write = write or {}
    values: dict[str, Any] = {key: getattr(record, key) for key in known}
    for key, convert in write.items():
        if values[key] is not None:
            values[key] = convert(values[key])
    return in_order(values, record.keys, record.extra)


def in_order(values: Mapping[str, Any], keys: tuple[str, ...], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Return the JSON-ready object of the known *values* (by key, in the order training writes them) and the
    *extra* ones: the *keys* read, in their order, then the known values set since (not ``None``) and the extras."""
    values = {**values, **extra}
    added = [key for key in values if key not in keys and (values[key] is not None or key in extra)]
    return {key: values[key] for key in (*keys, *added) if key in values}
