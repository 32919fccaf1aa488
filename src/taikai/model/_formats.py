"""The formats of a saved model, and the check of the format metadata records.

Format versions. ``FORMAT_VERSION`` names the layout of ``metadata.json`` together with what the pickled artifact
refers to. Bump it when a model saved by this code would be misread by older code, or the other way round: a field
is renamed, removed or changes meaning, or a class inside the pickle moves to another import path. The procedure:

1. Increment ``FORMAT_VERSION`` and describe the change in ``FORMATS``.
2. Say in ``RETIRED_FORMATS`` why a model of the old version cannot be loaded (and how to get a new one), or, when
   old files can still be read, convert them in :meth:`~taikai.model.ModelMetadata.from_dict`.
3. Retrain the shipped model into another directory (``taikai train data/reviews.csv --out models/refit
   --refit-all``; no model is saved over the shipped one, even with ``--force``), replace ``models/default`` by it
   (``rm -r models/default && mv models/refit models/default``) and regenerate the golden output
   (``python scripts/make_golden.py``); the golden test proves the predictions did not change.
4. Add the old version to the table-driven refusal test in ``tests/model/test_metadata.py`` when retired, or to a
   table-driven test that loads it and checks it predicts as before when still read (format 6:
   ``tests/model/test_formats.py``); the refusal of a later format is tested there too, with the new number.
"""

from __future__ import annotations

from typing import Any

from taikai.errors import ModelError
from taikai.model._fields import TRAIN_COMMAND, shown
from taikai.model._retrain import retrain_hint
from taikai.model._salvaged import salvaged_command

FORMAT_VERSION = 7
"""The model format this code writes (:data:`FORMATS` says what each one holds)."""
FORMATS = {
    1: "taikai 0.1 before the package redesign: the pickle refers to taikai.vectorize and taikai.pipeline",
    2: "the pickle refers to the public paths taikai.text.* and taikai.model.*; metadata as ModelMetadata",
    3: "format 2 plus drift_statistics (DriftStatistics): what taikai drift compares a dump with",
    4: "format 3 plus inputs (InputFile): every training file, base data and added labels, with sha256 and row counts. "
    "Optional additions that older code of this format ignores: training_data.row_hashes (the texts the artifact "
    "was fitted on, versioned by its own 'version', see taikai.model._provenance) and warnings (weak data)",
    5: "format 4 plus word vectors: the pickle may hold taikai.model.WordVectors (reading a vector table by name, "
    "checked by digest) beside the n-grams, and config has vectors and sentiment_class_weight",
    6: "format 5 with each FastTfidfVectorizer's vocabulary_ pickled packed (one string of the n-grams, their "
    "lengths and columns: a model loads several times faster); older code would unpickle it without a vocabulary. "
    "Optional additions that older code of this format ignores: free_labels (reading the labels by their spelling), "
    "training_data.label_rows (each label's training rows), columns (TrainedColumns: the text, reasons and sentiment "
    "columns trained on, written only when not the standard names, which a model without it was trained on). "
    "The code of the CP932 fold before format 7 (2026-12-06) saved format 6 with config.cp932_fold, read as format "
    "7 reads it; format-6 code before it refuses such a model, as if its metadata.json had been edited",
    7: "format 6 with the fold of CP932 look-alikes: config.cp932_fold, which training writes, is the version of the "
    "fold its word tokenizer applies (1: 〜, ～ and ~ one word, − and -…; 0: none), pickled as the "
    "JapaneseTokenizer's cp932_fold; format-6 code would take the setting for an edit of metadata.json (and read 〜 "
    "unfolded). A model of an earlier format, or re-saved from one, that records no cp932_fold folds nothing (0). "
    "A new fold version (cp932_fold 2) needs a new format: this code refuses it as a setting it does not take. "
    "Optional additions that older code of this format ignores: mask_pii (true: the texts were masked before "
    "training, written only then; the retrain commands give --mask-pii again), folds and test_size (the "
    "cross-validation folds and the share held out for the test, written only when not the defaults 5 and 0.2; the "
    "retrain commands give --folds and --test-size again; a model without them was trained with the defaults, or "
    "saved before they were recorded), and inputs[].path (each training file's absolute path, from which the retrain "
    "commands name it relative to the folder they are printed in; without it, as training was given it), and "
    "training_data.id_column and id_found_by_name (the column whose ids named the rows in training's messages, "
    "given or found by its name; written only when there was one: a model without them named rows by file line)",
}
READABLE_FORMATS = (2, 3, 4, 5, 6, FORMAT_VERSION)
"""Formats this code loads; a format-2 model has no drift statistics (``drift`` is ``None``), a model of format
2 or 3 no record of its input files (``inputs`` is empty), a model before format 5 no word vectors (its config
reads as ``vectors=None``); a pickle before format 6 holds each vocabulary as a dict, read as it is; a model before
format 7 that records no ``cp932_fold`` folds nothing (its config reads as ``cp932_fold=0``)."""
RETRAIN_HINT = retrain_hint()
"""What to do when a model was trained with other library versions."""
RETIRED_FORMATS = {
    1: "it was saved before taikai's package redesign and refers to modules that no longer exist; " + RETRAIN_HINT,
}


def check_format(values: object, source: str = "metadata") -> tuple[dict[str, Any], int]:
    """Return *values*, read from *source*, as metadata and its format version, one this code reads; else raise
    :class:`ModelError` saying what it holds, or why its format cannot be loaded and what to do."""
    if not isinstance(values, dict) or "format" not in values:
        held = "an object without 'format'" if isinstance(values, dict) else f"a JSON {_json_kind(values)}"
        raise ModelError(
            f"{source}: not taikai model metadata (it holds other JSON, {held}: was it overwritten?); restore "
            f"metadata.json from a copy of the model, or retrain it: {salvaged_command(values)}"
        )
    version = values["format"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ModelError(
            f"{source}: 'format' is {shown(version)}, but must be a number without quotes, such as "
            f"{FORMAT_VERSION}; correct it, restore metadata.json from a copy, or "
            f"{RETRAIN_HINT.replace(TRAIN_COMMAND, salvaged_command(values))}"
        )
    if version in RETIRED_FORMATS:
        said = RETIRED_FORMATS[version].replace(TRAIN_COMMAND, salvaged_command(values))
        raise ModelError(f"{source}: a model of format {version}{_written_by(values)} cannot be loaded: {said}")
    if version not in READABLE_FORMATS:
        said = _unreadable_format(version, values.get("taikai_version"))
        raise ModelError(f"{source}: {said.replace(TRAIN_COMMAND, salvaged_command(values))}")
    return values, version


def _unreadable_format(version: int, saved_by: object) -> str:
    """Say that this taikai cannot read a model of format *version* (written by taikai *saved_by*, when recorded),
    and what to do: install the taikai that wrote it, naming it; or, when this very version did, restore the file,
    unless the format is a later one, which a later build of this version number writes (update taikai)."""
    refused = f"model format {version!r}, but this taikai reads formats {', '.join(map(str, READABLE_FORMATS))}"
    later = version > FORMAT_VERSION
    if later and saved_by == _installed() and saved_by:  # this version number: a later build of it saved the model
        return (
            f"{refused}: a later build of taikai {saved_by} saved it (its metadata names this one's version, which "
            f"writes format {FORMAT_VERSION}); update taikai to the code that saved the model (if none did, 'format' "
            f"was edited: restore metadata.json from a copy of the model), or {RETRAIN_HINT}"
        )
    if later:
        refused += f": a later taikai saved it (this one writes format {FORMAT_VERSION})"
    if not isinstance(saved_by, str) or not saved_by:
        return f"{refused}; install the taikai that wrote it, or {RETRAIN_HINT}"
    if saved_by == _installed():  # this version writes FORMAT_VERSION: the field was changed
        return (
            f"{refused}, and taikai {saved_by} (this one) wrote the model, in format {FORMAT_VERSION}: 'format' seems "
            f"edited; restore metadata.json from a copy of the model, or {RETRAIN_HINT}"
        )
    return f"{refused}; install taikai {saved_by}, which wrote it (its metadata says so), or {RETRAIN_HINT}"


def _written_by(values: dict[str, Any]) -> str:
    """Say which taikai wrote the model, as its metadata records it (``, written by taikai 0.1.0 (its metadata says
    so),``), or nothing when no version is recorded."""
    saved_by = values.get("taikai_version")
    return f", written by taikai {saved_by} (its metadata says so)," if isinstance(saved_by, str) and saved_by else ""


def _installed() -> str:
    from importlib import metadata

    try:
        return metadata.version("taikai")
    except metadata.PackageNotFoundError:  # a source tree never installed
        return ""


def _json_kind(values: object) -> str:
    """Name the kind of JSON value *values* is (``list``, ``string``, ``number``…)."""
    kinds = ((bool, "true or false"), (list, "list"), (str, "string"), (int, "number"), (float, "number"))
    return next((name for kind, name in kinds if isinstance(values, kind)), "null")
