"""The ``split`` column of labelled data: which rows are held out for testing (``test``) and which train."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from taikai._cut import cut_lines
from taikai._frame_rows import frame_row, id_said
from taikai.errors import SPLIT, InputError

if TYPE_CHECKING:
    import pandas as pd

SPLITS = ("test", "train", "all")
"""Which rows of a labelled file with a ``split`` column to use: the held-out ones, the training ones, or all."""
SHOWN_SPLIT_ROWS = 5
"""How many rows with a wrong split value the error names."""


def split_values(column: pd.Series) -> pd.Series:
    """Return the cells of a ``split`` *column* as they are read: trimmed, in lower case (``Test`` is ``test``),
    ``<NA>`` for a missing one; the base data's (:func:`split_column`) and an added file's are read so."""
    return column.astype("string").str.strip().str.lower()


def split_column(
    df: pd.DataFrame,
    source: str = "<data>",
    lines: Sequence[int] | None = None,
    labels: Sequence[Hashable] | None = None,
    ids: Sequence[object] | None = None,
) -> pd.Series | None:
    """Return the ``split`` column as ``train``/``test`` (trimmed, in any case: ``Test`` is ``test``), ``None``
    without one.

    Raises :class:`InputError` naming any other value (blank included) and the first rows that hold one: at their
    file line when *lines* gives the line of every row of *df*, else as their data row (with their index label, of
    *labels*, when it is not their position, and their *ids*: see :func:`row_name`).
    """
    if "split" not in df.columns:
        return None
    split = split_values(df["split"]).fillna("")
    wrong = [pos for pos, value in enumerate(split) if value not in ("train", "test")]
    if wrong:
        values = sorted({split.iloc[pos] for pos in wrong})
        found = " or ".join("a blank" if v == "" else repr(v) for v in values)
        cells = df["split"].tolist()
        shown = [
            f"{row_name(source, lines, pos, labels, ids)}: split {repr(cells[pos]) if split.iloc[pos] else 'blank'}"
            for pos in wrong
        ]
        raise InputError(
            f"{source}: column 'split' must hold train or test (in any case) in every row, and {len(wrong):,} row(s) "
            f"hold {found}:\n" + "\n".join(cut_lines(shown, SHOWN_SPLIT_ROWS)) + "\nwhat to do: write train or "
            "test in these cells, or rename the column if it means something else"
        )
    return split


def row_name(
    source: str,
    lines: Sequence[int] | None,
    pos: int,
    labels: Sequence[Hashable] | None = None,
    ids: Sequence[object] | None = None,
) -> str:
    """Return ``SOURCE:LINE`` of data row *pos*, or ``SOURCE: row N (data row, 1-based)`` when lines are unknown,
    with ``; index LABEL`` when *labels* (a frame's index) gives it a label that is not its position; then, given
    the cells of an id column (*ids*, ``--id-column``), `` (id R-17)`` or `` (its id cell is blank)``, as batch's
    summary names a row (:func:`taikai._frame_rows.id_said`)."""
    said = id_said(ids[pos]) if ids is not None and len(ids) > pos else ""
    if lines is not None and len(lines) > pos:
        return f"{source}:{lines[pos]}{said}"
    return frame_row(source, pos, labels[pos] if labels is not None and len(labels) > pos else None) + said


def select_split(df: pd.DataFrame, which: str, source: str = "<data>") -> pd.DataFrame:
    """Return the rows of *df* whose ``split`` is *which* (``test`` or ``train``), or all rows for ``all``."""
    if which not in SPLITS:
        raise InputError(f"{SPLIT} must be one of {', '.join(SPLITS)}, not {which!r}")
    if which == "all":
        return df
    split = split_column(df, source)
    if split is None:
        raise InputError(
            f"{source}: no 'split' column, so there are no {which} rows to select; "
            f"add a split column (train/test) or score all rows with {SPLIT.either(['all'])}"
        )
    chosen = df[(split == which).to_numpy()]
    if chosen.empty:
        raise InputError(f"{source}: no row has split={which}")
    return chosen
