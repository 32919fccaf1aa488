"""Which output file a batch summary is of: where a run's summary goes (``OUTPUT_STEM.summary.json``), and what
identifies the output it describes (``output_identity``: its size and a hash of its first and last MiB), so that a
summary renamed with its output is still its own, and one beside another file (or a newer output of the same name)
is noticed and not used."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

SUMMARY_SUFFIX = ".summary.json"
"""What replaces the output's suffix in the name of its batch summary (``OUTPUT_STEM.summary.json``)."""
IDENTITY = "output_identity"
_ENDS = 1 << 20


def summary_path(output: Path) -> Path:
    """Return where the summary of a batch run writing *output* goes: ``OUTPUT_STEM.summary.json``; for a path
    without a name of its own (``.``, ``""``: the current folder), as for the folder it names (``/``: in it)."""
    if not output.name:
        output = Path(os.path.abspath(output))
    return output.with_name(output.stem + SUMMARY_SUFFIX) if output.name else output / SUMMARY_SUFFIX.lstrip(".")


def output_identity(output: Path) -> dict[str, object]:
    """Return what identifies the file *output*: its size in bytes and the sha256 of its first and last MiB (two
    MiB read at most, whatever its size)."""
    size = output.stat().st_size
    digest = hashlib.sha256()
    with open(output, "rb") as f:
        digest.update(f.read(_ENDS))
        if size > _ENDS:
            f.seek(max(_ENDS, size - _ENDS))
            digest.update(f.read(_ENDS))
    return {"size": size, "ends_sha256": digest.hexdigest()}


def describes(identity: object, output: Path) -> bool | None:
    """Return whether the file *output* is the one *identity* (a summary's ``output_identity``) identifies;
    ``None`` when the summary has none (written before it was recorded) or it is malformed."""
    if not isinstance(identity, dict) or not isinstance(identity.get("size"), int):
        return None
    try:
        return output.is_file() and output_identity(output) == identity
    except OSError:
        return False


def summary_owner(path: Path) -> Path | None:
    """Return the output file beside the batch summary *path* that it is of: the one its ``output`` field names (as
    given to that run), unless its recorded identity says that file is another now; else, for a summary renamed
    with its output, the file of the summary's name that its identity matches. ``None`` when it says none, is of
    no file there, or cannot be read."""
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        values = json.loads(Path(path).read_text(encoding="utf-8"))
        output, identity = values.get("output"), values.get(IDENTITY)
        if not isinstance(output, str) or not output:
            return None
        named = Path(path).with_name(Path(output).name)
        if describes(identity, named) is not False:
            return named
        stem = Path(path).name[: -len(SUMMARY_SUFFIX)]
        for beside in sorted(Path(path).parent.glob(glob_escape(stem) + ".*")):
            if beside != Path(path) and describes(identity, beside):
                return beside
    return None


def glob_escape(text: str) -> str:
    """Return *text* with the characters :meth:`Path.glob` reads as patterns escaped."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def ignored_summary(path: Path, predictions: Path, values: dict[str, Any]) -> str | None:
    """Return why the summary *path* (its JSON *values*) is not that of *predictions*, or ``None`` when it is."""
    owner = values.get("output")
    owner_name = Path(owner).name if isinstance(owner, str) and owner else None
    fits = describes(values.get(IDENTITY), predictions)
    if fits is None:  # an older summary: it is another's when the output it names is another file, there
        named = path.with_name(owner_name) if owner_name else None
        if named is not None and named.name != predictions.name and named.exists():
            return (
                f"{path}: is the batch summary of {named.name}, not of {predictions.name}; it is not used (its "
                "counts, model and columns are another run's). Rename one of the outputs so that each has its own"
            )
        return None
    if fits:
        return None
    size = values[IDENTITY]["size"]
    other = f"{owner_name} as it was ({size:,} bytes)" if owner_name else f"a file of {size:,} bytes"
    if owner_name == predictions.name:
        other = f"an earlier {owner_name} ({size:,} bytes)"
    return (
        f"{path}: this summary describes {other}, not {predictions.name} as it is now; it is not used (its counts, "
        f"model and columns are another run's). Put the right summary beside {predictions.name} or remove it"
    )
