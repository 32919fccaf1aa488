"""Whether an output file is one of the inputs (every command that writes refuses to overwrite what it reads) or a
model's file, and whether an input is a regular file (a pipe cannot be read twice)."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from taikai._command import running_command
from taikai._model_files import MODEL_FILES, holds_model
from taikai.errors import InputError
from taikai.io._extensions import FORMATS, likely_format

STDIN = "-"
"""The input name meaning standard input (never a file that an output could overwrite)."""


_DATA_FILES = "CSV, TSV, JSONL, Parquet or xlsx"
_NOT_FILES = (
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_regular_file(path: Path, fmt: object = None) -> None:
    """Raise :class:`InputError` when *path* is a pipe (``/dev/stdin`` fed by ``|``, a named pipe, ``<(...)``), a
    device or a socket, before anything reads it: taikai reads a data file more than once (its encoding and
    columns first, then the rows; batch resumes by position), which only a regular file allows. A missing path
    passes (the reader names it), and so does a file named ``-``; ``-`` (standard input) where no such file is
    raises, naming the command that runs (:func:`taikai._command.running_command`; ``taikai`` in a Python call).
    *fmt* is the format given (``input_format=``; ``None``: the one *path*'s extension names, if any): the message
    suggests saving to a file of that format (see :func:`taikai.io.likely_format`).
    """
    if str(path) == STDIN and not os.path.lexists(path):  # a file named - in the folder is read as one
        raise _stdin_error(running_command(), fmt)
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    for test, what in _NOT_FILES:
        if test(mode):
            raise InputError(
                f"{path}: is {what}, not a regular file; taikai reads a data file more than once (to detect its "
                f"encoding and columns, then the rows), which {what} does not allow. "
                f"{_save_first(likely_format(path, fmt))}"
            )


def folder_error(path: Path) -> InputError:
    """Return the error for the folder *path* given where a data file is read: a model directory is said to be one
    (it is given with ``--model``), any other folder to hold the files to give."""
    model = _model_folder_error(path)
    if model is not None:
        return model
    return InputError(f"{path}: is a directory, not a file; give a data file in it ({_DATA_FILES})")


def _model_folder_error(path: Path) -> InputError | None:
    """Return the error for the model directory *path* given as data (``None``: it is not one)."""
    if not holds_model(path):
        return None
    held = " and ".join(name for name in MODEL_FILES if (Path(path) / name).is_file())  # not both, when one is gone
    return InputError(
        f"{path}: is a directory, not a file: a model directory (it holds {held}), not "
        f"data; give a data file here ({_DATA_FILES}), and the model, where the command takes one, with model= "
        "(--model DIR on the command line)"
    )


def check_not_stdin(path: object, command: str, fmt: object = None) -> None:
    """Raise :class:`InputError` when *path* is ``-`` (standard input), which *command* (``batch``) does not read:
    it reads a data file more than once, so the data is to be saved to a file (of the format *fmt* given, if any);
    ``predict`` and ``explain`` read standard input."""
    if str(path) == STDIN:
        raise _stdin_error(command, fmt)


def check_not_stream(path: str | os.PathLike[str], command: str, fmt: object = None) -> None:
    """Raise :class:`InputError` when *path*, the data file of *command* (``batch``), is standard input (``-``;
    :func:`check_not_stdin`), a pipe, a device or a socket (:func:`check_regular_file`; *fmt*: the format given), or
    a model directory (said as by :func:`folder_error`: not data, given with ``--model``), reading nothing: what
    both batch engines check of their input before anything else."""
    check_not_stdin(path, command, fmt)
    check_regular_file(Path(path), fmt)
    model = _model_folder_error(Path(path)) if Path(path).is_dir() else None
    if model is not None:
        raise model


def _stdin_error(command: str, fmt: object) -> InputError:
    """The error for ``-`` given as the data file of *command* (``batch``; ``taikai`` for any reader) in the format
    *fmt* given, if any."""
    return InputError(
        f"-: {command} does not read standard input: it reads a data file more than once (to detect its "
        f"encoding and columns, then the rows). {_save_first(likely_format(Path(STDIN), fmt))}; predict and "
        "explain read standard input, one review per line"
    )


def _save_first(fmt: str | None) -> str:
    """Say to save the data to a file of the format *fmt* (``None``: not known) and give that file: taikai tells a
    file's format by its extension, so the name is to say the data's, not one taikai would guess."""
    if fmt is not None:
        return f"Save it to a file first, e.g. cat … > dump.{fmt}, and give that file"
    named = ", ".join(f".{f}" for f in FORMATS[:-1]) + f" or .{FORMATS[-1]}"
    return (
        f"Save it to a file first, named with the extension of its format ({named}: taikai tells the format by it), "
        "e.g. cat … > dump.csv for CSV, and give that file"
    )


def same_path(a: Path, b: Path) -> bool:
    """Return whether *a* and *b* name the same file: after resolving symlinks, ``..`` and relative paths, or
    (both existing) the same inode, so that a hard link or a case-insensitive file system is caught too."""
    a, b = Path(a), Path(b)
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop, an unreadable folder: compare the names as given
        return os.path.abspath(a) == os.path.abspath(b)


def inside(path: Path, folder: Path) -> bool:
    """Return whether *path* lies in *folder* (at any depth), after resolving symlinks and ``..``."""
    try:
        return Path(folder).resolve() in Path(path).resolve().parents
    except (OSError, RuntimeError):
        return False


def model_file(output: Path) -> Path | None:
    """Return the model's file that *output* would replace (``None``: none): *output* (or the file it links to) is
    named ``model.joblib`` or ``metadata.json`` in a directory holding a ``model.joblib``, or is a ``model.joblib``
    beside a ``metadata.json``: a model's files, whichever model a command uses."""
    artifact, metadata = MODEL_FILES
    paths = [Path(output)]
    with contextlib.suppress(OSError, RuntimeError):  # a symlink loop: the name as given
        paths.append(Path(output).resolve())
    for path in paths:
        if path.name in MODEL_FILES and (
            (path.parent / artifact).is_file() or (path.name == artifact and (path.parent / metadata).is_file())
        ):
            return path
    return None


def check_not_input(
    output: Path, inputs: Mapping[str, Path | None], option: str = "", *, folder: bool = False, model: bool = False
) -> None:
    """Raise :class:`InputError` when *output* is one of *inputs* (a description, such as ``"the input"``, per
    path; ``None`` and ``-``, standard input, are skipped), or a file of a model directory (see :func:`model_file`;
    unless *model*: the output is a model's file, which ``train`` writes), before anything is written. An *output*
    of ``-`` is refused too: the command writes a file (or folder), not standard output (``--json -`` means
    standard output where a command takes it, which its callers check first).

    With *folder* (*output* is a folder that the command replaces), an input inside it is refused too. The message
    names *output* (after *option*, such as ``--json``), the input it would overwrite, and what to do.
    """
    named = f"{option} {output}" if option else str(output)
    kind = "folder" if folder else "file"
    if str(output) == STDIN:  # not standard output: the command writes a file (and says so on stderr)
        raise InputError(
            f"{named}: {running_command()} writes a {kind}, not to standard output (- is not read as it here); "
            f"name the {kind} to write"
        )
    for what, path in inputs.items():
        if path is None or str(path) == STDIN:
            continue
        if same_path(output, path):
            raise InputError(f"{named}: the output would overwrite {what}; choose another output {kind}")
        if folder and inside(path, output):
            raise InputError(
                f"{named}: the output folder holds {what} ({path}), which writing it would replace; "
                "choose another output folder"
            )
    replaced = None if model else model_file(output)
    if replaced is not None:
        raise InputError(
            f"{named}: the output would overwrite {replaced}, a file of the model in {replaced.parent}; choose "
            f"another output {kind} (only taikai train writes a model's files)"
        )
