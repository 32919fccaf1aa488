"""Read the fields of a JSON object from a model directory, saying in words which one is missing or malformed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from taikai._cut import cut
from taikai.errors import ModelError

T = TypeVar("T")
DATA = "DATA.csv"
"""The training data a retrain hint names when the model's metadata records no file that is there to name."""
TRAIN_COMMAND = f"taikai train {DATA} --out MODEL_DIR"
"""The command every "retrain" hint gives, naming for ``DATA.csv`` the file the model's metadata records it was
trained on when that file is there."""


Retrain = str | Callable[[], str]
"""A retrain command, or what makes it only when a message needs one (:func:`said`): making it reads the model's
training file to check it (:func:`~taikai.model._retrain.changed_base`), which loading a model does not wait for."""


def said(retrain: Retrain) -> str:
    """Return the retrain command *retrain* (made now when it is a callable)."""
    return retrain() if callable(retrain) else retrain


DAMAGED_HINT = (
    "the model directory is damaged or was written by another taikai version: restore it from a copy, "
    f"or retrain: {TRAIN_COMMAND}"
)
_SHOWN = 60


def shown(value: object) -> str:
    """Return *value* as Python would print it, cut to a readable length."""
    return cut(repr(value), _SHOWN - 1)


def positive_int(value: object) -> int:
    """Return *value*, a JSON whole number above 0; raise ``ValueError`` for anything else (3.5, "5", true, 0)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(value)
    return value


def number(value: object) -> float:
    """Return *value*, a JSON number, as a float; raise ``ValueError`` for anything else ("0.1", true, null)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(value)
    return float(value)


def score(value: object) -> float:
    """Return *value*, a JSON number from 0 to 1 (a score), as a float; raise ``ValueError`` for anything else (1.5,
    -0.2, NaN, "0.9")."""
    if not 0.0 <= number(value) <= 1.0:  # NaN too: it compares false
        raise ValueError(value)
    return float(number(value))


def iso_time(value: object) -> str:
    """Return *value*, an ISO 8601 time as training writes it; raise ``ValueError`` for anything else."""
    if not isinstance(value, str):
        raise ValueError(value)
    datetime.fromisoformat(value)
    return value


def flag(value: object) -> bool:
    """Return *value*, JSON true or false; raise ``TypeError`` for anything else ("yes", 1, null)."""
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def whole(value: object) -> int:
    """Return *value*, a JSON whole number; raise ``ValueError`` for anything else (3.5, "5", true)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(value)
    return value


def nonnegative_int(value: object) -> int:
    """Return *value*, a JSON whole number of 0 or more; raise ``ValueError`` for anything else (-1, 3.5, "5")."""
    if whole(value) < 0:
        raise ValueError(value)
    return whole(value)


def text(value: object) -> str:
    """Return *value*, a JSON string; raise ``ValueError`` for anything else (a number, a list, true)."""
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def str_tuple(values: Any) -> tuple[str, ...]:
    """Return a JSON list of strings as a tuple; raise ``TypeError`` for a string, an object or an item that is no
    string."""
    if isinstance(values, str | dict) or not all(isinstance(v, str) for v in values):
        raise TypeError(values)
    return tuple(values)


def thresholds(values: Any) -> dict[str, float]:
    """Return a JSON object of numbers as a dict of floats."""
    return {str(k): number(v) for k, v in values.items()}


def strings(values: Any) -> dict[str, str]:
    """Return a JSON object of strings as a dict of str; raise ``TypeError`` for a value that is no string."""
    return {str(k): text(v) for k, v in values.items()}


class Fields:
    """The fields of one JSON object read from *source* (a file, or a part of one); *within*: where the object is in
    the file (``metrics.test``, ``inputs[1]``), which its fields are named after (``metrics.test.rows``)."""

    def __init__(self, values: dict[str, Any], source: str, within: str = "", hint: Callable[[], str] | None = None):
        self.values, self.source, self.within = values, source, within
        self.hint = hint
        """What to do with a malformed field, when not :data:`DAMAGED_HINT`: the retrain command of what of the file
        can be read (:func:`taikai.model._salvaged.damaged_hint`)."""

    def path(self, key: str) -> str:
        """Return where field *key* is in the file: ``metrics.test.rows`` (*key* itself at the top)."""
        return f"{self.within}.{key}" if self.within else key

    def named(self, key: str) -> str:
        """Return the name of field *key* in the file, quoted as errors show it: ``'metrics.test.rows'``."""
        return repr(self.path(key))

    def error(self, problem: str) -> ModelError:
        """Return the error for *problem* in this object, saying what to do (:attr:`hint`)."""
        hint = DAMAGED_HINT if self.hint is None else self.hint()
        return ModelError(f"{self.source}: malformed model metadata: {problem}; {hint}")

    def get(self, key: str, convert: Callable[[Any], T], expected: str) -> T:
        """Return field *key* read by *convert*; raise :class:`ModelError` if it is missing or not *expected*."""
        if key not in self.values:
            raise self.error(f"{self.named(key)} is missing")
        return self._convert(key, convert, expected)

    def optional(self, key: str, convert: Callable[[Any], T], expected: str, default: T) -> T:
        """Return field *key* read by *convert*, or *default* when it is missing or null."""
        if self.values.get(key) is None:
            return default
        return self._convert(key, convert, expected)

    def same(self, key: str, part: str, other: str, other_part: str) -> None:
        """Refuse (:class:`ModelError`) values of ``key.part`` and ``other.other_part`` that differ, when both are
        there: two records of one fact, only the second of which loading checks."""
        first, second = self.values.get(key), self.values.get(other)
        if not isinstance(first, dict) or not isinstance(second, dict) or part not in first:
            return
        if other_part in second and first[part] != second[other_part]:
            raise self.error(
                f"'{key}.{part}' is {shown(first[part])}, but '{other}.{other_part}' is {shown(second[other_part])}: "
                "both name the version the model was trained with"
            )

    def part(self, key: str, read: Callable[[Fields], T], expected: str) -> T:
        """Return the object in field *key* read by *read* (given its :class:`Fields`); raise :class:`ModelError`
        if it is missing or no object (*expected*: what it should be)."""
        return read(Fields(self.get(key, _object, expected), self.source, self.path(key), self.hint))

    def optional_part(self, key: str, read: Callable[[Fields], T], expected: str, default: T) -> T:
        """Return the object in field *key* read by *read*, as :meth:`part` does, or *default* when it is missing
        or null."""
        if self.values.get(key) is None:
            return default
        return self.part(key, read, expected)

    def items(self, key: str, read: Callable[[Fields], T], listed: str, expected: str) -> tuple[T, ...]:
        """Return each object of the list in field *key* read by *read* (given its :class:`Fields`, at
        ``key[0]``, ``key[1]``…); ``()`` when it is missing or null. *listed*: what the list should be, *expected*:
        each item."""
        out, values = [], self.optional(key, _list, listed, None) or []
        for n, item in enumerate(values):
            within = f"{self.path(key)}[{n}]"
            if not isinstance(item, dict):
                raise self.error(f"{within!r} is {shown(item)}, but should be {expected}")
            out.append(read(Fields(item, self.source, within, self.hint)))
        return tuple(out)

    def _convert(self, key: str, convert: Callable[[Any], T], expected: str) -> T:
        value = self.values[key]
        try:
            return convert(value)
        except KeyError as exc:
            raise self.error(f"{self.named(key)} lacks {exc.args[0]!r} (it should be {expected})") from exc
        except (TypeError, ValueError, AttributeError) as exc:
            raise self.error(f"{self.named(key)} is {shown(value)}, but should be {expected}") from exc


def _object(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(value)
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(value)
    return value
