"""Judge a bench's figures against its targets: a ``MET``/``MISSED`` line per target, a summary, an exit code.

Shared by the benches that have targets (``bench_batch.py``, ``bench_startup.py``, ``bench_memory.py``): a
benchmark that cannot fail is a defect, so each ends with :func:`finish`, which exits 1 when any target is missed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn


@dataclass(frozen=True)
class Target:
    """One target: the figure measured, the bound it must reach, and which way (``at_most`` or at least)."""

    name: str
    figure: float
    bound: float
    at_most: bool = False
    unit: str = ""

    @property
    def met(self) -> bool:
        """Whether the figure is within the bound (the bound itself counts as met)."""
        return self.figure <= self.bound if self.at_most else self.figure >= self.bound

    def line(self) -> str:
        """Return ``MET name: figure (target >= bound)`` or the same with ``MISSED``."""
        sign = "<=" if self.at_most else ">="
        return (
            f"{'MET' if self.met else 'MISSED':6s} {self.name}: {self.figure:.3f}{self.unit} "
            f"(target {sign} {self.bound:g}{self.unit})"
        )


def summary(targets: Sequence[Target]) -> str:
    """Return the last line of a bench: how many targets were met, and the names of those missed."""
    missed = [t.name for t in targets if not t.met]
    if not targets:
        return "verdict: no target judged in this run"
    if not missed:
        return f"verdict: all targets MET ({len(targets)} of {len(targets)})"
    return f"verdict: {len(missed)} of {len(targets)} targets MISSED: {'; '.join(missed)}"


def exit_code(targets: Sequence[Target]) -> int:
    """Return 1 when any target is missed, else 0."""
    return 0 if all(t.met for t in targets) else 1


def finish(targets: Sequence[Target]) -> NoReturn:
    """Print a line per target and the summary, and exit 1 when any target is missed (0 when all are met)."""
    for target in targets:
        print(target.line())
    print(summary(targets))
    sys.stdout.flush()
    raise SystemExit(exit_code(targets))
