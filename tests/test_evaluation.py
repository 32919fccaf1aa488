"""Evaluation scores checked against a small case computed by hand."""

import numpy as np
import pandas as pd
import pytest

from taikai.evaluation import evaluate, score_multi, score_single
from taikai.model import Classified
from taikai.text import Status


def test_single_label_scores_by_hand():
    # gold a a b b c / predicted a b b b a
    s = score_single(["a", "a", "b", "b", "c"], ["a", "b", "b", "b", "a"], ["a", "b", "c"])
    assert s.labels == ["a", "b", "c"]
    assert s.precision == pytest.approx([0.5, 2 / 3, 0.0])
    assert s.recall == pytest.approx([0.5, 1.0, 0.0])
    assert s.f1 == pytest.approx([0.5, 0.8, 0.0])
    assert s.support == [2, 2, 1]
    assert s.accuracy == pytest.approx(0.6)
    assert s.macro_f1 == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert s.confusion == [[1, 1, 0], [0, 2, 0], [1, 0, 0]]


def test_single_label_macro_ignores_labels_absent_from_gold_and_predictions():
    s = score_single(["a", "b"], ["a", "b"], ["a", "b", "z"])
    assert s.macro_f1 == pytest.approx(1.0)
    assert s.support == [1, 1, 0]


def test_labels_seen_only_in_data_are_appended():
    s = score_single(["a", "new"], ["a", "a"], ["a"])
    assert s.labels == ["a", "new"]
    assert s.recall == pytest.approx([1.0, 0.0])


def test_multi_label_scores_by_hand():
    gold = [["a"], ["a", "b"], ["b"], ["c", "a"]]
    pred = [["a", "b"], ["a"], ["b"], ["a"]]
    m = score_multi(gold, pred, ["a", "b", "c"])
    assert m.f1 == pytest.approx([1.0, 0.5, 0.0])
    assert m.support == [3, 2, 1]
    assert m.micro_f1 == pytest.approx(8 / 11)
    assert m.macro_f1 == pytest.approx(0.5)
    assert m.exact_match == pytest.approx(0.25)
    assert m.jaccard == pytest.approx(0.625)


class StubModel:
    """Predicts fixed labels, to test evaluate() without training."""

    reason_labels = ("a", "b", "c")
    sentiment_labels = ("positive", "negative")

    def classify(self, values):
        table = {"あ": (("a",), "positive"), "い": (("b", "a"), "negative"), "う": (("a",), "negative")}
        found = [table.get(v) for v in values]
        return Classified(
            reason_labels=tuple(self.reason_labels),
            sentiment_labels=tuple(self.sentiment_labels),
            statuses=[Status.OK if f else Status.EMPTY for f in found],
            messages=["" if f else "empty or whitespace-only text" for f in found],
            reasons=[f[0] if f else () for f in found],
            sentiments=[f[1] if f else None for f in found],
            reason_proba=np.full((len(values), 3), np.nan),
            sentiment_proba=np.full((len(values), 2), np.nan),
        )


def test_evaluate_reports_every_task_and_unscored_rows():
    df = pd.DataFrame(
        {
            "text": ["あ", "い", "う", " "],
            "reasons": ["a", "b", "c|a", "a"],
            "sentiment": ["positive", "positive", "negative", "negative"],
        }
    )
    report = evaluate(StubModel(), df)
    assert (report.n_rows, report.n_scored) == (4, 3)
    assert report.unscored == [{"row": 3, "status": "empty", "message": "empty or whitespace-only text"}]
    assert report.reason.accuracy == pytest.approx(2 / 3)
    assert report.reason.confusion == [[1, 0, 0], [0, 1, 0], [1, 0, 0]]
    assert report.sentiment.accuracy == pytest.approx(2 / 3)
    assert report.reasons.exact_match == pytest.approx(1 / 3)
    d = report.to_dict()
    assert d["reason"]["per_class"]["b"]["f1"] == pytest.approx(1.0)
    text = report.to_markdown()
    for heading in ("## Primary reason", "## All stated reasons", "## Sentiment", "Confusion"):
        assert heading in text
    assert str(report) == text
