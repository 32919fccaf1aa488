"""bench/bench_startup.py: each target is judged on the wall and the CPU ratio of medians to import sklearn, so a
CPU cost the wall time hides still misses."""

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # the benches import their siblings by name, as when run as scripts

bench_startup = importlib.import_module("bench_startup")
BASE, HELP, PREDICT = "python -c 'import sklearn'", "taikai --help", "taikai predict TEXT"


def figures(base, help_, predict):
    return {BASE: base, HELP: help_, PREDICT: predict, "taikai batch --help": [9.0]}


@pytest.mark.parametrize(
    ("wall", "cpu", "missed"),
    [
        (figures([1.0, 1.2, 1.1], [0.2], [0.9, 1.0, 1.05]), figures([1.0], [0.2], [0.9]), []),
        (
            figures([1.0], [0.2], [0.9]),
            figures([1.0], [0.2], [1.5]),
            ["taikai predict TEXT / import sklearn, CPU time"],
        ),
        (
            figures([1.0], [0.3], [1.03]),
            figures([1.0], [0.2], [0.9]),
            ["taikai --help / import sklearn, wall time", "taikai predict TEXT / import sklearn, wall time"],
        ),
    ],
    ids=["all-met", "cpu-only-missed", "wall-missed"],
)
def test_startup_targets_judge_wall_and_cpu(wall, cpu, missed):
    targets = bench_startup.startup_targets(wall, cpu)
    assert len(targets) == 4
    assert [t.name.removesuffix(", medians") for t in targets if not t.met] == missed
    assert all(t.at_most for t in targets)


def test_the_predict_ratio_is_the_ratio_of_medians():
    targets = bench_startup.startup_targets(figures([1.0, 2.0, 4.0], [0.1], [3.0, 3.0, 1.0]), figures([1], [1], [1]))
    assert targets[2].figure == pytest.approx(1.5)
    assert targets[2].line().startswith("MISSED taikai predict TEXT / import sklearn, wall time, medians: 1.500")
