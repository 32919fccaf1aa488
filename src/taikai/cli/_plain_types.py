"""click's names of its number types in taikai's plain words: ``'abc' is not a valid integer range`` becomes ``'abc'
is not a whole number (0 or more)``, ``-1 is not in the range x>=0`` becomes ``-1 is not 0 or more``, and an
option's value written ``N, a whole number`` or ``X, a number`` rather than ``INTEGER RANGE`` or ``FLOAT RANGE``;
``-j=2`` (a short option takes no ``=``: its value is ``=2``) is told how to write it, ``-j 2`` or ``--jobs=2``, as
``--jobs==2`` is (one ``=`` too many: ``--jobs 2`` or ``--jobs=2``)."""

from __future__ import annotations

import ast
import re
from typing import Any, cast

import click

_NOT_A_NUMBER = re.compile(r"^(?P<value>.*) is not a valid (?:integer|float)(?: range)?\.?$", re.DOTALL)
_OUT_OF_RANGE = re.compile(r"^(?P<value>.*) is not in the range .*$", re.DOTALL)
ARGS_KEY = "taikai.args"
"""Where a command keeps, in the click context's ``meta``, its arguments as given (:func:`joined_form` reads them)."""


def plain_value_error(
    message: str, param_type: object, param: click.Parameter | None = None, ctx: click.Context | None = None
) -> str:
    """Return click's *message* on a bad value of the type *param_type* with the type's name in plain words (the
    value given kept), and how to write it when it begins with the ``=`` of ``-j=2`` (or ``--jobs==2``, as the
    arguments of *ctx* hold it) given to the option *param* (:func:`joined_equals_advice`); any other message as it
    is."""
    if not isinstance(param_type, (click.types.IntParamType, click.types.FloatParamType)):
        return message
    bounds = range_words(param_type)
    found = _NOT_A_NUMBER.match(message)
    if found is not None:
        said = f"{found['value']} is not {number_words(param_type)}" + (f" ({bounds})" if bounds else "")
        return said + joined_equals_advice(found["value"], param, ctx)
    found = _OUT_OF_RANGE.match(message)
    if found is not None and bounds:
        return f"{found['value']} is not {bounds}"
    return message


def joined_equals_advice(shown: str, param: click.Parameter | None, ctx: click.Context | None = None) -> str:
    """Return how to write the number that *shown* (a value as click's message shows it: ``'=2'``) stands for when it
    begins with ``=`` and *param* is a number option: a short option takes no ``=``, so ``-j=2`` gives ``-j`` the
    value ``=2`` (``: write -j 2 or --jobs=2``, or, when what follows the ``=`` is no good either, ``-j`` and the
    number after a space), as ``--jobs==2`` does (the arguments of *ctx* tell which was written); else ``""``."""
    if not isinstance(param, click.Option) or not isinstance(
        param.type, (click.types.IntParamType, click.types.FloatParamType)
    ):
        return ""
    try:
        value = ast.literal_eval(shown)
    except (ValueError, SyntaxError):
        return ""
    if not isinstance(value, str) or not value.startswith("="):
        return ""
    form = joined_form(param, value, ctx)
    if form is None:
        return ""
    try:
        param.type.convert(cast("Any", value[1:]), param, None)  # a string, as from the command line (typed: a number)
    except click.BadParameter:
        return ", " + written_apart(param, form, value, instead="the number")
    return ", " + written_apart(param, form, value)


def short_option(param: click.Parameter | None) -> str | None:
    """Return the short form of the option *param* (``-j``); ``None`` for an argument or an option without one."""
    if not isinstance(param, click.Option):
        return None
    return next((o for o in param.opts if not o.startswith("--")), None)


def joined_form(param: click.Option, value: str, ctx: click.Context | None) -> str | None:
    """Return the form of *param* that *value* (beginning with ``=``) was joined to: a long one when the arguments of
    *ctx* hold it joined by ``=`` (``--jobs`` of ``--jobs==2``), else the short one (``-j`` of ``-j=2``), if any."""
    given = ctx.meta.get(ARGS_KEY, ()) if ctx is not None else ()
    long = next((o for o in param.opts if o.startswith("--") and f"{o}={value}" in given), None)
    return long or short_option(param)


def why_joined(form: str, value: str) -> tuple[str, str]:
    """Return what gives the option *form* the *value* beginning with ``=``, and why: ``-j=2`` (a short option takes
    no ``=``), ``--jobs==2`` (one ``=`` too many)."""
    if form.startswith("--"):
        return f"{form}={value}", "one = too many"
    return f"{form}{value}", "a short option takes no ="


def written_apart(param: click.Parameter, form: str, value: str, *, long: bool = True, instead: str = "") -> str:
    """Return how to write *value*, given joined by ``=`` to *param*'s form *form* (``-j=2`` gives ``-j`` the
    value ``=2``, as a short option takes no ``=``; ``--jobs==2`` gives ``--jobs`` the same): ``as -j=2 gives it (a
    short option takes no =): write -j 2 or --jobs=2`` (the long form only when *long*), or, given *instead* (``the
    number``), ``write -j and the number after a space``, for a value that is no good after the ``=`` either."""
    meant = value[1:]
    forms = [f"{form} and {instead} after a space"] if instead else [f"{form} {meant}"]
    if long and not instead:
        forms += [f"{o}={meant}" for o in param.opts if o.startswith("--")][:1]
    given, why = why_joined(form, value)
    return f"as {given} gives it ({why}): write {' or '.join(forms)}"


def plain_metavar(param: click.Parameter) -> str | None:
    """Return how a message writes the value of the number option *param* (``N, a whole number 0 or more``);
    ``None`` for another type, or an option given its own metavar."""
    if param.metavar is not None:
        return None
    if not isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
        return None
    bounds = range_words(param.type)
    letter = "N" if isinstance(param.type, click.types.IntParamType) else "X"
    return f"{letter}, {number_words(param.type)}{' ' + bounds if bounds else ''}"


def number_words(param_type: object) -> str:
    """Return ``a whole number`` for an integer type, ``a number`` for a float one."""
    return "a whole number" if isinstance(param_type, click.types.IntParamType) else "a number"


def range_words(param_type: object) -> str:
    """Return the bounds of a number range type in words (``0 or more``, ``more than 0``, ``from 1 to 9``); ``""``
    for a type without bounds."""
    low, high = getattr(param_type, "min", None), getattr(param_type, "max", None)
    low_open, high_open = getattr(param_type, "min_open", False), getattr(param_type, "max_open", False)
    if low is not None and high is not None and not low_open and not high_open:
        return f"from {_shown(low)} to {_shown(high)}"
    said = []
    if low is not None:
        said.append(f"more than {_shown(low)}" if low_open else f"{_shown(low)} or more")
    if high is not None:
        said.append(f"less than {_shown(high)}" if high_open else f"{_shown(high)} or less")
    return " and ".join(said)


def _shown(bound: float) -> str:
    """Return a bound as written: ``0``, not ``0.0``."""
    return str(int(bound)) if float(bound).is_integer() else str(bound)
