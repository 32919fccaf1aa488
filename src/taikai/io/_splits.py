"""The ``split`` column of labelled data: which rows are held out for testing (``test``) and which train."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

SPLITS = ("test", "train", "all")
"""Which rows of a labelled file with a ``split`` column to use: the held-out ones, the training ones, or all."""


def split_column(df: pd.DataFrame, source: str = "<data>") -> pd.Series | None:
    """Return the ``split`` column as ``train``/``test`` (trimmed, lower case), ``None`` without one.

    Raises :class:`InputError` naming any other value.
    """
    if "split" not in df.columns:
        return None
    split = df["split"].astype("string").str.strip().str.lower().fillna("")
    bad = sorted(set(split) - {"train", "test"})
    if bad:
        raise InputError(f"{source}: column 'split' must hold train or test, found {bad}")
    return split


def select_split(df: pd.DataFrame, which: str, source: str = "<data>") -> pd.DataFrame:
    """Return the rows of *df* whose ``split`` is *which* (``test`` or ``train``), or all rows for ``all``."""
    if which not in SPLITS:
        raise InputError(f"split must be one of {', '.join(SPLITS)}, not {which!r}")
    if which == "all":
        return df
    split = split_column(df, source)
    if split is None:
        raise InputError(
            f"{source}: no 'split' column, so there are no {which} rows to select; "
            "add a split column (train/test) or score all rows (--split all)"
        )
    chosen = df[(split == which).to_numpy()]
    if chosen.empty:
        raise InputError(f"{source}: no row has split={which}")
    return chosen
