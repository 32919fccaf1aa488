"""The active-learning experiment's bookkeeping: seed batches, the real dev score, the table."""

import pandas as pd
import pytest
from active_learning import fit, paired_table, run, seed_batches, table

from taikai.model import FeatureConfig


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


@pytest.fixture(scope="module")
def tiny_corpus(tiny_csv):
    """The tiny fixture as a corpus: four writer batches of 10 rows, every fifth row in the test split."""
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame["id"] = [f"b{i % 4 + 1:02d}-{i:03d}" for i in range(len(frame))]
    frame["split"] = ["test" if i % 5 == 0 else "train" for i in range(len(frame))]
    return frame[frame["split"] == "train"], frame[frame["split"] == "test"]


@pytest.mark.parametrize(("vectors", "features"), [(False, "words only"), (True, "words + ")])
def test_run_trains_the_configuration_it_is_given(tiny_corpus, vector_table, vectors, features):
    train, test = tiny_corpus
    config = FeatureConfig(vectors=vector_table if vectors else None)
    records = run(train, test, None, config, "margin", seed=0, rounds=1, per_round=4)
    assert [r["round"] for r in records] == [0, 1]
    assert records[1]["labelled"] == records[0]["labelled"] + 4
    assert all(str(r["features"]).startswith(features) for r in records)
    assert all(0 <= float(r["test_reason_macro_f1"]) <= 1 for r in records)


@pytest.mark.parametrize("vectors", [False, True])
def test_fit_saves_the_configuration_in_the_model(tiny_corpus, vector_table, vectors):
    train, _ = tiny_corpus
    config = FeatureConfig(vectors=vector_table if vectors else None)
    model = fit(train, config, seed=0)
    assert model.metadata.feature_config() == config


def _results(columns):
    """Two seeds, rounds 0 and 1, margin and random; margin ahead of random by 0.02 and 0.04 in round 1."""
    rows = []
    for seed, gain in ((0, 0.02), (1, 0.04)):
        for strategy in ("margin", "random"):
            for r in (0, 1):
                value = 0.7 + 0.1 * r + (gain if strategy == "margin" and r == 1 else 0.0)
                rows.append(
                    {"strategy": strategy, "seed": seed, "round": r, "labelled": 600 + 100 * r + 2 * seed}
                    | {column: value for column in columns}
                )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("columns", "head", "line"),
    [
        (
            ["test_reason_macro_f1"],
            "| round | labelled | test: margin − random |",
            "| 1 | 701 | +0.030 (+0.020, +0.040) |",
        ),
        (
            ["test_reason_macro_f1", "realdev_reason_macro_f1"],
            "| round | labelled | test: margin − random | real dev: margin − random |",
            "| 1 | 701 | +0.030 (+0.020, +0.040) | +0.030 (+0.020, +0.040) |",
        ),
    ],
)
def test_paired_table_compares_each_strategy_with_random_from_the_same_seed(columns, head, line):
    lines = paired_table(_results(columns)).splitlines()
    assert lines[0] == head
    assert lines[2:] == [line]  # round 0 is the common start: no row
