"""The Dask engine's output directory: checked before a run, its parts numbered and the whole moved into place at
the end (it is written into ``OUTPUT.taikai-dask-partial`` first)."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

from taikai.errors import PARTITIONS, DataWarning, InputError
from taikai.io import PARTS_MANIFEST

MANIFEST = PARTS_MANIFEST
PARTIAL = ".taikai-dask-partial"
OLD = ".taikai-old"
"""What an earlier output is renamed to while the new one takes its name (removed at once)."""


def check_output(output: Path) -> None:
    """Refuse an *output* whose folder is missing, or that holds something else than an earlier taikai output."""
    if not output.parent.is_dir():
        raise InputError(f"{output}: the directory {output.parent} does not exist; create it first")
    if output.is_file() or (output.is_dir() and any(output.iterdir()) and not (output / MANIFEST).exists()):
        raise InputError(f"{output}: exists and is not a taikai output directory; choose a new or empty directory")


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
        warnings.warn(
            f"{PARTITIONS.given(asked)}: the input has {sum(rows):,} rows; {asked - len(kept):,} partitions held none "
            f"and were not written, so the output has {len(kept):,} parts",
            DataWarning,
            stacklevel=3,
        )
    return [f"part.{k:05d}{name.suffix}" for k, name in enumerate(kept)]


def _remove(path: Path) -> None:
    """Remove *path*, a folder or a file, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def move_into_place(tmp: Path, output: Path) -> None:
    """Rename the finished *tmp* directory to *output*, replacing an earlier taikai output there; raise
    :class:`InputError` when something else took the name during the run (it is left as it is)."""
    try:
        check_output(output)
    except InputError as exc:
        raise InputError(
            f"{output}: appeared during the run and is not a taikai output directory; it is left as it is and "
            "nothing was written: move it away or choose another output name, then run again"
        ) from exc
    old = output.with_name(output.name + OLD)
    _remove(old)
    if output.exists():
        os.replace(output, old)
    os.replace(tmp, output)
    _remove(old)
