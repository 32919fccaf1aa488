"""A public function called with ``mask_pii=True`` raises its errors with their personal data masked too.

Masking is asked for the texts a function reads, but some of its messages quote cells it does not take for texts:
the column names of a file without a header row are its first row, a review (``no column 'text'; the columns are
['r1', '田中さんから090-…']``). What an error says ends up in logs and tickets, so :func:`errors_masked` masks the
whole message of a :class:`~taikai.errors.TaikaiError` raised by a call that asked for masking, but for the texts
given to the call (a path, a column's name), which it says back as given; the values masked already stay as they
are. The command line masks its messages with :func:`masked` too (``taikai.cli._masked_errors``).
"""

from __future__ import annotations

import functools
import inspect
import os
import re
from collections.abc import Callable, Mapping
from typing import ParamSpec, TypeVar

from taikai._stopped import stopped
from taikai.errors import TaikaiError

P = ParamSpec("P")
R = TypeVar("R")

SHORTEST_KEPT = 4
"""Fewest characters of an argument kept as given in a masked message: a shorter one (``-``, ``本文``) could stand
inside a value masking must find whole (``090-1234-5678``)."""


def masked(message: object, kept: list[str] | None = None) -> str:
    """Return *message* as text with its personal data masked, but for the texts *kept* as they are."""
    from taikai.privacy import mask_pii

    text = str(message)
    if not kept:
        return mask_pii(text).text
    given = re.compile("|".join(re.escape(k) for k in sorted(set(kept), key=len, reverse=True)))
    parts, start = [], 0
    for found in given.finditer(text):
        parts += [mask_pii(text[start : found.start()]).text, found.group()]
        start = found.end()
    return "".join([*parts, mask_pii(text[start:]).text])


def kept_values(values: object) -> list[str]:
    """Return the texts among *values* (paths and column names, in lists and dicts too) that a masked message keeps
    as given: the user's own, said back to them."""
    found: list[str] = []
    if isinstance(values, str | os.PathLike):
        text = os.fspath(values)
        found += [text] if isinstance(text, str) and len(text) >= SHORTEST_KEPT else []
    elif isinstance(values, Mapping):
        found += [text for value in values.values() for text in kept_values(value)]
    elif isinstance(values, list | tuple):
        found += [text for value in values for text in kept_values(value)]
    return found


def asked(arguments: Mapping[str, object]) -> bool:
    """Return whether a call given *arguments* (by parameter name) asked for masking: ``mask_pii=True``, given by
    name, among ``**options`` or in an ``options=`` object (``BatchOptions(mask_pii=True)``)."""
    if arguments.get("mask_pii") is True or getattr(arguments.get("options"), "mask_pii", False) is True:
        return True
    return any(isinstance(more, Mapping) and more.get("mask_pii") is True for more in arguments.values())


def errors_masked(function: Callable[P, R]) -> Callable[P, R]:
    """Return *function* raising each :class:`~taikai.errors.TaikaiError` of a call that asked for masking
    (:func:`asked`) with its message masked but for the texts given to the call; its type, cause and traceback stay.
    A stop, and other errors, pass as they are. The function's signature, name and docstring are kept."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def masking(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except TaikaiError as exc:
            try:
                arguments = signature.bind_partial(*args, **kwargs).arguments
            except TypeError:  # pragma: no cover - the call ran, so its arguments fit
                arguments = {}
            if not stopped(exc) and asked(arguments):
                exc.args = (masked(exc, kept_values(arguments)),)
            raise

    return masking
