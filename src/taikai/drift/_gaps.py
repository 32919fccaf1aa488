"""The periods without rows between a dump's first period and its last: a month lost in an export is said, not
skipped over, and a run of empty periods is one entry (years of empty weeks are not a line each)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from taikai._cut import cut_list
from taikai._freq import unit_name
from taikai.io import period_name


@dataclass(frozen=True)
class EmptyPeriods:
    """A run of consecutive periods that hold no row, between the dump's first period with rows and its last:
    from ``first`` to ``last`` (named as :attr:`PeriodDrift.period` names a period: ``2025-03``, ``2025-W09``),
    ``count`` periods of ``freq`` (``M`` months, ``W`` weeks). Nothing in them is judged; they do not set
    ``DriftReport.alert`` (docs/drift.md says why)."""

    first: str
    last: str
    count: int
    freq: str = "M"

    @property
    def name(self) -> str:
        """The run as a period table names it: ``2025-03``, or ``2025-03 – 2025-05`` for several periods."""
        return self.first if self.count == 1 else f"{self.first} – {self.last}"

    @property
    def unit(self) -> str:
        """``month`` or ``week``, plural when the run holds several."""
        unit = unit_name(self.freq)
        return unit if self.count == 1 else f"{unit}s"

    @property
    def verdict(self) -> str:
        """The run's verdict in a period table: ``no rows``, with how many periods when it holds several."""
        return "no rows" if self.count == 1 else f"no rows ({self.count:,} {self.unit})"

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (``"rows"`` is always 0)."""
        return {"first": self.first, "last": self.last, "periods": self.count, "rows": 0}


def empty_runs(periods: Iterable[Any], freq: str) -> tuple[EmptyPeriods, ...]:
    """The runs of periods without rows between the first and the last of *periods* (pandas ``Period``s of
    *freq*, those that hold rows), in date order."""
    found = []
    held = sorted(periods)
    for before, after in pairwise(held):
        missing = (after - before).n - 1  # periods strictly between the two
        if missing > 0:
            found.append(EmptyPeriods(period_name(before + 1), period_name(after - 1), missing, freq))
    return tuple(found)


def gaps_line(gaps: tuple[EmptyPeriods, ...], shown: int = 5, strays: Sequence[str] = ()) -> str | None:
    """Return the line under the period table that says how many periods between the first and the last hold no
    rows, and which (the first *shown* runs), with both readings: rows the dump lost, or a few dates outside its
    range (*strays*: the names of the periods at an end that hold a few rows cut off by them,
    ``StrayPeriods.name``, said beside); ``None`` when there are none."""
    if not gaps:
        return None
    total = sum(g.count for g in gaps)
    unit = unit_name(gaps[0].freq)
    names = cut_list([g.name for g in gaps], shown)
    it = "it" if total == 1 else "them"
    return (
        f"{total:,} {unit if total == 1 else unit + 's'} without rows between the first {unit} with rows and the "
        f"last: {names}; nothing in {it} is judged and the verdict does not count {it}: either the dump lost rows "
        f"there, or a few rows are dated outside the dump's range{_said(strays)}"
    )


def _said(strays: Sequence[str]) -> str:
    """Where the gaps line points to the rows that may explain the gaps: the stray ends said below, else check."""
    if not strays:
        return " (check the dates of the first and last rows)"
    return f" ({' and '.join(strays)}: below)"
