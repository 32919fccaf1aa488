"""Display names of labels (taikai.labels._names): the taxonomy's names, and labels of one's own as written."""

import pytest

from taikai.labels import (
    OwnLabels,
    named_reason,
    reason_name,
    reason_with_id,
    sentiment_name,
)


@pytest.mark.parametrize(
    ("label", "name"),
    [("low_pay", "報酬・単価が低い"), ("graduated", "直接契約・独立"), ("sports", "sports")],
)
def test_reason_name_falls_back_to_id(label, name):
    assert reason_name(label) == name


@pytest.mark.parametrize(
    ("label", "lang", "labels", "name"),
    [  # regression: a model of its own labels (fees beside Fees) showed fees as 手数料が高い
        ("fees", "ja", None, "手数料が高い"),
        ("fees", "ja", ["fees", "time"], "手数料が高い"),
        ("fees", "ja", ["fees", "Fees"], "fees"),
        ("fees", "en", ["fees", "Fees"], "fees"),
        ("other", "en", ("other", "スポーツ"), "other"),
        ("fees", "ja", OwnLabels(["fees", "time"]), "fees"),  # a --free-labels model's fees is its own
    ],
)
def test_a_model_of_its_own_labels_names_each_as_written(label, lang, labels, name):
    assert reason_name(label, lang, labels) == name
    assert reason_with_id(label, lang, labels) == (label if name == label else f"{name} ({label})")
    assert named_reason(label, lang, labels) == (label if name == label else f"{label} ({name})")


@pytest.mark.parametrize(
    ("labels", "name"),
    [(None, "ポジティブ"), (["positive", "negative"], "ポジティブ"), (["positive", "angry"], "positive")],
)
def test_a_model_of_its_own_sentiments_names_each_as_written(labels, name):
    assert sentiment_name("positive", "ja", labels) == name


@pytest.mark.parametrize(
    ("label", "lang", "expected"),
    [
        ("fees", "ja", "fees (手数料が高い)"),
        ("fees", "en", "fees (High fees)"),
        ("スポーツ", "ja", "スポーツ"),  # a label of one's own is its own name: not "スポーツ (スポーツ)"
    ],
)
def test_named_reason_gives_the_display_name_only_when_there_is_one(label, lang, expected):
    assert named_reason(label, lang) == expected
