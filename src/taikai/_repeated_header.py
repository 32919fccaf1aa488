"""A record that repeats its table's header: where two exports were joined into one (``cat a.csv b.csv``, two sheets
pasted into one, frames read from such files and joined with ``pd.concat``), the second one's header is a record
among the rows, no review. The readers of files (:mod:`taikai.io`) set it aside as a bad record; ``predict_frame``
(:mod:`taikai.model`) keeps a frame's row and gives it the status ``error``. Both ask this module, in the bottom
layer; it imports nothing of taikai."""

from __future__ import annotations

from collections.abc import Sequence


class HeaderRepeats:
    """The check :func:`repeats_header` of every record of one table against its header *columns*, with the
    header's names worked out once: a reader asks it of every record, and a record of texts none of which is a
    name once stripped (nor starts with a BOM) is answered without the full check, as most are; one holding other
    values (an xlsx row's numbers and empty cells) gets the full check."""

    def __init__(self, columns: Sequence[object]) -> None:
        self.columns = columns
        names = [str(c) for c in columns]
        self._known = frozenset(names + [n.strip() for n in names])  # a name padded with spaces, stripped too

    def __call__(self, fields: Sequence[object]) -> bool:
        """Whether the record *fields* is the header again (:func:`repeats_header`)."""
        first = fields[0] if fields else None
        if self._known and not (isinstance(first, str) and first.startswith("\ufeff")):
            try:  # str.strip returns a text with nothing to strip as it is: no copy of a long review
                if self._known.isdisjoint(map(str.strip, fields)):  # type: ignore[arg-type]
                    return False
            except TypeError:  # a cell that is no text: the full check reads it as its str
                pass
        return repeats_header(fields, self.columns)

    def names_a_column(self, value: str) -> bool:
        """Whether the text *value* is one of the names, once stripped (and past a BOM)."""
        return value.strip().lstrip("\ufeff") in self._known

    def of_values(self, fields: Sequence[object]) -> bool:
        """Whether the record *fields*, of values of any type (a JSON object's, a Parquet row's, a frame's, a
        missing one ``None``), is the header again: only a record with a text that is a name gets the full check,
        so that a record of numbers is not written out as texts to be compared."""
        if not any(type(v) is str and self.names_a_column(v) for v in fields):
            return False
        return repeats_header(fields, self.columns)


def repeats_header(fields: Sequence[object], columns: Sequence[object]) -> bool:
    """Whether the record *fields* is the header *columns* again (its first cell after a BOM, as a second export
    joined to the first starts), or the header of a copy of the same table with a column added, left out or moved
    (a labeller's sheet with a comment column of their own, pasted under another's): at least three of its cells
    are names of *columns*, each once, and they are most of the cells it fills. A row holding a column's name in
    a cell or two is a row (a review that reads ``本文``)."""
    cells = ["" if v is None else str(v) for v in fields]
    names = [str(c) for c in columns]
    if cells:
        cells[0] = cells[0].lstrip("\ufeff")
    while cells and not cells[-1] and len(cells) > len(names):  # a sheet's empty cells past the named columns
        cells.pop()
    if cells == names:
        return True
    filled = [c.strip() for c in cells if c.strip()]
    named = [c for c in filled if c in names]
    return len(named) >= _NAMES_OF_A_HEADER and len(set(named)) == len(named) and len(named) > len(filled) / 2


_NAMES_OF_A_HEADER = 3
"""The column names a row must repeat to be read as the header of a copy with other columns (a narrower table's
header is one only when repeated exactly)."""
