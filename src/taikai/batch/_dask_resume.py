"""A Dask run stopped by a malformed record, kept for ``--resume``, as the local engine keeps its saved rows.

The parts of the partitions classified before the bad record (and, with an ``--id-column``, those of any other
partition finished by then) stay in ``OUTPUT.taikai-dask-partial`` with a saved state (:data:`STATE`): what each
finished partition counted, how the input was split into partitions, and the fingerprint of what makes the parts
(the model, the rules, the options, the columns and their types as written, each input file's bytes). Once the
record is fixed in place, ``--resume`` vouches for the parts kept by that fingerprint (the file of the bad record
alone may have changed) and classifies only the partitions left: the output is the one a clean run writes.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import shutil
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path

from taikai._warn import warn_user
from taikai.batch._chunk import ChunkResult, RowProblem
from taikai.batch._counted import CountedRows
from taikai.batch._dask_kept import ListedFile
from taikai.batch._dask_text_files import StoppedAtRecord
from taikai.batch._options import BatchOptions
from taikai.errors import RESUME, DataWarning, InputError
from taikai.io import BadLine, DecodeNote, LineProblem, OutputSpec
from taikai.model import Model, model_sha256
from taikai.rules import RuleSet
from taikai.text import Status

STATE = "state.pickle"
"""The saved state of a Dask run stopped by a bad record, in its partial folder (removed before the folder is
moved into place as the output)."""


@dataclass(frozen=True)
class DaskSaved:
    """What a stopped Dask run kept: its *fingerprint* (see :func:`run_fingerprint`), each input file's path and
    bytes (``SIZE:SHA256``), the file of the bad record (*bad*, which may change), the partitions the input was
    split into (*split*: the ``npartitions`` a repartition was asked for, ``None``: the files' own) and the counts
    of each partition whose part is written (*results*, by partition)."""

    fingerprint: dict[str, str | None]
    files: tuple[tuple[str, str], ...]
    bad: str
    split: int | None
    partitions: int
    results: dict[int, ChunkResult] = field(default_factory=dict)


_STATE_CLASSES = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (DaskSaved, ChunkResult, RowProblem, CountedRows, DecodeNote, Status, BadLine, LineProblem)
}
"""The only classes a saved state may name: a pickle is code, and the folder it lies in may have been written to."""


class _StateUnpickler(pickle.Unpickler):
    """An unpickler that builds a :class:`DaskSaved` of plain values and refuses every other global (a function,
    a class of anything else): an edited state is refused, not run."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) in _STATE_CLASSES:
            return _STATE_CLASSES[module, name]
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a saved state")


def run_fingerprint(
    spec: OutputSpec, model: Model, ruleset: RuleSet | None, options: BatchOptions, rules_mode: object
) -> dict[str, str | None]:
    """Return what makes the parts of a run what they are, each named as a refused ``--resume`` names it."""
    assert spec.schema is not None
    columns = hashlib.sha256(spec.schema.serialize().to_pybytes()).hexdigest()
    return {
        "taikai": importlib_metadata.version("taikai"),
        "model": model_sha256(model),
        "rules": None if ruleset is None else f"{ruleset.digest()} {rules_mode}",
        "output columns and types": f"{spec.fmt} {spec.encoding} {spec.escape} {columns}",
        "options": repr(
            (
                options.text_column,
                options.id_column,
                options.prefix,
                options.mask_pii,
                options.excel_safe,
                options.encoding,
                options.encoding_errors,
                options.input_format,
                options.partitions,
            )
        ),
    }


def file_bytes(listed: list[ListedFile]) -> tuple[tuple[str, str], ...]:
    """Return each listed file's path and bytes (its size and SHA-256: not its time, which a copy changes)."""
    return tuple((str(f.path), f"{f.fingerprint.split(':')[0]}:{f.fingerprint.rsplit(':', 1)[-1]}") for f in listed)


def open_saved(tmp: Path, output: Path, resume: bool) -> DaskSaved | None:
    """Return the state a stopped run of *output* kept in its partial folder *tmp*, with ``--resume`` (*resume*);
    refuse a run without it when one is kept (a run of hours, one line short: not thrown away unasked); say that a
    ``--resume`` found none (every row is classified)."""
    path = tmp / STATE
    if not path.is_file():
        if resume:
            warn_user(
                f"{RESUME.given(True)}: {tmp} holds no stopped run of {output}; every row is classified", DataWarning
            )
        return None
    if not resume:
        raise InputError(
            f"{tmp} holds a run of {output} that a malformed record stopped, its finished partitions kept; fix the "
            f"record and run it again with {RESUME.given(True)} to classify only the partitions left, or delete that "
            "directory to start over (nothing was written)"
        )
    try:
        saved = _StateUnpickler(io.BytesIO(path.read_bytes())).load()
        if not isinstance(saved, DaskSaved):
            raise TypeError(type(saved).__name__)
    except Exception as exc:  # damaged or edited
        raise InputError(
            f"{path}: not a state a taikai run saved, so its partitions cannot be resumed ({type(exc).__name__}); "
            f"delete {tmp} and run it again without {RESUME.given(True)} to start over"
        ) from None
    return saved


def check_saved(
    saved: DaskSaved,
    fingerprint: dict[str, str | None],
    files: tuple[tuple[str, str], ...],
    tmp: Path,
    output: Path,
    partitions: int,
) -> None:
    """Refuse (:class:`InputError`) to resume *saved* when the run would not write the parts it kept: another
    *fingerprint*, other input files, a file changed besides the one of the bad record, or the input split into
    other *partitions*."""
    kept = f"the parts kept in {tmp} are left as they are"
    changed = [name for name, value in fingerprint.items() if saved.fingerprint.get(name) != value]
    if partitions != saved.partitions:
        changed.append("partitions")
    if changed:
        raise InputError(
            f"cannot resume {output}: the {', '.join(changed)} differ from the stopped run's, so the parts it kept "
            f"are not those this run would write; {kept}: run the same command as the stopped run, or delete {tmp} "
            f"and run it again without {RESUME.given(True)} to start over"
        )
    if [name for name, _ in files] != [name for name, _ in saved.files]:
        raise InputError(
            f"cannot resume {output}: the input's files are not those of the stopped run (a file added, removed or "
            f"renamed); {kept}: put them back as they were, or delete {tmp} and run it again without "
            f"{RESUME.given(True)} to start over"
        )
    edited = [
        name for (name, now), (_, was) in zip(files, saved.files, strict=True) if now != was and name != saved.bad
    ]
    if edited:
        raise InputError(
            f"cannot resume {output}: {edited[0]} changed since the stopped run (only {saved.bad}, whose record "
            f"stopped it, may be fixed); {kept}: put it back as it was, or delete {tmp} and run it again without "
            f"{RESUME.given(True)} to start over"
        )


def keep(tmp: Path, saved: DaskSaved) -> None:
    """Save *saved* into the partial folder *tmp* (through a file renamed into place)."""
    path = tmp / STATE
    written = path.with_name(f".{STATE}.tmp")
    written.write_bytes(pickle.dumps(saved))
    written.replace(path)


def kept_error(stop: StoppedAtRecord, saved: DaskSaved, tmp: Path, set_aside: str) -> InputError:
    """Return the error of a run stopped by *stop* that kept the finished partitions of *saved* in *tmp*;
    *set_aside*: the option that sets such records aside instead (the partitions kept hold none: each stops at its
    first, the resumed run sets them all aside)."""
    rows, done = sum(r.rows for r in saved.results.values()), len(saved.results)
    return InputError(
        f"{stop.head}; the {rows:,} rows of the {done:,} partitions classified (of {saved.partitions:,}) are kept in "
        f"{tmp}: fix it in place and run the same command again with {RESUME.given(True)} to classify only the "
        f"partitions left; or resume it so, adding {set_aside}, to set such lines aside instead (the partitions kept "
        "hold none)"
    )


def discard(tmp: Path) -> None:
    """Remove the partial folder *tmp*, kept or not."""
    shutil.rmtree(tmp, ignore_errors=True)
