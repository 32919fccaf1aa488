"""The retrain command of a model trained in Python with features ``taikai train`` cannot give (a word-vector
table of one's own, ``min_df=1``, character n-grams…): the :func:`taikai.train` call that trains the same kind of
model, where the command line would train the shipped features instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import TYPE_CHECKING

from taikai.errors import InputError
from taikai.model._fields import DATA
from taikai.model._trained_with import FOLDS, TEST_SIZE

if TYPE_CHECKING:
    from taikai.model._retrain import TrainedAs


def python_command(
    meta: TrainedAs, add: Sequence[str] = (), add_weight: float | None = None, data: str = DATA
) -> str | None:
    """Return the :func:`taikai.train` call that retrains the model *meta* describes, ``… in Python``, when the
    command line cannot (:func:`python_arguments`); ``None`` when it can. *add*: the files it was trained on with
    ``add=``, given again with their *add_weight* (``None``: the default); *data*: the file it was trained on, or
    :data:`DATA` when not known."""
    arguments = python_arguments(meta)
    if arguments is None:
        return None
    weight = [f"add_weight={add_weight:g}"] if add and add_weight is not None else []
    return f"{train_call([*arguments, *weight], add, data)} in Python"


def train_call(arguments: Sequence[str], add: Sequence[str] = (), data: str = DATA) -> str:
    """Return the :func:`taikai.train` call of *data* (``DATA.csv`` when not known) into MODEL_DIR with *arguments*
    (:func:`python_arguments`) and the labelled files *add* (``add=[…]``, none when empty)."""
    added = [f"add={list(add)!r}"] if add else []
    return f"taikai.train({data!r}, 'MODEL_DIR', {', '.join([*arguments, *added])})"


def python_arguments(meta: TrainedAs) -> list[str] | None:
    """Return the arguments of the :func:`taikai.train` call that retrains the model *meta* describes when its
    features are none that ``taikai train`` trains (the shipped ones, with ``--vectors chive`` or ``none``): its
    config's settings other than the defaults, and its options (``refit_all``, ``free_labels``, the columns, no
    sentiment, ``seed``, ``mask_pii``, ``folds``, ``test_size``); ``None`` for a model the command line can retrain,
    or whose config cannot be read (the command line's hint then)."""
    from taikai.model._feature_config import FeatureConfig

    if not meta.config.recorded():
        return None
    try:
        config = FeatureConfig.from_dict(meta.config.to_dict())
    except (TypeError, ValueError, InputError):  # a config this taikai does not take: refused with its own hint
        return None
    default = FeatureConfig()
    values = {f.name: getattr(config, f.name) for f in fields(config)}
    changed = {name: value for name, value in values.items() if value != getattr(default, name)}
    if not meta.config.holds("cp932_fold"):  # saved before the fold: retrained, it folds, as every model now does
        changed.pop("cp932_fold", None)
    if changed in ({}, {"vectors": FeatureConfig.shipped().vectors}):
        return None
    settings = ", ".join(f"{name}={value!r}" for name, value in changed.items())
    arguments = [f"config=taikai.FeatureConfig({settings})"]
    arguments += ["refit_all=True"] * meta.refit_on_all_rows + ["free_labels=True"] * meta.free_labels
    columns, no_sentiment = meta.columns, bool(meta.reasons) and not meta.sentiments
    arguments += [f"text_column={columns.text!r}"] * (columns.text != "text")
    arguments += [f"reasons_column={columns.reasons!r}"] * (columns.reasons != "reasons")
    if no_sentiment or columns.sentiment is None:
        arguments.append("sentiment_column=None")
    elif columns.sentiment != "sentiment":
        arguments.append(f"sentiment_column={columns.sentiment!r}")
    arguments += [f"seed={meta.seed}"] * bool(meta.seed) + ["mask_pii=True"] * meta.mask_pii
    return (
        arguments
        + [f"folds={meta.folds}"] * (meta.folds != FOLDS)
        + [f"test_size={meta.test_size:g}"] * (meta.test_size != TEST_SIZE)
    )
