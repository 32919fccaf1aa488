"""Rows of one kind that a batch run counts, names the first of, and says when there are some (texts Excel would
read as formulas, ids it reads as numbers, …): one value, :class:`CountedRows`, in a chunk's result, the totals a
run saves and its summary, and the names its counts have in their JSON (:data:`COUNTED_ROWS`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

from taikai._cut import cut_list

MAX_EXAMPLES = 10
"""Rows the summary names of each list: those with a status other than ``ok``, and those of each
:class:`CountedRows` (the output has all of them)."""


@dataclass(frozen=True)
class CountedRows:
    """Rows of one kind in a chunk or a run (texts Excel would read as formulas, ids it reads as numbers, …).

    ``cells`` counts the cells of that kind (as many as the ``rows`` for a kind of one per row), ``rows`` the rows
    holding them, and ``where`` names the first of those rows as the examples are (``line 3 (id 7)``). ``+`` adds a
    chunk's to the run's, naming the first :data:`MAX_EXAMPLES`; :class:`~taikai.batch.BatchSummary` keeps one for
    each kind, and the attributes it had before (``formula_cells`` is ``formulas.cells``)."""

    cells: int = 0
    rows: int = 0
    where: tuple[str, ...] = ()

    @classmethod
    def of(cls, rows: Sequence[int], name: Callable[[int], str], cells: int | None = None) -> CountedRows:
        """Count the *rows* (0-based, in order) holding *cells* of the kind (``None``: one each), named by *name*."""
        return cls(len(rows) if cells is None else cells, len(rows), tuple(map(name, rows[:MAX_EXAMPLES])))

    def __add__(self, other: CountedRows) -> CountedRows:
        """Return the rows of both, those of *self* named first."""
        where = (self.where + other.where)[:MAX_EXAMPLES]
        return CountedRows(self.cells + other.cells, self.rows + other.rows, where)

    def __bool__(self) -> bool:
        """Whether there are some."""
        return bool(self.cells or self.rows)

    def named(self) -> str:
        """Return the rows named, then the others counted, as the summary lists them (``line 2, and 3 more``)."""
        return cut_list(self.where, len(self.where), total=self.rows)


@dataclass(frozen=True)
class CountKeys:
    """What the JSON of a run (``state.json``, the summary's) calls the counts of a kind of :class:`CountedRows`,
    as :class:`~taikai.batch.BatchSummary`'s attributes do: its cells (``None``: not written, as many as its rows),
    its rows, and its rows named."""

    cells: str | None
    rows: str
    where: str

    def to_json(self, counted: CountedRows) -> dict[str, Any]:
        """Return the JSON values of *counted*."""
        cells = {} if self.cells is None else {self.cells: counted.cells}
        return cells | {self.rows: counted.rows, self.where: list(counted.where)}

    def from_json(self, values: Mapping[str, Any]) -> CountedRows:
        """Read back what :meth:`to_json` wrote; none where a version before it wrote nothing."""
        rows = values.get(self.rows, 0)
        cells = rows if self.cells is None else values.get(self.cells, 0)
        return CountedRows(cells, rows, tuple(values.get(self.where, [])))


COUNTED_ROWS = {
    "unheld": CountKeys(None, "replaced_rows", "replaced_where"),
    "formulas": CountKeys("formula_cells", "formula_rows", "formula_where"),
    "long_texts": CountKeys("long_cells", "long_rows", "long_where"),
    "numeric_ids": CountKeys(None, "number_ids", "number_id_where"),
}
"""The kinds of :class:`CountedRows` of a run, by the name of their field (in :class:`~taikai.batch.ChunkResult`, the
saved totals and :class:`~taikai.batch.BatchSummary` alike): a new kind is one line here and a field in each."""


class CountPart:
    """An attribute of :class:`~taikai.batch.BatchSummary` by the name the JSON gives a count of one of its
    :class:`CountedRows` (``formula_cells`` is ``formulas.cells``), as the summary had them before each kind was one
    value."""

    def __init__(self, kind: str, part: str = "rows") -> None:
        self.kind, self.part = kind, part

    @overload
    def __get__(self, summary: None, owner: type | None = None) -> CountPart: ...
    @overload
    def __get__(self, summary: object, owner: type | None = None) -> int: ...
    def __get__(self, summary: object, owner: type | None = None) -> CountPart | int:
        return self if summary is None else int(getattr(getattr(summary, self.kind), self.part))


class WherePart:
    """An attribute of :class:`~taikai.batch.BatchSummary` by the name the JSON gives the rows named of one of its
    :class:`CountedRows`, as a list (``formula_where`` is ``formulas.where``)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    @overload
    def __get__(self, summary: None, owner: type | None = None) -> WherePart: ...
    @overload
    def __get__(self, summary: object, owner: type | None = None) -> list[str]: ...
    def __get__(self, summary: object, owner: type | None = None) -> WherePart | list[str]:
        return self if summary is None else list(getattr(summary, self.kind).where)
