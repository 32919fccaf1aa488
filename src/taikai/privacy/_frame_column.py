"""The frame and column :func:`taikai.privacy.mask_text_column` is given, checked before anything is masked."""

from __future__ import annotations

from collections.abc import Hashable

from taikai.errors import Argument, InputError, no_column_error, wrong_type


def check_column(df: object, column: object) -> None:
    """Refuse a *df* that is not a pandas DataFrame, and a *column* that names no column of it, or two."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        hint = ": mask a Series' texts with mask_text_column(series.to_frame('text'), 'text')" * isinstance(
            df, pd.Series
        )
        raise TypeError(f"{wrong_type('df', df, 'a pandas DataFrame')}{hint}")
    if not isinstance(column, Hashable) or isinstance(column, bool):
        raise wrong_type("column", column, "a column label (a str, or an int for a frame read with header=None)")
    found = sum(1 for label in df.columns if label == column)
    if found > 1:
        raise InputError(f"{found} columns are named {column!r}; rename them so that column= names one column")
    if not found:
        raise no_column_error([(column, Argument("column"))], list(df.columns), "<frame>")
