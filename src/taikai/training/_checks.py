"""What training checks before it starts and says when it ends: the --out directory, data too thin to trust, and
labels of the data the model never learned."""

from __future__ import annotations

import math
import shlex
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._cut import cut_list
from taikai.errors import NO_SENTIMENT, OVERWRITE, Argument, InputError, as_float, check_bool, check_int, wrong_type
from taikai.io import split_column
from taikai.labels import label_list, shown_label
from taikai.model import DEFAULT_THRESHOLD, ModelMetadata, check_model_dir, check_out_given, save_model
from taikai.training._text_keys import text_keys

if TYPE_CHECKING:
    import pandas as pd


ONE_SENTIMENT = "too few examples per sentiment to cross-validate"
"""How the cross-validation scores note that a fold would train on a single sentiment (and why, after a colon)."""
OUT = Argument("out", "--out")
FORCE = OVERWRITE.given(True)
"""What replaces a model in *out*."""


def out_named(out: str | Path) -> str:
    """Return *out* as messages name it: ``out='DIR' (--out on the command line)``."""
    return OUT.given(str(out))


def check_out_dir(out: str | Path, overwrite: bool) -> None:
    """Refuse, before any training, an empty or blank *out*, one that is a file or cannot be created, a directory
    holding a model or other files, and one a save is writing."""
    check_out_given(OUT, out)
    check_model_dir(Path(out), overwrite, out_named(out), force=FORCE)


def save_out(pipeline: Any, meta: ModelMetadata, out: str | Path, overwrite: bool) -> tuple[Path, ModelMetadata]:
    """Save the trained model into *out* (checked by :func:`check_out_dir` before training); return the directory
    and the metadata as written. *out* is checked again once the save holds it: a model another save wrote there
    while this one trained is kept (this one is refused unless *overwrite*)."""
    path, written, _ = save_model(pipeline, meta, out, overwrite, named=out_named(out), force=FORCE, late=True)
    return path, written


MAX_SEED = 2**32 - 1
"""The largest ``seed`` (``--seed``): scikit-learn's random states are 32-bit."""


def check_flags(**flags: object) -> None:
    """Refuse, before anything is read, a flag that is not a bool: ``overwrite='no'`` must not replace a model."""
    for name, value in flags.items():
        check_bool(name, value)


def check_split_options(seed: object, test_size: object) -> None:
    """Refuse, before anything is read, a *seed* outside 0..2**32-1 or a *test_size* that is no share of rows."""
    check_int("seed", seed, 0, MAX_SEED)
    share = as_float(test_size)  # numpy numbers too, not bools
    if share is None:
        raise wrong_type("test_size", test_size, "a number from 0 (hold nothing out) up to, not including, 1")
    if not 0 <= share < 1:
        raise InputError(
            f"{given_test_size(share)}: the share of rows held out for the test must be "
            "from 0 (hold nothing out) up to, not including, 1; the default is 0.2"
        )


ADD_WEIGHT = Argument("add_weight", "--add-weight")


def check_add_weight(add_weight: object) -> float:
    """Return *add_weight* (the sample weight of every added row) as a float; refuse, before anything is read, one
    that is not a real number, or not positive and finite (``nan`` and ``inf`` are no weight a fit can use)."""
    weight = as_float(add_weight)  # numpy numbers too, not bools
    if weight is None:
        raise wrong_type("add_weight", add_weight, "a positive number, such as 1 or 2.5")
    if weight <= 0:
        raise InputError(f"{ADD_WEIGHT.either([add_weight])} must be positive")
    if not math.isfinite(weight):  # nan, inf: no weight a fit can use
        raise InputError(f"{ADD_WEIGHT.either([add_weight])} must be a finite positive number, such as 1 or 2.5")
    return weight


TEST_SIZE = Argument("test_size", "--test-size")


def given_test_size(share: float) -> str:
    """Return a test size as a Python and a command-line user give it, the Python name first (as :class:`Argument`
    says every argument): ``test_size=0.1 (--test-size 0.1 on the command line)``; the share as it is printed
    (``0.1``, not ``np.float64(0.1)``)."""
    return f"{TEST_SIZE.name}={share:g} ({TEST_SIZE.option} {share:g} on the command line)"


def _share(rows: int, of: int, up: bool) -> float:
    """Return the smallest share of *of* rows (*up*) that holds out at least *rows*, or the largest that holds out at
    most *rows*, in two significant digits; scikit-learn holds out ``ceil(share * of)`` rows."""
    bound = (rows - 1 if up else rows) / of
    digits = 1 - math.floor(math.log10(bound))
    unit = 10.0**-digits
    scaled = round(bound / unit, 9)
    units = math.floor(scaled) if up else math.ceil(scaled)
    share = round(units * unit, digits)  # the value as it is printed, and read back from the command line
    while (math.ceil(share * of) < rows) if up else (math.ceil(share * of) > rows):
        units += 1 if up else -1
        share = round(units * unit, digits)
    return share


def held_out_problem(df: pd.DataFrame, test_size: float, text_column: Hashable = "text") -> tuple[str, str] | None:
    """Return why a stratified *test_size* share of *df* cannot be held out, and what to do (the test size that
    works); ``None`` when it can (or the split column decides, or the split is not stratified: a primary reason
    of one row). When texts repeat, the share is drawn of the different texts (``split_frame`` holds out every row
    of a text or none): those are counted."""
    import pandas as pd

    if test_size <= 0 or split_column(df) is not None:
        return None
    reasoned = df[(df["primary"] != "").to_numpy()]  # a row without a reason is never held out: not counted
    first = ~pd.Series(text_keys(reasoned[text_column]), dtype=object).duplicated().to_numpy()
    counts = reasoned["primary"][first].value_counts()
    if len(counts) < 2 or counts.min() < 2:
        return None
    rows, reasons = int(counts.sum()), len(counts)
    test = math.ceil(test_size * rows)  # as scikit-learn counts them
    option = given_test_size(test_size)
    of = (f"the {rows:,} rows" if first.all() else f"the {rows:,} different texts of the {len(reasoned):,} rows") + (
        f" with a reason (the {len(df) - len(reasoned):,} with a sentiment only all train)"
        if len(reasoned) < len(df)
        else ""
    )
    of += "" if first.all() else " (the rows of one text are held out together)"
    unit = "rows" if first.all() else "texts"
    if test < reasons:
        return (
            f"{option} holds out {test:,} of {of}, fewer than their {reasons} primary reasons: the test "
            "rows are drawn stratified, at least one of each reason",
            f"what to do: hold out at least {reasons} {unit} with {given_test_size(_share(reasons, rows, up=True))} "
            f"or more, or train on every row with {given_test_size(0)}",
        )
    if rows - test < reasons:
        return (
            f"{option} holds out {test:,} of {of}, leaving {rows - test:,} to train on, fewer than "
            f"their {reasons} primary reasons: the split is stratified, at least one training row of each reason",
            f"what to do: use {given_test_size(_share(rows - reasons, rows, up=False))} or less",
        )
    return None


def one_label(frame: pd.DataFrame, sentiment_column: Hashable | None) -> tuple[str, str] | None:
    """Return the labels (``reasons`` or ``sentiments``) of which *frame*, every usable row, holds fewer than two
    different ones, and the error saying so; ``None`` when it holds two of each. No split can train a model then."""
    for name, column in (("reasons", "primary"), ("sentiments", sentiment_column)):
        labels = labelled(frame, column)
        if column and labels.nunique() < 2:
            found = label_list(map(str, labels.unique()))
            return name, (
                f"a model needs at least two different {name}, and the {len(frame):,} usable row(s) have "
                + (f"only {found}" if found else "none")
            )
    return None


def labelled(frame: pd.DataFrame, column: Hashable | None) -> pd.Series:
    """Return the labels of *column* of the rows that have one (a row coded with reasons only has sentiment
    ``""``, one coded with a sentiment only has primary ``""``); empty without a column."""
    import pandas as pd

    if not column:
        return pd.Series([], dtype=object)
    values = frame[column]
    return values[values != ""]


SHOWN_LABELS = 10
"""How many labels a warning about rare labels names, the rarest first; it counts the rest, and says where every
label's training rows are (:func:`label_rows`)."""


def _counted(counts: pd.Series, model_dir: str | Path | None) -> str:
    """Return the labels of *counts*, the rarest first, past :data:`SHOWN_LABELS` counted, saying where every one
    is: in the metadata of the model in *model_dir* (``None``: not saved, ``MODEL_DIR``)."""
    ordered = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    named = "MODEL_DIR" if model_dir is None else shlex.quote(str(model_dir))
    where = (
        f"every label's training rows: 'training_data.label_rows' in taikai info -m {named} --json, "
        "model.metadata.training_data in Python"
    )
    return cut_list([f"{shown_label(str(label))} ({n:,})" for label, n in ordered], SHOWN_LABELS, where)


def label_rows(fitted: pd.DataFrame, data: pd.DataFrame, sentiment_column: Hashable | None) -> dict[str, Any]:
    """Return ``training_data.label_rows``: for each label of *data* (every labelled row), how many of the *fitted*
    rows have it (a reason: as their primary reason), the rarest first; a label the model never learned has 0."""
    kinds: dict[str, tuple[Hashable, list[Any]]] = {
        "reasons": ("primary", [x for labels in data["label_set"] for x in labels])
    }
    if sentiment_column is not None:
        kinds["sentiments"] = (sentiment_column, list(labelled(data, sentiment_column)))
    out: dict[str, dict[str, int]] = {}
    for kind, (column, labels) in kinds.items():
        counts = labelled(fitted, column).value_counts()
        rows = {str(label): int(counts.get(label, 0)) for label in dict.fromkeys(labels)}
        out[kind] = dict(sorted(rows.items(), key=lambda kv: (kv[1], kv[0])))
    return {"label_rows": out}


def weak_data_warnings(
    train_df: pd.DataFrame,
    folds: int,
    cv_scores: dict[str, Any],
    sentiment_column: Hashable | None,
    model_dir: str | Path | None = None,
) -> list[str]:
    """Return what the training rows are too thin for: cross-validation, tuned thresholds, a rare label (of many, the
    rarest named, and where every one is: the metadata of the model saved to *model_dir*)."""
    out = []
    reasons = labelled(train_df, "primary").value_counts()
    used = int(cv_scores.get("folds", 0))
    default = f"every reason is added at the default probability {DEFAULT_THRESHOLD}"
    note = str(cv_scores.get("note", ""))
    if folds >= 2 and used == 0 and note.startswith(f"{ONE_SENTIMENT}: "):
        out.append(
            f"cross-validation was skipped: {note.removeprefix(f'{ONE_SENTIMENT}: ')}, and a sentiment head needs "
            f"two. So there are no cv scores and the multi-label thresholds were not tuned: {default}. Add examples "
            f"of these sentiments, or train the reason head alone with {NO_SENTIMENT.given(None)}"
        )
    elif folds >= 2 and used == 0:
        out.append(
            f"cross-validation was skipped: it needs at least 2 training rows of every primary reason, and "
            f"{_counted(reasons[reasons < 2], model_dir)} have fewer. So there are no cv scores and the multi-label "
            f"thresholds were not tuned: {default}. Add examples of these reasons, or merge them into others"
        )
    elif folds >= 2 and used < folds:
        out.append(
            f"cross-validation used {used} folds instead of {folds}: the primary reason(s) "
            f"{_counted(reasons[reasons < folds], model_dir)} have fewer than {folds} training rows"
        )
    elif folds < 2:
        out.append(
            f"{Argument('folds', '--folds').either([folds])}: no cross-validation, so the multi-label thresholds were "
            f"not tuned: {default}"
        )
    if sentiment_column is not None:
        sentiments = labelled(train_df, sentiment_column).value_counts()
        if (sentiments < 2).any():
            out.append(
                f"sentiment(s) {_counted(sentiments[sentiments < 2], model_dir)} have fewer than 2 training rows: "
                "the model can hardly learn them"
            )
    return out


def unlearned_labels(
    df: pd.DataFrame,
    reasons: Sequence[str],
    sentiments: Sequence[str],
    sentiment_column: Hashable | None,
    model_dir: str | Path | None = None,
) -> list[str]:
    """Return what the labels of *df* (every labelled row, train and test) hold that the fitted model lacks:
    reasons never the primary reason of a training row, sentiments of no training row (of many, the rarest named,
    as :func:`weak_data_warnings` names them). The model learns a
    reason only where it comes first, so such a label is one it can never predict, while the test scores it."""
    import pandas as pd

    out = []
    known = set(reasons)
    lost = pd.Series([x for labels in df["label_set"] for x in labels if x not in known], dtype=object)
    if len(lost):
        out.append(
            f"reason(s) {_counted(lost.value_counts(), model_dir)} are in the data but never the primary (first) "
            "reason of a training row, so the model cannot predict them (they are only in the test rows, or only a "
            "further reason): give them training rows where they come first, or merge them into other reasons"
        )
    if sentiment_column is not None:
        labels = df[sentiment_column]
        lost = labels[labels.notna() & (labels != "") & ~labels.isin(set(sentiments))]
        if len(lost):
            out.append(
                f"sentiment(s) {_counted(lost.value_counts(), model_dir)} are in the data but in no training row "
                "(only in the test rows), so the model cannot predict them: give them training rows"
            )
    return out
