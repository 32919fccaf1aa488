"""The predictions frame argument of the report's functions: a data frame, not the path of a file."""

from __future__ import annotations

from taikai.errors import wrong_type

FRAME = (
    "a pandas DataFrame of predictions (read a predictions file with taikai.io.read_predictions, or give the file "
    "to taikai report on the command line)"
)


def check_frame(name: str, value: object) -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* is a pandas DataFrame (a path given, as
    ``check_drift`` takes one, would fail deep inside with an ``AttributeError``)."""
    import pandas as pd

    if not isinstance(value, pd.DataFrame):
        raise wrong_type(name, value, FRAME)
