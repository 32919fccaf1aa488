"""The 95 % Wilson interval of a share of rows: how firm a score on few rows is (an accuracy, a rule's precision)."""

from __future__ import annotations

from math import sqrt

Z_95 = 1.959963984540054
"""The standard normal quantile of a two-sided 95 % interval."""


def wilson_interval(right: int, rows: int, z: float = Z_95) -> tuple[float, float]:
    """Return the Wilson score interval of *right* successes in *rows* (95 % by default): unlike the normal
    approximation, it stays within 0 and 1 and is not a point at 0 or 1 of *rows* right. ``(0, 1)``: no row."""
    if rows <= 0:
        return (0.0, 1.0)
    share = right / rows
    spread = z * z / rows
    centre = (share + spread / 2) / (1 + spread)
    half = z * sqrt(share * (1 - share) / rows + spread / (4 * rows)) / (1 + spread)
    return (max(0.0, centre - half), min(1.0, centre + half))
