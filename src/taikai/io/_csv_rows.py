"""Write the rows of a CSV or TSV chunk as ``csv.writer`` does, faster: most rows need no quotes.

The csv module looks at every character of every cell, one call at a time, for the delimiter, the quote and the
line break that make it quote the cell; in a review dump most rows hold none. Here each column is scanned once,
in C, for the rows that hold one: those go through ``csv.writer``, and every other row is its cells joined by the
delimiter. The cells are the text the writer makes of them (``str()``; ``None`` is empty), so the text is the
same (a test compares them).
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
from typing import Any


def cell_texts(values: list[Any]) -> list[str]:
    """Return the text ``csv.writer`` writes for each value of a column: the str itself, ``str()`` of anything
    else (a float's ``repr``), and ``None`` as empty."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return values
    if kinds <= {float}:
        return list(map(repr, values))  # str(float) is repr(float)
    return ["" if v is None else v if type(v) is str else str(v) for v in values]


def quoted_rows(columns: list[list[str]], delimiter: str) -> set[int]:
    """Return the rows with a cell that holds *delimiter*, a quote or a line break.

    Each column is joined once and searched for each of the four characters by ``str.find`` (a scan several times
    faster than a regular expression's): most columns hold none, and a row found is searched no further."""
    rows: set[int] = set()
    for cells in columns:
        joined = "\x00".join(cells)  # no cell is quoted for a NUL: a match is inside a cell, not between two
        found = [c for c in (delimiter, '"', "\n", "\r") if c in joined]
        if not found:
            continue
        ends = list(itertools.accumulate(len(cell) + 1 for cell in cells))  # the end of each cell, plus one
        for c in found:
            at = joined.find(c)
            while at >= 0:
                row = bisect.bisect_right(ends, at)
                rows.add(row)
                at = joined.find(c, ends[row])  # on from the next row
    return rows


def csv_rows(columns: list[list[Any]], delimiter: str = ",") -> str:
    """Return the rows whose columns are *columns* as ``csv.writer(delimiter=..., lineterminator="\\n")`` writes
    them (*delimiter*: ``,`` or a tab)."""
    cells = [cell_texts(values) for values in columns]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    if len(cells) < 2:  # the writer quotes a lone empty cell: one column is left to it
        writer.writerows(zip(*cells, strict=True))
        return buf.getvalue()
    lines = list(map(delimiter.join, zip(*cells, strict=True)))
    for i in quoted_rows(cells, delimiter):
        buf.seek(0)
        buf.truncate()
        writer.writerow([values[i] for values in cells])
        lines[i] = buf.getvalue()[:-1]
    lines.append("")  # the line break after the last row
    return "\n".join(lines)
