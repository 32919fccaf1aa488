"""The rows of a frame that repeat its header (two exports joined before they were read, or frames of such files
joined with ``pd.concat``): the header's names again, no review, whose message is of the kind
:data:`~taikai.text.TextProblem.REPEATED_HEADER`. ``predict_frame`` keeps such a row with the status ``error``
(:mod:`taikai.model`), and a labelled frame (``train``, ``evaluate``) has it as a row that cannot be used, neither
read as a review labelled with the column names (:mod:`taikai.io`); the readers of files set such a record aside
(:mod:`taikai._repeated_header`)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from taikai._missing import is_missing
from taikai._repeated_header import HeaderRepeats
from taikai.text._problems import TextProblem

if TYPE_CHECKING:
    import pandas as pd


def header_rows(df: pd.DataFrame, column: Hashable, texts: Sequence[object] | None = None) -> list[int]:
    """Return the positions (from 0) of the rows of *df* that repeat its column names (a missing cell as empty:
    :func:`taikai._repeated_header.repeats_header`), looked at whole only where the text *column* (its cells
    *texts*, read from *df* when not given) holds a text naming a column. A frame whose text column has no name of
    its own (``header=None``: ``0``) has no header to repeat."""
    if not isinstance(column, str):
        return []
    check = HeaderRepeats(list(df.columns))
    cells = df[column].tolist() if texts is None else texts
    rows = [at for at, v in enumerate(cells) if type(v) is str and check.names_a_column(v)]
    return [at for at in rows if check.of_values([None if is_missing(v) else v for v in df.iloc[at].tolist()])]


def header_message(column: str) -> str:
    """Return the message of a row that repeats the header of a frame whose text column is *column*, of the kind
    :data:`~taikai.text.TextProblem.REPEATED_HEADER`: how to drop it."""
    return TextProblem.REPEATED_HEADER.message(column=repr(column))
