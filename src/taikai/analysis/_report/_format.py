"""Numbers in sentences: counts with thousands separators, shares as percentages, p-values."""

from __future__ import annotations

from taikai.text import percent


def count(n: int) -> str:
    """Return ``1,234``."""
    return f"{n:,}"


def share(x: float) -> str:
    """Return ``12.3%``: one decimal, more when a share that is not all or none would read 0.0% or 100.0%
    (``99.97%``; see :func:`taikai.text.percent`)."""
    return percent(x, "", decimals=1)


def p_value(p: float) -> str:
    """Return ``p < 0.001`` or ``p = 0.012`` (adjusted p-values)."""
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
