"""The columns of a frame whose columns are a MultiIndex (``('review', 'text')``), as
:meth:`~taikai.Model.predict_frame` reads and extends it: the text column named by its tuple, and the model's
columns added as ``('reason', '')``, as pandas adds ``df['reason'] = …`` (``out['reason']`` is then the column)."""

from __future__ import annotations

import copy
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from taikai.errors import Argument

if TYPE_CHECKING:
    import pandas as pd


def _levels(columns: Sequence[Hashable]) -> int:
    """Return how many levels *columns* have: the length of their labels when all are tuples of one length, else 1."""
    sizes = {len(c) if isinstance(c, tuple) else 0 for c in columns}
    return sizes.pop() if len(sizes) == 1 and 0 not in sizes else 1


def tuple_hint(columns: Sequence[Hashable], name: object, told: Argument) -> str:
    """Say how to name a column of *columns* when they have levels (``""``: they have none): as a tuple, one of them
    holding *name* when there is one (``text_column=('review', 'text')``)."""
    if _levels(columns) < 2:
        return ""
    like = next((c for c in columns if isinstance(c, tuple) and name in c), columns[0])
    return f"; the columns have {_levels(columns)} levels: name one as a tuple, such as {told.name}={like!r}"


def output_names(columns: Sequence[Hashable]) -> list[str]:
    """Return the names of *columns* that a column the model adds would take: ``str(label)``, and for a label of
    levels the first alone when the others are empty (``('reason', '')`` is ``reason``)."""
    return [
        str(c[0]) if isinstance(c, tuple) and c and all(level == "" for level in c[1:]) else str(c) for c in columns
    ]


def with_added(df: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    """Return *df* with the columns of *added* after its own: as ``(name, '', …)`` when *df*'s columns have
    levels, so that they stay a MultiIndex (concatenated as they are, its labels became plain tuples); the names
    of *df*'s columns (``df.columns.name``, one per level), and its ``attrs`` (a trial run's mark, which
    :func:`taikai.io.read_predictions` puts there), which ``pd.concat`` drops, are kept."""
    import pandas as pd

    levels = df.columns.nlevels
    if levels > 1:
        added = added.set_axis(pd.MultiIndex.from_tuples([(c, *[""] * (levels - 1)) for c in added.columns]), axis=1)
    out = pd.concat([df, added], axis=1)
    out.columns.names = df.columns.names
    out.attrs = copy.deepcopy(df.attrs)  # as pandas copies them through a filter or an assign
    return out


def plain_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Return *df* with the columns :func:`with_added` put under levels (``('reason', '')``) under their names
    (``reason``), the others kept as their tuples (``('review', 'text')``), so that the readers of predictions find
    the model's columns of a frame with levels by name; *df* itself when its columns have no levels."""
    import pandas as pd

    if df.columns.nlevels < 2:
        return df
    names = [c[0] if all(level == "" for level in c[1:]) else c for c in df.columns]
    return df.set_axis(pd.Index(names, dtype=object, tupleize_cols=False), axis=1)
