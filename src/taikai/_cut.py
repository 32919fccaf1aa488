"""Shorten what taikai quotes or lists, marked as shortened: a quoted text (in a message, the report, a rules check)
cut to its first characters always ends with :data:`CUT_MARK`, so that no one takes its start for the whole text;
a list cut to its first items always counts the rest, the whole, and says where every item is (:func:`cut_list`)."""

from __future__ import annotations

from collections.abc import Sequence

CUT_MARK = "…"
"""What ends a quoted text that was cut to its first characters."""


def cut(text: str, chars: int) -> str:
    """Return *text*, or, when it is longer than *chars* characters, its first *chars* followed by :data:`CUT_MARK`."""
    return text if len(text) <= chars else text[:chars] + CUT_MARK


def quoted(text: str, chars: int) -> str:
    """Return *text* quoted as Python writes a str (``'報酬が…'``), cut to its first *chars* characters as
    :func:`cut` cuts it, the mark inside the quotes."""
    return repr(cut(text, chars))


def count_rest(total: int, shown: int, where: str) -> str:
    """Return how many of *total* items a list of its first *shown* leaves out, how many there are in all and
    *where* every one is: ``3 more (13 in all; every one in the --json report)``."""
    return f"{total - shown:,} more ({total:,} in all; {where})"


def cut_list(items: Sequence[str], shown: int, where: str) -> str:
    """Return *items* joined with ``, ``; of more than *shown*, the first *shown* and the rest counted as
    :func:`count_rest` counts it: ``a, b, and 3 more (5 in all; every one in the --json report)``."""
    listed = ", ".join(items[:shown])
    return listed if len(items) <= shown else f"{listed}, and {count_rest(len(items), shown, where)}"
