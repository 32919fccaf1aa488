"""A row of the evaluated data left unscored because its text cannot be classified, and where it is."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from taikai._frame_rows import frame_row, id_said, index_entry
from taikai.text import Status


@dataclass(frozen=True)
class Unscored:
    """A row left unscored because its text cannot be classified: where it is, why, and the classifier's status."""

    row: int
    """Its 0-based data row in the evaluated file or frame."""
    line: int | None
    """The file line on which it starts (the header is line 1); ``None`` for a frame or a Parquet file."""
    status: Status
    message: str
    source: str = "<data>"
    index: Hashable | None = None
    """Its label in the evaluated frame's index (``df.loc[u.index]`` is the row); ``None`` for a file. Said, and
    in :meth:`to_dict`, when it is not the row's position."""
    id: str | None = None
    """Its cell of the id column evaluate was given (``id_column``, ``--id-column``; ``""``: blank), ``None``
    without one."""

    def where(self) -> str:
        """Return ``FILE:LINE``, or ``SOURCE: row N (data row, 1-based)`` when the line is not known, with the
        row's index label when it is not its position (a frame indexed by ids, or filtered), then its id
        (`` (id R-17)``) when evaluate was given an id column."""
        return row_place(self.source, self.line, self.row, self.index, self.id)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        shown = {"row": self.row, "line": self.line, "status": self.status.value, "message": self.message}
        return shown | index_entry(self.index, self.row) | ({} if self.id is None else {"id": self.id})


def row_place(source: str, line: int | None, row: int, index: Hashable | None, shown_id: str | None) -> str:
    """Return ``FILE:LINE``, or ``SOURCE: row N (data row, 1-based)`` (with its *index* label when not its *row*)
    when the line is not known, then `` (id X)`` when the rows have ids (*shown_id*: ``""`` for a blank one)."""
    said = "" if shown_id is None else id_said(shown_id)
    return (f"{source}:{line}" if line is not None else frame_row(source, row, index)) + said
