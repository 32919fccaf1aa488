"""What ``rules test`` counts of one rule or one label (hits, right hits, support) and how its tables show them."""

from __future__ import annotations

from dataclasses import dataclass

from taikai._interval import wilson_interval
from taikai.rules._misfire import Misfire


@dataclass(frozen=True)
class Counts:
    """Hits, right hits and support (rows whose gold reasons include the label) of a rule or a label."""

    hits: int
    right: int
    support: int

    @property
    def precision(self) -> float | None:
        """Right hits / hits (``None`` without hits)."""
        return self.right / self.hits if self.hits else None

    @property
    def precision_interval(self) -> tuple[float, float] | None:
        """The 95 % Wilson interval of :attr:`precision` over the hits (1 of 2 right: 0.342 to 1); ``None`` if none."""
        return wilson_interval(self.right, self.hits) if self.hits else None

    @property
    def recall(self) -> float | None:
        """Right hits / support (``None`` when no row has the label)."""
        return self.right / self.support if self.support else None


@dataclass(frozen=True)
class RuleScore:
    """How one rule did: its counts, how many times it fired against the gold labels, and the first such rows."""

    name: str
    label: str
    counts: Counts
    misfires: int
    examples: tuple[Misfire, ...]
    same_rows: str | None = None
    """The earlier rule that fired on exactly the rows this one did (``None``: none did, or this one never fired)."""
    source: str | None = None
    """The rules file the rule came from, when the rules came from several (``None``: of one file)."""


def ratio(value: float | None) -> str:
    """A precision or recall as the tables show it (``0.823``; ``-`` for none)."""
    return "-" if value is None else f"{value:.3f}"


def table_row(c: Counts) -> str:
    """The cells of *c* in a table of ``rules test``: hits, right, the precision with its 95 % interval, recall."""
    interval = c.precision_interval
    precision = f"{ratio(c.precision)} ({interval[0]:.3f}–{interval[1]:.3f})" if interval else "-"
    return f"{c.hits:,} | {c.right:,} | {precision} | {ratio(c.recall)}"
