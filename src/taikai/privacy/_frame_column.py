"""A frame's text column masked as one run (:func:`mask_text_column`), the frame and column checked before anything is
masked."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from taikai.errors import Argument, InputError, no_column_error, wrong_type

if TYPE_CHECKING:
    from taikai.privacy._kinds import PiiKind
    from taikai.privacy._mask import PiiMasker


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


def mask_text_column(
    df: Any, column: Hashable, masker: PiiMasker | None = None
) -> tuple[Any, list[dict[PiiKind, int]]]:
    """Return a copy of the pandas DataFrame *df* whose *column* has its personal data masked (other values pass
    unchanged), and each row's masks per kind. The column is one run: a name found in one of its texts is masked in
    all, where it stands bare too (田中 of a row's 田中さん in another's 田中が; :meth:`PiiMasker.mask_each` with
    ``run=True``). A *masker* given masks with it alone, a part of a larger run (:meth:`PiiMasker.knowing` the
    run's names).

    The column keeps its string dtype, or is categorical again (of the masked values) if it was; object otherwise.
    Anything but a frame is refused with ``TypeError``, a *column* not among its columns (or named twice) with
    :class:`~taikai.InputError`, naming the argument."""
    import pandas as pd

    from taikai.privacy._mask import default_masker

    check_column(df, column)
    values = df[column].tolist()
    texts, counts = default_masker().mask_each(values, run=True) if masker is None else masker.mask_each(values)
    dtype: Any = df[column].dtype if pd.api.types.is_string_dtype(df[column].dtype) else object
    if isinstance(df[column].dtype, pd.CategoricalDtype):
        dtype = "category"  # its categories are the masked values: the originals may hold personal data
    out = df.copy(deep=False)
    out[column] = pd.Series(texts, index=df.index, dtype=dtype)
    return out, counts
