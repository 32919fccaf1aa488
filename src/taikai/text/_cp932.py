"""Texts as a CSV sheet written in CP932 holds them (``suggest --output-encoding cp932``): the characters CP932
cannot hold (emoji, ♥, …) written as ``?``, so that ``suggest --exclude`` of such a sheet, and ``train --add``'s
duplicate check, find its rows' texts again.

Python's CP932 codec takes about 5 µs a review, too slow to run over a million candidates; :func:`cp932_unencodable`
finds the few texts with a character CP932 cannot hold with a table of the code points it cannot (built once, in
about 0.4 s), over the texts' UTF-32 code points, in about 1 µs a review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

CP932_REPLACEMENT = "?"
"""What a CSV sheet in CP932 holds for a character CP932 cannot hold (as :mod:`taikai.io` writes it)."""
_CHUNK = 20_000
_BMP = 0x10000
_LAST = 0x10FFFF


@cache
def _cannot() -> npt.NDArray[np.bool_]:
    """Return, per code point, whether CP932 cannot hold it (every one above the Basic Multilingual Plane)."""
    points = [c for c in range(_BMP) if not 0xD800 <= c < 0xE000]
    written = "".join(map(chr, points)).encode("cp932", "xmlcharrefreplace").decode("cp932")
    cannot = np.ones(_LAST + 1, dtype=bool)
    cannot[points] = False
    cannot[[int(m) for m in re.findall(r"&#(\d+);", written)]] = True  # "&#" never stands side by side in points
    return cannot


def cp932_unencodable(texts: Sequence[str]) -> list[int]:
    """Return the positions of the *texts* that hold a character CP932 cannot hold."""
    cannot = _cannot()
    out: list[int] = []
    for begin in range(0, len(texts), _CHUNK):
        chunk = texts[begin : begin + _CHUNK]
        bad = np.flatnonzero(cannot[np.frombuffer("".join(chunk).encode("utf-32-le", "surrogatepass"), np.uint32)])
        if len(bad):
            ends = np.cumsum([len(t) for t in chunk])
            out.extend(begin + int(k) for k in np.unique(np.searchsorted(ends, bad, side="right")))
    return out


def cp932_written(text: str) -> str:
    """Return *text* as a CP932 sheet holds it: each character CP932 cannot hold as ``?``."""
    return text.encode("cp932", "replace").decode("cp932")
