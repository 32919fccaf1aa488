"""A share written as a percentage that never reads as all or none when it is neither (``99.5 %``, not ``100 %``)."""

from __future__ import annotations

MAX_DECIMALS = 4
"""The most decimals a share is written with: a share closer to 0 or 1 than that shows is written as a bound,
``<0.0001 %`` or ``>99.9999 %``, never as ``0.0000 %`` or ``100.0000 %``."""


def percent(share: float, space: str = " ", decimals: int = 0) -> str:
    """Return *share* (0 to 1) as a percentage with *decimals* decimals followed by *space* and ``%`` (``43 %``;
    ``43.2 %`` with ``decimals=1``); more decimals (up to 4) when a share above 0 or below 1
    would round to 0 or 100 (``99.5 %``, ``0.03 %``), so that 199 of 200 rows never read as all of them. A share
    still closer to 0 or 1 is written as the bound it passes: ``<0.0001 %``, ``>99.9999 %``. Only 0 and 1 are
    written ``0 %`` and ``100 %``."""
    value = 100 * share
    while 0 < share < 1 and decimals < MAX_DECIMALS and round(value, decimals) in (0, 100):
        decimals += 1
    if 0 < share < 1 and round(value, decimals) in (0, 100):
        bound = 10.0**-decimals
        return f"<{bound:.{decimals}f}{space}%" if value < 50 else f">{100 - bound:.{decimals}f}{space}%"
    return f"{value:.{decimals}f}{space}%"
