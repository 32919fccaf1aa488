"""How train's summary and info print a model's figures: in words, in the model's order, not as Python dicts."""

from __future__ import annotations

import pytest

from taikai.cli._figures import describe_dictionary, describe_figures, describe_thresholds


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        (
            {"reason_macro_f1": 0.91349, "reason_accuracy": 0.9, "folds": 5},
            "reason macro-F1 0.913 · reason accuracy 0.900",
        ),
        ({"sentiment_macro_f1": 0.5, "brand_new": 0.25}, "sentiment macro-F1 0.500 · brand_new 0.250"),
        ({"folds": 0}, "-"),
        ({}, "-"),
    ],
)
def test_describe_figures(figures, expected):
    assert describe_figures(figures) == expected


@pytest.mark.parametrize(
    ("thresholds", "order", "expected"),
    [
        ({"other": 0.35, "fees": 0.1}, ["fees", "other"], "fees 0.10, other 0.35"),
        ({"other": 0.35, "fees": 0.1}, ["other", "time", "fees"], "other 0.35, fees 0.10"),
        ({}, ["fees"], "-"),
    ],
)
def test_describe_thresholds_follows_the_model_s_order(thresholds, order, expected):
    assert describe_thresholds(thresholds, order) == expected


@pytest.mark.parametrize(
    ("dictionary", "expected"),
    [
        (
            {"name": "unidic-lite", "version": "1.0.8", "sys_dic_bytes": 187680870},
            "unidic-lite 1.0.8 (sys.dic 187,680,870 bytes)",
        ),
        ({"name": "unidic-lite", "version": "1.0.8"}, "unidic-lite 1.0.8"),
        ({}, "? ?"),
    ],
)
def test_describe_dictionary(dictionary, expected):
    assert describe_dictionary(dictionary) == expected
