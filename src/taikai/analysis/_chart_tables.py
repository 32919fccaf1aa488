"""The arguments of the charts that are no table of counts (see :mod:`taikai.analysis._count_table`): the tables
of :func:`reason_distribution` and :func:`stated_reasons`, and a figure to encode; refused naming the argument and
what to give, instead of a ``KeyError`` or ``AttributeError`` from deep inside."""

from __future__ import annotations

from taikai._column_names import listed
from taikai.errors import wrong_type

REASON_BARS = "reason_bars", "distribution", ("count", "share"), "reason_distribution(predictions)"
STATED_BARS = (
    "stated_bars",
    "stated",
    ("primary", "stated", "primary_share", "stated_share"),
    "stated_reasons(predictions)",
)
"""What each chart reads: its name, its argument's, the columns it reads and the call that makes the table."""


def check_table(value: object, chart: tuple[str, str, tuple[str, ...], str]) -> None:
    """Raise ``TypeError`` unless *value* is a DataFrame with the columns *chart* (its name, its argument's, the
    columns and the call that makes the table) reads, saying which call makes it."""
    import pandas as pd

    name, argument, columns, maker = chart
    wanted = f"a DataFrame with columns {listed(list(map(repr, columns)))}, as taikai.analysis.{maker} returns"
    if not isinstance(value, pd.DataFrame):
        raise TypeError(f"{name}: {wrong_type(argument, value, wanted)}")
    missing = [column for column in columns if column not in value.columns]
    if missing:
        raise TypeError(
            f"{name}: {argument} must be {wanted}; it has no column {' nor '.join(map(repr, missing))}: given the "
            f"predictions, write {name}(taikai.analysis.{maker})"
        )


def check_figure(value: object) -> None:
    """Raise ``TypeError`` unless *value* is a matplotlib figure (as the charts return)."""
    from matplotlib.figure import Figure

    if not isinstance(value, Figure):
        raise wrong_type("fig", value, "a matplotlib Figure, as taikai.analysis's charts return")
