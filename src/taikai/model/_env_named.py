"""The model the ``TAIKAI_MODEL`` variable names: an error about loading it says so, and how to choose another, since
nothing on the command line (nor in the Python call) named that directory."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from taikai._model_files import holds_model, names_model_file
from taikai.errors import ModelError, ModelNotFoundError, missing_path_hint, unexpanded_home
from taikai.text import empty_or_blank

ENV = "TAIKAI_MODEL"
"""The environment variable that names the default model directory, in place of the shipped model."""
NAMED_BY_ENV = f"(named by {ENV}: set {ENV} to the directory of another model, or unset it to use the shipped model)"
"""What an error about a model that :data:`ENV` chose adds at its end (on its line: every error is one line)."""

P = ParamSpec("P")
R = TypeVar("R")


def named_by_env(path: object) -> bool:
    """Return whether *path* is the model directory :data:`ENV` names (or its ``model.joblib`` or
    ``metadata.json``, whose directory the model is)."""
    env = os.environ.get(ENV)
    if not env or not isinstance(path, str | os.PathLike):
        return False
    named, given = Path(env).resolve(), Path(path).resolve()
    return given == named or (given == named.parent and named.is_file())


def says_env(read: Callable[P, R]) -> Callable[P, R]:
    """Wrap *read*, a function whose first argument is a model directory, so that the :class:`ModelError` it raises
    for the directory :data:`ENV` names ends with :data:`NAMED_BY_ENV` (unless it names the variable already)."""

    @functools.wraps(read)
    def reading(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return read(*args, **kwargs)
        except ModelError as exc:
            path = args[0] if args else next(iter(kwargs.values()), None)
            if ENV not in str(exc) and named_by_env(path):
                exc.args = (f"{exc} {NAMED_BY_ENV}",)  # the same error, its type and cause kept; one line
            raise

    return reading


def default_model() -> str | None:
    """Return what a command without a model uses: the model :data:`ENV` names, or the shipped model; ``None`` when
    :data:`ENV` names nothing usable (no model directory, or blanks), so that such a command would fail too."""
    env = os.environ.get(ENV)
    if not env:
        return "the shipped model"
    return f"the model {ENV} names ({env})" if _usable(env) else None


def _usable(env: str) -> bool:
    """Whether *env* names a model directory, or a model's file (looked at, not loaded)."""
    return holds_model(env) or names_model_file(env)


def or_default(leave_out: str) -> str:
    """Return how an error about a model given ends: ``, or {leave_out} {default}`` when a command without a model
    has one to use (:func:`default_model`; *leave_out* such as ``leave it out to use``), else that :data:`ENV` names
    nothing usable and what to do about it."""
    default = default_model()
    if default is not None:
        return f", or {leave_out} {default}"
    full = unexpanded_env()
    fix = (
        f"set {ENV} to the full path, {full} ({UNEXPANDED})"
        if full
        else f"set {ENV} to the directory of a trained model"
    )
    return (
        f"; {ENV} names nothing usable ({os.environ.get(ENV)!r} is no model directory), so leaving the model out "
        f"would fail too: {fix}, or unset it to use the shipped model"
    )


def unexpanded_env() -> str:
    """Return the full path :data:`ENV` means when it begins with a ``~`` that names no file or folder here
    (:func:`taikai.errors.unexpanded_home`): a shell leaves a quoted one as it is (``TAIKAI_MODEL='~/m'``), and so do
    a ``.env`` file and ``os.environ``; taikai reads the path as it is. Else ``""``."""
    env = os.environ.get(ENV, "")
    return os.path.expanduser(env) if unexpanded_home(env) else ""


UNEXPANDED = "its ~ was not expanded: a shell expands ~ only unquoted; quotes, a .env file and os.environ leave it"
"""Why :data:`ENV` that begins with ``~`` names no directory (:func:`unexpanded_env`)."""


def no_such_directory(model_dir: Path, holds: str) -> ModelNotFoundError:
    """Return the error for a model directory that does not exist, saying where its path came from (*holds*: what
    a model directory holds)."""
    if named_by_env(model_dir):
        full = unexpanded_env()
        fix = f"{UNEXPANDED}; set {ENV} to the full path, {full}" if full else f"set {ENV} to {holds}"
        return ModelNotFoundError(
            f"{model_dir}: no such model directory (named by {ENV}); {fix}, or unset it to use the shipped model"
        )
    meant = missing_path_hint(model_dir)  # the directory likely meant, or the folder missing
    return ModelNotFoundError(
        f"{model_dir}: no such model directory{meant}; give {holds} with --model DIR (load_model(DIR) in Python)"
        + or_default("leave it out (in Python, pass None) to use")
    )


def empty_path_error(path: object) -> ModelNotFoundError:
    """Return the error for a model path given as an empty string (``Path("")`` would be the current directory) or
    a blank one, said to be what it is."""
    return ModelNotFoundError(
        f"model path {str(path)!r} is {empty_or_blank(str(path))}: give the directory of a trained model"
        + or_default("leave it out (None, no --model) for")
    )
