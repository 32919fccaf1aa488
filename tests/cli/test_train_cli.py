"""``taikai train --vectors``: a missing table fails before any training, a present one is used and recorded."""

import json

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.model import _vectors

VECTORS = {"手数料": [1.0, 0.0], "高い": [0.0, 1.0], "本業": [3.0, 4.0], "忙しい": [1.0, 1.0]}


def train(tmp_path, tiny_csv, *options):
    out = tmp_path / "m"
    args = ["train", str(tiny_csv), "--out", str(out), "--folds", "2", "--test-size", "0.25", *options]
    return CliRunner().invoke(cli, args, catch_exceptions=False), out


@pytest.mark.parametrize(("options", "vectors"), [([], None), (["--vectors", "none"], None)])
def test_train_without_vectors_records_none(tmp_path, tiny_csv, options, vectors):
    result, out = train(tmp_path, tiny_csv, *options)
    assert result.exit_code == 0, result.output
    assert json.loads((out / "metadata.json").read_text())["config"]["vectors"] == vectors


def test_train_with_vectors_uses_the_table(tmp_path, tiny_csv, monkeypatch):
    tables = tmp_path / "tables"
    _vectors.save_table(_vectors.make_table(VECTORS, "test vectors"), tables / "chive")
    monkeypatch.setattr(_vectors, "TABLE_DIR", tables)
    result, out = train(tmp_path, tiny_csv, "--vectors", "chive")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "metadata.json").read_text())["config"]["vectors"] == "chive"
    predicted = CliRunner().invoke(cli, ["predict", "手数料が高い", "--model", str(out)], catch_exceptions=False)
    assert predicted.exit_code == 0, predicted.output


@pytest.mark.parametrize("choice", ["chive"])
def test_train_with_a_missing_table_fails_at_once(tmp_path, tiny_csv, monkeypatch, choice):
    monkeypatch.setattr(_vectors, "TABLE_DIR", tmp_path / "no-tables")
    result, out = train(tmp_path, tiny_csv, "--vectors", choice)
    assert result.exit_code == 2
    assert f"word-vector table '{choice}' not found" in result.stderr
    assert "scripts/extract_vectors.py" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
