"""Check the paths given to :func:`~taikai.drift.check_drift` before anything is read: an empty ``dump`` or
``reference`` (``Path("")`` would be the current folder) is said to be empty, and a ``reference`` that is standard
input, a pipe, a folder or missing is named as given to ``reference`` (``--reference``), as the dump is named by its
path alone (it is the command's one file argument)."""

from __future__ import annotations

import os
from pathlib import Path

from taikai.errors import Argument, InputError

REFERENCE = Argument("reference", "--reference")
_GIVE_REFERENCE = (
    "give a dump or predictions file to compare with by its path, or leave it out to compare with the model's "
    "training statistics"
)


def check_given_paths(dump: object, reference: object) -> None:
    """Raise :class:`InputError` when *dump* or *reference* is an empty (or blank) string, or *reference* a path
    that is no file to read, naming it as given to ``reference``; frames and ``None`` pass."""
    if isinstance(dump, str) and not dump.strip():
        raise InputError(f"dump is {_empty(dump)}; give the path of a data file (CSV, TSV, JSONL, Parquet or xlsx)")
    if isinstance(reference, str) and not reference.strip():
        raise InputError(f"{REFERENCE} is {_empty(reference)}; {_GIVE_REFERENCE}")
    if isinstance(reference, (str, Path)):
        _check_reference_file(reference)


def _check_reference_file(item: str | Path) -> None:
    """Raise :class:`InputError` unless *item* is a file to read, as the dump is checked, named as given to
    ``reference``: ``-`` (standard input), a pipe or a device, a folder (perhaps a model's) and a missing file."""
    from taikai.io import check_regular_file, format_of

    path = Path(item)
    given = f"{item}, given to {REFERENCE}"
    if str(item) == "-" and not os.path.lexists(path):  # standard input; a file named - in the folder is read
        raise InputError(f"{given}: standard input is not read here; {_GIVE_REFERENCE}")
    try:
        check_regular_file(path)
        if path.is_dir():
            format_of(path)  # the folder error of every data file read (a model directory said to be one)
    except InputError as error:  # said of the path alone, as of the dump: named as given to reference
        raise InputError(f"{given}: {str(error).removeprefix(f'{path}: ')}") from None
    if not os.path.exists(path):
        raise InputError(f"{given}: no such file; {_GIVE_REFERENCE}")


def _empty(value: str) -> str:
    """Return ``empty`` for ``""``, ``blank`` for blanks."""
    return "empty" if not value else "blank"
