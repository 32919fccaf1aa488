"""Shared fixtures: a tiny model trained once per session on a hand-written fixture."""

from pathlib import Path

import pytest

import taikai

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
