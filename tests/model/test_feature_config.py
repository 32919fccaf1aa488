"""FeatureConfig checks every field when it is made, naming the field and what it takes (regression:
``FeatureConfig(min_df=-3)`` or ``word_ngrams=(2, 1)`` was accepted, and training failed after reading the data with
scikit-learn's message, blaming the rows)."""

from pathlib import Path

import pytest

from taikai.errors import InputError
from taikai.model import FeatureConfig

NGRAMS = "None or a tuple (low, high) of n-gram lengths with 1 <= low <= high, such as (1, 2)"
MIN_DF = "an int of at least 1 (texts), or a float from 0.0 to 1.0 (a share of them), such as 2"
C = "a positive number (the inverse of the regularisation strength), such as 30.0"
WEIGHT = "'balanced' (weigh labels by rarity) or None"
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
        ({"sentiment_class_weight": {"a": 1}}, TypeError, f"sentiment_class_weight must be {WEIGHT}, not dict"),
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
    [{}, {"min_df": 1}, {"min_df": 0.5}, {"word_ngrams": (1, 1), "char_ngrams": (2, 4)}, {"class_weight": None}],
)
def test_a_right_config_is_made_and_read_back(fields):
    config = FeatureConfig(**fields)
    assert FeatureConfig.from_dict(config.to_dict()) == config


def test_a_path_of_vectors_is_kept_as_text():
    assert FeatureConfig(vectors=Path("tables") / "mine").vectors == str(Path("tables") / "mine")


def test_a_saved_config_this_taikai_refuses_is_a_model_error():
    from taikai.errors import ModelError
    from taikai.model import ModelMetadata

    meta = ModelMetadata.__new__(ModelMetadata)
    object.__setattr__(meta, "config", FeatureConfig().to_dict() | {"min_df": -1})
    with pytest.raises(ModelError, match=r"^metadata 'config' is not a feature configuration this taikai reads"):
        meta.feature_config()
