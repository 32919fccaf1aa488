"""Rows a ``taikai suggest`` sheet picked as those its model was least sure of (its ``picked_by`` column says
``margin`` or ``entropy``): scores on them understate what a model does on the dump they were picked from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

UNCERTAIN = ("margin", "entropy")
"""The ``picked_by`` values of rows picked for their uncertainty (``random`` rows are a uniform draw)."""


@dataclass(frozen=True)
class PickedRows:
    """Of the ``scored`` rows, the ``rows`` a suggest sheet picked among its model's least sure (``picked_by``: the
    ``strategies`` found, among :data:`UNCERTAIN`)."""

    rows: int
    scored: int
    strategies: tuple[str, ...]

    def warning(self) -> str:
        """Return the warning that these scores understate, with what to score instead."""
        by = " or ".join(self.strategies)
        of = "the" if self.rows == self.scored else f"{self.rows:,} of the"
        return (
            f"{of} {self.scored:,} rows scored were picked by taikai suggest (picked_by {by}) among the rows its "
            "model was least sure of: scores on them say how a model does on the hardest rows of the dump they came "
            "from and understate what it does on the whole dump; to estimate that, label and score a sheet drawn "
            "with strategy='random' (--strategy random on the command line)"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"rows": self.rows, "scored": self.scored, "picked_by": list(self.strategies)}


def picked_rows(df: pd.DataFrame, scored: Sequence[int]) -> PickedRows | None:
    """Return the rows at the positions *scored* of *df* that its ``picked_by`` column says were picked for their
    uncertainty; ``None`` without such a column or such rows."""
    from taikai.io import PICKED_BY_COLUMN

    if PICKED_BY_COLUMN not in df.columns:
        return None
    values = [str(v).strip().lower() for v in df[PICKED_BY_COLUMN].iloc[list(scored)].tolist()]
    uncertain = [v for v in values if v in UNCERTAIN]
    if not uncertain:
        return None
    return PickedRows(len(uncertain), len(values), tuple(s for s in UNCERTAIN if s in uncertain))
