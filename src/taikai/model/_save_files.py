"""Write a model's two files into its directory under the directory's save marker (see
:mod:`taikai.model._save_marker`): each through a temporary file of its own (a name no other save uses) renamed
into place, ``model.joblib`` first; the sha256 that ``metadata.json`` records is that of the bytes this save wrote.
A save holding the marker removes the temporary files that saves killed before renaming them left (their writer's
pid, in their name, is no live process)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from taikai.model._artifact import ARTIFACT_NAME, METADATA_NAME
from taikai.model._artifact_info import ArtifactInfo
from taikai.model._attribute_names import intern_attribute_names
from taikai.model._metadata import ModelMetadata
from taikai.model._save_marker import holding_save


def _temporary(out_dir: Path, name: str) -> Path:
    """Create and return an empty file of *out_dir* for *name*'s bytes, named for this save alone."""
    while True:
        path = out_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:  # pragma: no cover - 32 random bits taken by another save of this pid
            continue
        return path


_TEMPORARY = re.compile(
    rf"\.(?:{re.escape(ARTIFACT_NAME)}|{re.escape(METADATA_NAME)})\.(?P<pid>[1-9][0-9]{{0,9}})\.[0-9a-f]+\.tmp"
)
"""The name :func:`_temporary` gives, with its writer's pid."""


def dirs_made(out_dir: Path) -> tuple[Path, list[Path]]:
    """Return where ``out_dir.mkdir(parents=True)`` ends and the directories it makes, outermost first: the ``..``
    after a directory it makes leads back to the one before (``new/../m``: ``m``, and ``new`` made for the walk)."""
    parts = out_dir.parts
    at = Path(parts[0]) if parts else Path()
    made = [] if at.exists() or at.is_symlink() else [at]
    for part in parts[1:]:
        if part == ".." and at in made:
            at = at.parent
            continue
        at = at / part
        if not at.exists() and not at.is_symlink():  # a dangling link: mkdir refuses it (see check_model_dir)
            made.append(at)
    return at, made


def _alive(pid: int) -> bool:
    """Return whether the process *pid* may be running (``True`` when it cannot be told)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process (PermissionError), or no such pid possible
        return True
    return True


def remove_dead_temporaries(out_dir: Path) -> None:
    """Remove the temporary files of *out_dir* that saves no longer running left (called holding its marker)."""
    with contextlib.suppress(OSError):
        for path in out_dir.iterdir():
            found = _TEMPORARY.fullmatch(path.name)
            if found and not _alive(int(found["pid"])):
                with contextlib.suppress(OSError):
                    path.unlink()


def write_artifact(
    pipeline: Any,
    meta: ModelMetadata,
    out_dir: Path,
    data: bytes | None = None,
    check: Callable[[bool], None] | None = None,
    *,
    named: str = "",
    force: str = "overwrite=True",
    late: bool = False,
) -> tuple[ModelMetadata, bytes]:
    """Write ``model.joblib`` and ``metadata.json`` into *out_dir* (created if need be); return the metadata as
    written and the artifact's bytes. With *data*, ``model.joblib`` is those bytes (an artifact of *pipeline* as it
    was loaded), else *pipeline* pickled. *check* is called once the directory's marker is held, with whether an
    interrupted save left it: it raises to refuse the directory as it is now (nothing is written). *named* and
    *force* name the directory and the way to replace a model in the message refusing a second save at once; *late*:
    the model was trained for *out_dir*, so that message says it is lost."""
    import joblib

    out_dir = Path(out_dir)
    _, made = dirs_made(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    temporary: list[Path] = []
    try:
        with holding_save(out_dir, named or f"directory {out_dir}", force, late=late) as saving:
            if check is not None:
                check(saving.interrupted)
            remove_dead_temporaries(out_dir)
            try:
                artifact = _temporary(out_dir, ARTIFACT_NAME)
                temporary.append(artifact)
                if data is None:
                    intern_attribute_names(pipeline)  # else the bytes depend on what the process unpickled before
                    joblib.dump(pipeline, artifact, compress=3)
                    data = artifact.read_bytes()  # this save's own file: the bytes it wrote
                else:
                    artifact.write_bytes(data)
                meta = meta.with_artifact(ArtifactInfo(ARTIFACT_NAME, hashlib.sha256(data).hexdigest(), len(data)))
                metadata = _temporary(out_dir, METADATA_NAME)
                temporary.append(metadata)
                metadata.write_text(metadata_json(meta), encoding="utf-8")
                saving.touched = True
                os.replace(artifact, out_dir / ARTIFACT_NAME)
                os.replace(metadata, out_dir / METADATA_NAME)
            finally:
                for path in temporary:  # gone once renamed; left by a failure
                    with contextlib.suppress(OSError):
                        path.unlink(missing_ok=True)
    except BaseException:  # refused or failed: the directories made for this save go, when it left them empty
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    return meta, data


def metadata_json(meta: ModelMetadata) -> str:
    """Return the text of ``metadata.json`` for *meta*: its :meth:`~taikai.model.ModelMetadata.to_dict`, indented,
    non-ASCII characters as they are, one newline at the end (metadata read and written back is the bytes read)."""
    return json.dumps(meta.to_dict(), ensure_ascii=False, indent=2) + "\n"


def save_artifact(pipeline: Any, meta: ModelMetadata, out_dir: Path, data: bytes | None = None) -> ModelMetadata:
    """Write ``model.joblib`` and ``metadata.json`` into *out_dir* as :func:`write_artifact` does, whatever the
    directory holds; return the metadata as written."""
    return write_artifact(pipeline, meta, out_dir, data)[0]
