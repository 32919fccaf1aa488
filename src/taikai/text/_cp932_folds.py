"""The characters CP932 holds as other characters, and how many a CP932 output wrote so.

Python's CP932 codec, as Excel's CP932 save on Japanese Windows, writes six characters as the look-alikes CP932
has codes for (a one-way mapping: read back, the file holds the look-alike): 〜 − ‖ ¢ £ ¬ become ～ － ∥ ￠ ￡ ￢.
Nothing else it can encode comes back changed (every code point of the Basic Multilingual Plane was tried). A
character CP932 cannot hold at all is written as ``?`` instead, and counted apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

CP932_FOLDS = {
    "\u301c": "\uff5e",  # 〜 wave dash → ～ full-width tilde
    "\u2212": "\uff0d",  # − minus sign → － full-width hyphen-minus
    "\u2016": "\u2225",  # ‖ double vertical line → ∥ parallel to
    "\u00a2": "\uffe0",  # ¢ → ￠
    "\u00a3": "\uffe1",  # £ → ￡
    "\u00ac": "\uffe2",  # ¬ → ￢
}
"""Each character a CP932 output holds as another, and that other (``"〜".encode("cp932").decode("cp932")``)."""
FOLDS_SAID = f"{' '.join(CP932_FOLDS)} written as {' '.join(CP932_FOLDS.values())}"
"""The folds in words, for a summary."""


@dataclass(frozen=True)
class CP932Folds:
    """How many characters of some rows a CP932 output holds as others (:data:`CP932_FOLDS`), and in how many rows."""

    characters: int = 0
    rows: int = 0


def count_cp932_folds(columns: Sequence[Sequence[Any]]) -> CP932Folds:
    """Return how many characters of the text cells of *columns* (a chunk's columns, of the same length) a CP932
    output holds as others, and how many rows hold one. One pass over the texts joined when none does."""
    texts = [[cell for cell in column if type(cell) is str] for column in columns]
    joined = "\0".join("\0".join(column) for column in texts)
    characters = sum(map(joined.count, CP932_FOLDS))
    if not characters:
        return CP932Folds()
    rows = sum(any(type(cell) is str and any(c in cell for c in CP932_FOLDS) for cell in row) for row in zip(*columns))
    return CP932Folds(characters, rows)
