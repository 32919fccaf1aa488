"""Read the fields of a JSON object from a model directory, saying in words which one is missing or malformed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from taikai.errors import ModelError

T = TypeVar("T")
TRAIN_COMMAND = "taikai train DATA.csv --out MODEL_DIR"
"""The command every "retrain" hint gives."""
DAMAGED_HINT = (
    "the model directory is damaged or was written by another taikai version: restore it from a copy, "
    f"or retrain: {TRAIN_COMMAND}"
)
_SHOWN = 60


def shown(value: object) -> str:
    """Return *value* as Python would print it, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class Fields:
    """The fields of one JSON object read from *source* (a file, or a part of one)."""

    def __init__(self, values: dict[str, Any], source: str):
        self.values, self.source = values, source

    def error(self, problem: str) -> ModelError:
        """Return the error for *problem* in this object."""
        return ModelError(f"{self.source}: malformed model metadata: {problem}; {DAMAGED_HINT}")

    def get(self, key: str, convert: Callable[[Any], T], expected: str) -> T:
        """Return field *key* read by *convert*; raise :class:`ModelError` if it is missing or not *expected*."""
        if key not in self.values:
            raise self.error(f"{key!r} is missing")
        return self._convert(key, convert, expected)

    def optional(self, key: str, convert: Callable[[Any], T], expected: str, default: T) -> T:
        """Return field *key* read by *convert*, or *default* when it is missing or null."""
        if self.values.get(key) is None:
            return default
        return self._convert(key, convert, expected)

    def _convert(self, key: str, convert: Callable[[Any], T], expected: str) -> T:
        value = self.values[key]
        try:
            return convert(value)
        except KeyError as exc:
            raise self.error(f"{key!r} lacks {exc.args[0]!r} (it should be {expected})") from exc
        except (TypeError, ValueError, AttributeError) as exc:
            raise self.error(f"{key!r} is {shown(value)}, but should be {expected}") from exc
