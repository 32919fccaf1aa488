"""The tables of counts that the tests of changes, the trend and share tables and the charts read: refused, saying
which call makes them, when they are something else (the predictions themselves, shares, a missing count), instead of
an error of pandas or matplotlib from deep inside, or shares cut to 0 and silently no change found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._cut import cut_list
from taikai.errors import InputError, wrong_type

if TYPE_CHECKING:
    import pandas as pd

PERIODS = "period_changes", "periods x reasons", "reasons_over_time(predictions, date_column)"
SEGMENTS = "segment_changes", "segments x reasons", "segment_breakdown(predictions, by)"
OVER_TIME = "periods x reasons or sentiments", "reasons_over_time(predictions, date_column)"
SHARES = ("shares_over_time", *OVER_TIME)
TREND_COUNTS = "trend_counts", "periods x reasons", "reasons_over_time(predictions, date_column)"
TREND_SHARES = ("trend_shares", *OVER_TIME)
SEGMENT_BARS = "segment_bars", "segments x reasons", "segment_breakdown(predictions, by)"
SENTIMENT_BARS = "sentiment_bars", "reasons x sentiments", "sentiment_by_reason(predictions)"
"""What each function reads: its name, its table's shape, and the call that makes the table."""
_TESTS = frozenset({PERIODS[0], SEGMENTS[0]})
"""The functions that test a change (a chi-squared test needs counts); the others draw or share them out."""
_NEEDS = {True: "the test needs", False: "the chart and its shares need"}
PER_REASON = {
    "reason_bars": (("count and share per reason", "reason_distribution(predictions)"), ("count", "share")),
    "stated_bars": (
        ("primary and stated counts and shares per reason", "stated_reasons(predictions)"),
        ("primary", "primary_share", "stated", "stated_share"),
    ),
}
"""The tables per reason of the bar charts: their shape, the call that makes them, and the columns they read."""


def count_rows(table: pd.DataFrame, function: tuple[str, str, str]) -> list[list[int]]:
    """Return the rows of *table*, a table of counts, as ints; refuse anything else, saying which table
    *function* (its name, the table's shape, the call that makes it) reads: a ``TypeError`` for what is no table
    of counts (the predictions themselves, a reason column of names), an :class:`InputError` for a cell that is no
    count (missing, negative, or a share such as ``0.25``, which would be cut to ``0``)."""
    import numpy as np
    import pandas as pd

    name, shape, maker = function
    wanted = f"counts, {shape}, as taikai.analysis.{maker} returns"
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name}: {wrong_type('table', table, 'a DataFrame of ' + wanted)}")
    for j in range(table.shape[1] if len(table) else 0):  # an empty table (no periods) has no count to read
        column = table.iloc[:, j]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            held = column.dropna()
            shown = f"holds {held.iloc[0]!r}" if len(held) else "is empty"
            raise TypeError(
                f"{name}: table must hold {wanted}: column {table.columns[j]!r} {shown}, which is no count "
                f"(given the predictions, write {name}({maker}))"
            )
    if {"count", "share"} <= {str(c) for c in table.columns}:  # a distribution: one count and share per label
        of = f"of {table.index.name}s" if isinstance(table.index.name, str) else "per label"
        raise TypeError(
            f"{name}: table must hold {wanted}, not the count and share {of} (as reason_distribution or "
            f"sentiment_distribution returns; given the predictions, write {name}({maker}))"
        )
    values = table.to_numpy(dtype=float)
    bad = ~np.isfinite(values) | (values < 0) | (values != np.round(values))
    if bad.any():
        i, j = (int(k[0]) for k in np.nonzero(bad))
        shown = "is empty" if np.isnan(values[i, j]) else f"holds {float(values[i, j]):g}"
        needs = _NEEDS[name in _TESTS]
        raise InputError(
            f"{name}: table must hold {wanted}, a whole number of at least 0 in every cell: row {table.index[i]!r}, "
            f"column {table.columns[j]!r} {shown} (shares are no counts: {needs} the number of reviews)"
        )
    return [[int(v) for v in row] for row in values]


def counts(table: pd.DataFrame, function: tuple[str, str, str]) -> pd.DataFrame:
    """Return *table* if it is a table of counts, as :func:`count_rows` checks it for *function*."""
    count_rows(table, function)
    return table


def per_reason(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return *table* if it is the table per reason that the chart *name* reads (:data:`PER_REASON`): its columns
    of numbers, indexed by reason id. Else a ``TypeError`` that names the call making it (given the predictions,
    ``reason_bars`` failed on its first row's index: ``label must be a reason id … not int 0``)."""
    import pandas as pd

    (shape, maker), columns = PER_REASON[name]
    wanted = f"{shape}, as taikai.analysis.{maker} returns"
    advice = f"(given the predictions, write {name}({maker}))"
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name}: {wrong_type('table', table, 'a DataFrame of ' + wanted)} {advice}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        held = cut_list(list(table.columns), 6)
        raise TypeError(
            f"{name}: table must hold {wanted}: it has no column {missing[0]!r} (its columns: {held}) {advice}"
        )
    for column in columns:
        values = table[column]
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            raise TypeError(f"{name}: table must hold {wanted}: column {column!r} is no number {advice}")
    odd = [r for r in table.index if not isinstance(r, str)]
    if odd:
        raise TypeError(f"{name}: table must hold {wanted}, one row per reason id: row {odd[0]!r} is none {advice}")
    return table


def square_counts(labels: list[str], confusion: object) -> Any:
    """Return *confusion* as an array if it is a square matrix of numbers, one row and column per label (a frame of
    predictions given failed in matplotlib: ``Image data of dtype object cannot be converted to float``)."""
    import numpy as np

    matrix = np.asarray(confusion)
    if matrix.shape != (len(labels), len(labels)) or not np.issubdtype(matrix.dtype, np.number):
        raise TypeError(
            f"confusion_plot: confusion must be a square matrix of counts, one row and column per label "
            f"({len(labels)} x {len(labels)}, as evaluate(...).reason.confusion with its .labels), not {matrix.shape} "
            f"of {matrix.dtype}"
        )
    return matrix
