"""A handle quoted after the word that names it (``LINE IDは「sato_88」``, ``ID:『tanaka_hiro』``, ``Chatwork
ID（tanaka_k）``): the quote opens before the value and closes right after it, and the brackets stay outside the
mask (``LINE IDは「[ID]」``)."""

from __future__ import annotations

import re

_PAIRS = {"「": "」", "『": "』", '"': '"', "“": "”", "'": "'", "‘": "’", "(": ")", "[": "]", "【": "】", "<": ">"}
"""Each opening quote or bracket (in NFKC: （ is ``(``, ［ is ``[``, ＜ is ``<``) and the one that closes it."""

OPENING = "[" + re.escape("".join(_PAIRS)) + "]"
"""A pattern for one opening quote or bracket, as the ID patterns take it before a handle (group ``q``)."""


def closed(text: str, match: re.Match[str], value: str) -> bool:
    """Whether the handle *value* that *match* found at its group ``v`` of *text* is quoted as it must be: not at
    all (no group ``q``), or closed right after it by the quote that opened it (``「sato_88」``), or ending the
    text (``LINE IDは「sato_88``, the quote left open)."""
    opening, end = match.group("q"), match.start("v") + len(value)
    return opening is None or end == len(text) or text.startswith(_PAIRS[opening], end)
