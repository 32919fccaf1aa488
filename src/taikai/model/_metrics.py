"""The ``metrics`` object of a model's metadata as typed records: :class:`Metrics` (the cross-validation and test
:class:`Scores`, the comparison of added labels and a note), a field per key, named as the key, with the values
as written; :mod:`taikai.model._recorded` checks them when a model is read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from taikai.model._added import AddedComparison
from taikai.model._json_keys import read_keys, written


@dataclass(frozen=True)
class Scores:
    """A set of scores in ``metrics`` (``cv``: cross-validated; ``test``: on the held-out rows), ``None`` where not
    recorded: the scores :data:`~taikai.model._figures.METRIC_NAMES` names, the ``folds`` and ``rows`` scored (and
    of them the ``reason_rows`` and ``sentiment_rows``), a ``note`` and, for the test, the evaluation ``report``
    (:meth:`taikai.evaluation.EvaluationReport.to_dict`). ``keys`` and ``extra``: as :mod:`taikai.model._json_keys`
    says (the keys as written, and those this taikai does not know)."""

    folds: int | None = None
    reason_macro_f1: float | None = None
    reason_accuracy: float | None = None
    reasons_micro_f1: float | None = None
    reasons_macro_f1: float | None = None
    sentiment_macro_f1: float | None = None
    sentiment_accuracy: float | None = None
    rows: int | None = None
    reason_rows: int | None = None
    sentiment_rows: int | None = None
    note: str | None = None
    report: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # the report is an object: not hashable

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready object: the keys read, in their order, then any field set since."""
        return written(self, _SCORES)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> Scores:
        """Return the scores of an object of ``metrics``, its values as they are."""
        return cls(**read_keys(values, _SCORES))

    def numbers(self) -> dict[str, float]:
        """Return the scores and counts that are numbers, by key (as a batch summary records them)."""
        return {
            key: value
            for key, value in self.to_dict().items()
            if isinstance(value, int | float) and not isinstance(value, bool)
        }


@dataclass(frozen=True)
class Metrics:
    """What ``metrics`` in ``metadata.json`` records: the cross-validated scores (``cv``), the scores on the held-out
    test rows (``test``), the comparison of the scores without and with added labels (``added``, read by
    :meth:`~taikai.model.ModelMetadata.added_comparison`) and a ``note``; ``None`` where not recorded. ``keys`` and
    ``extra``: as :mod:`taikai.model._json_keys` says."""

    cv: Scores | None = None
    added: AddedComparison | None = None
    test: Scores | None = None
    note: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # objects of scores: not hashable

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready ``metrics`` object: the keys read, in their order, then any field set since."""
        return written(self, _METRICS, {"cv": Scores.to_dict, "added": AddedComparison.to_dict, "test": Scores.to_dict})

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> Metrics:
        """Return the record of a ``metrics`` object (checked by :func:`~taikai.model._recorded.read_metrics` when a
        model is read)."""
        return cls(**read_keys(values, _METRICS, _READ))

    def scored(self) -> dict[str, Scores]:
        """Return the sets of scores recorded (``cv``, ``test``), by name, in the order written."""
        sets = {"cv": self.cv, "test": self.test}
        return {key: scores for key in self.to_dict() if (scores := sets.get(key)) is not None}


_SCORES = tuple(f.name for f in fields(Scores) if f.name not in ("extra", "keys"))
_METRICS = tuple(f.name for f in fields(Metrics) if f.name not in ("extra", "keys"))
_READ = {"cv": Scores.from_dict, "added": AddedComparison.from_dict, "test": Scores.from_dict}
