"""What masking makes of a cell that is no string: a number's text, a dict's keys masked alike."""

from __future__ import annotations

import math
import numbers


def number_text(value: object) -> str | None:
    """Return the number *value* as its digits are written (``123456789018.0``, a float read from a column with a
    gap, as ``123456789018``), or None when it is no number: a bool, NaN, a date, a str."""
    if isinstance(value, (bool, str)) or not isinstance(value, numbers.Number) or type(value).__name__ == "bool_":
        return None
    try:
        as_float = float(value)  # type: ignore[arg-type]  # a complex number has none
    except (TypeError, ValueError, OverflowError):
        return str(value)
    if math.isnan(as_float):
        return None
    if isinstance(value, numbers.Integral) or (abs(as_float) < 1e21 and as_float == int(as_float)):
        return str(int(value))  # type: ignore[call-overload]
    return str(value)


def is_nan(value: object) -> bool:
    """Say whether *value* is a number that is NaN (a float's, numpy's or a Decimal's): a missing value."""
    return isinstance(value, numbers.Number) and value != value


def unique_key(key: object, taken: dict[object, object]) -> object:
    """Return the masked *key*, numbered (``[メール] (2)``) when *taken* holds it already: two keys masked alike."""
    number, unique = 1, key
    while unique in taken:
        number += 1
        unique = f"{key} ({number})"
    return unique
