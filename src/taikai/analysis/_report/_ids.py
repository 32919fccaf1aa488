"""The id shown beside each review: a frame's named index made a column, and its cells shown as written."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from taikai._warn import warn_user
from taikai.errors import Argument, DataWarning, index_hint
from taikai.model import find_column, predicted_column

if TYPE_CHECKING:
    import pandas as pd


def index_as_column(df: pd.DataFrame, where: str) -> tuple[pd.DataFrame, str | None]:
    """Return *df* with its named index (``df.set_index("review_id")``) as its first columns, and the name of the
    first, the id the review tables (and a suggest sheet) show; a frame with an unnamed index (``0..n-1``) as it
    is, and ``None``.

    A MultiIndex gives every level a column, and the id is its first named level that names each row on its own (no
    value twice: ``review_id`` of ``df.set_index(["platform", "review_id"])``, not the platform, which repeats), else
    its first level. An index that cannot be the id is left as it is, with a :class:`DataWarning` saying what to do:
    one whose first level has no name, or one named like a column of *df* (``status``, ``text``, ``reason``, …),
    which that column would hide. One named like a column a classification adds that *df* lacks
    (``df.set_index("status")``) is that column moved: made a column again, not the id, with a
    :class:`DataWarning`. *where* names the frame.
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        return df, None
    names = list(df.index.names)
    if all(n is None for n in names):
        return df, None
    if names[0] is None:
        warn_user(
            f"{where}: the first level of the index has no name, so no id is shown beside the reviews: name it "
            f'(df.rename_axis(["review_id", ...])) or make the id a column',
            DataWarning,
        )
        return df, None
    taken = [str(n) for n in names if n is not None and n in df.columns]
    if taken or len(set(names)) < len(names):
        clash = taken[0] if taken else str(names[0])
        warn_user(
            f"{where}: the index {clash!r} is not shown as the id beside the reviews: a column (or another level) "
            f'is named {clash!r} too; rename the index (df.rename_axis("review_id")) or make it a column',
            DataWarning,
        )
        return df, None
    level = _naming_level(df.index)
    if predicted_column(names[level]):
        warn_user(
            f"{where}: the index {str(names[level])!r} is not shown as the id beside the reviews: it is a column of "
            f'the predictions, read as that column; give the id as the index (df.set_index("review_id")) or as a '
            "column",
            DataWarning,
        )
        return df.reset_index(), None
    return df.reset_index(), str(names[level])


def refuse_index_levels(df: pd.DataFrame, columns: list[tuple[Argument, Hashable | None]], where: str) -> None:
    """Refuse each column argument of *columns* that names a level of *df*'s index and no column of *df*
    (``df.set_index("posted_at")``, then ``date_column="posted_at"``), as ``reasons_over_time``, ``segment_breakdown``
    and ``check_drift`` refuse it: the error says it is the index and how to make it a column again. The report
    makes a named index columns only to show the id beside the reviews; a predicted column moved there
    (``df.set_index("reason")``) is read as that column, as :func:`index_as_column` says."""
    levels = [name for name in df.index.names if name is not None and not predicted_column(name)]
    for argument, column in columns:
        if column is not None and index_hint([column], levels):  # a column of the same name too is that column
            find_column(df.columns, column, argument, source=where, index=levels)


def _naming_level(index: pd.Index) -> int:
    """Return the position of the level of *index* that is the id: the first named level whose values name each
    row on their own (none repeated), else the first; ``0`` for an index of one level."""
    for level, name in enumerate(index.names if index.nlevels > 1 else ()):
        if name is not None and index.get_level_values(level).is_unique:
            return level
    return 0


def id_cell(value: Any) -> Any:
    """Return an id as written: ``3328``, not ``3,328`` (nor ``3328.0`` in a column with a blank); blank as it is."""
    import pandas as pd

    if value is None or isinstance(value, str) or (not hasattr(value, "__len__") and pd.isna(value)):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value.item() if hasattr(value, "item") else value)
