"""Read a model directory's metadata, and load its pipeline only when hash and library versions match (where the
default model is: :mod:`taikai.model._default_model`)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

from taikai._cut import cut_list
from taikai.errors import ModelError, ModelNotFoundError
from taikai.model._artifact_info import recorded_mismatch
from taikai.model._env_named import no_such_directory, says_env
from taikai.model._loaded import metadata_problems, not_a_pipeline, pipeline_described
from taikai.model._metadata import ModelMetadata
from taikai.model._metadata_text import metadata_text
from taikai.model._retrain import retrain_command, retrain_hint
from taikai.model._salvaged import damaged_hint, salvaged_command
from taikai.model._save_marker import SAVING_NAME, Leftover, in_progress, save_state
from taikai.model._versions import check_versions, install_hint

ARTIFACT_NAME = "model.joblib"
"""The pickled pipeline's file name in a model directory."""
METADATA_NAME = "metadata.json"
"""The metadata's file name in a model directory (beside :data:`ARTIFACT_NAME`)."""


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def leftover(model_dir: Path) -> Leftover:
    """Return what *model_dir*, where an interrupted save left its marker, holds: whether ``model.joblib`` is the
    file ``metadata.json`` records (the check loading makes), without unpickling anything."""
    artifact, metadata = model_dir / ARTIFACT_NAME, model_dir / METADATA_NAME
    if not artifact.is_file() or not metadata.is_file():
        return Leftover.INCOMPLETE
    try:
        recorded = json.loads(metadata.read_text(encoding="utf-8-sig"))["artifact"]["sha256"]
        whole = isinstance(recorded, str) and sha256_file(artifact) == recorded.lower()
    except (OSError, ValueError, LookupError, TypeError):  # unreadable, not JSON, or no sha256 recorded
        whole = False
    return Leftover.WHOLE if whole else Leftover.HALF_WRITTEN


_HOLDS = f"the directory of a trained model (holding {ARTIFACT_NAME} and {METADATA_NAME}, as taikai train writes)"


@says_env
def model_directory(path: str | Path) -> Path:
    """Return the model directory *path* names: itself, or the directory of its model.joblib or metadata.json.

    Any other file is refused (``ModelNotFoundError``), named as given.
    """
    path = Path(path)
    if not path.is_file():
        return path
    if path.name in (ARTIFACT_NAME, METADATA_NAME) and any(
        (path.parent / name).is_file() for name in (METADATA_NAME, SAVING_NAME)
    ):
        return path.parent
    raise ModelNotFoundError(f"{path}: a file, not a model directory; give {_HOLDS}{_pickled_hint(path)}")


def _pickled_hint(path: Path) -> str:
    """Return how to read a model the user pickled himself (``joblib.dump(model, "m.joblib")``), for *path* named
    as such a file is, or ``""``: load_model reads only the directory ``Model.save`` writes."""
    if path.suffix.lower() not in (".joblib", ".pkl", ".pickle"):
        return ""
    return (
        f"; a Model written with joblib.dump is read back with joblib.load({str(path)!r}), and one saved with "
        "model.save('my_model') (a directory, read by taikai.load_model('my_model')) keeps its metadata"
    )


@says_env
def read_metadata_json(model_dir: Path) -> Any:
    """Return the JSON values of the metadata file in *model_dir*, whatever its format, or raise :class:`ModelError`.

    The file is UTF-8, read with or without a byte order mark (which some Windows editors add on saving)."""
    model_dir = model_directory(model_dir)
    if not model_dir.exists():
        raise no_such_directory(model_dir, _HOLDS)
    saving = save_state(model_dir)
    if saving is not None:  # checked first: a half-written model's metadata may look whole
        left = Leftover.WHOLE if saving.live else leftover(model_dir)
        if saving.live or left is not Leftover.WHOLE:  # a whole model is loaded, its stale marker left (a reader
            raise ModelError(in_progress(str(model_dir), saving, left=left))  # never writes: see _save_marker)
    path = model_dir / METADATA_NAME
    if not path.exists():
        raise ModelNotFoundError(f"{model_dir}: no {METADATA_NAME}, so not a model directory; {_inside(model_dir)}")
    if not path.is_file():
        raise ModelError(
            f"{path}: {_kind(path)}, not the model's metadata file; put the model's {METADATA_NAME} in its place (copy "
            f"it from a copy of the model), or retrain: {salvaged_command(None)}"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:  # permissions, a network drive gone
        raise ModelError(f"{path}: cannot read ({exc.strerror or exc}); check that you may read it") from exc
    try:
        return json.loads(metadata_text(path, raw))
    except json.JSONDecodeError as exc:
        raise ModelError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); {damaged_hint(None)}"
        ) from exc


def _inside(folder: Path) -> str:
    """Return what to give instead of *folder*: the model directories one level down, or what one holds."""
    try:
        found = sorted(d for d in folder.iterdir() if (d / METADATA_NAME).is_file())
    except OSError:
        found = []
    if not found:
        return f"give {_HOLDS}"
    shown = cut_list(found, 5)
    if len(found) == 1:
        return f"it holds the model directory {shown}: give that"
    return f"it holds the model directories {shown}: give one of them"


@says_env
def read_metadata(model_dir: Path) -> ModelMetadata:
    """Return the metadata of the model in *model_dir*, or raise :class:`ModelError` saying what is wrong."""
    values = read_metadata_json(model_dir)
    return ModelMetadata.from_dict(values, str(model_directory(model_dir) / METADATA_NAME))


def load_artifact(model_dir: Path) -> tuple[Any, ModelMetadata]:
    """Verify and load a model directory; return ``(pipeline, metadata)``.

    Refuses (``ModelError``) when the artifact's sha256 differs from the metadata or when the installed
    libraries differ from those it was trained with: a joblib file is executable code. The bytes that were
    hashed are the bytes that are loaded (read once).
    """
    pipeline, meta, _ = load_verified(model_dir)
    return pipeline, meta


@says_env
def load_verified(model_dir: Path, *, again: bool = True) -> tuple[Any, ModelMetadata, bytes]:
    """Return ``(pipeline, metadata, artifact bytes)`` of a model directory, verified as :func:`load_artifact`
    does: the bytes are those of its ``model.joblib``, which a save of the unchanged pipeline writes again.

    A sha256 that does not match because a save replaced the model between the reads of its two files is no edit:
    the save is said to be writing it, or, *again*, the model it saved is loaded."""
    model_dir = model_directory(model_dir)
    meta = read_metadata(model_dir)
    artifact = model_dir / ARTIFACT_NAME
    absent = _absent(artifact, meta)
    if absent:
        raise ModelError(absent)
    data = artifact.read_bytes()
    mismatch = _hash_mismatch(artifact, data, meta, refusal=True)
    if mismatch and again and read_metadata(model_dir).artifact != meta.artifact:  # raises while a save is live
        return load_verified(model_dir, again=False)
    if mismatch:
        raise ModelError(mismatch)
    problems = check_versions(meta.versions)
    if problems:
        raise ModelError(  # one line, as every error: the command line says it as one, and logs are read by line
            f"{model_dir}: refusing to load a model built with other library versions ({'; '.join(problems)}); "
            f"{install_hint(meta.versions)}, or {retrain_hint(meta)}"
        )
    import joblib

    try:
        pipeline = joblib.load(io.BytesIO(data))
    except Exception as exc:  # a verified pickle that still fails: a class or module this install lacks
        raise ModelError(
            f"{artifact}: cannot be loaded: the file is damaged or refers to code this install lacks ({exc}); "
            f"restore it from a copy, or {retrain_hint(meta)}"
        ) from exc
    held = not_a_pipeline(pipeline)
    if held is not None:
        raise ModelError(
            f"{artifact}: not a taikai model: it holds {held}; give the directory of a model taikai train wrote, "
            f"or retrain: {retrain_command(meta)}"
        )
    try:
        problems = metadata_problems(pipeline, meta)
    except ModelError as exc:  # a config setting this taikai does not support
        raise ModelError(f"{model_dir / METADATA_NAME}: {exc}") from exc
    if problems:
        raise ModelError(
            f"{model_dir / METADATA_NAME}: does not describe the model in {artifact.name} (it was edited after "
            f"training, or is another model's): {'; '.join(problems)}; restore the model's own {METADATA_NAME} from a "
            f"copy, or retrain: {retrain_command(pipeline_described(pipeline, meta))}"
        )
    from taikai.model._vectors import check_tables  # loaded with the pipeline already (numpy, scikit-learn)

    check_tables(pipeline, lambda: retrain_command(meta))  # made only for a message: it reads the training file
    return pipeline, meta, data


_MISSING = (
    f"{ARTIFACT_NAME} is missing beside {METADATA_NAME}; put the model's {ARTIFACT_NAME} back (rename or move it "
    "back, or copy it from a copy of the model), or retrain: "
)


def _kind(path: Path) -> str:
    """Return what *path*, which exists and is not a regular file, is: a directory, or another special file."""
    return "a directory" if path.is_dir() else "not a regular file (a named pipe, socket or device)"


def _absent(artifact: Path, meta: ModelMetadata) -> str | None:
    """Return why there is no artifact file to read at *artifact* (of the model *meta* describes), or ``None``."""
    if not artifact.exists():
        return f"{artifact.parent}: {_MISSING}{retrain_command(meta)}"
    if not artifact.is_file():
        return (
            f"{artifact}: {_kind(artifact)}, not the model's file; put the model's {ARTIFACT_NAME} in its place "
            f"(copy it from a copy of the model), or retrain: {retrain_command(meta)}"
        )
    return None


def _hash_mismatch(artifact: Path, data: bytes, meta: ModelMetadata, refusal: bool = False) -> str | None:
    """Return why *data* (the bytes of *artifact*) is not the artifact *meta* describes (with what to do, if
    *refusal*; a wrong name or size always says it), or ``None``."""
    what, restore = "it", f"the model's own {METADATA_NAME} from a copy"
    if meta.artifact is None:
        said = (
            f"{artifact.parent / METADATA_NAME}: records no sha256 of {ARTIFACT_NAME} (its 'artifact' entry is "
            f"missing), so {ARTIFACT_NAME} cannot be verified"
        )
    elif recorded := recorded_mismatch(artifact, artifact.parent / METADATA_NAME, data, meta.artifact, meta):
        return recorded
    elif (actual := hashlib.sha256(data).hexdigest()) == meta.artifact.sha256:
        return None
    else:
        said = f"{artifact}: sha256 {actual} does not match {meta.artifact.sha256} in {METADATA_NAME}"
        what, restore = "the file was changed after training and", "the original file"
    if not refusal:
        return said
    return f"{said}; {what} will not be loaded (it could run arbitrary code). Restore {restore} or {retrain_hint(meta)}"


def artifact_problems(model_dir: Path, meta: ModelMetadata) -> list[str]:
    """Return why :func:`load_artifact` would refuse the model in *model_dir*, without unpickling anything.

    Empty when the artifact's sha256 matches *meta* and the installed libraries match those it was trained with.
    """
    artifact = model_directory(model_dir) / ARTIFACT_NAME
    absent = _absent(artifact, meta)
    if absent:
        return [absent]
    try:
        data = artifact.read_bytes()
    except OSError as exc:
        return [f"{artifact}: cannot read ({exc.strerror or exc}); restore it from a copy, or {retrain_hint(meta)}"]
    mismatch = _hash_mismatch(artifact, data, meta)
    return ([mismatch] if mismatch else []) + check_versions(meta.versions)
