"""Read the fields of a JSON object from a model directory, saying in words which one is missing or malformed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from taikai._cut import cut
from taikai.errors import ModelError

if TYPE_CHECKING:
    from taikai.model._metadata import ModelMetadata

T = TypeVar("T")
TRAIN_COMMAND = "taikai train DATA.csv --out MODEL_DIR"
"""The command every "retrain" hint gives."""


_OPTIONS = ("--free-labels", "--no-sentiment", "--vectors none", "--refit-all")


def train_command(
    free_labels: bool = False, *, no_sentiment: bool = False, no_vectors: bool = False, refit_all: bool = False
) -> str:
    """The retrain command of a model: :data:`TRAIN_COMMAND`, with the options it was trained with (``--free-labels``
    for one of labels of its own, ``--no-sentiment``, ``--vectors none``, ``--refit-all``)."""
    options = _options(free_labels, no_sentiment=no_sentiment, no_vectors=no_vectors, refit_all=refit_all)
    return TRAIN_COMMAND.replace(" --out", options + " --out")


def _options(free_labels: bool, *, no_sentiment: bool, no_vectors: bool, refit_all: bool) -> str:
    given = (free_labels, no_sentiment, no_vectors, refit_all)
    return "".join(f" {o}" for o, on in zip(_OPTIONS, given, strict=True) if on)


def retrain_command(meta: ModelMetadata | None) -> str:
    """The retrain command of the model *meta* describes: the options its metadata records it was trained with (its
    labels its own, no sentiment head, no word vectors, refit on all rows) and the columns it read, when not the
    standard ones, so that following a hint reads the same data into the same kind of model; :data:`TRAIN_COMMAND`
    when no model is known. A model trained in Python with features the command line cannot give (a word-vector table
    of one's own, ``min_df=1``…) is retrained by the :func:`taikai.train` call that gives them."""
    from taikai.model._python_retrain import python_command
    from taikai.model._salvaged import NO_VECTORS, unsaid

    python = None if meta is None else python_command(meta)
    command = python or TRAIN_COMMAND.replace(" --out", retrain_options(meta) + " --out")
    vectors = None if meta is None else meta.config.get("vectors")
    return unsaid(command, [NO_VECTORS] * (vectors is not None and not isinstance(vectors, str)))


def retrain_options(meta: ModelMetadata | None) -> str:
    """The train options the model *meta* describes was trained with, as its retrain hints give them
    (`` --free-labels --vectors none --text-column 本文``; ``""`` for none, or when no model is known), for a hint
    that writes a train command of its own (``--add THIS_FILE``)."""
    if meta is None:
        return ""
    no_sentiment = bool(meta.reasons) and not meta.sentiments
    return _options(
        meta.free_labels,
        no_sentiment=no_sentiment,
        no_vectors=bool(meta.config) and meta.config.get("vectors") is None,
        refit_all=meta.refit_on_all_rows,
    ) + meta.columns.options(no_sentiment=no_sentiment)


def retrain_hint(meta: ModelMetadata | None = None) -> str:
    """What to do with a model trained with other library versions (or damaged): retrain it, as
    :func:`retrain_command` says."""
    return f"retrain it with the installed libraries: {retrain_command(meta)}"


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

    def __init__(self, values: dict[str, Any], source: str, within: str = "", root: object = None):
        self.values, self.source, self.within = values, source, within
        self.root = values if root is None else root
        """The whole object read from the file, whose readable fields a malformed one's retrain hint gives."""

    def path(self, key: str) -> str:
        """Return where field *key* is in the file: ``metrics.test.rows`` (*key* itself at the top)."""
        return f"{self.within}.{key}" if self.within else key

    def named(self, key: str) -> str:
        """Return the name of field *key* in the file, quoted as errors show it: ``'metrics.test.rows'``."""
        return repr(self.path(key))

    def error(self, problem: str) -> ModelError:
        """Return the error for *problem* in this object, with the retrain command of what of the file can be read."""
        from taikai.model._salvaged import damaged_hint

        return ModelError(f"{self.source}: malformed model metadata: {problem}; {damaged_hint(self.root)}")

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
        return read(Fields(self.get(key, _object, expected), self.source, self.path(key), self.root))

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
            out.append(read(Fields(item, self.source, within, self.root)))
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
