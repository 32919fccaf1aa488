"""The base data a model was trained on, as its metadata records it (``training_data``), read into one typed
record: :meth:`taikai.model.ModelMetadata.trained_on` returns it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _differing(values: object) -> dict[str, int]:
    if not isinstance(values, Mapping):
        return {}
    return {str(name): n for name, n in values.items() if _int(n)}


def _places(values: object) -> tuple[str, ...]:
    return tuple(map(str, values)) if isinstance(values, list | tuple) else ()


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
    def from_dict(cls, values: Mapping[str, Any]) -> TrainingData:
        """Read the ``training_data`` of a model's metadata; a missing or mistyped count reads as not recorded."""
        differing = values.get("added_disagreeing_in")
        differing = differing if isinstance(differing, Mapping) else {}
        examples = values.get("skipped_examples")
        at = values.get("added_disagreeing_at")
        at = at if isinstance(at, Mapping) else {}
        return cls(
            file=None if values.get("file") is None else str(values["file"]),
            file_sha256=values.get("file_sha256") or None,
            content_sha256=values.get("content_sha256") or None,
            rows=_int(values.get("rows")),
            train_rows=_int(values.get("train_rows")),
            test_rows=_int(values.get("test_rows")),
            skipped_rows=_int(values.get("skipped_rows")) or 0,
            skipped_examples=tuple(map(str, examples)) if isinstance(examples, list | tuple) else (),
            disagreeing_duplicates=_int(values.get("added_disagreeing_duplicates")) or 0,
            disagreeing_repeats=_int(values.get("added_disagreeing_repeats")) or 0,
            duplicates_differing_in=_differing(differing.get("duplicates")),
            repeats_differing_in=_differing(differing.get("repeats")),
            duplicates_differing_at=_places(at.get("duplicates")),
            repeats_differing_at=_places(at.get("repeats")),
            reason_rows=_int(values.get("reason_rows")),
            sentiment_rows=_int(values.get("sentiment_rows")),
            fitted_rows=_int(values.get("fitted_rows")),
        )
