"""What masking makes of a cell that is no string: a number's text, a dict's keys masked alike."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable

from taikai._formula_value import formula_message
from taikai.privacy._kinds import Masked, PiiKind


def number_text(value: object) -> str | None:
    """Return the number *value* as its digits are written (``123456789018.0``, a float read from a column with a
    gap, as ``123456789018``), or None when it is no number: a bool, NaN, a date, a str, or the number an xlsx
    workbook saved for a formula never computed (xlsxwriter's 0: no data, kept for the text check to name)."""
    if isinstance(value, (bool, str)) or not isinstance(value, numbers.Number) or type(value).__name__ == "bool_":
        return None
    if formula_message(value) is not None:
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


def masked_number(mask: Callable[[str], Masked], written: str) -> Masked:
    """Return the digits *written* of a number cell (:func:`number_text`) masked: as they are written, or as a phone
    number when a 0 before them makes one and nothing is found in them as written. A phone number stored as a number
    lost its leading 0 (``9012345678`` is ``090-1234-5678`` read from a number cell of a JSONL, Parquet or xlsx
    file), so 9 digits (a landline's 10 without its 0) or 10 of a mobile or free-dial number (90…, 800…) are
    ``[電話番号]`` there; in a text they are no phone number (a text keeps its 0)."""
    masked = mask(written)
    if masked.spans or not (written.isascii() and written.isdigit() and len(written) in (9, 10)) or written[0] == "0":
        return masked
    zeroed = mask("0" + written)
    whole = [span.kind for span in zeroed.spans] == [PiiKind.PHONE] and zeroed.text == PiiKind.PHONE.placeholder
    return zeroed if whole else masked


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
