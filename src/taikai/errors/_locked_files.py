"""What to do when the system refuses to replace an output that is there already: on Windows a file open in Excel
is locked (a CSV, a workbook: the labelling sheet being filled in), and renaming a finished output onto it fails with
"Access is denied", which said alone reads as a folder one may not write in."""

from __future__ import annotations

import os


def locked_output(exc: BaseException | None, output: str | os.PathLike[str]) -> bool:
    """Return whether *exc*, the error of writing or renaming onto *output*, is a permission refused on an *output*
    that is there already: the file likely open in Excel (:func:`locked_fix`)."""
    return isinstance(exc, PermissionError) and os.path.isfile(output)


def locked_fix(output: str | os.PathLike[str]) -> str:
    """Return what to do about *output*, there already, that could not be replaced (:func:`locked_output`)."""
    return (
        f"close {os.fspath(output)} if it is open in Excel or another program (on Windows a file open in Excel is "
        "locked and cannot be replaced), or make it writable"
    )
