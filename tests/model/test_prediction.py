"""One Prediction per value of a classified batch, in order: the texts as given, probabilities by label for rows
classified (none for the others), what the rules said and, under override, the model's own reason."""

import math
import re
from dataclasses import replace

import numpy as np
import pytest

from taikai.errors import InputError
from taikai.model import Classified, Prediction
from taikai.model._prediction import split_predictions
from taikai.rules import NO_HITS, RuleHits, RulesMode
from taikai.text import Status

VALUES = ["手数料が高い", None, 12.5]
JA = {"fees": "手数料が高い", "low_pay": "報酬・単価が低い"}
HITS = [RuleHits(("fee_words",), ("fees",)), NO_HITS, RuleHits(("pay_words",), ("low_pay",))]


def classified(hits=None, mode=None):
    nan = math.nan
    return Classified(
        reason_labels=("low_pay", "fees"),
        sentiment_labels=("negative", "positive"),
        statuses=[Status.OK, Status.EMPTY, Status.OK],
        messages=["", "empty text", "not Japanese?"],
        reasons=[("fees", "low_pay"), (), ("fees",)],
        sentiments=["negative", None, "positive"],
        reason_proba=np.array([[0.4, 0.6], [nan, nan], [0.25, 0.75]]),
        sentiment_proba=np.array([[0.9, 0.1], [nan, nan], [0.2, 0.8]]),
        rule_hits=hits,
        rules_mode=mode,
    )


@pytest.mark.parametrize(
    ("hits", "mode", "reasons", "conflicts", "model_reasons"),
    [
        (None, None, [("fees", "low_pay"), (), ("fees",)], [None, None, None], [None, None, None]),
        (HITS, RulesMode.FLAG, [("fees", "low_pay"), (), ("fees",)], [False, None, True], ["fees", None, "fees"]),
        (
            HITS,
            RulesMode.OVERRIDE,
            [("fees", "low_pay"), (), ("low_pay", "fees")],
            [False, None, True],
            ["fees", None, "fees"],
        ),
    ],
)
def test_split_predictions(hits, mode, reasons, conflicts, model_reasons):
    got = split_predictions(VALUES, classified(hits, mode))
    assert all(isinstance(p, Prediction) for p in got)
    assert [p.text for p in got] == ["手数料が高い", "", "12.5"]
    assert [p.status for p in got] == [Status.OK, Status.EMPTY, Status.OK]
    assert [p.message for p in got] == ["", "empty text", "not Japanese?"]
    assert [p.reasons for p in got] == reasons
    assert [p.reason for p in got] == [r[0] if r else None for r in reasons]
    assert [p.reason_ja for p in got] == [JA[r[0]] if r else None for r in reasons]
    assert [p.sentiment for p in got] == ["negative", None, "positive"]
    assert [p.reason_proba for p in got] == [{"low_pay": 0.4, "fees": 0.6}, {}, {"low_pay": 0.25, "fees": 0.75}]
    assert [p.sentiment_proba for p in got] == [
        {"negative": 0.9, "positive": 0.1},
        {},
        {"negative": 0.2, "positive": 0.8},
    ]
    assert [p.rules for p in got] == (hits or [None] * 3)
    assert [p.rule_conflict for p in got] == conflicts
    assert [p.model_reason for p in got] == model_reasons


@pytest.mark.parametrize(
    ("hits", "mode", "rule_keys"),
    [
        (None, None, {}),
        (HITS, RulesMode.FLAG, {"rule_names": ["pay_words"], "rule_reasons": ["low_pay"], "rule_conflict": True}),
        (
            HITS,
            RulesMode.OVERRIDE,
            {"rule_names": ["pay_words"], "rule_reasons": ["low_pay"], "rule_conflict": True, "model_reason": "fees"},
        ),
    ],
)
def test_to_dict_adds_what_the_rules_said_only_with_rules(hits, mode, rule_keys):
    p = split_predictions(VALUES, classified(hits, mode))[2]
    assert (
        p.to_dict()
        == {
            "text": "12.5",
            "status": "ok",
            "message": "not Japanese?",
            "reason": p.reason,
            "reason_ja": JA[p.reason],
            "reasons": list(p.reasons),
            "sentiment": "positive",
            "reason_proba": {"low_pay": 0.25, "fees": 0.75},
            "sentiment_proba": {"negative": 0.2, "positive": 0.8},
        }
        | rule_keys
    )


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        (0, []),
        (1, [("fees", 0.75)]),
        (2, [("fees", 0.75), ("low_pay", 0.25)]),
        (5, [("fees", 0.75), ("low_pay", 0.25)]),
    ],
)
def test_top_reasons(k, expected):
    assert split_predictions(VALUES, classified())[2].top_reasons(k) == expected


@pytest.mark.parametrize(
    ("k", "error", "message"),
    [
        (-1, InputError, "k must be at least 0, not -1"),  # not a slice end: all but the last
        ("3", TypeError, "k must be an int, not str '3'"),
        (1.5, TypeError, "k must be an int, not float 1.5"),
        (True, TypeError, "k must be an int, not bool True"),
    ],
)
def test_top_reasons_checks_k(k, error, message):
    with pytest.raises(error, match=re.escape(message)):
        split_predictions(VALUES, classified())[2].top_reasons(k)


@pytest.mark.parametrize(
    ("hits", "mode", "row", "expected"),
    [
        (
            None,
            None,
            0,
            "Prediction(text='手数料が高い', status='ok', reason='fees', reasons=('fees', 'low_pay'), "
            "sentiment='negative', p=0.60)",
        ),
        (None, None, 1, "Prediction(text='', status='empty', message='empty text')"),
        (
            HITS,
            RulesMode.OVERRIDE,
            2,
            "Prediction(text='12.5', status='ok', message='not Japanese?', reason='low_pay', reasons=('low_pay', "
            "'fees'), sentiment='positive', rules=('pay_words',), rule_conflict=True, model_reason='fees', "
            "p(model)=0.75)",  # regression: p=0.75, the model's p of fees, read as that of the rule's low_pay
        ),
        (
            HITS,
            RulesMode.FLAG,
            0,
            "Prediction(text='手数料が高い', status='ok', reason='fees', reasons=('fees', 'low_pay'), "
            "sentiment='negative', rules=('fee_words',), rule_conflict=False, model_reason='fees', p(model)=0.60)",
        ),
    ],
)
def test_repr_is_one_line_of_labels_without_the_probability_tables(hits, mode, row, expected):
    assert repr(split_predictions(VALUES, classified(hits, mode))[row]) == expected


def test_repr_clips_a_long_text_and_equality_still_reads_every_field():
    c = classified()
    one = Classified(
        c.reason_labels,
        c.sentiment_labels,
        c.statuses[:1],
        c.messages[:1],
        c.reasons[:1],
        c.sentiments[:1],
        c.reason_proba[:1],
        c.sentiment_proba[:1],
    )
    [p] = split_predictions(["手数料が高い。" * 50], one)
    assert repr(p).startswith("Prediction(text='手数料が高い。手数料が高い。手数料が高…', status='ok'")
    assert p.text == "手数料が高い。" * 50
    assert p != replace(p, reason_proba={"fees": 0.5})
