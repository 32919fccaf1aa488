"""The id column of a table none was given for, found by its name (``review_id``, ``id``, ``回答ID``, ``ID``,
``response_id``: :func:`named_id_columns`) when its values name the rows: the one rule of ``suggest``,
``evaluate``, ``train`` and ``rules test``."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from taikai._warn import warn_user
from taikai.errors import ID_COLUMN, DataWarning
from taikai.io._summary_columns import named_id_columns

if TYPE_CHECKING:
    import pandas as pd

NAMED_BY_LINE = "the rows are named by their file line alone"
"""What becomes of the rows' names when an id-named column is passed over, in a command naming rows by file line."""


def shared_id(df: pd.DataFrame, id_label: Hashable, text_label: Hashable) -> object | None:
    """Return an id *id_label* gives to rows of different texts, else ``None``: the column names rows (a row repeated,
    as two runs concatenated, keeps its id; a blank id names none)."""
    ids = df[id_label]
    repeated = ids.duplicated(keep=False) & ~blank_ids(ids)  # only the rows of an id given twice are paired with texts
    pairs = df.loc[repeated.to_numpy(), [id_label, text_label]].drop_duplicates()
    shared = pairs[id_label][pairs[id_label].duplicated()]
    return shared.iloc[0] if len(shared) else None


def blank_ids(ids: pd.Series) -> pd.Series:
    """Return which of *ids* name no row: a missing value, or a blank cell of a file read as text (``""``)."""
    return ids.isna() | ids.map(lambda value: isinstance(value, str) and not value.strip()).astype(bool)


def id_column_by_name(
    df: pd.DataFrame,
    text_label: Hashable,
    source: str,
    taken_as: str = "the rows' id",
    instead: str = NAMED_BY_LINE,
    among: Sequence[Hashable] | None = None,
) -> Hashable | None:
    """Return the id column of *df* when none was given: the first column named as ids are
    (:func:`named_id_columns`; *among*: those columns of *df* instead, as the one found in another file of
    a run) whose values name the rows (not an empty column, none given to rows of different texts); else ``None``,
    with a :class:`DataWarning` naming an id-named column passed over (a ``user_id`` of users who wrote several
    reviews), *taken_as* what it was not taken as and *instead* what was done. A text column not in *df* (an error
    said later) is no text to tell rows apart by: every column then names none."""
    passed: list[tuple[Hashable, object]] = []
    named = named_id_columns(list(df.columns), text_label) if among is None else among
    for label in named:
        if blank_ids(df[label]).all():  # an empty ID column a sheet left beside the data names nothing
            continue
        if text_label not in df.columns:
            return None
        shared = shared_id(df, label, text_label)
        if shared is None:
            return label
        passed.append((label, shared))
    if passed:
        label, shared = passed[0]
        warn_user(
            f"{source}: its column {str(label)!r} is not taken as {taken_as} ({instead}): it gives one value to rows "
            f"of different texts (e.g. {str(shared)!r}), so it does not name a row; give the column that does as "
            f"{ID_COLUMN}",
            DataWarning,
        )
    return None
