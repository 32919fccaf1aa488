"""The configuration a training uses: a word-vector table given by a relative path is recorded by its absolute path,
so that the model finds it from any working directory."""

from pathlib import Path

import pytest

import taikai
from taikai.model import DEFAULT_VECTORS, FeatureConfig, _vector_table
from taikai.training._resolved_config import resolve_config

VECTORS = {"手数料": [1.0, 0.0], "高い": [0.0, 1.0], "稼げる": [3.0, 4.0]}


@pytest.mark.parametrize("given", ["tables/tiny", "./tables/tiny", "tables/../tables/tiny", Path("tables/tiny")])
def test_a_model_trained_on_a_relative_table_loads_from_another_directory(tmp_path, monkeypatch, tiny_csv, given):
    """Regression: the relative path was recorded as given, so that the model was refused ("word-vector table
    'tables/tiny' not found at tables/tiny") anywhere but in the directory it was trained in."""
    (tmp_path / "work").mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), Path("tables/tiny"))
    taikai.train(tiny_csv, "m", folds=0, test_size=0, config=FeatureConfig(vectors=given))
    monkeypatch.chdir(tmp_path / "elsewhere")
    model = taikai.load_model(tmp_path / "work" / "m")
    assert model.metadata.config.vectors == str(tmp_path / "work" / "tables" / "tiny")
    assert model.predict("手数料が高い")[0].reason is not None


@pytest.mark.parametrize(
    ("config", "recorded"),
    [(None, DEFAULT_VECTORS), (FeatureConfig(vectors=DEFAULT_VECTORS), DEFAULT_VECTORS), (FeatureConfig(), None)],
    ids=["shipped", "named", "no-vectors"],
)
def test_a_named_table_or_none_is_recorded_as_given(config, recorded):
    assert resolve_config(config).vectors == recorded
