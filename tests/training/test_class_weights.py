"""A class weighting per label is checked against the labels of the training rows before anything is fitted
(regression: a key no training row has failed the fit with scikit-learn's "The classes, [...], are not in
class_weight", blamed on the rows and naming no key)."""

import pandas as pd
import pytest

import taikai
from taikai.errors import InputError
from taikai.model import FeatureConfig

TEXTS = ["野球の試合で勝った", "野球の選手が打った", "スマホを買った", "スマホのアプリ", "野球を見た", "スマホが壊れた"]


def _data(split: list[str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "text": TEXTS * 2,
            "reasons": ["low_pay", "low_pay", "猫", "猫", "low_pay", "猫"] * 2,
            "sentiment": ["良い", "悪い", "悪い", "良い", "悪い", "ふつう"] * 2,
        }
    )
    return frame.assign(split=split) if split is not None else frame


HELD = ["train"] * 5 + ["test"] + ["train"] * 5 + ["test"]  # the two ふつう rows are the test rows


@pytest.mark.parametrize(
    ("weights", "split", "message"),
    [
        (
            {"class_weight": {"nope": 2.0}},
            None,
            "class_weight['nope'] is not a label of the training rows (reasons: low_pay, 猫)",
        ),
        (
            {"sentiment_class_weight": {"ポジ": 2.0}},
            None,
            "sentiment_class_weight['ポジ'] is not a label of the training rows (sentiments: ふつう, 悪い, 良い)",
        ),
        (
            {"sentiment_class_weight": {"ふつう": 2.0}},
            HELD,
            "sentiment_class_weight['ふつう']: 'ふつう' labels only rows held out for the test, none of the 10 "
            "training rows (their sentiments: 悪い, 良い), so that head cannot weigh it: leave it out of "
            "sentiment_class_weight, or label more rows with it",
        ),
    ],
)
def test_a_weight_of_no_training_label_is_named(weights, split, message):
    config = FeatureConfig(min_df=1, **weights)
    with pytest.raises(InputError) as caught:
        taikai.train(_data(split), config=config, free_labels=True, folds=0, **({} if split else {"test_size": 0}))
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("weights", "recorded"),
    [
        ({"class_weight": {"ｌｏｗ＿ｐａｙ": 3.0}}, {"low_pay": 3.0}),  # a label as written: read with NFKC
        ({"class_weight": {"猫": 2, "low_pay": 1}}, {"猫": 2.0, "low_pay": 1.0}),
    ],
)
def test_a_weight_of_a_training_label_trains(weights, recorded):
    model = taikai.train(_data(), config=FeatureConfig(min_df=1, **weights), free_labels=True, folds=0, test_size=0)
    assert model.metadata.config.class_weight == recorded


def _taxonomy_data() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": TEXTS * 2,
            "reasons": ["low_pay", "low_pay", "fees", "fees", "low_pay", "fees"] * 2,
            "sentiment": ["positive", "negative", "negative", "positive", "negative", "neutral"] * 2,
        }
    )


@pytest.mark.parametrize(
    ("weights", "recorded"),
    [
        # regression: a Japanese display name was "not a label of the training rows", though label cells take it
        ({"class_weight": {"手数料が高い": 2.0}}, {"class_weight": {"fees": 2.0}}),
        ({"class_weight": {"Fees": 2.0, "報酬・単価が低い": 1}}, {"class_weight": {"fees": 2.0, "low_pay": 1.0}}),
        ({"class_weight": {"ｆｅｅｓ": 2.0}}, {"class_weight": {"fees": 2.0}}),
        (
            {"class_weight": "balanced", "sentiment_class_weight": {"ネガティブ": 2.0, "Positive": 1.0}},
            {"class_weight": "balanced", "sentiment_class_weight": {"negative": 2.0, "positive": 1.0}},
        ),
    ],
)
def test_a_weight_keyed_as_a_label_cell_is_read_as_its_id(weights, recorded):
    model = taikai.train(_taxonomy_data(), config=FeatureConfig(min_df=1, **weights), folds=0, test_size=0)
    for name, value in recorded.items():
        assert getattr(model.metadata.config, name) == value


@pytest.mark.parametrize(
    ("weights", "free_labels", "message"),
    [
        (
            {"class_weight": {"fees": 1.0, "手数料が高い": 2.0}},
            False,
            "class_weight has the keys 'fees' and '手数料が高い', which name one label, 'fees' (as label cells are "
            "read): give it one weight",
        ),
        # labels of one's own are read as written: a display name is no id there
        (
            {"class_weight": {"手数料が高い": 2.0}},
            True,
            "class_weight['手数料が高い'] is not a label of the training rows (reasons: fees, low_pay)",
        ),
    ],
)
def test_keys_are_read_as_the_rows_labels_are(weights, free_labels, message):
    config = FeatureConfig(min_df=1, **weights)
    with pytest.raises(InputError) as caught:
        taikai.train(_taxonomy_data(), config=config, free_labels=free_labels, folds=0, test_size=0)
    assert str(caught.value) == message


def test_a_display_name_held_out_for_the_test_is_named_with_its_id():
    data = _taxonomy_data().assign(
        reasons=["low_pay", "time", "fees", "time", "low_pay", "fees"] * 2,
        split=["train", "train", "test", "train", "train", "test"] * 2,  # every fees row is a test row
    )
    config = FeatureConfig(min_df=1, class_weight={"手数料が高い": 2.0})
    expected = r"class_weight\['手数料が高い'\]: '手数料が高い' \(fees\) labels only rows held out for the test"
    with pytest.raises(InputError, match=expected):
        taikai.train(data, config=config, folds=0)
