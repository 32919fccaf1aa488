"""What the scripts of scripts/ and the benches of bench/ share to start: the repository's root, which their default
paths are resolved from (so that they run from any directory, as the docs show them), and their errors said on one
line, ``NAME.py: error: …`` with exit status 2 as argparse's own, never as a traceback.

A bench imports it after ``sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

from taikai.errors import TaikaiError

ROOT = Path(__file__).resolve().parents[1]
"""The repository's root: default paths are resolved from it, not from the current directory."""


class ScriptError(Exception):
    """A wrong argument a script found itself, said as its one-line message (what is wrong and what to give)."""


Main = Callable[[list[str] | None], "int | None"]


def check_src(path: str | Path, option: str) -> str:
    """Return *path*, resolved, if it is a ``src`` directory holding a ``taikai`` package (given with *option*:
    another checkout's code to compare with); else raise :class:`ScriptError` saying how to make one."""
    if not (Path(path) / "taikai" / "__init__.py").is_file():
        raise ScriptError(
            f"{option} {path}: no taikai/__init__.py there; give the src directory of another checkout "
            f"(git archive REV src | tar -x -C /tmp/old, then {option} /tmp/old/src)"
        )
    return str(Path(path).resolve())


def check_model(model: str | None) -> None:
    """Raise the library's error (a :class:`TaikaiError`) when *model*, a model directory given to a bench that runs
    it in child processes, is not one, before any dump is made; ``None`` (the shipped model) is left to the library."""
    if model is not None:
        from taikai.model import read_metadata

        read_metadata(Path(model))


def error_message(error: Exception, model_option: str = "--model DIR") -> str:
    """Return the one line that says *error* (a taikai error or a file's OSError) to the user of a script.

    *model_option* is how the script takes a model directory when not as ``--model DIR`` (the library's advice
    names that option of the CLI): a positional ``MODEL_DIR``, or ``--split-model DIR``.
    """
    if isinstance(error, OSError) and error.filename is not None and error.strerror:
        return f"{error.filename}: {error.strerror}"
    return str(error).replace("--model DIR", model_option)


def says_errors(model_option: str = "--model DIR") -> Callable[[Main], Callable[[list[str] | None], int]]:
    """Decorate a script's ``main(argv)`` so that a taikai error, an OSError (a wrong path) or a
    :class:`ScriptError` is said in one line on stderr, ``NAME.py: error: …``, and ``main`` returns 2, instead of
    ending in a traceback."""

    def decorate(main: Main) -> Callable[[list[str] | None], int]:
        name = Path(main.__code__.co_filename).name

        @functools.wraps(main)
        def run(argv: list[str] | None = None) -> int:
            try:
                return main(argv) or 0
            except BrokenPipeError:
                raise  # the reader of standard output went away (``| head``): not a wrong path, as in the CLI
            except (TaikaiError, OSError, ScriptError) as error:
                print(f"{name}: error: {error_message(error, model_option)}", file=sys.stderr)
                return 2

        return run

    return decorate
