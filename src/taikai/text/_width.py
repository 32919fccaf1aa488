"""The width of text on a terminal: East Asian wide and full-width characters take two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Return the columns *text* takes on a terminal: two for East Asian wide (W) and full-width (F) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """Return *text* padded with spaces to *width* terminal columns (unchanged when already wider)."""
    return text + " " * max(0, width - display_width(text))


def clip(text: str, width: int) -> str:
    """Return *text* on one line, cut with an ellipsis so that it takes at most *width* terminal columns."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"
