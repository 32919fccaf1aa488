"""A row where a rule fired against the gold labels, and how the rules' score names it."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from taikai._frame_rows import id_said, index_entry, index_named


@dataclass(frozen=True)
class Misfire:
    """A row where a rule fired against the gold labels: its 0-based data row, file line (if known), gold, text."""

    row: int
    """Its 0-based position among the data rows of the file or frame (the header not counted)."""
    line: int | None
    """The file line on which it starts, counting every line (a CSV or TSV header is line 1; in an xlsx sheet, the
    row number); ``None`` for a frame or a Parquet file."""
    gold: tuple[str, ...]
    text: str
    index: Hashable | None = None
    """Its label in the scored frame's index (``df.loc[m.index]`` is the row); ``None`` for a file. Said, and in
    :meth:`to_dict`, when it is not the row's position."""
    id: str | None = None
    """Its cell of the id column the rules were tested with (``id_column``, ``--id-column``; ``""``: blank), said
    after its place (``line 5 (id R-17)``); ``None`` without one."""

    def where(self) -> str:
        """Return ``line N`` (its file line), or ``row N`` (its data row, 1-based) when the line is not known, with
        the row's index label when it is not its position (``row 3 (index 'r7')``), then its id when there is one."""
        said = "" if self.id is None else id_said(self.id)
        if self.line is not None:
            return f"line {self.line}{said}"
        named = index_named(self.index, self.row)
        return f"row {self.row + 1}" + (f" ({named})" if named else "") + said

    def to_dict(self) -> dict[str, object]:
        """Return JSON-ready values: ``index`` only when :meth:`where` says it."""
        shown: dict[str, object] = {"row": self.row, "line": self.line, "gold": list(self.gold), "text": self.text}
        shown |= {} if self.id is None else {"id": self.id}
        return shown if self.line is not None else shown | index_entry(self.index, self.row)
