"""Check a file given to ``add`` (``--add``) before it is read, naming it as given there: an empty one (``Path("")``
would be the current folder), standard input, a pipe, a folder and a missing file are said to be what they are,
as the base data is, and which item of ``add`` it is (:func:`taikai.io.check_given_file`)."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import ADD

_GIVE = "give the labelled files to train on too by their paths"


def check_added_file(item: str | Path, position: int | None) -> None:
    """Raise :class:`InputError` unless *item*, the item of ``add`` at *position* (``None``: ``add`` is that one
    path), is a file to read, naming it as given to ``add``."""
    from taikai.io import check_given_file

    check_given_file(item, ADD, _GIVE, position)
