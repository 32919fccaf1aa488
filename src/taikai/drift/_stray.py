"""A few rows dated far from the rest at the start or the end of a dump: one mistyped date (``2026-12-25`` in an
October dump) makes a period of 1 row after an empty month, which alone would read as a month the dump lost.

The rule (:func:`stray_ends`): the first or the last period(s) with rows, cut off from the others by at least one
period without rows, and holding together at most :data:`STRAY_SHARE` of the dated rows (and at least one row less
than the rest: never half the dump), where those empty periods would hold :data:`GAP_ROWS` rows at the others' rate.
The sample dump (3,000 rows, 2025-01 to 2026-10) has no empty month nor week, so none of its ends is one; docs/drift.md
has what was measured."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from taikai._freq import unit_name

STRAY_SHARE = 0.01
"""The largest share of a dump's dated rows that an end cut off by empty periods may hold to be said as stray."""
GAP_ROWS = 10
"""The rows the empty periods cutting an end off would hold at least, at the others' rows per period, for the end to
be said: empty weeks between a first week of 1 row and a dump of 3 rows a week are chance, not a mistyped date."""
SHOWN_ROWS = 5
"""The rows of a stray end named (their place and their date as written); the others are counted."""


class End(str, Enum):
    """Which end of the dump's dates a stray group sits at."""

    FIRST = "first"
    LAST = "last"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class StrayRow:
    """One row of a stray end: its data row (``position``, from 0), the file ``line`` it starts on (``None`` for a
    frame, or a file without lines: Parquet) and its date cell as written."""

    position: int
    date: str
    line: int | None = None

    @property
    def place(self) -> str:
        """``line 3,002`` of a file, else ``data row 3,001`` (after the header)."""
        return f"line {self.line:,}" if self.line is not None else f"data row {self.position + 1:,}"

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"line": self.line, "data_row": self.position + 1, "date": self.date}


@dataclass(frozen=True)
class StrayPeriods:
    """The first or last ``periods`` of a dump (named as the period table names them), holding ``rows`` of its
    ``dated`` rows, after (or before) ``gap`` periods without rows that cut them off from the others; ``shown``: the
    first :data:`SHOWN_ROWS` of their rows. They are counted in their periods and the whole dump as any row; this
    says that their dates, rather than rows the dump lost, may explain the empty periods."""

    end: End
    periods: tuple[str, ...]
    rows: int
    dated: int
    gap: int
    freq: str = "M"
    shown: tuple[StrayRow, ...] = ()

    @property
    def name(self) -> str:
        """``2026-12``, or ``2026-12 – 2027-01`` for several periods."""
        return self.periods[0] if len(self.periods) == 1 else f"{self.periods[0]} – {self.periods[-1]}"

    @property
    def share(self) -> float:
        """The share of the dated rows the periods hold."""
        return self.rows / self.dated if self.dated else 0.0

    def line(self) -> str:
        """Say the stray end, its rows and which, as a line under the period table."""
        unit = unit_name(self.freq)
        where = "before" if self.end is End.FIRST else "after"
        gap = f"{self.gap:,} {unit if self.gap == 1 else unit + 's'} without rows"
        rows = "1 row" if self.rows == 1 else f"{self.rows:,} rows"
        named = "; ".join(f"{r.place} dated {r.date!r}" for r in self.shown)
        more = f" and {self.rows - len(self.shown):,} more" if self.rows > len(self.shown) else ""
        return (
            f"{self.name} holds {rows} ({self.share:.1%} of the dated rows), {where} {gap}: {named}{more}; "
            "so few rows cut off are more likely a mistyped date than reviews of that time: check these dates "
            f"(their rows are counted in {self.name} and in the whole dump)"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {
            "end": self.end.value,
            "periods": list(self.periods),
            "rows": self.rows,
            "share": round(self.share, 6),
            "empty_periods_between": self.gap,
            "rows_shown": [r.to_dict() for r in self.shown],
        }


def stray_ends(counts: Sequence[int], share: float = STRAY_SHARE) -> list[tuple[End, int, int]]:
    """Return the stray ends of *counts* (the rows of each period in date order, 0 for a period without rows, from the
    first period with rows to the last): per end, ``(end, periods, gap)``, the number of periods with rows at that
    end that are stray and the empty periods cutting them off. An end is stray when its periods hold at most
    *share* of the rows and the empty periods after (before) them would hold :data:`GAP_ROWS` rows or more at the
    rows per period of the others. Of the cuts that qualify at an end, the one nearest the middle (the most rows
    said) is taken."""
    held = [i for i, n in enumerate(counts) if n]
    total = sum(counts)
    found: list[tuple[End, int, int]] = []
    if len(held) < 2 or not total:
        return found
    for end, order in ((End.FIRST, held), (End.LAST, held[::-1])):
        best: tuple[End, int, int] | None = None
        rows = 0
        for k in range(len(order) - 1):
            rows += counts[order[k]]
            if rows > share * total or 2 * rows >= total:
                break
            gap = abs(order[k + 1] - order[k]) - 1
            rest = order[k + 1 :]
            rate = (total - rows) / (abs(rest[-1] - rest[0]) + 1)  # the others' rows per period, their gaps too
            if gap > 0 and rate * gap >= GAP_ROWS:
                best = (end, k + 1, gap)
        if best is not None:
            found.append(best)
    if len(found) == 2 and found[0][1] + found[1][1] >= len(held):  # the two ends met: no bulk between them
        return []
    return found
