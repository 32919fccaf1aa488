"""Shorten a text that taikai quotes (in a message, the report, a rules check) to its first characters, marked: a
quoted text that was cut always ends with :data:`CUT_MARK`, so that no one takes its start for the whole text."""

from __future__ import annotations

CUT_MARK = "…"
"""What ends a quoted text that was cut to its first characters."""


def cut(text: str, chars: int) -> str:
    """Return *text*, or, when it is longer than *chars* characters, its first *chars* followed by :data:`CUT_MARK`."""
    return text if len(text) <= chars else text[:chars] + CUT_MARK


def quoted(text: str, chars: int) -> str:
    """Return *text* quoted as Python writes a str (``'報酬が…'``), cut to its first *chars* characters as
    :func:`cut` cuts it, the mark inside the quotes."""
    return repr(cut(text, chars))
