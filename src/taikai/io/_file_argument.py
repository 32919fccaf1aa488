"""The file argument of a public reader of :mod:`taikai.io`: a path, and a frame refused saying it needs no reading."""

from __future__ import annotations

import os
from enum import Enum

from taikai.errors import wrong_type


class FileKind(Enum):
    """What a reader reads, for its messages: given a frame, the functions that take that frame as it is; given a
    ``.txt`` file, what to do with it (:func:`~taikai.io.format_of`)."""

    TABLE = "a data file (CSV, TSV, JSONL, Parquet or xlsx)"
    PREDICTIONS = "a predictions file"
    DUMP = "a dump or predictions file"
    LABELLED = "a labelled file"
    SUMMARY = "a predictions file (its batch summary is beside it)"
    PARTS = "the Dask engine's output folder"
    PART = "an Arrow chunk file of a batch run"


_FRAME_USES = {
    FileKind.PREDICTIONS: "a frame of predictions (Model.predict_frame's, or one read before) needs no reading: the "
    "functions that take one use it as it is (taikai.suggest, taikai.distinctive_words, "
    "taikai.analysis.reason_distribution, ...)",
    FileKind.LABELLED: "a labelled frame needs no reading: taikai.train, taikai.evaluate and taikai.evaluate_rules "
    "take it as it is",
}
_ANY_FRAME = "a frame needs no reading: the functions that take one use it as it is (Model.predict_frame, ...)"


def check_file(name: str, value: object, kind: FileKind = FileKind.TABLE) -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* is a path (a str or ``os.PathLike``) of a *kind* of
    file; a pandas frame is told that it needs no reading and which functions take it as it is."""
    if isinstance(value, str | os.PathLike):
        return
    error = wrong_type(name, value, f"a str or pathlib.Path of {kind.value}")
    if type(value).__name__ == "DataFrame":  # pandas' or another library's: no import of pandas to tell
        raise TypeError(f"{error}; {_FRAME_USES.get(kind, _ANY_FRAME)}")
    raise error
