"""Shared fixtures: a tiny model trained once per session on a hand-written fixture."""

from pathlib import Path

import pytest

import taikai
from taikai.model import FeatureConfig

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def tiny_csv() -> Path:
    """Return the path of the tiny labelled fixture (40 rows, 5 per reason)."""
    return FIXTURES / "tiny.csv"


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, tiny_csv) -> Path:
    """Train the tiny model once and return its directory."""
    out = tmp_path_factory.mktemp("models") / "tiny"
    taikai.train(tiny_csv, out, folds=2, test_size=0)
    return out


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir) -> taikai.Model:
    """Return the tiny model, loaded and verified."""
    return taikai.load_model(tiny_model_dir)


FEATURE_CONFIGS = {
    "default": FeatureConfig(min_df=1),  # the shipped features; min_df=1 because the fixture is tiny
    "surface+chars": FeatureConfig(token_form="surface", char_ngrams=(1, 3), min_df=1),
    "base-words": FeatureConfig(token_form="base", char_ngrams=None, min_df=1),
    "chars": FeatureConfig(word_ngrams=None, char_ngrams=(1, 3), min_df=1),
}


@pytest.fixture(scope="session", params=list(FEATURE_CONFIGS))
def model(request, tiny_csv) -> taikai.Model:
    """Return a tiny model for each feature configuration (code reading the pipeline must handle all of them)."""
    return taikai.train(tiny_csv, config=FEATURE_CONFIGS[request.param], folds=0, test_size=0)
