"""Whether a value is a missing one (:func:`is_missing`): the one answer for the text checks (an empty cell is no
text) and the label functions (a row not classified has no label), in the bottom layer so that both can ask it;
:mod:`taikai.text` re-exports it, its public path."""

from __future__ import annotations

import math


def is_missing(value: object) -> bool:
    """Return whether *value* is a missing value: ``None``, a float NaN (numpy's ``float32`` and ``float16`` too),
    ``pandas.NA``, ``pandas.NaT`` or numpy's ``NaT``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    kind = type(value)
    if kind.__module__ == "numpy" and getattr(value, "ndim", None) == 0:  # a scalar: NaN and NaT are not themselves
        return kind.__name__.startswith(("float", "datetime64", "timedelta64")) and bool(value != value)
    return kind.__name__ in ("NAType", "NaTType")
