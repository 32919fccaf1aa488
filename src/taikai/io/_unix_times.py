"""Unix times in a date column (``1767225600``, seconds since 1970-01-01 UTC, or ``1767225600000``, milliseconds), as
a database or API export writes a timestamp: numbers, which are not read as dates (pandas would read any number as
one), so they are said with what to do, whether the column holds only them (the error) or a few among dates (a
warning with their count and first rows)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from itertools import islice

from taikai._cut import cut_list
from taikai.errors import DATE_COLUMN, TZ

EPOCHS = {"s": range(1_000_000_000, 2_000_000_001), "ms": range(10**12, 2 * 10**12 + 1)}
"""Whole numbers said to look like Unix times, by unit: seconds (2001-09-09 to 2033-05-18) and milliseconds."""
SHOWN_ROWS = 5
"""The rows of Unix times a warning names (the others are counted)."""
_NUMBER = re.compile(r"(\d{10}|\d{13})(?:\.\d+)?", re.ASCII)
"""A Unix time as written: ten digits (seconds) or thirteen (milliseconds), maybe a fraction of them."""


def unix_unit(value: object) -> str | None:
    """The unit of the Unix time *value* (a cell of a date column) is written in, ``"s"`` or ``"ms"`` (:data:`EPOCHS`);
    ``None`` for any other value (a date, a text, an id of another size, an Excel serial date, ``True``)."""
    if type(value) is str:  # most cells: a date such as 2026-01-05 is told at its fifth character
        text = value.strip()
        if not text[:10].isdigit():
            return None
    else:
        if type(value).__module__ == "numpy" and hasattr(value, "item"):  # numpy's int64 of a column of numbers
            value = value.item()
        if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):  # NaN: a blank cell
            return None
        if isinstance(value, int | float):
            value = str(int(value))
        if not isinstance(value, str):
            return None
        text = value.strip()
    found = _NUMBER.fullmatch(text)
    if found is None:
        return None
    number = int(found.group(1))
    return next((unit for unit, span in EPOCHS.items() if number in span), None)


def unix_times(values: Iterable[object]) -> list[tuple[int, str]]:
    """Return the cells of *values* (of a date column) that are Unix times (:func:`unix_unit`): each one's position
    (from 0) and the cell as written."""
    return [(at, _written(value)) for at, value in enumerate(values) if unix_unit(value) is not None]


def _written(value: object) -> str:
    """A Unix time as the file wrote it: ``1767225600`` for the ``1767225600.0`` a column with blanks is read as."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


MIXED = "values.where(values < 10**11, values // 1000)"
"""A column of Unix times in seconds and in milliseconds as seconds, for the advice's ``pandas.to_datetime``."""


def unix_advice(examples: list[str]) -> str:
    """What Unix times are, of which *examples* are the first (their unit, or both units when they mix seconds
    and milliseconds, and the first one's date in UTC), and what to do about them."""
    units = {unit_ for unit_ in map(unix_unit, examples) if unit_ is not None} or {"s"}
    unit = unix_unit(examples[0]) or "s"
    seconds = int(float(examples[0])) / (1 if unit == "s" else 1000)
    when = datetime.fromtimestamp(seconds, timezone.utc)
    if len(units) > 1:
        kind, values, unit = "some in seconds and some in milliseconds since 1970-01-01 UTC", MIXED, "s"
    else:
        kind, values = f"{'seconds' if unit == 's' else 'milliseconds'} since 1970-01-01 UTC", "values"
    return (
        f"Unix times ({kind}; the first is {when:%Y-%m-%d %H:%M} UTC), which are not read as dates: convert them "
        f"before, e.g. in the SQL export, or with pandas.to_datetime({values}, unit={unit!r}, utc=True), counted in "
        f"Japan time with {TZ.either(['Asia/Tokyo'])}"
    )


def unix_hint(examples: list[str]) -> str:
    """What to do about a date column whose *examples* are all Unix times (of one unit, or seconds and milliseconds
    mixed, as an app's log writes them), before the error's usual advice; ``""`` for any others (an id, an Excel
    serial date, a compact ``20260314``)."""
    if not examples or any(unix_unit(example) is None for example in examples):
        return ""
    return f"they look like {unix_advice(examples)}; then "


LOOKED_AT = 100_000
"""The cells after the quoted ones in which :func:`with_other_unit` looks for a Unix time of the other unit."""


def with_other_unit(examples: list[str], rest: Iterable[object]) -> list[str]:
    """*examples* (the first cells of a date column) with the first of *rest* (the cells after them, the first
    :data:`LOOKED_AT`) that is a Unix time of another unit than theirs, when they are Unix times of one unit: an app
    that moved from seconds to milliseconds wrote both, and the advice must convert both."""
    units = {unix_unit(example) for example in examples}
    if len(units) != 1 or None in units:
        return examples
    other = next((value for value in islice(rest, LOOKED_AT) if unix_unit(value) not in (None, *units)), None)
    return examples if other is None else [*examples, _written(other)]


def unix_warning(rows: int, first: list[tuple[int, str]], where: str, column: str) -> str | None:
    """Return the warning for the *rows* of a date column holding Unix times among its dates, which count as rows
    without a date (*first*: the first of them, each as its position from 0 and the cell as written,
    :func:`unix_times`); ``None`` without such rows. It names the first :data:`SHOWN_ROWS` of them by their data row
    (from 1, after the header)."""
    if not rows or not first:
        return None
    shown = cut_list([f"{at + 1:,}" for at, _ in first[:SHOWN_ROWS]], SHOWN_ROWS, total=rows)
    return (
        f"{where}: {DATE_COLUMN.given(column)}: {rows:,} row(s) hold a number, not a date (data row(s) {shown}; e.g. "
        f"{first[0][1]!r}), and count as rows without a date; they look like "
        f"{unix_advice([cell for _, cell in first])}"
    )
