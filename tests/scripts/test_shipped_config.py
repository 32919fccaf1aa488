"""The analysis scripts' ``--vectors`` option: the shipped configuration by default, words only on request."""

import argparse

import pytest
import shipped_config
from shipped_config import add_vectors_option, describe, feature_config, token_block

from taikai.errors import ModelError
from taikai.model import FastTfidfVectorizer, FeatureConfig, WordFeatures


@pytest.mark.parametrize(
    ("argv", "vectors"),
    [([], "chive"), (["--vectors", "chive"], "chive"), (["--vectors", "none"], "none")],
)
def test_option_defaults_to_the_shipped_vectors(argv, vectors):
    parser = argparse.ArgumentParser()
    add_vectors_option(parser)
    assert parser.parse_args(argv).vectors == vectors


def test_option_refuses_other_tables():
    parser = argparse.ArgumentParser()
    add_vectors_option(parser)
    with pytest.raises(SystemExit):
        parser.parse_args(["--vectors", "fasttext"])


@pytest.mark.parametrize(
    ("vectors", "config", "words", "block"),
    [
        ("chive", FeatureConfig(vectors="chive"), "words + chive vectors", WordFeatures),
        ("none", FeatureConfig(vectors=None), "words only", FastTfidfVectorizer),
    ],
)
def test_feature_config_builds_the_named_configuration(vectors, config, words, block):
    made = feature_config(vectors)
    assert made == config
    assert describe(made) == words
    assert type(token_block(made)) is block


def test_the_default_is_what_models_default_was_trained_with():
    import json
    from pathlib import Path

    metadata = json.loads((Path(__file__).parents[2] / "models" / "default" / "metadata.json").read_text("utf-8"))
    trained = FeatureConfig.from_dict(metadata["config"])
    assert feature_config(shipped_config.SHIPPED_VECTORS) == trained


@pytest.mark.parametrize("vectors", ["fasttext", ""])
def test_feature_config_refuses_an_unknown_name(vectors):
    with pytest.raises(SystemExit, match="--vectors must be one of none, chive"):
        feature_config(vectors)


def test_a_missing_table_stops_with_the_library_message(monkeypatch):
    def missing(name):
        raise ModelError(f"no word-vector table {name!r}: build it with scripts/extract_vectors.py")

    monkeypatch.setattr(shipped_config, "check_vectors", missing)
    with pytest.raises(SystemExit, match="--vectors chive: no word-vector table 'chive': build it"):
        feature_config("chive")
