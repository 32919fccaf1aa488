"""The Classified result reads in a notebook: counts per status, labels, rules and the first rows, not whole arrays."""

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.model import Classified
from taikai.model._classified import REPR_ROWS
from taikai.rules import NO_HITS, RuleHits, RulesMode
from taikai.text import Status


def classified(n, hits=False):
    """Return *n* rows: ok (fees, then low_pay), empty, and so on; with *hits*, override by a low_pay rule."""
    ok = [i % 2 == 0 for i in range(n)]
    return Classified(
        reason_labels=("low_pay", "fees"),
        sentiment_labels=("negative", "positive"),
        statuses=[Status.OK if k else Status.EMPTY for k in ok],
        messages=["" if k else "empty or whitespace-only text" for k in ok],
        reasons=[("fees", "low_pay") if k else () for k in ok],
        sentiments=["negative" if k else None for k in ok],
        reason_proba=np.array([[0.4, 0.6] if k else [np.nan, np.nan] for k in ok]).reshape(n, 2),
        sentiment_proba=np.array([[0.9, 0.1] if k else [np.nan, np.nan] for k in ok]).reshape(n, 2),
        rule_hits=[RuleHits(("pay",), ("low_pay",)) if k else NO_HITS for k in ok] if hits else None,
        rules_mode=RulesMode.OVERRIDE if hits else None,
    )


@pytest.mark.parametrize(
    ("n", "hits", "expected"),
    [
        (
            3,
            False,
            [
                "Classified: 3 values (ok 2, empty 1); reasons low_pay, fees; sentiments negative, positive",
                "   status  reason  reasons       sentiment  p     message",
                "0  ok      fees    fees|low_pay  negative   0.60",
                "1  empty   -       -             -          -     empty or whitespace-only text",
                "2  ok      fees    fees|low_pay  negative   0.60",
            ],
        ),
        (
            1,
            True,
            [
                "Classified: 1 value (ok 1); reasons low_pay, fees; sentiments negative, positive; rules: override",
                "   status  reason   reasons       sentiment  p(model)  model  message",
                "0  ok      low_pay  low_pay|fees  negative   0.60      fees",
            ],
        ),
        (  # regression: the model's p of fees was shown under "p" beside the rule's low_pay
            2,
            True,
            [
                "Classified: 2 values (ok 1, empty 1); reasons low_pay, fees; sentiments negative, positive; "
                "rules: override",
                "   status  reason   reasons       sentiment  p(model)  model  message",
                "0  ok      low_pay  low_pay|fees  negative   0.60      fees",
                "1  empty   -        -             -          -         -      empty or whitespace-only text",
            ],
        ),
        (0, False, ["Classified: 0 values (none); reasons low_pay, fees; sentiments negative, positive"]),
    ],
)
def test_repr_is_a_summary_and_the_first_rows(n, hits, expected):
    assert repr(classified(n, hits)).splitlines() == expected


def test_repr_quotes_a_label_of_one_s_own_holding_a_comma():
    """Regression: an own label '報酬, 単価' read as two labels in 'reasons trouble, other, 報酬, 単価, 手数料'."""
    shown = Classified(
        reason_labels=("trouble", "報酬, 単価", "手数料"),
        sentiment_labels=("良い, 普通", "悪い"),
        statuses=[],
        messages=[],
        reasons=[],
        sentiments=[],
        reason_proba=np.zeros((0, 3)),
        sentiment_proba=np.zeros((0, 2)),
    )
    assert (
        repr(shown)
        == "Classified: 0 values (none); reasons trouble, '報酬, 単価', 手数料; sentiments '良い, 普通', 悪い"
    )


def test_repr_of_many_rows_stays_short():
    """The rest are pointed to in a frame (regression: .columns(), a dict of lists, which a cell shows unreadably)."""
    shown = repr(classified(3000))
    assert len(shown.splitlines()) == 2 + REPR_ROWS + 1
    assert shown.splitlines()[-1] == f"… and {3000 - REPR_ROWS:,} more (3,000 in all; .to_frame() gives them all)"
    assert "ok 1,500, empty 1,500" in shown and len(shown) < 1000


@pytest.mark.parametrize(
    ("n", "hits", "conflict"),
    [(3, True, "boolean"), (1, True, "bool"), (0, True, "bool"), (3, False, None), (0, False, None)],
    ids=["a row not classified", "all classified", "no rows", "no rules", "no rows, no rules"],
)
def test_to_frame_types_each_column_alike_whatever_the_rows(n, hits, conflict):
    shown = classified(n, hits)
    frame = shown.to_frame(pd.RangeIndex(10, 10 + n), prefix="pred_")
    assert frame.index.tolist() == list(range(10, 10 + n))
    probabilities = {"p_reason_low_pay", "p_reason_fees", "p_sentiment_negative", "p_sentiment_positive"}
    expected = {f"pred_{c}": "float64" if c in probabilities else "str" for c in shown.columns()}
    if conflict:
        expected["pred_rule_conflict"] = conflict
    assert {c: str(t) for c, t in frame.dtypes.items()} == expected
    reason = "low_pay" if hits else "fees"  # with hits, a low_pay rule overrides
    assert frame["pred_reason"].fillna("-").tolist() == [reason if i % 2 == 0 else "-" for i in range(n)]


def on(index, n=3):
    """Return :func:`classified` of *n* rows remembering the index of a Series (``None``: not a Series)."""
    return replace(classified(n), index=index)


@pytest.mark.parametrize(
    ("index", "given", "expected"),
    [
        (None, None, [0, 1, 2]),
        (pd.Index([7, 7, 2]), None, [7, 7, 2]),  # duplicates kept
        (pd.MultiIndex.from_tuples([("a", 1), ("a", 2), ("b", 1)]), None, [("a", 1), ("a", 2), ("b", 1)]),
        (pd.Index([7, 7, 2]), pd.RangeIndex(10, 13), [10, 11, 12]),  # an index given wins
    ],
    ids=["not a Series", "duplicates", "MultiIndex", "given"],
)
def test_to_frame_is_on_the_index_of_the_series_classified(index, given, expected):
    frame = on(index).to_frame(given, prefix="pred_")
    assert frame.index.tolist() == expected
    assert frame["pred_status"].tolist() == ["ok", "empty", "ok"]


@pytest.mark.parametrize(
    ("mine", "theirs", "same"),
    [
        (None, None, True),
        (pd.Index([7, 7, 2]), pd.Index([7, 7, 2]), True),
        (pd.Index([7, 7, 2]), None, False),
        (None, pd.Index([7, 7, 2]), False),
        (pd.Index([7, 7, 2]), pd.Index([7, 2, 7]), False),
        (pd.Index([7, 7, 2]), pd.Index([7, 7, 2], name="id"), False),
        (pd.RangeIndex(3), None, False),  # a Series on 0…n-1 is still a Series
    ],
)
def test_equal_results_have_the_same_index(mine, theirs, same):
    assert (on(mine) == on(theirs)) is same


def test_repr_labels_the_rows_with_the_index_of_the_series():
    shown = repr(on(pd.MultiIndex.from_tuples([("a", 1), ("a", 1), ("b", 20)]))).splitlines()
    assert [line.split("  ")[0] for line in shown[2:]] == ["(a, 1)", "(a, 1)", "(b, 20)"]


@pytest.mark.parametrize(
    ("given", "error", "said"),
    [
        (pd.RangeIndex(4), InputError, "index has 4 label(s) for 3 value(s) classified: give one label per value"),
        ([7, 8], InputError, "index has 2 label(s) for 3 value(s) classified"),
        ("pred_", TypeError, "index must be a pandas Index or a list of row labels (the prefix: prefix='pred_')"),
        (5, TypeError, "index must be a pandas Index or a list of row labels"),
        (
            pd.DataFrame({"text": ["a", "b", "c"]}),
            TypeError,
            "index must be a pandas Index or a list of row labels, not a DataFrame: pass the frame's index (df.index)",
        ),
        (np.zeros((3, 2)), TypeError, "not a ndarray: pass the frame's index (df.index)"),
    ],
    ids=["longer", "shorter", "a prefix in index's place", "a scalar", "a frame", "a 2-d array"],
)
def test_to_frame_refuses_an_index_that_does_not_fit_the_values(given, error, said):
    with pytest.raises(error, match=re.escape(said)):  # before: pandas' "Length of values (3) does not match …"
        on(None).to_frame(given)


@pytest.mark.parametrize(
    ("reasons", "hits", "final"),
    [
        (("fees", "time"), RuleHits(("pay",), ("low_pay",)), ("low_pay", "fees", "time")),  # put first
        (("fees", "low_pay"), RuleHits(("pay",), ("low_pay",)), ("low_pay", "fees")),  # moved, not repeated
        (("fees",), RuleHits(("a", "b"), ("time", "low_pay")), ("time", "fees")),  # the first firing rule's label
        (("fees",), NO_HITS, ("fees",)),  # no rule fired: the model's
        ((), RuleHits(("pay",), ("low_pay",)), ()),  # a row not classified gets no reason from a rule
    ],
)
def test_override_makes_the_first_firing_rule_s_label_the_primary_reason(reasons, hits, final):
    from taikai.model._classified import override

    assert override(reasons, hits) == final


@pytest.mark.parametrize(
    ("proba", "thresholds", "expected"),
    [
        ([0.6, 0.3, 0.1], [0.3, 0.3, 0.3], ("a", "b")),  # a probability at its threshold passes it
        ([0.6, 0.29, 0.11], [0.3, 0.3, 0.3], ("a",)),  # below: not stated
        ([0.5, 0.2, 0.3], [0.2, 0.2, 0.2], ("a", "c", "b")),  # the others by probability, highest first
        (
            [0.2, 0.5, 0.3],
            [0.1, 0.9, 0.1],
            ("b", "c", "a"),
        ),  # the primary is the most probable, past its threshold or not
        ([0.9, 0.05, 0.05], [0.0, 0.0, 0.0], ("a", "b", "c")),  # the primary once, not again among the others
        ([0.4, 0.35, 0.25], [1.0, 1.0, 1.0], ("a",)),
    ],
)
def test_reason_sets_are_the_primary_then_every_reason_past_its_threshold(proba, thresholds, expected):
    from taikai.model._classified import reason_sets

    found = reason_sets(np.array([proba]), ["a", "b", "c"], np.array(thresholds))
    assert found == [expected]
