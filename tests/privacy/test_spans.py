"""Whether a span overlaps the spans taken, by bisection (taikai.privacy._spans), as comparing with each says."""

import random

import pytest

from taikai.privacy._spans import Spans


def _overlaps_one(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and end > s for s, e in spans)


@pytest.mark.parametrize(
    ("given", "added", "query", "expected"),
    [
        ([], [], (0, 3), False),
        ([(2, 5)], [], (5, 7), False),  # touching is no overlap
        ([(2, 5)], [], (0, 2), False),
        ([(2, 5)], [], (4, 9), True),
        ([(0, 10), (2, 3)], [], (5, 6), True),  # inside a span given before a shorter one
        ([(0, 2), (1, 8)], [], (6, 7), True),  # given spans may overlap each other
        ([(0, 2)], [(4, 6), (9, 12)], (6, 9), False),
        ([(0, 2)], [(4, 6), (9, 12)], (5, 10), True),
        ([(0, 2)], [(9, 12), (4, 6)], (3, 5), True),  # added out of order
        ([(3, 3)], [], (2, 4), True),  # an empty span given overlaps a span across it, as comparing says
        ([(2, 6)], [], (4, 4), True),  # and an empty span asked inside a given one
        ([(2, 6)], [], (6, 6), False),
    ],
)
def test_a_span_overlaps_as_comparing_with_every_span_says(given, added, query, expected):
    spans = Spans(given)
    for start, end in added:
        spans.add(start, end)
    assert spans.overlaps(*query) is expected
    assert _overlaps_one([*given, *added], *query) is expected


@pytest.mark.parametrize("seed", range(5))
def test_spans_taken_one_by_one_answer_as_comparing_does(seed):
    rng = random.Random(seed)
    given = [(s, s + rng.randint(0, 6)) for s in (rng.randint(0, 200) for _ in range(20))]
    spans, taken = Spans(given), list(given)
    for _ in range(300):
        start = rng.randint(0, 200)
        end = start + rng.randint(1, 8)
        expected = _overlaps_one(taken, start, end)
        assert spans.overlaps(start, end) is expected
        if not expected:
            spans.add(start, end)
            taken.append((start, end))
