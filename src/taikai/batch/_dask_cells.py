"""The cells of the Dask engine's JSONL input that its columns do not hold as read, kept to be written as read.

A column of floats holds an int as a float (``1.0``), a column of text (whose values mix types) a number, a bool,
an object or a list as text (``"1"``): the reader keeps each such cell in a hidden column, which CSV, TSV and JSONL
parts write in its place, as the local engine writes the cells it read.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa

RAW_PREFIX = "__taikai_raw:"
"""With ``locate``, before the name of a JSONL column of numbers (float64) or of text (its values mix types), but not
the text column (whose own cells are as read): each row's cell as read where the column does not hold it so (an int
in a column of floats; a number, a bool, an object or a list in a column of text), else null (never written). CSV,
TSV and JSONL parts write the cells as the local engine does: ``1``, not ``1.0`` or ``"1"``; an int beyond 64 bits
as the number it was."""


def raw_columns(fmt: str, schema: pa.Schema, stringify: frozenset[str], text_column: str | None) -> dict[int, str]:
    """Return the JSONL columns (by index) that may hold cells not as read: ints among floats (a column of a floating
    type) and anything but text among text (a column of mixed types), the text column aside."""
    if fmt != "jsonl":
        return {}
    return {
        j: f.name
        for j, f in enumerate(schema)
        if f.name != text_column and (f.name in stringify or pa.types.is_floating(f.type))
    }


def unheld(values: list[Any], text: bool) -> list[Any]:
    """Return each of *values* (JSONL cells) that a column of text (*text*), else of floats, does not hold as read,
    else ``None``."""
    if text:
        return [v if v is not None and type(v) is not str else None for v in values]
    return [v if type(v) is int else None for v in values]


def as_read(table: pa.Table, name: str, raw: pd.Series) -> list[Any]:
    """Return the cells of the column *name* of *table*, with those it does not hold as read (*raw*, not null:
    see :data:`RAW_PREFIX`) as they were read."""
    return [v if r is None else r for v, r in zip(table.column(name).to_pylist(), raw.tolist(), strict=True)]
