"""Exceptions that carry a message for the user: what went wrong and what to do; and the checks of the public
functions' arguments that raise them (where a wrong argument would otherwise fail deep inside)."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class TaikaiError(Exception):
    """Base of every error taikai reports to the user instead of a traceback."""


class ModelError(TaikaiError):
    """A model cannot be found, verified or loaded."""


class ModelNotFoundError(ModelError):
    """A model directory, or the metadata that makes it one, does not exist."""


class InputError(TaikaiError):
    """Input data cannot be read or lacks what is needed (file, column, line)."""


class RulesError(InputError):
    """A coding-rules file cannot be read, or one of its rules is wrong (named with the file, line and rule)."""


class MissingExtraError(ImportError):
    """An optional extra of taikai (report, dask) is not installed: says what needs which packages, why the import
    failed and what to install, in one sentence (:meth:`sentence` names another user, such as a CLI option)."""

    def __init__(self, user: str, packages: str, extra: str, cause: ImportError) -> None:
        self.user = user
        self.packages = packages
        self.extra = extra
        self.cause = str(cause)
        super().__init__(self.sentence(user), name=cause.name, path=cause.path)

    def sentence(self, user: str) -> str:
        """Return the message with *user* as what needs the packages (the thing the reader asked for)."""
        return (
            f"{user} needs {self.packages}, which are not installed ({self.cause}); "
            f"install them with: pip install 'taikai[{self.extra}]'"
        )


class DataWarning(UserWarning):
    """Something in the data or the model a user should know (rows read with U+FFFD, training rows evaluated).

    The command line prints these as ``taikai: warning: …`` on stderr.
    """


def wrong_type(name: str, value: object, accepted: str) -> TypeError:
    """Return the error of a public function given *value*, of a type it does not take, for argument *name*."""
    shown = repr(value)
    if value is None:
        given = "None"
    elif len(shown) > 60 or "\n" in shown:  # a frame or another large object: its type says enough
        given = f"a {type(value).__name__}"
    else:
        given = f"{type(value).__name__} {shown}"
    return TypeError(f"{name} must be {accepted}, not {given}")


def check_int(name: str, value: object, least: int | None = None) -> int:
    """Return argument *name* if it is an int (not a bool) of at least *least*; else raise ``TypeError`` or
    :class:`InputError` naming it, what was given and what is accepted."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type(name, value, "an int")
    if least is not None and value < least:
        raise InputError(f"{name} must be at least {least}, not {value}")
    return value


def check_path(name: str, value: object) -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* is a path (a str or ``os.PathLike``)."""
    import os

    if not isinstance(value, str | os.PathLike):
        raise wrong_type(name, value, "a str or pathlib.Path")


def parse_choice(kind: type[E], name: str, value: object) -> E:
    """Return *value* as a member of the enum *kind* (given as one or as its value); else raise
    :class:`InputError` naming argument *name*, what was given and the choices."""
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(str(m.value) for m in kind)
        raise InputError(f"{name} must be one of {choices}, not {value!r}") from None
