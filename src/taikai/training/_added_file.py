"""Check the files given to ``add`` (``--add``) before they are read, naming each as given there: an empty one
(``Path("")`` would be the current folder), standard input, a pipe, a folder and a missing file are said to be what
they are, as the base data is, and which item of ``add`` it is (:func:`taikai.io.check_given_file`); a file given
again (by the same name, another name or a link) is read once, with a warning."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from taikai._warn import warn_user
from taikai.errors import ADD, ENCODING, DataWarning, named_as

_GIVE = "give the labelled files to train on too by their paths"

Item = TypeVar("Item")


def check_added_file(item: str | Path, position: int | None) -> None:
    """Raise :class:`InputError` unless *item*, the item of ``add`` at *position* (``None``: ``add`` is that one
    path), is a file to read, naming it as given to ``add``."""
    from taikai.io import check_given_file

    check_given_file(item, ADD, _GIVE, position)


def check_added_files(add: Sequence[Item], one: bool) -> list[tuple[int, Item]]:
    """Check every path of *add* (:func:`check_added_file`; *one*: ``add`` was that one path, not a list) and return
    the items of *add* with their positions, each file once: at its last place, where its rows were read before (a
    text repeated in the added files is kept from the last), so that a file given twice trains as given once, and is
    said to be given twice instead of being listed twice, its first copy as duplicates of its second."""
    files: dict[int, tuple[int, int]] = {}  # each path's position in add, and the file it is (device, inode)
    for position, item in enumerate(add):
        if isinstance(item, (str, Path)):
            check_added_file(item, None if one else position)
            status = os.stat(item)
            files[position] = (status.st_dev, status.st_ino)
    last = {file: position for position, file in files.items()}  # each file's last position
    kept: list[tuple[int, Item]] = []
    for position, item in enumerate(add):
        if position in files and (at := last[files[position]]) != position:
            again = " twice" if str(add[at]) == str(item) else f": the same file as {add[at]}, given after it"
            warn_user(f"{item}, given to {ADD}{again}; its rows are read once, where it is given last", DataWarning)
            continue
        kept.append((position, item))
    return kept


def one_encoding(add: object, encoding: str | None) -> AbstractContextManager[None]:
    """Return the block in which the base data and *add* are read: with files to add and an *encoding* given, what
    goes wrong decoding any of them says that the encoding is used for every file (advice to pass the encoding one
    file reads in would stop at a file in another), else nothing changes."""
    several = bool(add) if isinstance(add, (str, Path, list, tuple)) else add is not None
    if encoding is None or not several:
        return nullcontext()
    return named_as((ENCODING, replace(ENCODING, note="used for every file read: the data and each of add=")))
