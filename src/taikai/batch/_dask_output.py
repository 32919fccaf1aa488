"""The Dask engine's output directory: checked before a run, its parts numbered and the whole moved into place at
the end (it is written into ``OUTPUT.taikai-dask-partial`` first)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from taikai._warn import warn_user
from taikai.batch._litter import is_litter, listed
from taikai.errors import PARTITIONS, DataWarning, InputError
from taikai.io import PARTS_MANIFEST

MANIFEST = PARTS_MANIFEST
PARTIAL = ".taikai-dask-partial"
OLD = ".taikai-old"
"""What an earlier output is renamed to while the new one takes its name (removed at once)."""


PART = re.compile(r"part\.\d{5,}\.(parquet|csv|tsv|jsonl)")
"""The name of a part the Dask engine writes."""


def _foreign(output: Path) -> list[str]:
    """Return the sorted names of the entries of the folder *output* that are neither its manifest nor a part, nor
    file-manager litter (:func:`is_litter`)."""
    ours = [e for e in output.iterdir() if e.is_file() and (e.name == MANIFEST or PART.fullmatch(e.name))]
    return sorted(e.name for e in output.iterdir() if e not in ours and not is_litter(e.name))


def _them(names: list[str]) -> str:
    return "it" if len(names) == 1 else "them"


def check_output(output: Path) -> None:
    """Refuse an *output* whose folder is missing, that is a file, or that holds something else than an earlier
    taikai output (its manifest and parts alone: the run replaces the whole folder, so that a report, a labelling
    sheet or anything else saved in it would be lost). File-manager litter (:func:`is_litter`) is no refusal: the
    run keeps it (:func:`move_into_place`)."""
    if not output.parent.is_dir():
        raise InputError(f"{output}: the directory {output.parent} does not exist; create it first")
    held = output.is_dir() and any(not is_litter(e.name) for e in output.iterdir())
    if output.is_file() or (held and not (output / MANIFEST).is_file()):
        raise InputError(f"{output}: exists and is not a taikai output directory; choose a new or empty directory")
    foreign = _foreign(output) if output.is_dir() else []
    if foreign:
        raise InputError(
            f"{output}: holds {listed(foreign)} besides an earlier output's manifest and parts, which the run "
            f"would delete with the folder it replaces; move {_them(foreign)} out of the folder, or choose another "
            "output, then run again (nothing was written)"
        )


def keep_parts(tmp: Path, names: list[Path], rows: list[int], asked: int | None) -> list[str]:
    """Number the parts written into *tmp* (those of some row, or the first alone) from 0 and return their names.

    An empty first part goes when another holds rows. A worker killed while writing may have left a temporary
    file (its task was run again): it goes too. With *asked* partitions, warn when some were empty.
    """
    for stray in tmp.glob(".*.tmp"):
        stray.unlink()
    kept = [name for name, n in zip(names, rows, strict=True) if n] or names[:1]
    if kept[0] != names[0]:
        names[0].unlink()
    for k, name in enumerate(kept):  # kept[k] is part k or later: no rename clobbers a part not yet renamed
        name.rename(name.with_name(f"part.{k:05d}{name.suffix}"))
    if asked is not None and len(kept) < asked:
        warn_user(
            f"{PARTITIONS.given(asked)}: the input has {sum(rows):,} rows; {asked - len(kept):,} partitions held none "
            f"and were not written, so the output has {len(kept):,} parts",
            DataWarning,
        )
    return [f"part.{k:05d}{name.suffix}" for k, name in enumerate(kept)]


def remove(path: Path) -> None:
    """Remove *path*, a folder or a file, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def move_into_place(tmp: Path, output: Path) -> None:
    """Rename the finished *tmp* directory to *output*, replacing an earlier taikai output there (its file-manager
    litter copied into the new one: kept); raise :class:`InputError` when something else took the name during the
    run (it is left as it is)."""
    try:
        check_output(output)
    except InputError as exc:
        foreign = _foreign(output) if (output / MANIFEST).is_file() else []
        if foreign:  # saved into the earlier output while the run lived
            raise InputError(
                f"{output}: {listed(foreign)} appeared in it during the run, which replacing it would delete; it is "
                f"left as it is and nothing was written: move {_them(foreign)} out of the folder or choose another "
                "output name, then run again"
            ) from exc
        raise InputError(
            f"{output}: appeared during the run and is not a taikai output directory; it is left as it is and "
            "nothing was written: move it away or choose another output name, then run again"
        ) from exc
    old = output.with_name(output.name + OLD)
    remove(old)
    if output.exists():
        _keep_litter(output, tmp)
        os.replace(output, old)
    os.replace(tmp, output)
    remove(old)


def _keep_litter(output: Path, tmp: Path) -> None:
    """Copy the file-manager litter of the folder *output* (:func:`is_litter`: ``.DS_Store``, ``Thumbs.db``, …)
    into *tmp*, the output that replaces it: copied, not moved, so that a failure to replace leaves it where it was."""
    for entry in output.iterdir():
        if not is_litter(entry.name) or (tmp / entry.name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, tmp / entry.name, symlinks=True)
        else:
            shutil.copy2(entry, tmp / entry.name, follow_symlinks=False)
