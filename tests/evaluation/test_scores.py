"""The per-label tables, the headline figures of a set of rows and the gold labels a model cannot predict, each
pinned cell by cell: a swapped column or a miscounted row would read as a plausible score."""

import pytest

from taikai.evaluation import score_multi, score_single
from taikai.evaluation._evaluate import unpredictable
from taikai.evaluation._scores import label_table, single_table, wilson_interval


def _cells(lines: list[str]) -> dict[str, list[str]]:
    """Return the cells after the label of each row of a Markdown per-label table."""
    return {cells[0]: cells[1:] for cells in ([c.strip() for c in line.strip("|").split("|")] for line in lines[2:])}


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # a: predicted once (right) of 2 gold -> P 1, R 0.5; b: predicted twice, once right, gold once -> P 0.5, R 1
        (
            ["a", "a", "b"],
            ["a", "b", "b"],
            {"a": ["1.000", "0.500", "0.667", "2"], "b": ["0.500", "1.000", "0.667", "1"]},
        ),
        # c never predicted: P 0, R 0 (in the gold, so a real 0, not –)
        (["a", "c"], ["a", "a"], {"a": ["0.500", "1.000", "0.667", "1"], "c": ["0.000", "0.000", "0.000", "1"]}),
    ],
)
def test_the_per_label_table_holds_precision_recall_f1_and_support_in_that_order(gold, pred, expected):
    """Regression guard: a table whose recall column repeated the precision passed every test."""
    single = score_single(gold, pred, sorted(expected))
    multi = score_multi([[g] for g in gold], [[p] for p in pred], sorted(expected))
    for scores in (single, multi):
        assert _cells(label_table(scores, scores.predicted)) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "exact_match", "jaccard"),
    [
        ([[]], [[]], 1.0, 1.0),  # no reason on either side: the sets agree, as exact match counts them
        ([[], ["a"]], [[], ["b"]], 0.5, 0.5),
        ([["a", "b"]], [["a"]], 0.0, 0.5),
    ],
)
def test_rows_with_equal_sets_count_as_agreeing_in_exact_match_and_jaccard_alike(gold, pred, exact_match, jaccard):
    scores = score_multi(gold, pred, ["a", "b"])
    assert (scores.exact_match, scores.jaccard) == pytest.approx((exact_match, jaccard))


@pytest.mark.parametrize(
    ("golds", "known", "expected"),
    [
        ([["a"], ["b"]], ["a", "b"], []),  # every label predictable: nothing to say
        # a row with two such labels is one row, not two; labels of most rows first, then by name
        ([["x", "y"], ["a"], ["x"]], ["a"], [("reason", 2, {"x": 2, "y": 1})]),
        ([["b2"], ["a2"], ["z9"], ["z9"], ["a"]], ["a"], [("reason", 4, {"z9": 2, "a2": 1, "b2": 1})]),
    ],
)
def test_the_gold_labels_a_model_cannot_predict_are_counted_by_row(golds, known, expected):
    found = unpredictable("reason", golds, known)
    assert [(u.head, u.rows, u.labels) for u in found] == expected
    assert [list(u.labels) for u in found] == [list(labels) for _, _, labels in expected]  # the order too


@pytest.mark.parametrize(
    ("right", "rows", "interval"),
    [
        (5, 5, (0.566, 1.000)),  # all right on 5 rows is no certainty: not 1 to 1
        (0, 10, (0.000, 0.278)),
        (25, 29, (0.694, 0.945)),
        (50, 100, (0.404, 0.596)),
        (1549, 1713, (0.889, 0.917)),
        (0, 0, (0.000, 1.000)),  # no row: nothing known
    ],
)
def test_the_accuracy_interval_is_wilson_s(right, rows, interval):
    """Regression: evaluate gave an accuracy of 29 rows as a bare 0.862, as firm as one of 1,713 rows."""
    assert wilson_interval(right, rows) == pytest.approx(interval, abs=0.0005)


@pytest.mark.parametrize(
    ("gold", "pred", "headline", "interval"),
    [
        (["a"] * 5, ["a"] * 5, "accuracy 1.000 (95 % interval 0.566–1.000) · macro-F1 1.000", [0.566, 1.0]),
        (["a", "b"] * 5, ["a"] * 10, "accuracy 0.500 (95 % interval 0.237–0.763) · macro-F1 0.333", [0.237, 0.763]),
    ],
)
def test_the_headline_and_the_json_give_the_accuracy_s_interval(gold, pred, headline, interval):
    scores = score_single(gold, pred, ["a", "b"])
    assert scores.rows == len(gold)
    assert single_table(scores)[0].startswith(headline)
    assert scores.to_dict()["accuracy_interval"] == pytest.approx(interval, abs=0.0005)
