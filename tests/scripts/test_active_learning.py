"""The active-learning experiment's bookkeeping: seed batches, the real dev score, the table."""

import pandas as pd
import pytest
from active_learning import seed_batches, table


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seed_batches_are_two_distinct_batches_fixed_by_the_seed(seed):
    batches = [f"b{i:02d}" for i in range(1, 10)]
    pair = seed_batches(batches, seed)
    assert pair == seed_batches(batches, seed) and len(set(pair)) == 2 and set(pair) <= set(batches)


def test_seeds_start_from_different_batches():
    batches = [f"b{i:02d}" for i in range(1, 10)]
    assert len({tuple(seed_batches(batches, s)) for s in range(3)}) == 3


def test_table_gives_mean_and_range_over_seeds():
    results = pd.DataFrame(
        {
            "strategy": ["margin", "margin"],
            "seed": [0, 1],
            "round": [1, 1],
            "labelled": [700, 710],
            "test_reason_macro_f1": [0.8, 0.9],
        }
    )
    lines = table(results).splitlines()
    assert lines[0] == "| strategy | round | labelled | test_reason_macro_f1 |"
    assert lines[2] == "| margin | 1 | 705 | 0.850 (0.800–0.900) |"
