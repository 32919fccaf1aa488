"""Numbers in sentences: counts with thousands separators, shares as percentages, p-values."""

from __future__ import annotations


def count(n: int) -> str:
    """Return ``1,234``."""
    return f"{n:,}"


def share(x: float) -> str:
    """Return ``12.3%``."""
    return f"{x:.1%}"


def p_value(p: float) -> str:
    """Return ``p < 0.001`` or ``p = 0.012`` (adjusted p-values)."""
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
