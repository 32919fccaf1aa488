"""Split the labelled rows into training and test rows, refusing, with what to do, a split no model can train on."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from taikai._warn import warn_user
from taikai.errors import NO_SENTIMENT, ON_BAD_ROWS, TEXT_COLUMN, DataWarning, InputError
from taikai.io import list_rows, split_column
from taikai.labels import label_list
from taikai.model import TEST_SIZE
from taikai.training._checks import given_test_size, held_out_problem, labelled, one_label
from taikai.training._cv import split_frame

if TYPE_CHECKING:
    import pandas as pd

    from taikai.training._inputs import TrainingInputs

# TEST_SIZE (taikai.model's, which the metadata compares with): the held-out share by default (``--test-size``); any
# other is said to be ignored when DATA has a split column.


def split_rows(
    inputs: TrainingInputs,
    test_size: float,
    seed: int,
    sentiment_column: Hashable | None,
    text_column: Hashable = "text",
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the training rows of DATA, its test rows, and the rows to fit on (the training rows and the added
    ones); raise :class:`InputError`, saying how many rows were usable and what to do, when one label would be
    left alone or the split cannot be made (no row usable, each for its text in *text_column*: to check that
    column)."""
    import pandas as pd

    df = inputs.base
    if test_size != TEST_SIZE and split_column(df) is not None:
        warn_user(
            f"{given_test_size(test_size)} is ignored: {inputs.files[0].file} has a split "
            "column, which decides the train and test rows; drop or rename that column to hold out a share instead",
            DataWarning,
        )
    everything = pd.concat([df, inputs.added], ignore_index=True) if len(inputs.added) else df
    single = one_label(everything, sentiment_column)  # then no split would help
    problem = (single[1], _what_to_do(inputs, False, single[0], text_column=text_column)) if single else None
    problem = problem or held_out_problem(df, test_size, text_column)
    if problem:
        raise InputError(f"{problem[0]}\n{_usable_rows(inputs)}\n{problem[1]}")
    try:
        train_df, test_df = split_frame(df, test_size, seed, text_column)
    except InputError:  # a ValueError too, but said already (a split column's value): not scikit-learn's
        raise
    except ValueError as exc:
        raise InputError(
            f"cannot split {len(df):,} rows into train and test ({exc})\n{_usable_rows(inputs)}\n"
            f"{_what_to_do(inputs, True)}"  # only a share drawn at random (test_size > 0) fails to split
        ) from exc
    if len(test_df) and not (test_df["primary"] != "").any():  # only a split column holds out such rows
        raise InputError(
            f"{inputs.files[0].file}: the {len(test_df):,} test row(s) of its split column have a sentiment only, "
            "but the test scores reasons: it needs test rows with a reason\n"
            f"{_usable_rows(inputs)}\nwhat to do: label the reasons of some test rows (the primary one first), or "
            "mark some rows with a reason test in the split column"
        )
    fit_df = pd.concat([train_df, inputs.added], ignore_index=True) if len(inputs.added) else train_df
    for name, column in (("reasons", "primary"), ("sentiments", sentiment_column)):
        labels = labelled(fit_df, column)  # a row coded with one kind of label only has none of the other to learn
        if column and labels.nunique() < 2:
            found = label_list(map(str, labels.unique()))
            held = "" if not len(test_df) else f"; {len(test_df):,} held out for the test {_test_rows(df, test_size)}"
            raise InputError(
                f"training needs at least two different {name} in the training rows, and its {len(fit_df):,} "
                f"training row(s){_with_label(labels, fit_df, name)} have {'only ' + found if found else 'none'}"
                f"{held}\n{_usable_rows(inputs)}\n"
                f"{_what_to_do(inputs, bool(len(test_df)), name, split_column(df) is not None)}"
            )
    return train_df, test_df, fit_df


def _with_label(labels: pd.Series, frame: pd.DataFrame, name: str) -> str:
    """Say how many rows have a label of *name* when some have none (`` (12 with a sentiment)``)."""
    return f" ({len(labels):,} with a {name[:-1]})" if len(labels) < len(frame) else ""


def _usable_rows(inputs: TrainingInputs) -> str:
    """Say how many rows were read, usable and skipped, listing the first skipped ones at their file line."""
    read = sum(f.rows for f in inputs.files)
    usable = len(inputs.base) + len(inputs.added)
    head = f"rows: {read:,} read, {usable:,} usable, {len(inputs.skipped):,} skipped" + (":" if inputs.skipped else "")
    return "\n".join(list_rows(head, inputs.skipped, f"{ON_BAD_ROWS.either(['error'])} lists every one"))


def _test_rows(df: pd.DataFrame, test_size: float) -> str:
    """Say what held the test rows out: ``(the split column)``, else the test size, ``by test_size=0.2 (…)``."""
    return "(the split column)" if split_column(df) is not None else f"by {given_test_size(test_size)}"


def _what_to_do(
    inputs: TrainingInputs,
    held_out: bool,
    labels: str = "",
    by_split: bool = False,
    text_column: Hashable | None = None,
) -> str:
    """Say how to get enough training rows: more rows (of two *labels*), the skipped rows fixed, and, when rows are
    *held_out* for the test, none held out (those the split column marks, *by_split*, whatever --test-size says, else
    a --test-size share); first, when no row was usable and each was skipped for its text alone (an id or a label
    column named as the texts in *text_column*), to check it."""
    if text_column is not None and _no_text_in(inputs):
        return f"what to do: check that {TEXT_COLUMN.given(text_column)} names the column of the Japanese review texts"
    ways = [f"give more labelled rows (of at least two different {labels})" if labels else "give more labelled rows"]
    if inputs.skipped:
        ways.append("fix the skipped rows")
    if labels == "sentiments":
        ways.append(f"train the reason head alone with {NO_SENTIMENT.given(None)}")
    if held_out and by_split:
        ways.append("mark more rows train in the split column")
    elif held_out:
        ways.append(f"train on every usable row with {given_test_size(0)}")
    return "what to do: " + ", or ".join(ways)


def _no_text_in(inputs: TrainingInputs) -> bool:
    """Return whether no row of *inputs* is usable and every one was skipped for its text alone (not its labels; a
    text's problem may itself hold a ``;``, as that of a URL without Japanese outside it does)."""
    unusable = not len(inputs.base) and not len(inputs.added)
    return unusable and bool(inputs.skipped) and all(row.text_only for row in inputs.skipped)
