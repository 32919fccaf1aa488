"""The paths a Dask input names: a glob's matches, and the files below a folder, each folder read once (a link
back up the tree is not followed round)."""

from __future__ import annotations

import fnmatch
import glob
import os
from pathlib import Path


def is_glob(pattern: str | Path) -> bool:
    """Say whether *pattern* is a glob: it holds a glob character and is no file or folder of that name
    (``reviews[1].csv`` is read as the file, when there is one)."""
    return glob.has_magic(str(pattern)) and not os.path.lexists(pattern)


def fixed_parts(pattern: str | Path) -> int:
    """Return how many leading parts of *pattern* are a folder as named or hold no glob character: those the glob's
    matches repeat (``data[2024]/*.csv`` matches the files of the folder ``data[2024]``)."""
    parts = Path(pattern).parts
    named = next((k for k in range(len(parts), 0, -1) if Path(*parts[:k]).is_dir()), 0)
    return next((k for k, part in enumerate(parts) if k >= named and glob.has_magic(part)), len(parts))


def globbed(pattern: str | Path) -> list[Path]:
    """Return the files the glob *pattern* matches, its fixed part (:func:`fixed_parts`) read as named. A recursive
    glob (``**``) reads each folder once, as a folder given does (:func:`walked`): Python's own would go round a link
    back up the tree (``sub/up -> ..``) until the system stops it, every file found again on each turn."""
    parts = Path(pattern).parts
    fixed = fixed_parts(pattern)
    if "**" in parts[fixed:]:
        found = walked(Path(*parts[:fixed]) if fixed else Path())
        return [p for p in found if _matches(p.parts[fixed:], parts[fixed:])]
    escaped = os.path.join(glob.escape(str(Path(*parts[:fixed]))), *parts[fixed:]) if fixed else str(pattern)
    return [Path(p) for p in glob.glob(escaped, recursive=True) if not Path(p).is_dir()]


def _matches(parts: tuple[str, ...], globs: tuple[str, ...]) -> bool:
    """Say whether the path *parts* match the glob's parts *globs* as :func:`glob.glob` matches them: ``**`` is any
    number of folders, or with nothing after it, of folders and a file; ``*`` matches no name that starts with
    ``.``, nor does ``**``."""
    if not globs or not parts:
        return not parts and all(g == "**" for g in globs)
    hidden = parts[0].startswith(".")
    if globs[0] == "**":
        return _matches(parts, globs[1:]) or (not hidden and _matches(parts[1:], globs))
    said = fnmatch.fnmatchcase(parts[0], globs[0]) and (not hidden or globs[0].startswith("."))
    return said and _matches(parts[1:], globs[1:])


def walked(root: Path) -> list[Path]:
    """Return the files below the folder *root*, those of a linked folder too (as a recursive glob reads them), each
    folder read once: a link back up the tree is not followed round; the folders in name order, so that a folder
    reached two ways is read by the same one on any disk."""
    seen: set[str] = set()
    found: list[Path] = []
    for folder, folders, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            folders.clear()
            continue
        seen.add(real)
        folders.sort()
        found += [Path(folder, name) for name in names]
    return found


def fixed_folder(pattern: str | Path) -> Path:
    """Return the folder *pattern* names, or the part of the glob *pattern* without a glob character."""
    return Path(pattern) if Path(pattern).is_dir() else Path(*Path(pattern).parts[: fixed_parts(pattern)])
