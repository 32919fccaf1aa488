"""The ids a suggestion sheet gives the rows of a frame: its index when that names them (``df.loc`` finds a row by
it), as the report shows it; else row numbers."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from taikai._frame_rows import index_labels
from taikai._warn import warn_user
from taikai.errors import DataWarning

if TYPE_CHECKING:
    import pandas as pd

INDEX_COLUMN = "index"
"""The sheet's id column of a frame whose unnamed index is not its positions (filtered rows, ``df[df.x > 0]``): the
name pandas gives such an index made a column (``df.reset_index()``)."""


def frame_ids(predictions: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """Return *predictions* with the index that names its rows as its first column, and that column's name (the
    sheet's id column), else the frame as it is and ``None`` (row numbers, 1-based).

    A named index is the id (:func:`taikai.analysis.index_as_column`); an unnamed one whose labels are not the rows'
    positions (a filtered frame) too, as ``index``, since the positions would be numbers ``df.loc`` does not find.
    """
    from taikai.analysis import index_as_column

    index = predictions.index
    if index.nlevels == 1 and index.name is None and index_labels(index) is not None:
        if INDEX_COLUMN in predictions.columns:
            warn_user(
                f"<frame>: its index is not shown as the sheet's id (a column named as ids, review_id or 回答ID, is; "
                f"else the rows are numbered from 1): a column is named {INDEX_COLUMN!r} too; name the index "
                '(df.rename_axis("review_id")) or make it a column',
                DataWarning,
            )
            return predictions, None
        predictions = predictions.rename_axis(INDEX_COLUMN)
    return index_as_column(predictions, "<frame>")


def naming_ids(df: pd.DataFrame, id_label: Hashable, text_label: Hashable) -> Hashable | None:
    """Return *id_label*, the column a frame's index was made (:func:`frame_ids`), when its values name the rows:
    none given to rows of different texts (a row repeated, as two runs concatenated, keeps its id); else ``None``
    (rows numbered from 1), with a :class:`DataWarning`: an index of dates (``df.set_index("posted_at")``) or
    platforms gives one id to many reviews, and excluding the sheet later would leave out every one of them."""
    from taikai.io import shared_id

    shared = shared_id(df, id_label, text_label)
    if shared is None:
        return id_label
    warn_user(
        f"<frame>: its index {str(id_label)!r} is not shown as the sheet's id (the rows are numbered from 1 "
        f"instead): it gives one value to rows of different texts (e.g. {str(shared)!r}), so it does not "
        'name a row; give the column that does as id_column= or as the index (df.set_index("review_id"))',
        DataWarning,
    )
    return None


def named_ids(df: pd.DataFrame, text_label: Hashable, source: str) -> Hashable | None:
    """Return the sheet's id column when none was given nor recorded: the first column named as ids are whose values
    name the rows, as ``evaluate``, ``train`` and ``rules test`` find theirs (:func:`taikai.io.id_column_by_name`);
    else ``None`` (rows numbered from 1), with a :class:`DataWarning` naming an id-named column passed over."""
    from taikai.io import id_column_by_name

    return id_column_by_name(df, text_label, source, "the sheet's id", "the rows are numbered from 1 instead")
