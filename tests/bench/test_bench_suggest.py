"""bench/bench_suggest.py: the scaling it prints, as time ratios and the exponent k of time ~ rows^k."""

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # the benches import their siblings by name, as when run as scripts

bench_suggest = importlib.import_module("bench_suggest")


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        ({100: 1.0, 1000: 10.0}, [(1000, 100, 10.0, 10.0, 1.0)]),  # linear
        ({100: 1.0, 1000: 100.0}, [(1000, 100, 10.0, 100.0, 2.0)]),  # quadratic
        ({1000: 4.0, 10: 2.0, 100: 2.0}, [(100, 10, 10.0, 1.0, 0.0), (1000, 10, 100.0, 2.0, 1 / 6.643856)]),
        ({5: 3.0}, []),  # one size: nothing to compare
    ],
)
def test_scaling_compares_each_size_with_the_smallest(times, expected):
    got = bench_suggest.scaling(times)
    assert [(s.rows, s.smallest) for s in got] == [e[:2] for e in expected]
    assert [(s.size_ratio, s.time_ratio, s.exponent) for s in got] == [pytest.approx(e[2:]) for e in expected]
