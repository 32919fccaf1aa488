"""The number an xlsx workbook saved in place of a formula's value that was never computed (:func:`formula_value`).

xlsxwriter (which pandas' ``to_excel`` uses when it is installed) saves each formula with ``0`` as its value, for
Excel to compute the real one when it opens the workbook; a text starting with ``=`` (a review) is saved so too. The
xlsx reader (:mod:`taikai.io`) reads such a cell as the number, marked: it is the number everywhere (written out,
compared, summed), and the text check (:mod:`taikai.text`) says the cell held a formula, not that a number is no
text. Both layers ask this module, in the bottom layer.
"""

from __future__ import annotations

FORMULA_MESSAGE = (
    "not text: a formula whose value was never computed (its writer saved {value} in its place, as xlsxwriter, "
    "pandas' to_excel's engine, saves a text starting with =): write the workbook with xlsxwriter's "
    "strings_to_formulas off, or as CSV; or, for a formula, open the workbook in Excel and save it"
)
"""The message of a text cell read so (``{value}``: the number)."""


class FormulaInt(int):
    """A whole number a workbook saved for a formula it left for Excel to compute."""

    __slots__ = ()


class FormulaFloat(float):
    """A number a workbook saved for a formula it left for Excel to compute."""

    __slots__ = ()


def formula_value(value: object) -> object:
    """Return *value*, a cell's saved value of a formula never computed, marked when it is a number (an int or a
    float, not a bool); any other value as it is (a text saved is read as the text)."""
    if type(value) is int:
        return FormulaInt(value)
    if type(value) is float:
        return FormulaFloat(value)
    return value


def formula_message(value: object) -> str | None:
    """Return the message of a text cell that held *value*: :data:`FORMULA_MESSAGE` for a number marked by
    :func:`formula_value`, else ``None``."""
    if isinstance(value, FormulaInt | FormulaFloat):
        return FORMULA_MESSAGE.format(value=int(value) if isinstance(value, int) else float(value))
    return None
