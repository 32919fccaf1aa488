"""Check a file given to ``add`` (``--add``) before it is read, naming it as given there: an empty one (``Path("")``
would be the current folder), standard input, a pipe, a folder and a missing file are said to be what they are,
as the base data is, and which item of ``add`` it is."""

from __future__ import annotations

import os
from pathlib import Path

from taikai.errors import ADD, InputError

_GIVE = "give the labelled files to train on too by their paths"


def check_added_file(item: str | Path, position: int | None) -> None:
    """Raise :class:`InputError` unless *item*, the item of ``add`` at *position* (``None``: ``add`` is that one
    path), is a file to read, naming it as given to ``add``."""
    from taikai.io import check_regular_file, format_of

    if isinstance(item, str) and not item.strip():
        named = "add" if position is None else f"add[{position}]"
        raise InputError(f"{named} is {'empty' if not item else 'blank'} ({ADD}); {_GIVE}")
    path = Path(item)
    given = f"{item}, given to {ADD}"
    if str(item) == "-" and not os.path.lexists(path):  # standard input; a file named - in the folder is read
        raise InputError(f"{given}: standard input is not read here; {_GIVE}")
    try:
        check_regular_file(path)
        if path.is_dir():
            format_of(path)  # the folder error of every data file read (a model directory said to be one)
    except InputError as error:  # said of the path alone, as of the base data: named as given to add
        raise InputError(f"{given}: {str(error).removeprefix(f'{path}: ')}") from None
    if not os.path.exists(path):
        raise InputError(f"{given}: no such file; {_GIVE}")
