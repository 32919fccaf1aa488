"""RecordedConfig: the ``config`` of a model's metadata typed, a field per setting, written back as read (the order
of its keys, nulls, keys this taikai does not know, and values of a kind training does not write, kept for
``feature_config()`` to name)."""

import json
from pathlib import Path

import pytest

from taikai.errors import ModelError
from taikai.model import FeatureConfig, ModelMetadata, RecordedConfig

WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "metadata_written"
SHIPPED = FeatureConfig.shipped().to_dict()
FORMAT_4 = {k: v for k, v in SHIPPED.items() if k not in ("vectors", "sentiment_class_weight")}


def _dumped(values: object) -> bytes:
    return (json.dumps(values, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


CONFIGS = {
    "shipped": SHIPPED,
    "format 4 (no vectors)": FORMAT_4,
    "reordered": dict(reversed(list(SHIPPED.items()))),
    "a key of a later taikai": SHIPPED | {"colour": {"r": [1, 2]}},
    "weights per label": SHIPPED | {"class_weight": {"fees": 3, "other": 0.5}, "sentiment_class_weight": None},
    "min_df as text": SHIPPED | {"min_df": "2"},
    "n-grams as text": SHIPPED | {"word_ngrams": "1-2", "char_ngrams": [1.0, 2]},
    "vectors a number": SHIPPED | {"vectors": 3, "token_form": ["base"]},
    "a weight of text": SHIPPED | {"class_weight": {"fees": "3"}, "reason_c": True},
    "empty": {},
}


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
def test_a_config_is_written_back_as_read(config):
    values = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8")) | {"config": config}
    meta = ModelMetadata.from_dict(values)  # loads whatever its config: feature_config() checks
    assert isinstance(meta.config, RecordedConfig)
    assert _dumped(meta.config.to_dict()) == _dumped(config)
    assert _dumped(meta.to_dict()) == _dumped(values)


@pytest.mark.parametrize(
    ("config", "typed", "unread"),
    [
        (SHIPPED, {"token_form": "base", "word_ngrams": (1, 2), "char_ngrams": None, "vectors": "chive"}, {}),
        (SHIPPED | {"class_weight": {"fees": 3}}, {"class_weight": {"fees": 3}, "min_df": 2}, {}),
        (SHIPPED | {"min_df": "2"}, {"min_df": None, "reason_c": 30.0}, {"min_df": "2"}),
        (SHIPPED | {"word_ngrams": [1, True]}, {"word_ngrams": None}, {"word_ngrams": [1, True]}),
        (SHIPPED | {"vectors": 3}, {"vectors": None}, {"vectors": 3}),
        (SHIPPED | {"class_weight": [1]}, {"class_weight": None}, {"class_weight": [1]}),
    ],
    ids=["shipped", "a weight per label", "min_df as text", "a bool n-gram", "vectors a number", "weights a list"],
)
def test_settings_of_the_kind_training_writes_are_typed_others_kept_unread(config, typed, unread):
    record = RecordedConfig.from_dict(config)
    assert {name: getattr(record, name) for name in typed} == typed
    assert record.unread == unread
    assert record.keys == tuple(config)


@pytest.mark.parametrize(
    ("config", "recorded", "holds_vectors", "words_only"),
    [
        ({}, False, False, False),
        (SHIPPED, True, True, False),
        (SHIPPED | {"vectors": None}, True, True, True),
        (FORMAT_4, True, False, True),  # a model before vectors: words only
        (SHIPPED | {"vectors": 3}, True, True, False),  # not known to be words only: loading refuses it
    ],
    ids=["none", "shipped", "no vectors", "format 4", "vectors a number"],
)
def test_what_a_config_records(config, recorded, holds_vectors, words_only):
    record = RecordedConfig.from_dict(config)
    assert (record.recorded(), record.holds("vectors"), record.words_only()) == (recorded, holds_vectors, words_only)


def test_a_config_of_a_feature_config_is_what_training_wrote():
    record = RecordedConfig.of(FeatureConfig.shipped())
    assert record.to_dict() == json.loads(json.dumps(SHIPPED))
    assert ModelMetadata.unsaved().config == RecordedConfig() and not RecordedConfig().recorded()


def test_settings_set_are_written_where_they_were_read():
    record = RecordedConfig.from_dict({"word_ngrams": [1, 2], "min_df": "2", "colour": "red"})
    changed = record.with_settings({"vectors": "chive", "min_df": 1})
    assert changed.to_dict() == {"word_ngrams": [1, 2], "min_df": 1, "colour": "red", "vectors": "chive"}
    assert (changed.min_df, changed.unread) == (1, {})


@pytest.mark.parametrize(
    ("config", "setting", "why"),
    [
        ({"min_df": "2"}, "min_df='2'", "min_df must be an int of at least 1"),
        ({"word_ngrams": "1-2"}, "word_ngrams='1-2'", "word_ngrams must be None or a tuple (low, high)"),
        ({"vectors": 3}, "vectors=3", "vectors must be None, 'chive' or the path of a word-vector table"),
        ({"colour": "red"}, "colour='red'", "'colour' is no setting of this taikai"),
    ],
    ids=["min_df as text", "n-grams as text", "vectors a number", "an unknown setting"],
)
def test_feature_config_names_a_value_of_another_kind(config, setting, why):
    values = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8"))
    values |= {"taikai_version": "0.0.9", "config": SHIPPED | config}
    meta = ModelMetadata.from_dict(values, "m/metadata.json")
    with pytest.raises(ModelError) as caught:
        meta.feature_config()
    message = str(caught.value)
    assert f"does not support the setting {setting} of this model (saved by taikai 0.0.9): {why}" in message


def test_a_value_kept_unread_is_written_even_when_not_read_from_a_file():
    assert RecordedConfig(min_df=2, unread={"vectors": 3}).to_dict() == {"min_df": 2, "vectors": 3}


@pytest.mark.parametrize(
    ("config", "name", "value"),
    [
        ({"min_df": 2, "vectors": "chive"}, "vectors", "chive"),
        ({"min_df": 2, "vectors": None}, "vectors", None),
        ({"min_df": "2"}, "min_df", "2"),
        ({"min_df": 2, "future": [1]}, "future", [1]),
    ],
)
def test_a_setting_reads_by_its_key_as_when_config_was_a_dict(config, name, value):
    assert RecordedConfig.from_dict(config)[name] == value


def test_a_setting_not_recorded_is_a_key_error():
    with pytest.raises(KeyError, match="vectors"):
        RecordedConfig.from_dict({"min_df": 2})["vectors"]
