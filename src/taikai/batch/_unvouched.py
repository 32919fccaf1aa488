"""What a ``--resume`` cannot tell of the rows an interrupted run saved, because the taikai that saved them did not
record it: how it masked them, the model's settings it used, how it wrote their values. Running it again as it was
cannot help: only starting over does."""

from __future__ import annotations

import json
from typing import Any

from taikai.io import WRITER_VERSION
from taikai.privacy import MASKER_VERSION

SETTINGS = "model settings"
"""The fingerprint's entry of the model's metadata settings that change its outputs (thresholds, ``max_chars``:
:func:`taikai.model.metadata_settings`), outside its artifact's sha256 (the entry ``model``)."""
MASKING = "masking"
"""The fingerprint's entry of the masker's version under ``--mask-pii`` (:data:`taikai.privacy.MASKER_VERSION`;
``None`` without masking): the masked text can change while the taikai version stays."""
WRITER = "writer"
"""The fingerprint's entry of how the output's values are written (:data:`taikai.io.WRITER_VERSION`): a value's
written form can change while the taikai version stays."""
TYPED_INPUTS = ("jsonl", "parquet", "xlsx")
"""The input formats whose values have types (booleans), which writers of other versions write otherwise; a CSV or
TSV input's values are texts, written alike by every version."""


def _masks(fingerprint: dict[str, Any]) -> bool:
    """Say whether the run of *fingerprint* masked personal data (``--mask-pii``)."""
    return _options(fingerprint).get("mask_pii") is True


def _options(fingerprint: dict[str, Any]) -> dict[str, Any]:
    try:
        options = json.loads(str(fingerprint.get("options") or "{}"))
    except ValueError:
        return {}
    return options if isinstance(options, dict) else {}


def unvouched(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Return one phrase (following "an earlier taikai") per thing the fingerprint *old*, saved by an earlier taikai,
    does not record and *new* does, so that no resumed run can tell whether it is still what the saved rows were
    made with: the masker's version of a masked run, the model's settings, and how a typed input's values were
    written (another writer's, too). None can be set back by running it again as it was (with its options, or its
    model), so whatever this run gives (with or without masking, the same model or another) the run is refused, and
    only starting over works: a run continued could mix two kinds of rows while looking whole."""
    unknown = []
    if _masks(old) and old.get(MASKING) is None:
        unknown.append(
            f"whose masking differs from this one's (it recorded no masker version; this taikai's is {new[MASKING]}): "
            "the rows it saved would stay masked as it masked them"
            if new.get(MASKING) is not None
            else f"that masked personal data (--mask-pii) without recording its masker's version (this taikai's is "
            f"{MASKER_VERSION}): the rows it saved were masked as no run of this taikai masks, with --mask-pii or "
            "without"
        )
    if SETTINGS in new and SETTINGS not in old:
        unknown.append(
            "that did not record the model's settings (the reason_thresholds and max_chars of its metadata.json, "
            "outside its artifact's sha256): whether the rows it saved were classified with the settings the model "
            "has now cannot be told"
        )
    written = _writer(old)
    if WRITER in new and written < 2 and _options(old).get("input_format") in TYPED_INPUTS:
        unknown.append(
            f"whose output writer (version 1, which wrote a boolean True/False) writes values otherwise than this "
            f"taikai's (version {WRITER_VERSION}, a boolean true/false): the rows it saved and the rest would be "
            "written two ways in one file"
        )
    if WRITER in new and written < 3 and _options(old).get("on_bad_lines") == "report":
        unknown.append(
            f"whose side file of bad lines (writer version {written}) has no kind column, which this taikai's (version "
            f"{WRITER_VERSION}) writes: the lines it set aside and the rest would be written two ways in one file"
        )
    return unknown


def _writer(fingerprint: dict[str, Any]) -> int:
    """Return the writer version the run of *fingerprint* recorded (1: none recorded, before it was)."""
    try:
        return int(fingerprint.get(WRITER) or 1)
    except (TypeError, ValueError):
        return 1


def other_masker(old: dict[str, Any]) -> str | None:
    """Return the masker's version recorded by the masked run of *old* when it is not this taikai's (its masking
    cannot be repeated), else ``None``."""
    recorded = old.get(MASKING)
    return str(recorded) if _masks(old) and recorded is not None and recorded != str(MASKER_VERSION) else None
