"""Labels as messages and tables show and order them (taikai.labels._shown)."""

import pytest

from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    counted_label,
    display_order,
    label_list,
    label_order,
    named_labels,
)


@pytest.mark.parametrize(
    ("labels", "preferred", "expected"),
    [
        (["other", "fees", "low_pay"], ("low_pay", "fees", "other"), ["low_pay", "fees", "other"]),
        (["tech", "fees", "sports", "fees"], ("low_pay", "fees"), ["fees", "sports", "tech"]),
        ([], ("a",), []),
    ],
)
def test_display_order(labels, preferred, expected):
    assert display_order(labels, preferred) == expected


@pytest.mark.parametrize(
    ("labels", "taxonomy", "expected"),
    [
        (["other", "fees", "low_pay", "fees"], REASON_IDS, ["low_pay", "fees", "other"]),  # the taxonomy's order
        (["negative", "positive"], SENTIMENTS, ["positive", "negative"]),
        # labels of one's own their own order: a taxonomy name among them takes no taxonomy place
        (["neutral", "great", "bad"], SENTIMENTS, ["bad", "great", "neutral"]),
        (["other", "報酬", "審査", "neutral"], REASON_IDS, ["neutral", "other", "報酬", "審査"]),
        (["10", "2", "1", "その他"], REASON_IDS, ["1", "2", "10", "その他"]),  # numbers by value
        (["3", "1", "2"], SENTIMENTS, ["1", "2", "3"]),
        ([], SENTIMENTS, []),
    ],
)
def test_label_order(labels, taxonomy, expected):
    assert label_order(labels, taxonomy) == expected


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("1", "'1'"),  # a code: '1' 59.9%, not 1 59.9%
        ("カテゴリ 01", "'カテゴリ 01'"),
        ("１", "'１'"),
        ("fees (手数料が高い)", "fees (手数料が高い)"),
        ("報酬", "報酬"),
        ("支払い, 遅延", "'支払い, 遅延'"),
    ],
)
def test_counted_label(label, shown):
    assert counted_label(label) == shown


@pytest.mark.parametrize(
    ("labels", "shown"),
    [
        (["low_pay", "fees"], "low_pay, fees"),  # the taxonomy's ids need no quotes
        (["独立", "家庭, 育児", "支払い 遅延"], "独立, '家庭, 育児', 支払い 遅延"),  # a space inside reads one way
        (["旅行、観光", "a|b", "全角，読点"], "'旅行、観光', 'a|b', '全角，読点'"),
        (["it's", " 前に空白", ""], "\"it's\", ' 前に空白', ''"),
    ],
)
def test_label_list_quotes_labels_that_would_read_as_several(labels, shown):
    assert label_list(labels) == shown


@pytest.mark.parametrize(
    ("labels", "taxonomy", "listed"),
    [
        (
            ["negative", "positive", "neutral"],
            SENTIMENTS,
            "positive (ポジティブ), neutral (中立), negative (ネガティブ)",
        ),
        (["time", "fees"], REASON_IDS, "fees (手数料が高い), time (時間がない)"),
        (["野球", "other"], (), "other, 野球"),  # labels of one's own: no display names
        (["支払い, 遅延"], (), "'支払い, 遅延'"),
    ],
)
def test_named_labels_list_the_japanese_names_of_the_taxonomy(labels, taxonomy, listed):
    assert named_labels(labels, taxonomy) == listed
