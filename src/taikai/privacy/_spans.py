"""Spans of a text already taken, and whether a span overlaps one of them, in time logarithmic in their number.

Masking asks, for each value it finds in a text, whether it overlaps a value found before. Comparing it with every
one of them made a text dense with names (a pasted roster, ``田中さんと佐藤さん。`` over and over) cost the square of
its length: :class:`Spans` answers by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """Spans ``[start, end)`` of a text: those given, in any order and overlapping or not, and those :meth:`add`
    adds, each overlapping none before it."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        given = sorted(spans)
        self._starts = [start for start, _ in given]
        self._reach = list(accumulate((end for _, end in given), max))  # the furthest end of the first k spans
        self._added_starts: list[int] = []
        self._added_ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span (``start < e and end > s``); an empty one is asked
        of the spans given only."""
        k = bisect.bisect_left(self._starts, end)  # the given spans that start before *end*
        if k and self._reach[k - 1] > start:
            return True
        # The added spans are apart and not empty, so sorted by start their ends are sorted too: only the neighbours
        # of *start* in that order may overlap.
        at = bisect.bisect_right(self._added_starts, start)
        if at and self._added_ends[at - 1] > start:
            return True
        return at < len(self._added_starts) and self._added_starts[at] < end

    def add(self, start: int, end: int) -> None:
        """Add ``[start, end)``, not empty, which overlaps no span (:meth:`overlaps` said so)."""
        at = bisect.bisect_right(self._added_starts, start)
        self._added_starts.insert(at, start)
        self._added_ends.insert(at, end)
