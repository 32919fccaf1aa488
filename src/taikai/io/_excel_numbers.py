"""Keep whole numbers longer than Excel's precision (an 18-digit id) whole in an xlsx sheet, as their text.

Excel keeps 15 significant digits of a number: an integer cell of more (``1234567890123456789``, a 19-digit
user id of a database export) is shown as ``1.23457E+18`` and read, saved and joined on as another number
(``1234567890123450000``); openpyxl even writes one beyond 2**53 as a float's digits, changed in the file itself.
Such a column of an xlsx output or a labelling sheet is written as text, every cell of it, as CSV output writes it
and as Excel users type long ids; read back, its cells are the texts of the same digits.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Integral
from typing import TYPE_CHECKING, Any

from taikai._warn import warn_user
from taikai.errors import DataWarning

if TYPE_CHECKING:
    import pandas as pd

EXCEL_DIGITS = 15
"""Significant digits Excel keeps of a number."""
_LONG = 10**EXCEL_DIGITS
"""The least whole number Excel cannot hold (16 digits)."""


def is_long_integer(value: Any) -> bool:
    """Return whether *value* is a whole number (not a bool) of more than :data:`EXCEL_DIGITS` digits."""
    return isinstance(value, Integral) and not isinstance(value, bool) and abs(int(value)) >= _LONG


def long_integer_columns(tables: Iterable[Any]) -> set[int]:
    """Return the positions of the integer columns of the Arrow *tables* (of one schema) that hold a
    :func:`is_long_integer` value in any of them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found: set[int] = set()
    for table in tables:
        for j, f in enumerate(table.schema):
            if j not in found and pa.types.is_integer(f.type) and table.num_rows:
                low, high = pc.min_max(table.column(j)).values()
                if any(is_long_integer(v.as_py()) for v in (low, high) if v.is_valid):
                    found.add(j)
    return found


def read_as_number(value: Any) -> bool:
    """Return whether Excel, opening a CSV file, reads the cell *value* (an id) as a number it does not show as
    written: digits with a leading zero (``007``, shown ``7``) or more than :data:`EXCEL_DIGITS` of them
    (``1234567890123456789``, shown ``1.23457E+18``, saved as ``1234567890123450000``); so a whole number too long."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return (len(value) > 1 and value[0] == "0") or len(value) > EXCEL_DIGITS
    return is_long_integer(value)


READ_AS_NUMBERS = (
    f"are digits Excel reads as a number when it opens the file, dropping a leading zero (007 as 7) or digits past "
    f"the {EXCEL_DIGITS}th (1234567890123456789 as 1.23457E+18)"
)
"""What a warning says of ids :func:`read_as_number` finds in a CSV file (batch output, a labelling sheet)."""


def as_texts(values: list[Any]) -> list[Any]:
    """Return *values* with each one but a missing one (``None``) as its text."""
    return [None if v is None else str(v) for v in values]


def with_long_integers_as_texts(frame: pd.DataFrame) -> pd.DataFrame:
    """Return *frame* with each column holding a :func:`is_long_integer` value as texts (missing cells kept)."""
    long = [name for name in frame.columns if any(map(is_long_integer, frame[name].tolist()))]
    if not long:
        return frame
    return frame.assign(**{str(n): frame[n].astype(object).map(str, na_action="ignore") for n in long})


EXACT = 2**53
"""The least whole number from which a float (what a workbook stores a number as) cannot hold every one: 2**53 + 1
is saved as 2**53, and openpyxl writes 1234567890123456789 as ``1.234567890123457e+18``."""


def warn_imprecise(
    path: object, sheet: str, columns: list[str], rows: list[tuple[Any, ...]], lines: list[int], said: set[str]
) -> None:
    """Warn (:class:`DataWarning`) of the first number of at least :data:`EXACT` in each column of *columns* among
    *rows* (read from sheet *sheet* of the xlsx *path*; *lines*: their rows in it), once per column (those *said*
    by the reader already are kept in it): such a number, a long id as a rule, may have changed before the workbook
    held it, and taikai reads (and writes) the number the file holds. A text of digits is read as written."""
    from openpyxl.utils import get_column_letter

    found = []
    for j, name in enumerate(columns):
        at = None if f"{_SAID}{name}" in said else next((i for i, r in enumerate(rows) if _imprecise(r[j])), None)
        if at is not None:
            said.add(f"{_SAID}{name}")
            found.append(f"{name!r} (cell {get_column_letter(j + 1)}{lines[at]}: {rows[at][j]!r})")
    if found:
        warn_user(
            f"{path}: sheet {sheet!r}: column(s) {', '.join(found)} hold whole numbers of 2**53 ({EXACT:,}) or "
            "more: a workbook stores a number as a float, which cannot hold every whole number so large, so such "
            "an id may have been changed before it was saved (pandas' to_excel writes 1234567890123456789 as "
            "1.234567890123457e+18), and taikai reads the number the file holds; keep long ids as text: "
            "df[col] = df[col].astype(str) before to_excel, or the column formatted as Text in Excel before the ids "
            "are typed or pasted",
            DataWarning,
        )


_SAID = "imprecise numbers of column "
"""How the reader's set of warnings said keeps a column whose large numbers were warned of."""


def _imprecise(value: object) -> bool:
    return type(value) in (float, int) and abs(value) >= EXACT  # type: ignore[arg-type]
