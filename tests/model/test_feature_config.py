"""FeatureConfig checks every field when it is made, naming the field and what it takes (regression:
``FeatureConfig(min_df=-3)`` or ``word_ngrams=(2, 1)`` was accepted, and training failed after reading the data with
scikit-learn's message, blaming the rows)."""

from pathlib import Path

import numpy as np
import pytest

from taikai.errors import InputError
from taikai.model import FeatureConfig

NGRAMS = "None or a tuple (low, high) of n-gram lengths with 1 <= low <= high, such as (1, 2)"
MIN_DF = "an int of at least 1 (texts), or a float from 0.0 to 1.0 (a share of them), such as 2"
C = "a positive number (the inverse of the regularisation strength), such as 30.0"
WEIGHT = "'balanced' (weigh labels by rarity), None, or a dict of a positive weight per label"
FORM = "'base' (dictionary forms) or 'surface' (as written)"


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"min_df": -3}, InputError, f"min_df must be {MIN_DF}, not -3"),
        ({"min_df": 0}, InputError, f"min_df must be {MIN_DF}, not 0"),
        ({"min_df": 1.5}, InputError, f"min_df must be {MIN_DF}, not 1.5"),
        ({"min_df": "2"}, TypeError, f"min_df must be {MIN_DF}, not str '2'"),
        ({"min_df": True}, TypeError, f"min_df must be {MIN_DF}, not bool True"),
        ({"word_ngrams": (2, 1)}, InputError, f"word_ngrams must be {NGRAMS}, not (2, 1)"),
        ({"word_ngrams": (0, 2)}, InputError, f"word_ngrams must be {NGRAMS}, not (0, 2)"),
        ({"word_ngrams": [1, 2]}, TypeError, f"word_ngrams must be {NGRAMS}, not list [1, 2]"),
        ({"char_ngrams": (1, 2, 3)}, TypeError, f"char_ngrams must be {NGRAMS}, not tuple (1, 2, 3)"),
        ({"char_ngrams": (1.0, 2)}, TypeError, f"char_ngrams must be {NGRAMS}, not tuple (1.0, 2)"),
        ({"reason_c": 0}, InputError, f"reason_c must be {C}, not 0"),
        ({"sentiment_c": float("inf")}, InputError, f"sentiment_c must be {C}, not inf"),
        ({"reason_c": "30"}, TypeError, f"reason_c must be {C}, not str '30'"),
        ({"class_weight": "balance"}, InputError, f"class_weight must be {WEIGHT}, not 'balance'"),
        ({"sentiment_class_weight": 2}, TypeError, f"sentiment_class_weight must be {WEIGHT}, not int 2"),
        ({"class_weight": {}}, InputError, f"class_weight must be {WEIGHT}, not an empty dict"),
        ({"class_weight": {"a": 0}}, InputError, "class_weight['a'] must be a positive number, not 0"),
        ({"class_weight": {"a": "2"}}, TypeError, "class_weight['a'] must be a positive number, not str '2'"),
        ({"class_weight": {"a": True}}, TypeError, "class_weight['a'] must be a positive number, not bool True"),
        ({"sentiment_class_weight": {1: 2.0}}, TypeError, "sentiment_class_weight label must be a str"),
        (
            {"class_weight": {"low_pay": 1.0, "ｌｏｗ＿ｐａｙ": 2.0}},
            InputError,
            "class_weight has the keys 'low_pay' and 'ｌｏｗ＿ｐａｙ', which are read as one label, 'low_pay' (after "
            "Unicode NFKC, as label cells are read): give it one weight",
        ),
        ({"min_df": np.bool_(True)}, TypeError, f"min_df must be {MIN_DF}, not bool np.True_"),
        ({"token_form": "lemma"}, InputError, f"token_form must be {FORM}, not 'lemma'"),
        ({"vectors": 3}, TypeError, "vectors must be None, 'chive' or the path of a word-vector table, not int 3"),
        ({"word_ngrams": None}, InputError, "a model needs word n-grams, character n-grams or both"),
    ],
)
def test_a_wrong_field_is_refused_when_the_config_is_made(fields, error, message):
    with pytest.raises(error) as caught:
        FeatureConfig(**fields)
    assert type(caught.value) is error
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"min_df": 1},
        {"min_df": 0.5},
        {"word_ngrams": (1, 1), "char_ngrams": (2, 4)},
        {"class_weight": None},
        {"class_weight": {"price": 2, "other": 0.5}, "sentiment_class_weight": {"positive": 2.0}},
    ],
)
def test_a_right_config_is_made_and_read_back(fields):
    config = FeatureConfig(**fields)
    assert FeatureConfig.from_dict(config.to_dict()) == config


@pytest.mark.parametrize(
    ("fields", "recorded"),
    [
        ({"min_df": np.int64(2)}, {"min_df": 2}),
        ({"min_df": np.float64(0.5)}, {"min_df": 0.5}),
        ({"reason_c": np.float32(3.0), "sentiment_c": np.int32(4)}, {"reason_c": 3.0, "sentiment_c": 4.0}),
        ({"word_ngrams": (np.int64(1), np.int64(3))}, {"word_ngrams": (1, 3)}),
        ({"class_weight": {"price": np.int64(2)}}, {"class_weight": {"price": 2.0}}),
        ({"class_weight": {"ｌｏｗ＿ｐａｙ ": 3}}, {"class_weight": {"low_pay": 3.0}}),  # read as a label cell is
        ({"sentiment_class_weight": {"ﾈｶﾞ": 2}}, {"sentiment_class_weight": {"ネガ": 2.0}}),
    ],
)
def test_numpy_numbers_are_taken_and_recorded_as_python_ones(fields, recorded):
    """Regression: FeatureConfig(min_df=np.int64(2)) was refused ("min_df must be an int ..., not int64")."""
    config = FeatureConfig(**fields)
    values = {name: getattr(config, name) for name in recorded}
    assert values == recorded
    assert all(type(v) is type(recorded[k]) for k, v in values.items())


def test_a_path_of_vectors_is_kept_as_text():
    assert FeatureConfig(vectors=Path("tables") / "mine").vectors == str(Path("tables") / "mine")


@pytest.mark.parametrize(
    ("saved_by", "free_labels", "said"),
    [
        (
            "0.0.9",  # another version: it may hold settings this one does not take
            False,
            "this taikai ({v}) does not support the setting min_df=-1 of this model (saved by taikai 0.0.9): min_df "
            "must be",
        ),
        (
            "{v}",  # regression: this same version was said to be another, though the file was edited
            False,
            "the config of this model holds the setting min_df=-1, which this taikai ({v}) does not take, though this "
            "same version saved the model: min_df must be",
        ),
        ("{v}", True, "metadata.json seems edited: restore it from a copy of the model, or retrain it: "),
    ],
)
def test_a_saved_config_this_taikai_refuses_is_a_model_error(saved_by, free_labels, said):
    from importlib import metadata

    from taikai.errors import ModelError
    from taikai.model import ModelMetadata, RecordedConfig

    installed = metadata.version("taikai")
    meta = ModelMetadata.unsaved()
    object.__setattr__(meta, "config", RecordedConfig.from_dict(FeatureConfig.shipped().to_dict() | {"min_df": -1}))
    object.__setattr__(meta, "taikai_version", saved_by.format(v=installed))
    object.__setattr__(meta, "free_labels", free_labels)
    with pytest.raises(ModelError) as caught:
        meta.feature_config()
    message = str(caught.value)
    assert said.format(v=installed) in message
    # regression: the retrain command of a free-labels model lacked --free-labels
    command = "taikai train DATA.csv --free-labels --out MODEL_DIR" if free_labels else "taikai train DATA.csv --out"
    assert message.endswith(f"retrain it: {command}" + ("" if free_labels else " MODEL_DIR"))
