"""A share written as a percentage that never reads as all or none when it is neither (``99.5 %``, not ``100 %``)."""

from __future__ import annotations

MAX_DECIMALS = 4
"""The most decimals a share is written with: beyond, 99.99995 % is written as 100.0000 % (it is that close)."""


def percent(share: float, space: str = " ") -> str:
    """Return *share* (0 to 1) as a whole percentage followed by *space* and ``%`` (``43 %``); one decimal, or as many
    as it takes (up to :data:`MAX_DECIMALS`), when a share above 0 or below 1 would round to 0 or 100 (``99.5 %``,
    ``0.03 %``), so that 199 of 200 rows never read as all of them."""
    value = 100 * share
    decimals = 0
    while 0 < share < 1 and decimals < MAX_DECIMALS and round(value, decimals) in (0, 100):
        decimals += 1
    return f"{value:.{decimals}f}{space}%"
