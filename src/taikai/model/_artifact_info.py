"""The ``artifact`` entry of ``metadata.json``: the name, sha256 and size of the model's file, read and checked
against the file before it is hashed and loaded."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.model._fields import Fields, nonnegative_int, text
from taikai.model._retrain import retrain_command

if TYPE_CHECKING:
    from taikai.model._metadata import ModelMetadata

_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class ArtifactInfo:
    """The artifact file beside the metadata: its name, sha256 and size."""

    file: str
    sha256: str
    bytes: int


def read_artifact_info(f: Fields) -> ArtifactInfo:
    """Return the ``artifact`` entry read from *f*; raise :class:`~taikai.errors.ModelError` naming a field of the
    wrong kind. The sha256 is read in either case (Windows' Get-FileHash prints it in capitals), kept in lower case."""
    return ArtifactInfo(
        file=f.get("file", text, 'a file name in quotes, as training wrote it: "model.joblib"'),
        sha256=f.get("sha256", _hex_digest, "the sha256 of model.joblib in quotes: 64 hexadecimal digits"),
        bytes=f.get("bytes", nonnegative_int, "a whole number without quotes: the size of model.joblib in bytes"),
    )


def _hex_digest(value: object) -> str:
    if not isinstance(value, str) or not _HEX_DIGEST.fullmatch(value):
        raise ValueError(value)
    return value.lower()


def recorded_mismatch(
    artifact: Path, metadata: Path, data: bytes, info: ArtifactInfo, meta: ModelMetadata | None = None
) -> str | None:
    """Return why *data*, the bytes of *artifact*, is not the file *info* (read from *metadata*, of the model *meta*
    describes) names or sizes, as a refusal saying what to do (retrain as :func:`retrain_command` says); ``None``
    when name and size agree (the sha256 is then still to be checked)."""
    if info.file == artifact.name and len(data) == info.bytes:  # the usual case: no message, no retrain command
        return None
    retrain = retrain_command(meta)  # reads the training file (changed_base): only for a message
    restore = f"restore {metadata.name} from a copy of the model, or retrain: {retrain}"
    if info.file != artifact.name:
        return (
            f"{metadata}: 'artifact.file' is {info.file!r}, but a model's file is always {artifact.name} beside it, "
            f'the only file taikai loads (was {metadata.name} edited?); set it back to "{artifact.name}", or {restore}'
        )
    if len(data) == info.bytes:
        return None
    if hashlib.sha256(data).hexdigest() == info.sha256:  # the file is the one trained: the size was edited
        return (
            f"{metadata}: 'artifact.bytes' is {info.bytes}, but {artifact.name} has {len(data)} bytes and matches the "
            f"sha256 recorded beside it, so the size was edited; set it back to {len(data)}, or {restore}"
        )
    what = "truncated (an interrupted copy or download?)" if len(data) < info.bytes else "replaced or written to"
    return (
        f"{artifact}: {len(data)} bytes, but {metadata.name} records {info.bytes}: the file was {what} after "
        f"training and will not be loaded (it could run arbitrary code). Copy the model's {artifact.name} again from "
        f"where it came from, or retrain: {retrain}"
    )
