"""Refuse the arguments of a public function given in the wrong order, or its data given alone, saying what to write.

``taikai.evaluate(model, data)`` takes the model first and ``taikai.check_drift(dump, model)`` the data first; a call
of one written as the other failed deep inside (``a file, not a model directory``; ``missing 1 required positional
argument: 'data'`` when the data was given). :func:`argument_order` wraps such a function: before it runs, each
positional argument is held against the :class:`Role` of its parameter, and one of another role (a Model where the
data goes, a data file, a frame or a text where the model goes) or a required argument left out raises a
``TypeError`` that says how the function is called (its :data:`CALL_ORDERS` entry) and what it was given.

Only calls that would fail anyway are refused (but for a data file named ``.toml``, taken for rules). A
``pathlib.Path`` in the wrong place is no proof on its own (the command line passes its arguments as Paths, and the
function's own error names its options): it is named among what was given once something else (an object, a str,
an argument left out) shows the order is wrong.

It imports nothing of taikai (a model, a frame and rules are told by what they are), so that every package, however
low its layer, and the light ones (``taikai.suggestion`` loads no scikit-learn) use one copy.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath
from typing import ParamSpec, TypeVar

from taikai._cut import quoted
from taikai._keywords import keyword_names, meant, named_keywords, unexpected_keywords
from taikai._model_files import holds_model, names_model_file

P = ParamSpec("P")
R = TypeVar("R")

_TEXT_LIKE = re.compile(r"[\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""What a text has and a model directory's name may have too (``my model``, ``モデル2025``): spaces, or Japanese
letters and punctuation. Such a name is taken for a text only when the call shows it is one (:func:`_texts`)."""
_NOT_IN_A_PATH = re.compile(r"[\n\r\x00]")
_NAME_MAX = 255
"""The longest name of a file or directory, in bytes (a longer part of a path names nothing)."""
_RULES_SUFFIX = ".toml"
_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


class Role(Enum):
    """What a parameter takes, as far as telling a misplaced argument goes."""

    MODEL = "model"
    """A Model, the directory of one, or None: not data, rules or a text."""
    DATA = "data"
    """A data file or frame: not a model, nor rules."""
    RULES = "rules"
    """A rules file or RuleSet: not a model, nor a frame (a file of another name may hold rules)."""
    OTHER = "other"
    """Anything but a model (a text, an output path, a column name)."""


MODEL, DATA, RULES, OTHER = Role.MODEL, Role.DATA, Role.RULES, Role.OTHER


@dataclass(frozen=True)
class CallOrder:
    """How a public function is called: the error reads ``{usage} takes {order}: it was given …; write {write}``;
    *roles* maps its positional parameters to their :class:`Role` (the others are not looked at)."""

    usage: str
    order: str
    write: str
    roles: Mapping[str, Role]


_DEFAULT = "for the default model"
CALL_ORDERS: dict[str, CallOrder] = {
    "evaluate": CallOrder(
        "evaluate(model, data)",
        "the model first, then the data",
        f"evaluate(model, data), or evaluate(None, data) {_DEFAULT}",
        {"model": MODEL, "data": DATA},
    ),
    "explain": CallOrder(
        "explain(model, text)",
        "the model first, then the text",
        f"explain(model, text), or explain(None, text) {_DEFAULT}",
        {"model": MODEL, "text": OTHER},
    ),
    "check_drift": CallOrder(
        "check_drift(dump, model)",
        "the dump first, then the model",
        f"check_drift(dump, model), check_drift(dump) {_DEFAULT}, or check_drift(dump, reference=file) to compare "
        "the dump with another file",
        {"dump": DATA, "model": MODEL, "reference": DATA},
    ),
    "evaluate_rules": CallOrder(
        "evaluate_rules(rules, data, model)",
        "the rules first, then the data, then the model",
        f"evaluate_rules(rules, data, model), or evaluate_rules(rules, data) {_DEFAULT}",
        {"rules": RULES, "data": DATA, "model": MODEL, "text_column": OTHER, "reasons_column": OTHER},
    ),
    "keywords": CallOrder(
        "keywords(model)",
        "a model, and no data",
        f"keywords(model), or keywords() {_DEFAULT} (distinctive_words(predictions) ranks the words of predictions)",
        {"model": MODEL},
    ),
    "classify_file": CallOrder(
        "classify_file(input, output, model=model)",
        "the input file, then the output file, and the model as a keyword",
        f"classify_file(input, output, model=model), or leave model out {_DEFAULT}",
        {"input": DATA, "output": OTHER, "text_column": OTHER},
    ),
    "suggest": CallOrder(
        "suggest(predictions, out)",
        "predictions (a file taikai batch wrote, or a frame of model.predict_frame), not a model",
        "suggest(predictions, out), e.g. suggest(model.predict_frame(frame), out)",
        {"predictions": DATA, "out": OTHER},
    ),
    "distinctive_words": CallOrder(
        "distinctive_words(predictions)",
        "predictions (a frame of model.predict_frame), not a model",
        "distinctive_words(model.predict_frame(frame)) (keywords(model) gives a model's strongest features)",
        {"predictions": DATA, "text_column": OTHER, "label_column": OTHER},
    ),
    "train": CallOrder(
        "train(data, out)",
        "labelled data (a file or frame), then the directory to save the new model in",
        "train(data, out): a model is trained anew on all the labelled rows (add= takes more files)",
        {"data": DATA, "out": OTHER},
    ),
    "build_report": CallOrder(
        "build_report(df, model=model)",
        "the predictions frame first, and the model as a keyword",
        "build_report(df, model=model), or leave model out for the one that made the predictions",
        {"df": DATA, "date_column": OTHER, "by": OTHER, "text_column": OTHER},
    ),
    "write_report": CallOrder(
        "write_report(predictions, out, model=model)",
        "the predictions file, then the page to write, and the model as a keyword",
        "write_report(predictions, out, model=model), or leave model out for the one that made the predictions",
        {"predictions": DATA, "out": OTHER, "encoding": OTHER},
    ),
}
"""The public functions that take a model or data, by name, and how each is called."""


def _is_frame(value: object) -> bool:
    pandas = sys.modules.get("pandas")  # a frame was made with pandas, so it is imported already
    return pandas is not None and isinstance(value, pandas.DataFrame | pandas.Series)


def _is_model(value: object) -> bool:
    """Whether *value* is a Model, or a classifier as :func:`taikai.evaluate` takes (not a frame of such columns)."""
    return not _is_frame(value) and all(hasattr(value, a) for a in ("reason_labels", "classify"))


def _is_rules(value: object) -> bool:
    """Whether *value* is a ``taikai.rules`` object (a RuleSet, a RuleMatcher)."""
    return type(value).__module__.split(".")[:2] == ["taikai", "rules"]


def _is_model_directory(value: object) -> bool:
    return isinstance(value, str | PurePath) and holds_model(value)


def _misplaced(value: object, role: Role, masked: bool = False) -> str | None:
    """Return what *value* is when it does not belong in a parameter of *role* (``a Model``), else ``None``."""
    if role is not MODEL:
        if _is_model(value):
            kind = type(value).__name__
            return "a Model" if kind == "Model" else f"a model ({kind})"
        if role is OTHER:  # no look at the file system: a text or an output path may name anything
            return None
        if _is_model_directory(value):
            return f"a model directory ({str(value)!r})"
    if _is_frame(value) and role is not DATA:
        return f"a {type(value).__name__}"
    if _is_rules(value) and role is not RULES:
        return f"a {type(value).__name__}"
    if not isinstance(value, str | PurePath) or role is RULES:  # rules are read whatever the file's name
        return None
    if os.path.isfile(value):
        if str(value).lower().endswith(_RULES_SUFFIX):
            return f"a rules file ({str(value)!r})"
        named = names_model_file(value)  # a model's file stands for the model
        return None if role is DATA or named else f"a data file ({str(value)!r})"
    if role is MODEL and isinstance(value, str) and _cannot_be_a_path(value):
        return _a_text(value, masked)
    return None


def _a_text(value: str, masked: bool = False) -> str:
    """Say a text given where it does not go: its start quoted, but in a call asked to mask personal data."""
    return "a text" if masked else f"a text ({quoted(value, 20)})"


def _cannot_be_a_path(value: str) -> bool:
    """Whether *value* names no file: it has a line break (or a NUL), or a part longer than a file's name can be."""
    parts = value.split(os.sep)
    return bool(_NOT_IN_A_PATH.search(value)) or any(len(p.encode("utf-8", "surrogatepass")) > _NAME_MAX for p in parts)


def _maybe_a_text(value: object, role: Role | None) -> bool:
    """Whether *value*, given for a model, reads as a text and names nothing: a text, or a model directory that does
    not exist (``モデル2025``), told apart by the rest of the call (:func:`_texts`)."""
    return (
        role is MODEL
        and isinstance(value, str)
        and bool(_TEXT_LIKE.search(value))
        and os.sep not in value
        and not os.path.exists(value)
    )


def _texts(
    roles: list[Role | None], args: tuple[object, ...], missing: list[str], masked: bool = False
) -> dict[int, str]:
    """Return, by position, what to call the arguments of a call that shows a text was given for its model: the
    text (:func:`_maybe_a_text`), and a model directory given in the text's place.

    The call shows it when the model is elsewhere (a Model, or a model directory, in another argument) or when the
    function takes a text and was given none (``explain("手数料が高い")``); otherwise the string is left to the model
    loader, which says that no such model directory exists. A call *masked* (``mask_pii=True``) quotes no text.
    """
    texts = [k for k, (role, value) in enumerate(zip(roles, args)) if _maybe_a_text(value, role)]
    if not texts:
        return {}
    models = {
        k: f"a model directory ({str(value)!r})"
        for k, value in enumerate(args)
        if k not in texts and not _is_model(value) and _is_model_directory(value)
    }
    shown = any(_is_model(value) for k, value in enumerate(args) if k not in texts) or bool(models)
    if not shown and "text" not in missing:
        return {}
    return {k: _a_text(str(args[k]), masked) for k in texts} | {
        k: what for k, what in models.items() if roles[k] is OTHER
    }


def _as_the(name: str) -> str:
    return f"as {name}" if "_" in name or name == "out" else f"as the {name}"


def argument_order(function: Callable[P, R]) -> Callable[P, R]:
    """Return *function* refusing, with a ``TypeError`` that says how it is called (its :data:`CALL_ORDERS` entry),
    a call whose positional arguments do not fit their parameters' roles or that leaves a required one out; a
    keyword it does not take is refused first, naming the one most likely meant (:mod:`taikai._keywords`).

    The function's signature, name and docstring are kept.
    """
    spec = CALL_ORDERS[function.__name__]
    parameters = [p for p in inspect.signature(function).parameters.values() if p.kind in _POSITIONAL]
    names = [p.name for p in parameters]
    if unknown := set(spec.roles) - set(names):
        raise ValueError(f"{function.__name__} has no positional parameter {sorted(unknown)}")
    required = [p.name for p in parameters if p.default is inspect.Parameter.empty]
    roles = [spec.roles.get(name) for name in names]
    keywords = keyword_names(function)  # None: it takes **options, and checks them itself
    accepted = frozenset(keywords or ())
    named = named_keywords(function)

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        if keywords is not None and not accepted.issuperset(kwargs):  # output= for out: said so, not "no out"
            raise unexpected_keywords(function.__qualname__, kwargs, keywords)
        given: list[str] = []
        proof = False
        missing = [name for name in required[len(args) :] if name not in kwargs]
        if keywords is None and (meaning := [k for k in kwargs if k not in named and meant(k, missing)]):
            # write_report(p, output=…) for out: its options take the keyword, and out is left out
            raise unexpected_keywords(function.__name__, meaning, named, f"{', '.join(named)} and its options")
        # a required argument given as None, explain("手数料が高い", None), is as good as left out
        given_as = dict(zip(names, args)) | kwargs
        nones = [name for name in required if name in given_as and given_as[name] is None]
        masked = given_as.get("mask_pii") is True  # a text is not quoted
        texts = _texts(roles, args, missing + nones, masked)
        for k, (name, role, value) in enumerate(zip(names, roles, args)):
            what = texts.get(k) or (None if role is None else _misplaced(value, role, masked))
            if what is not None:
                given.append(f"{what} {_as_the(name)}")
                proof = proof or not isinstance(value, PurePath)
        if texts:
            given += [f"None {_as_the(name)}" for name in nones if spec.roles.get(name) is not MODEL]
        if missing or proof:
            given += [f"no {name}" for name in missing]
            listed = f"{', '.join(given[:-1])} and {given[-1]}" if len(given) > 1 else given[0]
            raise TypeError(f"{spec.usage} takes {spec.order}: it was given {listed}; write {spec.write}")
        return function(*args, **kwargs)

    return checked
