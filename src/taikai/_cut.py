"""Shorten what taikai quotes or lists, marked as shortened: a quoted text (in a message, the report, a rules check)
cut to its first characters always ends with :data:`CUT_MARK`, so that no one takes its start for the whole text;
a list cut to its first items always counts the rest (``, and 1,234 more``), and, where a message says where every
item is, the whole (:func:`cut_list`, a list in a line; :func:`cut_lines`, an item a line)."""

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


def count_rest(total: int, shown: int, where: str = "") -> str:
    """Return how many of *total* items a list of its first *shown* leaves out (``1,233 more``), and, given *where*
    every one is, how many there are in all: ``3 more (13 in all; every one in the --json report)``."""
    rest = f"{total - shown:,} more"
    return f"{rest} ({total:,} in all; {where})" if where else rest


def cut_list(items: Sequence[object], shown: int, where: str = "", total: int | None = None, sep: str = ", ") -> str:
    """Return the first *shown* of *items* joined with *sep*, then, when there are more, the rest counted as
    :func:`count_rest` counts it: ``a, b, and 3 more`` (``a, b, and 3 more (5 in all; every one in the --json
    report)`` given *where*). *total* counts the items when *items* holds only the first few of them; *sep* is
    ``; `` where an item may hold a comma."""
    first = [str(item) for item in items[:shown]]
    total = len(items) if total is None else total
    listed = sep.join(first)
    return listed if total <= len(first) else f"{listed}{sep}and {count_rest(total, len(first), where)}"


def cut_lines(
    items: Sequence[object], shown: int, where: str = "", total: int | None = None, bullet: str = "  "
) -> list[str]:
    """Return a line of each of the first *shown* of *items*, each after *bullet*, then, when there are more, a line
    ``… and`` the rest counted as :func:`count_rest` counts it (``  … and 3 more``); *where* and *total* as
    :func:`cut_list` takes them."""
    first = [f"{bullet}{item}" for item in items[:shown]]
    total = len(items) if total is None else total
    rest = [f"{bullet}… and {count_rest(total, len(first), where)}"] if total > len(first) else []
    return first + rest
