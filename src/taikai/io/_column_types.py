"""Type the columns of a predictions file as :func:`taikai.io.read_predictions` gives them, from every format alike.

taikai's text columns and the columns kept as written (ids, codes) are text; every other column that holds text
(a CSV or TSV cell, or an input column batch wrote as text into JSONL, xlsx or Parquet) becomes booleans or
numbers when all its cells read so, and a column a format gives typed (a probability, an input's numbers) keeps
its type, so that one batch run reads back alike from each of its output formats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.rules import MODEL_REASON, RULE_COLUMNS, boolean_column

if TYPE_CHECKING:
    import pandas as pd

PREDICTED_TEXT = ("status", "message", "reason", "reason_ja", "reasons", "sentiment", *RULE_COLUMNS[:2], MODEL_REASON)
"""The text columns a classification adds (``taikai.model``'s label columns, the rules' names and labels and the
model's own reason): text whatever they hold, as a label such as ``1`` is no number."""
_CODE = r"^[+-]?0\d"  # a number written with a leading zero: 007, 01, a code and not a quantity


def typed_column(column: pd.Series, kept: bool, written: bool) -> pd.Series:
    """Return *column* of a predictions file typed: as text (``str``, empty cells missing) when *kept*, whatever
    the format (a Parquet, JSONL or xlsx column of ints too: its CSV twin's cells are text, and a kept column has one
    dtype from every format), else as its cells read (:func:`_typed`) when they are text (*written*: a CSV or TSV
    column, or a text column of another format), else as the format typed it (booleans of one dtype:
    :func:`_one_boolean_dtype`)."""
    import pandas as pd

    if kept:
        return _missing(column)
    text = written or (pd.api.types.is_string_dtype(column.dtype) and column.dtype != object)
    if not text:
        return _one_boolean_dtype(column)
    return _typed(column if written else column.fillna(""))


def _missing(column: pd.Series) -> pd.Series:
    """Return a text column with its empty cells missing (NaN), of pandas' ``str`` dtype whatever the format."""
    return column.astype("str").where(column != "")


_BOOLEANS = {"true": True, "false": False}


def _one_boolean_dtype(column: pd.Series) -> pd.Series:
    """Return a column whose values are all booleans (missing ones aside) as ``bool``, or as the nullable
    ``boolean`` where one is missing; any other column as it is. Parquet, JSONL and xlsx give such a column with a
    missing cell as Python objects, whose ``~`` is the integer complement (``~True == -2``)."""
    import numpy as np

    if column.dtype != object:
        return column
    present = column.dropna()
    if present.empty or not isinstance(present.iloc[0], (bool, np.bool_)):
        return column
    if not present.map(lambda v: isinstance(v, (bool, np.bool_))).all():
        return column
    return boolean_column(column)


def _typed(column: pd.Series) -> pd.Series:
    """Return a CSV column (text, empty where missing) as booleans, numbers, or text with missing values, deciding
    over the whole column; the cheap tests that can tell a text column come first, on the column as read."""
    import pandas as pd

    present = column[column != ""]
    if present.empty:
        return _missing(column)
    if present.str.len().max() <= len("false") and present.str.lower().isin(_BOOLEANS).all():
        flags = column.str.lower().map(_BOOLEANS)  # an empty cell is missing
        return boolean_column(flags)
    if _numbers_at_first(present) and not present.str.contains(_CODE).any():
        values = _missing(column)
        numbers = pd.to_numeric(values, errors="coerce")
        if numbers[values.notna()].notna().all() and not (numbers.dtype.kind == "f" and _inexact_integers(present)):
            return _whole(numbers, present)
        return values
    return _missing(column)


def _whole(numbers: pd.Series, present: pd.Series) -> pd.Series:
    """Return *numbers* as pandas' nullable ``Int64`` when its *present* cells are all written as whole numbers
    (``1``, not ``1.0``) and some cells are missing, which makes them floats: as the ints of a Parquet, JSONL or
    xlsx column with missing cells read (``read_table``), so that a store code 1 is not shown ``1.0``."""
    if numbers.dtype != "float64" or not numbers.hasnans or not present.str.fullmatch(r"\s*[+-]?\d+\s*").all():
        return numbers
    if numbers.abs().max() >= 2.0**63:  # a whole number beyond 64 bits (1e19 is exact as a float): floats
        return numbers
    return numbers.astype("Int64")


_FLOAT_DIGITS = 15
"""A whole number of this many digits or fewer is exact as a float64."""


def _inexact_integers(present: pd.Series) -> bool:
    """Say whether a value of *present* is a whole number that a float64 cannot hold exactly (a 20-digit id:
    20260301000012345678 would read as 2.0260301000012345e+19, and 300 ids as 2 values): its column stays text,
    as a column of codes with a leading zero does."""
    whole = present[present.str.fullmatch(r"[+-]?\d+")]
    long = whole[whole.str.lstrip("+-").str.len() > _FLOAT_DIGITS]
    return any(int(v) != float(v) for v in long)


_FIRST = 1_000


def _numbers_at_first(present: pd.Series) -> bool:
    """Say whether the first values of *present* all read as numbers (a column of text fails at once): each value
    reads as a number or not on its own, so one that does not keeps the whole column text."""
    import pandas as pd

    first = present.iloc[:_FIRST].astype(object)
    return bool(pd.to_numeric(first, errors="coerce").notna().all())
