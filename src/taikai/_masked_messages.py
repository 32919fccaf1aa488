"""A public function called with ``mask_pii=True`` raises its errors with their personal data masked too.

Masking is asked for the texts a function reads, but some of its messages quote cells it does not take for texts:
the column names of a file without a header row are its first row, a review (``no column 'text'; the columns are
['r1', '田中さんから090-…']``). What an error says ends up in logs and tickets, so :func:`errors_masked` masks the
whole message of a :class:`~taikai.errors.TaikaiError` raised by a call that asked for masking, but for the texts
given to the call (a path, a column's name), which it says back as given; the values masked already stay as they
are. Within the call (:func:`masking`), each :class:`~taikai.errors.DataWarning` it gives is masked the same way,
before it is given: a notebook user sees it masked as the command line shows it. A message that quotes a user's
text cut short quotes it with :func:`quoted_text`, masked before it is cut, which the whole message's masking,
after the cut, is too late for (``taro@ex…``).

The command line runs a command given ``--mask-pii`` within :func:`masking` too (``taikai.cli._masked_errors``):
a call inside it keeps the texts given to the command as well as its own, and an error is masked once, by the
innermost call that asked for masking, so that a text one of them keeps is not masked by another.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from taikai._context_values import set_within
from taikai._cut import cut
from taikai._stopped import stopped
from taikai._warn import reworded
from taikai.errors import DataWarning, TaikaiError

P = ParamSpec("P")
R = TypeVar("R")

SHORTEST_KEPT = 4
"""Fewest characters of an argument kept as given in a masked message: a shorter one (``-``, ``本文``) could stand
inside a value masking must find whole (``090-1234-5678``)."""


_KEPT: ContextVar[tuple[str, ...] | None] = ContextVar("taikai_masking", default=None)
"""The texts kept as given by the masking in force (:func:`masking`), ``None`` outside one."""

_MASKED = "_taikai_masked"
"""The attribute set on an error whose message :func:`mask_error` masked: it is masked once."""

TEXTS = frozenset({"text", "texts", "values"})
"""The parameters that hold the texts masking is asked for (``explain``'s, ``Model.predict``'s): never kept."""

_WRAPPERS: set[Callable[..., object]] = set()
"""The functions :func:`errors_masked` returned (see :func:`masks_errors`)."""


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


def masks(text: str) -> bool:
    """Say whether a message said now would have *text* masked (within :func:`masking`, *text* holding personal
    data): a message that advises giving *text* back (a sheet's name to ``--sheet``) can name it otherwise."""
    return _KEPT.get() is not None and masked(text) != text


def quoted_text(text: str, length: int, *, mask: bool = False) -> str:
    """Return *text*, a user's text a message quotes, cut to *length* characters (and ``…``), its personal data
    masked first when *mask* or within :func:`masking` (``--mask-pii``, ``mask_pii=True``): masking the message
    after the cut would miss a value cut in two (``taro@ex…`` is no e-mail address to the masker, ``090-12…`` no
    phone number)."""
    if mask or _KEPT.get() is not None:
        text = masked(text)
    return cut(text, length)


def kept_values(values: object) -> list[str]:
    """Return the texts among *values* (paths and column names, in lists and dicts too) that a masked message keeps
    as given: the user's own, said back to them; those of an options object (:class:`~taikai.BatchOptions`) too."""
    found: list[str] = []
    if isinstance(values, str | os.PathLike):
        text = os.fspath(values)
        found += [text] if isinstance(text, str) and len(text) >= SHORTEST_KEPT else []
    elif isinstance(values, Mapping):
        found += [text for value in values.values() for text in kept_values(value)]
    elif dataclasses.is_dataclass(values) and not isinstance(values, type):  # options=BatchOptions(scheduler=…)
        named = (getattr(values, field.name) for field in dataclasses.fields(values))
        found += [text for value in named if isinstance(value, str | os.PathLike) for text in kept_values(value)]
    elif isinstance(values, list | tuple):
        found += [text for value in values for text in kept_values(value)]
    return found


def asked(arguments: Mapping[str, object]) -> bool:
    """Return whether a call given *arguments* (by parameter name) asked for masking: ``mask_pii=True``, given by
    name, among ``**options`` or in an ``options=`` object (``BatchOptions(mask_pii=True)``), which a ``mask_pii``
    given by name overrides (``options=BatchOptions(mask_pii=True), mask_pii=False`` runs unmasked)."""
    named = [arguments["mask_pii"]] if "mask_pii" in arguments else []
    named += [more["mask_pii"] for more in arguments.values() if isinstance(more, Mapping) and "mask_pii" in more]
    if named:
        return any(value is True for value in named)
    return getattr(arguments.get("options"), "mask_pii", False) is True


@contextmanager
def masking(kept: list[str]) -> Iterator[list[str]]:
    """Within the block, each :class:`~taikai.errors.DataWarning` taikai gives has its message masked (see
    :func:`masked`) but for the texts *kept* and those of the masking the block runs within; yield those texts."""
    every = list(dict.fromkeys([*kept, *(_KEPT.get() or ())]))

    def said(message: str, category: type[Warning]) -> str:
        return masked(message, every) if issubclass(category, DataWarning) else message

    with set_within(_KEPT, tuple(every)), reworded(said):
        yield every


def mask_error(exc: Exception, kept: list[str]) -> str:
    """Mask the message of *exc* but for the texts *kept*, unless it was masked already (by a call within the one
    that masks it now, which kept its own texts too), and return it."""
    if not getattr(exc, _MASKED, False):
        exc.args = (masked(exc, kept),)
        setattr(exc, _MASKED, True)
    return str(exc)


def errors_masked(function: Callable[P, R]) -> Callable[P, R]:
    """Return *function* run, when a call asks for masking (:func:`asked`), within :func:`masking` (its warnings
    masked) and raising each :class:`~taikai.errors.TaikaiError` (and plain ``TypeError`` or ``ValueError``, which an
    argument's check raises quoting it) with its message masked but for the texts given to the call; its type,
    cause and traceback stay. A stop, and other errors, pass as they are. The function's
    signature, name and docstring are kept."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def masking_call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            arguments = signature.bind_partial(*args, **kwargs).arguments
        except TypeError:  # arguments that do not fit: the call itself says so
            return function(*args, **kwargs)
        if not asked(arguments):
            return function(*args, **kwargs)
        with masking(kept_values({k: v for k, v in arguments.items() if k not in TEXTS})) as kept:
            try:
                return function(*args, **kwargs)
            except (TaikaiError, TypeError, ValueError) as exc:
                if (isinstance(exc, TaikaiError) and not stopped(exc)) or type(exc) in (TypeError, ValueError):
                    mask_error(exc, kept)  # an argument's check quotes it (``not ndarray array([['090-…']])``)
                raise

    _WRAPPERS.add(masking_call)
    return masking_call


def masks_errors(function: object) -> bool:
    """Return whether *function* (or a function it wraps, ``__wrapped__``) was made by :func:`errors_masked`."""
    while function is not None:
        if function in _WRAPPERS:
            return True
        function = getattr(function, "__wrapped__", None)
    return False
