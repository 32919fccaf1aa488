"""The reasons per segment of a column (``--by``): the largest segments, the rest pooled into one row marked so."""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

from taikai.analysis._blanks import BLANK_CELLS, MISSING_SEGMENT, blank_name, segment_values
from taikai.analysis._changes import POOLED
from taikai.analysis._plain_names import as_renamed, names_as_given, names_back
from taikai.analysis._tables import FRAME, classified, plain_predictions, reason_labels
from taikai.errors import Argument, check_int
from taikai.model import find_column

OTHER_SEGMENTS = "ほか {n} 件の値"
BY = Argument("by", "--by")


def segment_table(
    df: pd.DataFrame,
    by: Hashable,
    max_segments: int = 12,
    *,
    prefix: str | None = None,
    blank: str = MISSING_SEGMENT,
    rest: str = OTHER_SEGMENTS,
    blank_cells: str = BLANK_CELLS,
) -> pd.DataFrame:
    """Return the number of rows per segment of column *by* (rows, largest first) and reason (columns).

    Segments beyond the *max_segments* largest are summed into one row named *rest* (``{n}``: how many), last
    whatever its size (by default ``ほか 19 件の値``: not a value of the column, nor the reason その他); blank values
    form their own segment, named *blank*, or *blank_cells* when a value of the column is written *blank* (an
    Excel pivot table's ``(blank)``), which stays a segment of its own (:func:`blank_name`). The labels are the
    page language's (:func:`taikai.analysis.segment_breakdown` takes them from the report's phrases). The pooled
    row's name is kept in ``table.attrs["pooled"]`` (absent: nothing pooled), for :func:`segment_changes` to mark
    its test: a group of unrelated values, no finding to headline.
    """
    check_int("max_segments", max_segments, 1)
    plain = plain_predictions(df, prefix)
    shown = names_as_given(df, plain)  # the columns listed as *df* names them
    by = find_column(plain.columns, as_renamed(df, plain, by), BY, source=FRAME, shown=shown, index=plain.index.names)
    given = names_back(df, plain).get(by, by)  # the index named as the caller names the column: not input_sentiment
    df = plain
    rows = classified(df)
    segments = segment_values(rows, by, blank_name(df[by], blank, blank_cells))
    sizes = segments.value_counts()
    summed = None
    if len(sizes) > max_segments:
        summed = rest.format(n=f"{len(sizes) - max_segments + 1:,}")
        names = dict.fromkeys(sizes.index[max_segments - 1 :], summed)
        segments = segments.map(lambda s: names.get(s, s))
    table = pd.crosstab(segments, rows["reason"].astype(str))
    table = table.reindex(columns=reason_labels(df), fill_value=0)
    order = list(table.sum(axis=1).sort_values(ascending=False, kind="stable").index)
    if summed is not None:  # the rest last: it is no segment to rank among the others
        order = [s for s in order if s != summed] + [summed]
    table = table.loc[order].rename_axis(index=[given], columns="reason")  # [by]: a tuple (a MultiIndex's) is one name
    if summed is not None:
        table.attrs[POOLED] = summed
    return table
