"""The checks of the arguments of public functions: each returns the value it takes, or raises ``TypeError`` or
:class:`~taikai.errors.InputError` naming the argument, what was given and what is accepted."""

from __future__ import annotations

import numbers
import os
import re
from collections.abc import Collection, Hashable
from enum import Enum
from typing import TypeVar

from taikai._argument_names import Argument
from taikai._column_names import no_label
from taikai._exceptions import InputError
from taikai._freq import canonical_freq
from taikai.errors._arguments import DATE_COLUMN, FREQ, REASONS_COLUMN, SENTIMENT_COLUMN, TEXT_COLUMN

E = TypeVar("E", bound=Enum)
"""An enum class, for :func:`parse_choice`, which returns a member of the one it is given."""


def wrong_type(name: str, value: object, accepted: str) -> TypeError:
    """Return the error of a public function given *value*, of a type it does not take, for argument *name*.

    A type named as one *accepted* names is said with its package (a Dask or Polars frame where a pandas
    ``DataFrame`` is taken: ``not a dask DataFrame``, not ``not a DataFrame``), and so is a frame of another library
    where a pandas one is taken, with the call that makes it one (``not a pyarrow Table (.to_pandas() makes it
    one)``)."""
    shown, kind, to_pandas = repr(value), type(value).__name__, _to_pandas(value, accepted)
    package = type(value).__module__.partition(".")[0]
    if package != "builtins" and (to_pandas or re.search(rf"\b{re.escape(kind)}\b", accepted)):
        kind = f"{package} {kind}"
    if value is None:
        given = "None"
    elif len(shown) > 60 or "\n" in shown:  # a frame or another large object: its type says enough
        given = f"a {kind}"
    elif shown.startswith(f"{type(value).__name__}("):  # PosixPath('a.csv'): its repr names its type already
        given = shown
    else:
        given = f"{kind} {shown}"
    return TypeError(f"{name} must be {accepted}, not {given}{to_pandas}")


_TO_PANDAS = ("compute", "to_pandas", "toPandas")
"""The calls that make a frame of another library a pandas one: Dask's, Polars' and pyarrow's, Spark's."""


def _to_pandas(value: object, accepted: str) -> str:
    """Return how *value*, a frame of another library given where *accepted* takes a pandas DataFrame, becomes one
    (`` (.compute() makes it one)``); ``""`` for anything else."""
    if "pandas DataFrame" not in accepted or type(value).__module__.partition(".")[0] == "pandas":
        return ""
    if not hasattr(value, "columns"):  # a Series or an array of another library: no frame
        return ""
    call = next((call for call in _TO_PANDAS if callable(getattr(value, call, None))), None)
    return "" if call is None else f" (.{call}() makes it one)"


def check_str(name: object, value: object, accepted: str, *, none: bool = False) -> str | None:
    """Return *value*, given to argument *name* (a str or an :class:`Argument`), if it is a str (or ``None`` when
    *none*); else raise :func:`wrong_type`'s ``TypeError`` saying it takes *accepted*: checked before *value* is
    compared, so that a pandas Series or ``pd.NA`` is not met by pandas' "truth value … is ambiguous"."""
    if isinstance(value, str) or (none and value is None):
        return value
    raise wrong_type(name.current().name if isinstance(name, Argument) else str(name), value, accepted)


def as_int(value: object) -> int | None:
    """Return *value* as an int if it is a Python or numpy integer (not a bool), else ``None``."""
    return int(value) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else None


def as_float(value: object) -> float | None:
    """Return *value* as a float if it is a Python or numpy real number (not a bool), else ``None``."""
    return float(value) if isinstance(value, numbers.Real) and not isinstance(value, bool) else None


def check_int(name: str, value: object, least: int | None = None, most: int | None = None) -> int:
    """Return argument *name* if it is an int (not a bool; a numpy integer as a Python int) of at least *least* and
    at most *most*; else raise ``TypeError`` or :class:`InputError` naming it, what was given and what is accepted."""
    checked = as_int(value)
    if checked is None:
        raise wrong_type(name, value, "an int")
    if least is not None and most is not None and not least <= checked <= most:
        raise InputError(f"{name} must be from {least} to {most:,}, not {checked:,}")
    if least is not None and checked < least:
        raise InputError(f"{name} must be at least {least}, not {checked}")
    if most is not None and checked > most:
        raise InputError(f"{name} must be at most {most}, not {checked}")
    return checked


def check_at_least(argument: Argument, value: object, least: int) -> int:
    """Return *value* if it is an int (:func:`check_int`) of at least *least*; else raise naming the argument and its
    option, which refuses such a value alike: ``top=0 (--top on the command line) must be at least 1``."""
    checked = check_int(argument.name, value)
    if checked < least:
        raise InputError(f"{argument.given(value)} must be at least {least}")
    return checked


def check_bool(name: str, value: object) -> bool:
    """Return argument *name* if it is a bool (``True`` or ``False``); else raise ``TypeError`` naming it and what was
    given: a flag given ``'no'`` or ``0`` must not be read as its truth value (``'no'`` would turn it on)."""
    import numpy as np

    if not isinstance(value, bool | np.bool_):
        raise wrong_type(name, value, "a bool (True or False)")
    return bool(value)


def check_label_columns(text_column: object, reasons_column: object, sentiment_column: object) -> None:
    """Raise ``TypeError`` naming the argument unless each names a column of labelled data: a column label (not
    ``None``, a bool or a list), ``sentiment_column`` also ``None`` (data without sentiment)."""
    label = "a column label (a str, or an int for a frame read with header=None)"
    for argument, value in ((TEXT_COLUMN, text_column), (REASONS_COLUMN, reasons_column)):
        if value is None or isinstance(value, bool) or not isinstance(value, Hashable) or no_label(value):
            raise wrong_type(argument.name, value, label)
    if isinstance(sentiment_column, bool) or not isinstance(sentiment_column, Hashable) or no_label(sentiment_column):
        raise wrong_type(SENTIMENT_COLUMN.name, sentiment_column, f"{label}, or None for data without sentiment")


def check_path(name: str, value: object) -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* is a path (a str or ``os.PathLike``), and
    :class:`InputError` for one under a ``~`` that is not there (see :func:`unexpanded_home`): not a folder ``~``
    made in the current one."""
    if not isinstance(value, str | os.PathLike):
        raise wrong_type(name, value, "a str or pathlib.Path")
    hint = unexpanded_home(value)
    if hint:
        raise InputError(f"{name}={os.fspath(value)!r} begins with ~, which is not expanded{hint}")


def unexpanded_home(path: object) -> str:
    """Return how to give a *path* that begins with ``~`` (``~/m``, ``~user/m``) when no such file or folder is in
    the current one: taikai, as Python's ``open`` and ``pathlib``, reads ``~`` as it is (the shell expands an
    unquoted one on the command line); ``""`` for any other path."""
    text = os.fspath(path) if isinstance(path, str | os.PathLike) else ""
    if not isinstance(text, str) or not text.startswith("~") or os.path.lexists(text.split(os.sep, 1)[0]):
        return ""
    if os.path.expanduser(text) == text:  # no home of that name: ~$dump.csv, Excel's lock of dump.csv
        return ""
    return (
        f" (taikai, as Python's open and pathlib, reads a path as it is; a shell expands an unquoted ~): give the "
        f"full path, or in Python Path({text!r}).expanduser() for the path in your home folder"
    )


def check_freq(freq: object, name: object = "freq") -> str:
    """Return the period length *freq* (a pandas spelling or offset, given to argument *name*) as taikai writes it,
    ``M``, ``W``, ``Q``, ``Y`` or a fiscal ``Q-MAR``/``Y-MAR`` (:func:`taikai._freq.canonical_freq`); else raise
    :class:`InputError` listing them (``W-MON`` is no ISO week, as ``2026-W12`` is); a non-str ``TypeError``."""
    if (read := canonical_freq(freq)) is not None:
        return read
    listed = (
        "one of M (months; pandas' ME or MS alike), W (weeks, Monday to Sunday; pandas' W-SUN alike), Q (quarters; "
        "QE, QS alike) or Y (years; YE, YS alike), or a quarter or year of a fiscal year ending in another month "
        "(Q-MAR, Y-MAR: from April, as 年度)"
    )
    weeks = str(check_str(name, getattr(freq, "freqstr", freq), listed)).upper().startswith("W-")  # a list: TypeError
    why = ": taikai's weeks run Monday to Sunday (ISO weeks, named 2026-W12)" if weeks else ""
    raise InputError(f"{name} must be {listed}, not {freq!r}{why}")


def period_freq(freq: object, date_column: object, name: object = "freq") -> str:
    """Return the period length *freq* of a *date_column* (``None``: ``M``, months) as :func:`check_freq` writes it;
    refuse one given without a *date_column*, which has no periods for it to set (the command line refuses
    ``--freq`` without ``--date-column`` alike)."""
    if freq is None:
        return "M"
    if date_column is None:
        raise InputError(f"{FREQ.either([freq])} applies to periods: give the column of dates with {DATE_COLUMN}")
    return check_freq(freq, name)


def check_choice(name: object, value: object, choices: Collection[str]) -> str:
    """Return *value*, given to argument *name* (a str or an :class:`Argument`), if it is one of *choices*; else
    raise :class:`InputError` naming the argument, the choices (``one of ja, en``, as every such message lists them)
    and what was given; a non-str (a list, a Series, ``pd.NA``) is :func:`check_str`'s ``TypeError``."""
    if isinstance(value, str) and value in choices:
        return value
    check_str(name, value, f"one of {', '.join(choices)}")  # not Python's "unhashable type", nor a Series' repr
    raise InputError(f"{name} must be one of {', '.join(choices)}, not {value!r}")


def parse_choice(kind: type[E], name: str, value: object) -> E:
    """Return *value* as a member of the str enum *kind* (given as one or as its value); else raise
    :class:`InputError` naming argument *name*, what was given and the choices (a non-str: ``TypeError``, as above)."""
    check_str(name, value, f"one of {', '.join(str(m.value) for m in kind)}")  # a member is a str
    try:
        return kind(value)
    except ValueError:
        raise InputError(f"{name} must be one of {', '.join(str(m.value) for m in kind)}, not {value!r}") from None
