"""A share written as a percentage that never reads as all or none when it is neither (``99.5 %``, not ``100 %``),
rounded as Excel rounds it (``6.25 %`` to one decimal is ``6.3 %``)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

MAX_DECIMALS = 4
"""The most decimals a share is written with: a share closer to 0 or 1 than that shows is written as a bound,
``<0.0001 %`` or ``>99.9999 %``, never as ``0.0000 %`` or ``100.0000 %``."""


def _rounded(share: float, decimals: int) -> Decimal:
    """*share* as a percentage rounded to *decimals* places as Excel shows it: the value to 15 significant digits
    (as Excel holds it: 0.2345, not the float's 0.23449999…), a 5 rounded away from zero (1 of 16 is 6.3 %, as an
    Excel cell formatted 0.0% and a pivot table's share show it, where Python's rounding wrote 6.2 %)."""
    return (Decimal(f"{share:.15g}") * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent(share: float, space: str = " ", decimals: int = 0) -> str:
    """Return *share* (0 to 1) as a percentage with *decimals* decimals followed by *space* and ``%`` (``43 %``;
    ``43.2 %`` with ``decimals=1``), rounded as Excel rounds it (a 5 away from zero: 1 of 16 is ``6.3 %``); more
    decimals (up to 4) when a share above 0 or below 1
    would round to 0 or 100 (``99.5 %``, ``0.03 %``), so that 199 of 200 rows never read as all of them. A share
    still closer to 0 or 1 is written as the bound it passes: ``<0.0001 %``, ``>99.9999 %``. Only 0 and 1 are
    written ``0 %`` and ``100 %``."""
    share = float(share)
    if not math.isfinite(share):  # no share (nothing to divide): as Python writes it
        return f"{100 * share:.{decimals}f}{space}%"
    while 0 < share < 1 and decimals < MAX_DECIMALS and _rounded(share, decimals) in (0, 100):
        decimals += 1
    if 0 < share < 1 and _rounded(share, decimals) in (0, 100):
        bound = 10.0**-decimals
        return f"<{bound:.{decimals}f}{space}%" if share < 0.5 else f">{100 - bound:.{decimals}f}{space}%"
    return f"{_rounded(share, decimals)}{space}%"
