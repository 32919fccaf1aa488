"""A figure to encode (:func:`taikai.analysis.to_data_uri`), refused naming the argument and what to give
instead of an ``AttributeError`` from deep inside; the tables the charts read are checked in ``_count_table``."""

from __future__ import annotations

from taikai.errors import wrong_type


def check_figure(value: object) -> None:
    """Raise ``TypeError`` unless *value* is a matplotlib figure (as the charts return)."""
    from matplotlib.figure import Figure

    if not isinstance(value, Figure):
        raise wrong_type("fig", value, "a matplotlib Figure, as taikai.analysis's charts return")
