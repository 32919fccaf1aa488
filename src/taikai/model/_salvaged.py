"""The retrain hint of a model whose ``metadata.json`` cannot be loaded: the train options read from what of it can
still be read (word vectors, refit on all rows, the sentiment head, labels of its own, the columns, the folds, the
test share, the seed, the masking), and the options it cannot say, so that following the hint trains the model the
user had, or says where it may not."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from taikai.model._fields import DAMAGED_HINT, TRAIN_COMMAND, nonnegative_int
from taikai.model._recorded_config import RecordedConfig
from taikai.model._retrain import NO_VECTORS, retrain_command, unsaid
from taikai.model._trained_columns import TrainedColumns
from taikai.model._trained_with import FOLDS, TEST_SIZE, share

_UNSAID = {
    "config": NO_VECTORS,
    "labels": "--no-sentiment",
    "refit_on_all_rows": "--refit-all",
    "free_labels": "--free-labels",
    "columns": "the column options (--text-column…)",
    "seed": "--seed",
    "mask_pii": "--mask-pii",
    "folds": "--folds",
    "test_size": "--test-size",
}
"""The options the hint cannot give when the field of the metadata that records them cannot be read."""


def salvaged_command(values: object) -> str:
    """Return the retrain command of the model whose metadata read as *values* (JSON that may be malformed, or
    ``None`` when none could be read): :func:`~taikai.model._retrain.retrain_command` of what can be read, and, for
    each field that cannot, the options it may miss (the command may then train another kind of model)."""
    meta, unread = _Salvaged(), []
    for key, read in _READERS.items():
        try:
            if not isinstance(values, dict):
                raise TypeError(values)
            meta = replace(meta, **read(values.get(key)))
        except (TypeError, ValueError, KeyError):
            unread.append(_UNSAID[key])
    return unsaid(retrain_command(meta), unread)


@dataclass(frozen=True)
class _Salvaged:
    """What of a damaged metadata says how the model was trained (a :class:`~taikai.model.TrainedAs`)."""

    config: RecordedConfig = field(default_factory=RecordedConfig)
    reasons: tuple[str, ...] = ()
    sentiments: tuple[str, ...] = ()
    free_labels: bool = False
    refit_on_all_rows: bool = False
    columns: TrainedColumns = field(default_factory=TrainedColumns)
    folds: int = FOLDS
    test_size: float = TEST_SIZE
    seed: int = 0
    mask_pii: bool = False


def damaged_hint(values: object) -> str:
    """Return what to do with a model whose metadata (read as *values*, ``None`` when unreadable) is damaged:
    :data:`~taikai.model._fields.DAMAGED_HINT` with :func:`salvaged_command`."""
    return DAMAGED_HINT.replace(TRAIN_COMMAND, salvaged_command(values))


def _config(value: object) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise TypeError(value)
    config = RecordedConfig.from_dict(value)
    if "vectors" in config.unread:
        raise TypeError(config.unread["vectors"])
    return {"config": config}


def _labels(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(value)
    reasons, sentiments = value["reasons"], value["sentiments"]
    if not isinstance(reasons, list) or not isinstance(sentiments, list):
        raise TypeError(value)
    return {"reasons": tuple(map(str, reasons)), "sentiments": tuple(map(str, sentiments))}


def _flag(name: str) -> Any:
    def read(value: object) -> dict[str, Any]:
        if value is not None and not isinstance(value, bool):
            raise TypeError(value)
        return {name: bool(value)}

    return read


def _columns(value: object) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError(value)
    text, reasons, sentiment = value["text"], value["reasons"], value.get("sentiment")
    if not isinstance(text, str) or not isinstance(reasons, str) or not isinstance(sentiment, str | None):
        raise TypeError(value)
    return {"columns": TrainedColumns(text, reasons, sentiment)}


def _seed(value: object) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(value)
    return {"seed": value}


def _folds(value: object) -> dict[str, Any]:
    return {} if value is None else {"folds": nonnegative_int(value)}


def _test_size(value: object) -> dict[str, Any]:
    return {} if value is None else {"test_size": share(value)}


_READERS = {
    "config": _config,
    "labels": _labels,
    "refit_on_all_rows": _flag("refit_on_all_rows"),
    "free_labels": _flag("free_labels"),
    "columns": _columns,
    "seed": _seed,
    "mask_pii": _flag("mask_pii"),
    "folds": _folds,
    "test_size": _test_size,
}
