"""Rows a ``taikai suggest`` sheet picked as those its model was least sure of (its ``picked_by`` column says
``margin`` or ``entropy``): scores on them, a model's (``evaluate``) or rules' (``rules test``), are of the hardest
rows of the dump they were picked from, not of the whole dump. One warning for both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

PICKED_BY_COLUMN = "picked_by"
"""A ``taikai suggest`` sheet's column saying how each row was picked: ``margin`` or ``entropy`` (among the rows the
predicting model was least sure of), ``random`` (a uniform draw). ``evaluate`` and ``rules test`` warn of scores on
the former."""
UNCERTAIN = ("margin", "entropy")
"""The ``picked_by`` values of rows picked for their uncertainty (``random`` rows are a uniform draw)."""
MODEL_SCORES = (
    "scores on them say how a model does on the hardest rows of the dump they came from and understate what it does "
    "on the whole dump"
)
"""What picked rows do to ``evaluate``'s scores."""
RULES_SCORES = (
    "the rules' precision and recall on them are those on the rows of the dump the model found hardest, not on the "
    "whole dump (where rules may fire more or less often, and be right more or less often)"
)
"""What picked rows do to a ``rules test``'s scores."""


@dataclass(frozen=True)
class PickedRows:
    """Of the ``scored`` rows, the ``rows`` a suggest sheet picked among its model's least sure (``picked_by``: the
    ``strategies`` found, among :data:`UNCERTAIN`)."""

    rows: int
    scored: int
    strategies: tuple[str, ...]

    def warning(self, effect: str = MODEL_SCORES) -> str:
        """Return the warning that scores on these rows are the hardest rows' (*effect*: what that does to them,
        :data:`MODEL_SCORES` or :data:`RULES_SCORES`), with what to score instead."""
        by = " or ".join(self.strategies)
        of = "the" if self.rows == self.scored else f"{self.rows:,} of the"
        return (
            f"{of} {self.scored:,} rows scored were picked by taikai suggest (picked_by {by}) among the rows its "
            f"model was least sure of: {effect}; to estimate that, label and score a sheet drawn "
            "with strategy='random' (--strategy random on the command line)"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"rows": self.rows, "scored": self.scored, "picked_by": list(self.strategies)}


def picked_rows(df: pd.DataFrame, scored: Sequence[int]) -> PickedRows | None:
    """Return the rows at the positions *scored* of *df* that its ``picked_by`` column says were picked for their
    uncertainty; ``None`` without such a column or such rows."""
    if PICKED_BY_COLUMN not in df.columns:
        return None
    values = [str(v).strip().lower() for v in df[PICKED_BY_COLUMN].iloc[list(scored)].tolist()]
    uncertain = [v for v in values if v in UNCERTAIN]
    if not uncertain:
        return None
    return PickedRows(len(uncertain), len(values), tuple(s for s in UNCERTAIN if s in uncertain))
