"""What every section builder is given: the predictions, the options the user chose, and what is known about them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from taikai.analysis import _tables as tables

ID_COLUMNS = ("review_id", "id")


@dataclass(frozen=True)
class ReportOptions:
    """The reader's choices: which columns hold dates, segments and texts, the period, how many reviews to show."""

    date_column: str | None = None
    by: str | None = None
    text_column: str = "text"
    freq: str = "M"
    per_reason: int = 3
    uncertain: int = 20
    drift: bool = True


@dataclass(frozen=True, eq=False)
class ReportContext:
    """The predictions frame (index 0..n-1) and the options; derived tables are computed once and shared."""

    frame: Any
    options: ReportOptions
    source: str = ""
    model: Any = None  # the Model, or its directory, that made the predictions (None: the shipped model)

    @cached_property
    def rows(self) -> Any:
        """The classified rows (status ``ok`` with a reason)."""
        return tables.classified(self.frame)

    @cached_property
    def context_columns(self) -> list[str]:
        """Columns shown beside each review: an id, the date, the segment (those present, at most three)."""
        wanted = (*ID_COLUMNS, self.options.date_column, self.options.by)
        return [c for c in wanted if c and c in self.frame.columns][:3]
