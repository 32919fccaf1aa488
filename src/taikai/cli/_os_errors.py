"""A file the command line could not read or write, said as a user error: which file, the system's reason, and what
to do; an output (or a file written beside one) told from an input."""

from __future__ import annotations

import os
from pathlib import Path

from taikai.errors import locked_fix, locked_output


def os_error_message(exc: OSError, outputs: list[Path]) -> str:
    """Say which file could not be read or written, the system's reason, and what to do (no traceback). A file
    written beside an output (``out.csv.taikai-partial``) is said by the output and its folder: the user never
    named it. An output there already that the system refused to replace is said to be likely open in Excel."""
    name = exc.filename if exc.filename is not None else "a file"
    reason = exc.strerror or str(exc)
    replaced = exc.filename2 if exc.filename2 is not None else exc.filename  # a file renamed onto an output, or it
    if _is_output(replaced, outputs) and locked_output(exc, replaced):  # a sheet open in Excel, on Windows
        return f"{replaced}: cannot replace it ({reason}); {locked_fix(replaced)}"
    output = _written_beside(exc.filename, outputs)
    if output is not None:
        where = f"the current folder ({os.getcwd()})" if output.parent == Path() else str(output.parent)
        return f"{output}: cannot write in its folder, {where} ({reason}); check that it exists and you may write in it"
    if _is_output(exc.filename, outputs):
        return f"{name}: cannot write ({reason}); check that the folder exists and that you may write there"
    if exc.filename is None:
        return f"cannot read or write a file ({reason}); check the paths, and that you may write to the output's folder"
    return f"{name}: cannot read ({reason}); check the path"


def _is_output(filename: object, outputs: list[Path]) -> bool:
    """Return whether *filename* is one of *outputs* or in one (a model's folder)."""
    if not isinstance(filename, (str, os.PathLike)):
        return False
    failed = Path(os.path.abspath(filename))
    return any(failed == (written := Path(os.path.abspath(o))) or written in failed.parents for o in outputs)


def _written_beside(filename: object, outputs: list[Path]) -> Path | None:
    """Return the output of *outputs* that *filename* was written beside, named after it, or in a folder that is
    (``out.csv.taikai-partial``, its ``state.json``, ``out.summary.json``, ``.out.csv.123.tmp``); else ``None``."""
    if not isinstance(filename, (str, os.PathLike)) or _is_output(filename, outputs):
        return None
    failed = Path(os.path.abspath(filename))
    for output in outputs:
        written = Path(os.path.abspath(output))
        for path in (failed, *failed.parents):
            if path.parent == written.parent and path.name.lstrip(".").startswith(written.stem + "."):
                return output
    return None
