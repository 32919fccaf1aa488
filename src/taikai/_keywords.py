"""Refuse a keyword argument a public function does not take, as Python does (a ``TypeError``), but saying which
accepted one was most likely meant and what the function takes.

Python 3.10 to 3.12 say only ``classify_file() got an unexpected keyword argument 'on_bad_rows'``; the command line
says ``did you mean --on-bad-lines?``. :func:`unexpected_keywords` words the message once for every function:
the keyword, the closest accepted one (a typo, the command line's spelling ``on-bad-lines``, another function's name
for the same thing: ``on_bad_rows`` for ``on_bad_lines``, ``text_col`` for ``text_column``, ``output`` for ``out``)
and the keywords it takes. :func:`keywords_checked` wraps a function so (``taikai._argument_order`` does it for the
functions it wraps); a function that takes ``**options`` names them (:class:`taikai.BatchOptions`, the report's).

It imports nothing of taikai but :mod:`taikai._column_names`, so that every package, the light ones too, use it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Collection, Sequence
from typing import ParamSpec, TypeVar

from taikai._column_names import close_name, listed

P = ParamSpec("P")
R = TypeVar("R")

CLOSE = 0.6
"""Least :mod:`difflib` ratio for an accepted keyword to be suggested: ``on_bad_rows`` for ``on_bad_lines`` (0.78),
``output`` for ``out`` (0.67); looser than a column name's, since a function takes few keywords."""
_KEYWORD = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
_BOUND = ("self", "cls")


def as_python(name: str) -> str:
    """Return *name* as a Python keyword: the command line's ``--on-bad-lines`` as ``on_bad_lines``."""
    return name.lstrip("-").replace("-", "_")


def meant(name: str, accepted: Sequence[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the keyword of *accepted* that *name* most likely meant, or ``""``."""
    python = as_python(name)
    close = python if python in accepted else close_name(python, accepted, cutoff=CLOSE, typo=None)
    return f" (did you mean {close!r}?)" if close is not None and close != name else ""


def unexpected_keywords(
    function: str, given: Collection[str], accepted: Sequence[str], takes: str = "", also: str = ""
) -> TypeError:
    """Return the ``TypeError`` for the keywords of *given* not among *accepted*, given to *function* (its name
    as Python says it, ``Model.predict``): each with the one it most likely meant (:func:`meant`), then what
    *function* takes (*takes*, else *accepted*) and *also* (where another function takes them)."""
    unknown = [name for name in given if name not in accepted]
    said = listed([f"{name!r}{meant(name, accepted)}" for name in unknown])
    got = "an unexpected keyword argument" if len(unknown) == 1 else "unexpected keyword arguments"
    what = takes or (", ".join(accepted) if accepted else "no keyword arguments")
    return TypeError(f"{function}() got {got} {said}: it takes {what}{also}")


def keyword_names(function: Callable[..., object]) -> tuple[str, ...] | None:
    """Return the keywords *function* takes, or ``None`` when it takes any (``**options``)."""
    parameters = inspect.signature(function).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return None
    return named_keywords(function)


def named_keywords(function: Callable[..., object]) -> tuple[str, ...]:
    """Return the keywords *function* names in its signature (not a method's ``self`` nor ``cls``)."""
    parameters = inspect.signature(function).parameters.values()
    return tuple(p.name for p in parameters if p.kind in _KEYWORD and p.name not in _BOUND)


def called(function: Callable[..., object], args: Sequence[object]) -> str:
    """Return *function*'s name as the user called it: ``Model.predict_frame`` for a method a mixin defines
    (``FramePrediction.predict_frame``), the name of the class of its ``self``."""
    first = next(iter(inspect.signature(function).parameters), None)
    if first in _BOUND and args and "." in function.__qualname__:
        owner = args[0] if isinstance(args[0], type) else type(args[0])
        return f"{owner.__name__}.{function.__name__}"
    return function.__qualname__


def keywords_checked(function: Callable[P, R]) -> Callable[P, R]:
    """Return *function* refusing a keyword it does not take with :func:`unexpected_keywords`' ``TypeError``
    before it runs; its signature, name and docstring are kept. A function that takes ``**options`` is returned as
    it is: it checks its options itself."""
    names = keyword_names(function)
    if names is None:
        return function
    accepted = frozenset(names)

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        if not accepted.issuperset(kwargs):
            raise unexpected_keywords(called(function, args), kwargs, names)
        return function(*args, **kwargs)

    return checked
