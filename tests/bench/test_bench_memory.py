"""bench/bench_memory.py: the 500 MB ceiling is judged at 1M rows or more, the growth ratio when there are two row
counts, and a process tree's memory is summed (PSS where readable), a process that ended counting as nothing."""

import importlib
import os
import sys
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # the benches import their siblings by name, as when run as scripts

bench_memory = importlib.import_module("bench_memory")
MB = 1_000_000


@pytest.mark.parametrize(
    ("peaks", "lines"),
    [
        (
            {100_000: 450 * MB, 1_000_000: 480 * MB},
            [
                "MET    peak PSS at 1,000,000 rows: 480.000 MB (target <= 500 MB)",
                "MET    peak PSS 1,000,000 / 100,000 rows: 1.067 (target <= 1.1)",
            ],
        ),
        (
            {100_000: 400 * MB, 1_000_000: 520 * MB},
            [
                "MISSED peak PSS at 1,000,000 rows: 520.000 MB (target <= 500 MB)",
                "MISSED peak PSS 1,000,000 / 100,000 rows: 1.300 (target <= 1.1)",
            ],
        ),
        ({20_000: 600 * MB, 40_000: 630 * MB}, ["MET    peak PSS 40,000 / 20,000 rows: 1.050 (target <= 1.1)"]),
        ({1_000_000: 510 * MB}, ["MISSED peak PSS at 1,000,000 rows: 510.000 MB (target <= 500 MB)"]),
        ({20_000: 600 * MB}, []),
    ],
    ids=["both-met", "both-missed", "small-runs", "ceiling-only", "nothing-to-judge"],
)
def test_memory_targets_judge_what_the_rows_allow(peaks, lines):
    assert [t.line() for t in bench_memory.memory_targets(peaks, "PSS")] == lines


class Ended:
    """A process that ended between listing and reading it."""

    def children(self, recursive):
        return []


def test_a_tree_of_processes_is_summed_and_an_ended_one_counts_as_nothing():
    def measure(process):
        if isinstance(process, Ended):
            raise psutil.NoSuchProcess(1)
        return 7

    assert bench_memory.tree_memory(Ended(), measure) == 0
    assert bench_memory.tree_memory(psutil.Process(os.getpid()), measure) >= 7


@pytest.mark.parametrize("use_pss", [True, False])
def test_process_memory_reads_pss_or_rss(use_pss):
    if use_pss and not bench_memory.pss_readable():
        pytest.skip("psutil reads no PSS on this system")
    me = psutil.Process(os.getpid())
    got = bench_memory.process_memory(use_pss)(me)
    rss = me.memory_info().rss
    if use_pss:  # libc's pages, at least, are shared with other processes: a share of them counts
        assert 0 < got < rss
    else:
        assert got == pytest.approx(rss, rel=0.05)
