"""Masked segments stay apart: the values of ``--by`` that masking turned into one text are numbered.

``--mask-pii`` with ``--by author`` masked every person's name to ``[人名]``: 1,500 rows of different people made
one segment, and the counts and tests were those of merged groups. Numbering the distinct values masked alike
(``[人名1]``, ``[人名2]``, … in order of first appearance) keeps the segments, and their tests, those of the
unmasked column, while the page still shows no name.
"""

from __future__ import annotations

from typing import Any


def number_masked(original: Any, masked: Any) -> Any:
    """Return *masked* (the pandas Series *original* masked row by row) with each distinct value of *original*
    (stripped, as segments are compared) that was masked to the same text numbered after its last placeholder:
    ``[人名]`` becomes ``[人名1]``, ``[人名2]``, … in order of first appearance; ``[人名]さん`` becomes
    ``[人名1]さん``. Values masking left as they were, and blanks, are kept."""
    import pandas as pd

    before = original.astype("string").str.strip()
    after = masked.astype("string").str.strip()
    changed = (before != after).fillna(False) & after.notna()
    if not changed.any():
        return masked
    pairs = pd.DataFrame({"masked": after[changed], "value": before[changed]})
    first = pairs.drop_duplicates()  # each (masked text, value) once, in order of first appearance
    numbers = first.groupby("masked", sort=False).cumcount() + 1
    label = {(m, v): _numbered(m, n) for m, v, n in zip(first["masked"], first["value"], numbers, strict=True)}
    numbered = [label[(m, v)] for m, v in zip(pairs["masked"], pairs["value"], strict=True)]
    out = masked.astype(object).copy()
    out[changed] = numbered
    return out.astype(masked.dtype) if pd.api.types.is_string_dtype(masked.dtype) else out


def _numbered(text: str, number: int) -> str:
    """``[人名]さん`` numbered 2: ``[人名2]さん`` (the number inside the last placeholder)."""
    head, bracket, tail = text.rpartition("]")
    return f"{head}{number}{bracket}{tail}" if bracket else f"{text} ({number})"
