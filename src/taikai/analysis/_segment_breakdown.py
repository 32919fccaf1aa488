"""``segment_breakdown``: the reasons per segment, its blank and summed rows named in the report's language."""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

from taikai.analysis._report import PHRASES
from taikai.analysis._segment_table import segment_table
from taikai.errors import check_choice


def segment_breakdown(
    df: pd.DataFrame, by: Hashable, max_segments: int = 12, *, prefix: str | None = None, lang: str = "ja"
) -> pd.DataFrame:
    """Return the number of rows per segment of column *by* (rows, largest first) and reason (columns).

    Segments beyond the *max_segments* largest are summed into one row, last; blank values form their own segment.
    Those two rows are named in *lang* (``ja`` or ``en``, as ``taikai report --lang``): ``(空欄)`` and
    ``ほか N 件の値``, or ``(blank)`` and ``N other values``, the names the report gives them, for
    :func:`segment_bars` to draw. A value written as the blank row's name (``(blank)``, as an Excel pivot table
    writes it) stays a segment of its own: the blank rows are then named ``(空欄: 値のないセル)`` or
    ``(blank: no value)``. The summed row's name is in ``attrs["pooled"]``, for :func:`segment_changes`.
    """
    check_choice("lang", lang, PHRASES)
    t = PHRASES[lang]
    return segment_table(
        df, by, max_segments, prefix=prefix, blank=t.blank, rest=t.rest_segments, blank_cells=t.blank_cells
    )
