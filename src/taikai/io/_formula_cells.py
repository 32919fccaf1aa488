"""Keep Excel from reading a CSV sheet's texts as formulas, and read them back as they were (CSV injection).

Excel opens a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage return, which it may
drop before one) as a formula: it computes it, or shows ``#NAME?`` and writes that back on save. As OWASP
advises, :func:`escape_formula` puts an apostrophe before such a cell, so that Excel shows it as text. To read the
sheet back exactly, a cell that already starts with apostrophes before one of those characters gets one more, and
:func:`unescape_formula` takes exactly one off a cell of that form and leaves every other cell as it is: every text
comes back as it was written (``'=x`` is ``=x``; ``''=x`` is ``'=x``; ``'abc`` stays ``'abc``).

A plain number (:func:`is_plain_number`: ``-163``, ``-1.5``, ``+81``, ``-0``, ``-1e3``) is no formula: Excel and
LibreOffice read it as the number, so it is written as it is, and a sheet's negative ids still join the user's
data on the id. Every other text with a sign first (``-1+2``, ``-2+3+cmd|' /C calc'!A0``) is escaped.

``taikai suggest``'s CSV sheets are written so, and ``taikai batch --excel-safe``'s CSV and TSV output, whose
summary records it (:func:`taikai.io.read_predictions` and ``taikai drift`` then unescape every cell:
:func:`unescape_cells`); batch counts such cells in any CSV/TSV output (:func:`excel_risks`) and warns of them
when it did not escape them; such a file read with no summary of it (forwarded alone) is read as written, and a
column whose every such text is escaped is said to be (:func:`unrecorded_escapes`). :func:`unescape_sheet`
undoes it for a frame read from a labelled CSV or TSV file, as ``train``, ``evaluate``, ``rules test`` and
``suggest --exclude`` read one, and for a DataFrame given to
:func:`taikai.train`, :func:`taikai.evaluate`, :func:`taikai.evaluate_rules` or ``suggest(exclude=...)`` (a CSV
sheet read with pandas): a frame is read as a CSV file of the same content is.
A sheet (it has the columns :data:`SHEET_MARKS`) is unescaped whole. So is, column by column, any other file (a
sheet whose model columns a person deleted, keeping the id, ``text`` and the labels, has no column that tells it
from a user's labelled file) where the column could only have come from an escaping writer: every cell of it that
starts with one of those characters, a plain number aside, starts with the apostrophe (:func:`is_escaped`). A
column of a user's own texts that holds ``=…`` or ``-…`` as written is kept as written, apostrophes included; one
of only ``'=…`` texts, which a review hardly starts with (none of the corpus's 8,536 rows nor of the sample dump's
3,000 starts with an apostrophe at all), is read as a sheet's would be, as is a file another program escaped the
same way (OWASP's advice). An xlsx sheet stores such texts as strings and needs none of this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from taikai._missing import is_missing

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make Excel read a CSV cell as a formula (OWASP's list)."""
SHEET_MARKS = ("model_reason", "reasons")
"""Columns that together mark a frame as a ``taikai suggest`` sheet (the model's reason beside the one filled in);
they say which files are sheets, not which are escaped (every labelled CSV or TSV file is read unescaped)."""
_ESCAPED = re.compile("'*[" + re.escape("".join(FORMULA_STARTS)) + "]")
# What counts as a plain number: a negative number as Excel writes it back after a round trip, so that a sheet saved
# again in Excel keeps the cell as it was: a minus, ASCII digits without leading zeros, at most one decimal point with
# no trailing zeros, at most 15 significant digits (Excel's precision), nothing else (no +, no exponent, no -0, no
# spaces, no second sign, no %, no thousands separator). Excel and LibreOffice read such a CSV cell as the number,
# and none of it can call anything. Other number-like texts (+81, -0, -.5, -1.50, 1e3, -１６３) stay escaped: Excel
# would rewrite them (81, 0, -0.5, -1.5) or read them by its locale, and the escape is safe either way (reading the
# sheet back takes it off). A full-width sign (－, ＋) is no formula start at all, so such a text is never escaped.
_PLAIN_NUMBER = re.compile(r"-(?:[1-9][0-9]*(?:\.[0-9]*[1-9])?|0\.[0-9]*[1-9])")
_EXCEL_DIGITS = 15


def is_plain_number(value: Any) -> bool:
    """Return whether *value* is a text of a negative number as Excel writes it back (``-163``, ``-1.5``; not
    ``+81``, ``-0``, ``-.5``, ``-1.50``, ``-2E-4`` or more than 15 digits), which Excel reads as the number, not as
    a formula, and :func:`escape_formula` leaves as it is."""
    return (
        isinstance(value, str)
        and _PLAIN_NUMBER.fullmatch(value) is not None
        and sum(c.isdigit() for c in value.lstrip("-0.")) <= _EXCEL_DIGITS
    )


def escape_formula(value: Any) -> Any:
    """Return *value* with an apostrophe before it when it is a text Excel would read as a formula (or one already
    escaped so); any other value, and a plain number such as ``-163`` (:func:`is_plain_number`), as it is."""
    if isinstance(value, str) and _ESCAPED.match(value) and not is_plain_number(value):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExcelRisks:
    """The cells of a chunk of CSV/TSV output that Excel would not show as written (:func:`excel_risks`)."""

    formula_cells: int = 0
    """Texts Excel would read as formulas."""
    formula_rows: tuple[int, ...] = ()
    """The rows (0-based, in the chunk) holding one, in order."""
    long_cells: int = 0
    """Texts longer than an Excel cell holds (:data:`EXCEL_MAX_CELL`), which Excel cuts when it opens the file."""
    long_rows: tuple[int, ...] = ()
    """The rows holding one, in order."""


EXCEL_MAX_CELL = 32_767
"""The most characters an Excel cell holds (``taikai.io.XLSX_MAX_CELL``, which xlsx output cuts a text to)."""
_STARTS = frozenset(FORMULA_STARTS)
_MARKED = _STARTS | {"'"}


def excel_risks(columns: Sequence[Sequence[Any]]) -> ExcelRisks:
    """Return the text cells of *columns* that Excel would read as formulas (a text that starts with one of
    :data:`FORMULA_STARTS` and is no plain number, :func:`is_plain_number`, as :func:`escape_formula` escapes them),
    and those longer than an Excel cell holds."""
    cells, rows, long, long_rows = 0, set(), 0, set()
    for column in columns:
        for i, value in enumerate(column):
            if type(value) is not str:
                continue
            if value[:1] in _STARTS and not is_plain_number(value):
                cells += 1
                rows.add(i)
            if len(value) > EXCEL_MAX_CELL:
                long += 1
                long_rows.add(i)
    return ExcelRisks(cells, tuple(sorted(rows)), long, tuple(sorted(long_rows)))


def unescape_cells(values: list[Any]) -> list[Any]:
    """Return the cells *values* as they were before :func:`escape_formula` (see :func:`unescape_formula`)."""
    return [unescape_formula(v) if type(v) is str and v[:1] == "'" else v for v in values]


def escaped_count(values: Sequence[Any]) -> int | None:
    """Return how many of *values* are texts :func:`escape_formula` wrote so (an apostrophe before ``=``, ``+``,
    ``-``, ``@``, a tab or a CR), those :func:`unescape_formula` would take an apostrophe off; ``None`` when one of
    them is a text Excel would read as a formula, which an escaping writer would have escaped (:func:`is_escaped`)."""
    starts = [v for v in values if type(v) is str and v[:1] in _MARKED]
    if not is_escaped(starts):
        return None
    return sum(1 for v in starts if v[:1] == "'" and _ESCAPED.match(v, 1) is not None)


def unrecorded_escapes(path: Any, counts: dict[str, int | None], summary: Any) -> str | None:
    """Return the warning for the CSV/TSV predictions *path* with no batch summary of it (*summary*: where it would
    be) whose text columns hold *counts* cells that look escaped by ``batch --excel-safe`` (:func:`escaped_count`;
    ``None``: a column it did not write so): they are read as written, the apostrophe kept, since nothing says batch
    put it there; ``None`` when there are none."""
    found = {name: n for name, n in counts.items() if n}
    if not found:
        return None
    columns = ", ".join(f"{name!r} {n:,}" for name, n in found.items())
    return (
        f"{path}: {sum(found.values()):,} text cell(s) start with an apostrophe before =, +, - or @ (column(s) "
        f"{columns}), as taikai batch --excel-safe writes a text Excel would read as a formula, but no batch summary "
        f"of the file ({summary}) says it was written so: they are read as written, apostrophe included. To read "
        "them back as they were, put the summary batch wrote beside the file (in Python, "
        "taikai.io.unescape_sheet(frame) takes the apostrophes off a frame read so)"
    )


def unescape_formula(value: Any) -> Any:
    """Return *value* as it was before :func:`escape_formula`: one apostrophe fewer on a text of apostrophes before
    a formula's first character; any other value as it is."""
    if isinstance(value, str) and value.startswith("'") and _ESCAPED.match(value, 1):
        return value[1:]
    return value


def is_sheet(columns: Any) -> bool:
    """Return whether *columns* (names) are a ``taikai suggest`` sheet's: they hold every one of :data:`SHEET_MARKS`."""
    names = {str(c).strip() for c in columns}
    return all(mark in names for mark in SHEET_MARKS)


def is_escaped(values: Any) -> bool:
    """Return whether the texts *values* (a column, or the column names) look written by :func:`escape_formula`:
    none starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR bare, but a plain number (``-163``)."""
    return not any(isinstance(v, str) and v[:1] in FORMULA_STARTS and not is_plain_number(v) for v in values)


def unescape_sheet(frame: pd.DataFrame) -> pd.DataFrame:
    """Return *frame* with :func:`unescape_formula` applied to its column names and text cells: all of them when it
    is a suggest sheet (:func:`is_sheet`), else those of every column (and the names) that :func:`is_escaped`."""
    whole = is_sheet(frame.columns)
    texts = [
        position
        for position in range(frame.shape[1])
        if (frame.iloc[:, position].dtype == object or str(frame.iloc[:, position].dtype) in ("string", "str"))
        and (whole or is_escaped(frame.iloc[:, position].tolist()))
    ]
    names = whole or is_escaped([str(c) for c in frame.columns])
    if not texts and not names:
        return frame
    import pandas as pd

    out = frame.rename(columns=unescape_formula) if names else frame.copy()
    for position in texts:
        column = out.iloc[:, position]
        # in the column's own dtype: an object column kept as objects (mapped, pandas would make it str, and its
        # str refuses a lone surrogate, which the classifier names in the row's message)
        cells = [v if is_missing(v) else unescape_formula(v) for v in column.tolist()]
        out.isetitem(position, pd.Series(cells, index=column.index, dtype=column.dtype, name=column.name))
    return out
