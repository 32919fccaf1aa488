"""The ``training_data`` object of a model's metadata as a typed record, :class:`TrainingRecord`: a field per key
training writes, named as the key, with the values as written. :func:`~taikai.model._recorded.read_training_data`
checks them when a model is read; :meth:`~taikai.model.ModelMetadata.trained_on` reads them into a
:class:`~taikai.model.TrainingData` for display."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from taikai.model._disagreeing import Disagreeing, LabelCounts, counts, places
from taikai.model._json_keys import Convert, read_keys, written


@dataclass(frozen=True)
class TrainingRecord:
    """What ``training_data`` in ``metadata.json`` records: the base data and what became of its rows (``None``:
    not recorded, or recorded as null).

    ``file`` and ``file_sha256`` name the base file (none for a data frame), ``content_sha256`` hashes its cells;
    ``rows`` counts its usable rows, ``train_rows``/``test_rows`` their split, ``skipped_rows`` the unusable rows
    left out (``skipped_examples``: the first ones, at their ``FILE:LINE``). With added files, ``added_rows``
    counts theirs and the ``added_disagreeing_*`` keys the added rows dropped for disagreeing with others (by kind,
    :class:`~taikai.model.Disagreeing`: how many differ in which labels, and where the first few are).
    ``row_hashes`` holds the hashes of the texts the pipeline was fitted on (the object as written: read by
    :class:`~taikai.model.RowHashes` when evaluating, which refuses a version this taikai does not read, so that
    the model loads), ``reason_rows``/``sentiment_rows``/``fitted_rows`` the rows each head was fitted on, and
    ``label_rows`` each label's fitted rows (an object of counts by label, by ``reasons`` and ``sentiments``, as
    written: no code reads it, so loading does not check it). ``id_column`` names the column whose ids named the rows
    in training's messages (``id_column`` given, else found by its name: ``id_found_by_name``).

    ``keys`` are the keys as written, in order, and ``extra`` the values of keys this taikai does not know (a later
    taikai of the same format may add some): :meth:`to_dict` writes back what :meth:`from_dict` read, byte for
    byte once dumped, so saving a loaded model does not change its ``metadata.json``; a field set after reading
    (:func:`dataclasses.replace`) is written after those keys.
    """

    file: str | None = None
    file_sha256: str | None = None
    content_sha256: str | None = None
    rows: int | None = None
    skipped_rows: int | None = None
    skipped_examples: tuple[str, ...] | None = None
    added_rows: int | None = None
    added_disagreeing_duplicates: int | None = None
    added_disagreeing_repeats: int | None = None
    added_disagreeing_in: Disagreeing[LabelCounts] | None = None
    added_disagreeing_at: Disagreeing[tuple[str, ...]] | None = None
    train_rows: int | None = None
    test_rows: int | None = None
    row_hashes: Mapping[str, Any] | None = None
    reason_rows: int | None = None
    sentiment_rows: int | None = None
    fitted_rows: int | None = None
    label_rows: Mapping[str, Mapping[str, int]] | None = None
    id_column: str | None = None
    id_found_by_name: bool | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # objects of counts and hashes: not hashable

    def recorded(self) -> bool:
        """Return whether anything is recorded (not for a pipeline fitted by hand)."""
        return bool(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready ``training_data`` object: the keys read, in their order, then any field set since."""
        return written(self, _KNOWN, _WRITE)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> TrainingRecord:
        """Return the record of a ``training_data`` object, its values as they are (checked by
        :func:`~taikai.model._recorded.read_training_data` when a model is read)."""
        return cls(**read_keys(values, _KNOWN, _READ))


_KNOWN = tuple(f.name for f in fields(TrainingRecord) if f.name not in ("extra", "keys"))
"""The keys of ``training_data`` this taikai writes and reads, in the order training writes them."""


def _mapping(read: Convert) -> Convert:
    """Return *read* of an object, for a value that is one (another is kept as it is: checked when a model is read)."""
    return lambda value: read(value) if isinstance(value, Mapping) else value


_READ = {"skipped_examples": tuple, "added_disagreeing_in": _mapping(counts), "added_disagreeing_at": _mapping(places)}
_WRITE: dict[str, Convert] = {
    "skipped_examples": list,
    "added_disagreeing_in": lambda kinds: kinds.to_dict(LabelCounts.to_dict),
    "added_disagreeing_at": lambda kinds: kinds.to_dict(list),
}
