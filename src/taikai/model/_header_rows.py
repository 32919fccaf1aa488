"""The rows of a frame given to ``predict_frame`` that repeat its header (two exports joined before they were read,
or frames of such files joined with ``pd.concat``): each kept, in its place, with the status ``error`` and a message
naming it, not classified as the review ``本文``; a warning names them, as the readers of files set such records
aside (:mod:`taikai._repeated_header`). The rows are found by :func:`taikai.text.header_rows`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from taikai._cut import cut_list
from taikai._frame_rows import index_labels, index_said
from taikai._warn import warn_user
from taikai.errors import DataWarning
from taikai.text import Status, header_message

if TYPE_CHECKING:
    import pandas as pd

    from taikai.model._classified import Classified

SHOWN = 5
"""The rows the warning names at most."""


def mark_header_rows(classified: Classified, rows: list[int], df: pd.DataFrame, column: str) -> Classified:
    """Return *classified* (of the text column *column* of *df*, the *rows* given no text) with those rows'
    status ``error`` and their message, after warning of them (a :class:`DataWarning` naming the first)."""
    if not rows:
        return classified
    labels = index_labels(df.index)
    statuses, messages = list(classified.statuses), list(classified.messages)
    for at in rows:
        statuses[at], messages[at] = Status.ERROR, header_message(column)
    named = [f"{at + 1:,}{index_said(None if labels is None else labels[at], at)}" for at in rows]
    warn_user(
        f"the frame's data row(s) {cut_list(named, SHOWN, sep='; ')} (1-based) hold its column names again, as "
        "where two exports were joined: each is kept with status 'error', not classified nor counted as a review; "
        f"drop them (df[df[{column!r}] != {column!r}])",
        DataWarning,
    )
    return replace(classified, statuses=statuses, messages=messages)
