"""A scored row whose predicted primary reason is not its gold primary reason: where it is (file line, data row,
index label, id), so that the report and its JSON name the rows to look at and they join back to the data."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from taikai._frame_rows import index_entry
from taikai.evaluation._unscored import row_place


@dataclass(frozen=True)
class Misclassified:
    """A scored row whose model's primary reason (*predicted*) is not the gold primary reason (*gold*)."""

    row: int
    """Its 0-based data row in the evaluated file or frame."""
    line: int | None
    """The file line on which it starts (the header is line 1); ``None`` for a frame or a Parquet file."""
    gold: str
    predicted: str
    source: str = "<data>"
    index: Hashable | None = None
    """Its label in the evaluated frame's index, said when it is not its position (as :class:`Unscored`'s)."""
    id: str | None = None
    """Its cell of the id column (``id_column``, ``--id-column``; ``""``: blank), ``None`` without one."""

    def where(self) -> str:
        """Return ``FILE:LINE`` (or the data row of a frame), then its id when there is one."""
        return row_place(self.source, self.line, self.row, self.index, self.id)

    def __str__(self) -> str:
        return f"{self.where()}: gold {self.gold}, predicted {self.predicted}"

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values: ``index`` and ``id`` only when :meth:`where` says them."""
        shown = {"row": self.row, "line": self.line, "gold": self.gold, "predicted": self.predicted}
        return shown | index_entry(self.index, self.row) | ({} if self.id is None else {"id": self.id})


def misclassified_rows(
    places: Sequence[tuple[int, int | None, Hashable | None, str | None]],
    gold: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    source: str,
) -> list[Misclassified]:
    """Return the rows whose first *predicted* reason is not their first *gold* one, in data order; *places* gives
    each row's data row, file line, index label and id, as :class:`Misclassified` holds them."""
    return [
        Misclassified(row, line, g[0], p[0] if p else "", source, index, shown)
        for (row, line, index, shown), g, p in zip(places, gold, predicted, strict=True)
        if g and (not p or p[0] != g[0])
    ]
