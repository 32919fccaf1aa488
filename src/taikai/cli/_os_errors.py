"""A file the command line could not read or write, said as a user error: which file, the system's reason, and what
to do; an output (or a file written beside one) told from an input."""

from __future__ import annotations

import os
from pathlib import Path


def os_error_message(exc: OSError, outputs: list[Path]) -> str:
    """Say which file could not be read or written, the system's reason, and what to do (no traceback)."""
    name = exc.filename if exc.filename is not None else "a file"
    reason = exc.strerror or str(exc)
    if _is_output(exc.filename, outputs):
        return f"{name}: cannot write ({reason}); check that the folder exists and that you may write there"
    if exc.filename is None:
        return f"cannot read or write a file ({reason}); check the paths, and that you may write to the output's folder"
    return f"{name}: cannot read ({reason}); check the path"


def _is_output(filename: object, outputs: list[Path]) -> bool:
    """Return whether *filename* is one of *outputs*, in one, or a file written beside one and named after it
    (``out.csv.taikai-partial``, ``out.summary.json``, ``.out.csv.123.tmp``)."""
    if not isinstance(filename, (str, os.PathLike)):
        return False
    failed = Path(os.path.abspath(filename))
    for output in outputs:
        written = Path(os.path.abspath(output))
        if failed == written or written in failed.parents:
            return True
        if failed.parent == written.parent and failed.name.lstrip(".").startswith(written.stem + "."):
            return True
    return False
