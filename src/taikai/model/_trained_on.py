"""The base data a model was trained on, for display: the typed record of ``training_data``
(:class:`~taikai.model.TrainingRecord`, the one reader of its keys) with what is not recorded as nothing (0, an
empty tuple) and the counts of the added rows dropped named for display. :meth:`taikai.model.ModelMetadata.trained_on`
returns it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from taikai.model._disagreeing import Disagreeing, LabelCounts
from taikai.model._training_record import TrainingRecord


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _differing(counts: object) -> dict[str, int]:
    if not isinstance(counts, LabelCounts):
        return {}
    return {name: m for name, n in counts.to_dict().items() if (m := _int(n))}


def _places(values: object) -> tuple[str, ...]:
    return tuple(map(str, values)) if isinstance(values, list | tuple) else ()


def _kinds(kinds: object) -> Disagreeing[Any]:
    return kinds if isinstance(kinds, Disagreeing) else Disagreeing()


@dataclass(frozen=True)
class TrainingData:
    """The base data of a model and what became of its rows (``None``: not recorded, as in an older model).

    ``file`` is ``None`` for a data frame; ``rows`` counts the rows used, ``train_rows``/``test_rows`` their split,
    ``skipped_rows`` the unusable rows left out, of the base data and the added files together (``skipped_examples``:
    the first ones, at their ``FILE:LINE``; ``inputs`` counts each file's own). With
    added files, ``disagreeing_duplicates`` counts the dropped added rows whose text DATA holds with other labels
    and ``disagreeing_repeats`` those repeated among the added files; ``duplicates_differing_in`` and
    ``repeats_differing_in`` count, of each, the rows whose ``reasons`` or ``sentiment`` differ;
    ``duplicates_differing_at`` and ``repeats_differing_at`` name the first few of each, ``FILE:LINE (kept:
    FILE:LINE)`` (empty: none, or not recorded). ``reason_rows`` and
    ``sentiment_rows`` count the rows each head was fitted on, of the ``fitted_rows``, recorded when some rows had
    reasons only or a sentiment only (``fitted_rows`` ``None``: as many as ``reason_rows``, an older model's).
    """

    file: str | None = None
    file_sha256: str | None = None
    content_sha256: str | None = None
    rows: int | None = None
    train_rows: int | None = None
    test_rows: int | None = None
    skipped_rows: int = 0
    skipped_examples: tuple[str, ...] = ()
    disagreeing_duplicates: int = 0
    disagreeing_repeats: int = 0
    duplicates_differing_in: dict[str, int] = field(default_factory=dict)
    repeats_differing_in: dict[str, int] = field(default_factory=dict)
    duplicates_differing_at: tuple[str, ...] = ()
    repeats_differing_at: tuple[str, ...] = ()
    reason_rows: int | None = None
    sentiment_rows: int | None = None
    fitted_rows: int | None = None
    __hash__ = None  # type: ignore[assignment]  # dicts of counts: not hashable

    @classmethod
    def from_record(cls, record: TrainingRecord) -> TrainingData:
        """Return the display of *record*, a model's ``training_data``; a missing or mistyped count (in a record
        not checked by loading) reads as not recorded."""
        differing, at = _kinds(record.added_disagreeing_in), _kinds(record.added_disagreeing_at)
        return cls(
            file=None if record.file is None else str(record.file),
            file_sha256=record.file_sha256 or None,
            content_sha256=record.content_sha256 or None,
            rows=_int(record.rows),
            train_rows=_int(record.train_rows),
            test_rows=_int(record.test_rows),
            skipped_rows=_int(record.skipped_rows) or 0,
            skipped_examples=_places(record.skipped_examples),
            disagreeing_duplicates=_int(record.added_disagreeing_duplicates) or 0,
            disagreeing_repeats=_int(record.added_disagreeing_repeats) or 0,
            duplicates_differing_in=_differing(differing.duplicates),
            repeats_differing_in=_differing(differing.repeats),
            duplicates_differing_at=_places(at.duplicates),
            repeats_differing_at=_places(at.repeats),
            reason_rows=_int(record.reason_rows),
            sentiment_rows=_int(record.sentiment_rows),
            fitted_rows=_int(record.fitted_rows),
        )

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> TrainingData:
        """Read the ``training_data`` of a model's metadata (as :meth:`from_record` of its
        :class:`~taikai.model.TrainingRecord`); a missing or mistyped count reads as not recorded."""
        return cls.from_record(TrainingRecord.from_dict(values))
