"""The batch ablation's rule and table: which configuration it names, and when a batch hurts."""

import pytest
from ablate_batches import hurts, to_markdown

from taikai.model import FeatureConfig


def _cell(diff, lo, hi, agreed):
    return {"diff": diff, "lo": lo, "hi": hi, "agreed": agreed}


@pytest.mark.parametrize(
    ("config", "features"),
    [(FeatureConfig(vectors="chive"), "Features: words + chive vectors."), (FeatureConfig(), "Features: words only.")],
)
def test_table_names_the_configuration_it_trained(config, features):
    summary = {"all_reason_f1": 0.619, "all_sentiment_f1": 0.645, "config": config.to_dict()}
    row = {"batch": "b01", "rows": 400, "reason": _cell(0.01, -0.01, 0.03, 0.005), "verdict": "keep"}
    row["sentiment"] = _cell(-0.02, -0.04, -0.001, -0.01)
    lines = to_markdown([row], summary).splitlines()
    assert lines[0].startswith(f"{features} All batches: dev reason macro-F1 0.619, sentiment 0.645.")
    assert lines[-1] == "| b01 | 400 | +0.010 [-0.010, +0.030] | +0.005 | -0.020 [-0.040, -0.001] | -0.010 | keep |"


@pytest.mark.parametrize(
    ("task", "other", "verdict"),
    [
        (_cell(0.03, 0.01, 0.05, 0.02), _cell(0.0, -0.02, 0.02, 0.0), True),  # clearly better, the other unharmed
        (_cell(0.03, -0.01, 0.05, 0.02), _cell(0.0, -0.02, 0.02, 0.0), False),  # interval reaches zero
        (_cell(0.03, 0.01, 0.05, -0.01), _cell(0.0, -0.02, 0.02, 0.0), False),  # not on the agreed subset
        (_cell(0.03, 0.01, 0.05, 0.02), _cell(-0.03, -0.05, -0.01, 0.0), False),  # the other task clearly loses
    ],
)
def test_a_batch_hurts_only_by_the_fixed_rule(task, other, verdict):
    assert hurts(task, other) is verdict
