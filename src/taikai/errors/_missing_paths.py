"""What to add to ``PATH: no such file``: the name meant, when the folder holds one that differs from it only in case
or width or by a misspelling (``my_review.csv`` for ``my_reviews.csv``), or the same name with another extension
(``dump.xlsx`` for ``dump.csv``); the folder of the path that is not there (``data/sample_dump.csv``, the README's
path, run outside the repository); a path under a ``~`` no shell expanded (:func:`unexpanded_home`)."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

from taikai._column_names import close_name, folded
from taikai.errors._checks import unexpanded_home

LISTED = 10_000
"""Most entries of a folder looked through for the name meant: a folder of a million files is not listed whole for a
message."""


def missing_path_hint(path: object) -> str:
    """Return what to add to the error of *path* (a str or ``os.PathLike``), a file that is not there, after ``no such
    file``: `` (taikai, as Python's open …)`` for a path under an unexpanded ``~``; `` (did you mean
    my_reviews.csv?)`` for a name of its folder that it likely meant (as given: with the folder as written); `` (no
    folder data in /home/me, where taikai runs)`` for a folder of the path that is not there (`` (data is a file, not
    a folder)`` for one that is a file); else ``""``."""
    home = unexpanded_home(path)
    if home or not isinstance(path, str | os.PathLike):
        return home
    text = os.fspath(path)
    if not isinstance(text, str) or not text:
        return ""
    given = Path(text)
    folder = given.parent
    if not folder.is_dir():
        return _missing_folder(given)
    meant = _name_meant(folder, given.name)
    if meant is None:
        return ""
    return f" (did you mean {os.path.join(os.path.dirname(text), meant)}?)"


def _name_meant(folder: Path, name: str) -> str | None:
    """Return the name of an entry of *folder* that *name* most likely meant: the same but for case and width, else the
    one entry of the same stem with another extension, else a close spelling (:func:`close_name`), or ``None``."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in itertools.islice(entries, LISTED)]
    except OSError:
        return None
    names = [n for n in names if n != name and not n.startswith(".")]
    same_but_case = [n for n in names if folded(n) == folded(name)]
    stem = folded(Path(name).stem)
    same_stem = [n for n in names if Path(n).suffix and folded(Path(n).stem) == stem]
    if same_but_case or len(same_stem) == 1:  # My_Reviews.csv, dump.xlsx: surer than a spelling one letter away
        return (same_but_case or same_stem)[0]
    close = close_name(name, names)
    digits = re.compile(r"\d")  # g_3.csv for g_1.csv: another of a numbered series, no misspelling
    return None if close is None or digits.sub("", folded(close)) == digits.sub("", folded(name)) else close


def _missing_folder(given: Path) -> str:
    """Return the hint for *given*, whose folder is not there: the first folder of it that is missing, and where it
    was looked for (the folder taikai runs in, for a relative path), or the one of its folders that is a file."""
    parts = given.parts[:-1]
    for depth in range(1, len(parts) + 1):
        folder = Path(*parts[:depth])
        if folder.is_dir():
            continue
        if folder.exists():
            return f" ({folder} is a file, not a folder)"
        if depth == 1 and not given.is_absolute():
            return f" (no folder {folder} in {Path.cwd()}, where taikai runs)"
        return f" (no folder {folder})"
    return ""
