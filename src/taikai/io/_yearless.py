"""Dates written without a year (``10/24``, ``10月24日``), as Excel writes a date cell formatted to show only the
month and day (its ``m/d`` and ``m月d日`` formats) when it saves a CSV: no year can be read from them, so they are
no dates (pandas read ``10/24`` as October 24 of the year 1, a period ``1-10``), and are said with what to do."""

from __future__ import annotations

import re
from collections.abc import Iterable

from taikai.errors import DATE_COLUMN

YEARLESS = re.compile(r"\s*(?:\d{1,2}\s*[/-]\s*\d{1,2}(?![\d/-])|\d{1,2}\s*月\s*\d{1,2}\s*日)(?:[\s(（].*)?", re.DOTALL)
"""A month and day without a year, maybe a weekday or a time after it: ``10/24``, ``10-24``, ``10/24 10:05``,
``10月24日``, ``10月24日(土)``; not ``2026/10`` (a month), ``1/2/3`` nor ``1.5``."""
YEARLESS_HINT = (
    "they are a month and day without a year, as Excel saves a date cell formatted to show only those (m/d, "
    "m月d日): format the column with its year in Excel (Format Cells, Date, 2012/3/14) and save or export again, "
    "or write the year in those cells; then "
)
"""What to do about a date column of dates without a year, before the error's usual advice."""


def is_yearless(value: object) -> bool:
    """Whether the cell *value* is a text holding a month and day without a year (:data:`YEARLESS`)."""
    return isinstance(value, str) and YEARLESS.fullmatch(value) is not None


def yearless_dates(values: Iterable[object]) -> list[str]:
    """Return the cells of *values* (of a date column) that are a month and day without a year, stripped."""
    return [value.strip() for value in values if isinstance(value, str) and YEARLESS.fullmatch(value)]


def yearless_warning(rows: int, example: str, where: str, column: str) -> str | None:
    """Return the warning for the *rows* of a date column that hold a month and day without a year (such as *example*),
    which count as rows without a date; ``None`` without such rows."""
    if not rows:
        return None
    advice = YEARLESS_HINT.removesuffix("; then ")
    return (
        f"{where}: {DATE_COLUMN.given(column)}: {rows:,} row(s) hold a date without its year (e.g. {example!r}), "
        f"and count as rows without a date; {advice}"
    )
