"""Model.save: a model trained without ``out`` is written as ``train(out=)`` writes it, loads back, and saving
refuses what ``train --out`` refuses (a directory holding a model or other files) and metadata that does not
describe the pipeline."""

import re

import pytest

import taikai
from taikai import InputError, Model, ModelError
from taikai.model import ARTIFACT_NAME, METADATA_NAME, read_metadata, sha256_file

TEXTS = ["手数料が高すぎて続けられない", "連絡が遅くて困った", ""]


@pytest.fixture(scope="module")
def trained(tiny_csv):
    """A model trained without ``out``: never saved."""
    return taikai.train(tiny_csv, folds=2, test_size=0)


def test_a_model_trained_without_out_says_it_is_not_saved_and_saves_as_train_does(trained, tmp_path):
    model = Model(trained.pipeline, trained.metadata)
    assert repr(model).startswith("Model(not saved, reasons=['low_pay', 'fees',")
    out = tmp_path / "new" / "model"
    assert model.save(str(out)) == out
    assert sorted(p.name for p in out.iterdir()) == sorted([ARTIFACT_NAME, METADATA_NAME])
    assert model.path == out and repr(model).startswith(f"Model(path={str(out)!r}, reasons=")
    assert model.metadata.artifact is not None and model.metadata.artifact.sha256 == sha256_file(out / ARTIFACT_NAME)
    assert read_metadata(out).artifact == model.metadata.artifact
    loaded = taikai.load_model(out)
    assert loaded.predict(TEXTS) == trained.predict(TEXTS)
    assert (
        loaded.metadata.metrics == trained.metadata.metrics
        and loaded.thresholds.tolist() == trained.thresholds.tolist()
    )


@pytest.mark.parametrize(
    ("prepare", "error", "message"),
    [
        (lambda d: d / "m", None, ""),  # a new directory
        (lambda d: d, None, ""),  # an empty one
        (lambda d: (d / "m.joblib").write_text("x") and d, InputError, "the directory holds other files (m.joblib);"),
        (lambda d: (d / "f").write_text("x") and d / "f", InputError, "f: is a file, not a model directory"),
        (lambda d: 5, TypeError, "directory must be a str or pathlib.Path, not int 5"),
    ],
    ids=["new", "empty", "other files", "a file", "not a path"],
)
def test_save_takes_a_new_or_empty_directory(trained, tmp_path, prepare, error, message):
    model = Model(trained.pipeline, trained.metadata)
    directory = prepare(tmp_path)
    if error is None:
        model.save(directory)
        assert taikai.load_model(directory).predict(TEXTS) == trained.predict(TEXTS)
    else:
        with pytest.raises(error, match=re.escape(message)):
            model.save(directory)
        assert model.path is None


def test_save_refuses_to_overwrite_a_model_unless_told(trained, tiny_model_dir, tmp_path):
    target = tmp_path / "m"
    Model(trained.pipeline, trained.metadata).save(target)
    before = (target / METADATA_NAME).read_bytes()
    with pytest.raises(InputError, match=re.escape(f"directory {target}: already holds a model; choose another")):
        taikai.load_model(tiny_model_dir).save(target)
    assert (target / METADATA_NAME).read_bytes() == before
    taikai.load_model(tiny_model_dir).save(target, overwrite=True)
    assert read_metadata(target).training_data == read_metadata(tiny_model_dir).training_data


def test_a_pipeline_fitted_by_hand_cannot_be_saved_without_its_metadata(trained, tmp_path):
    with pytest.raises(ModelError, match=r"cannot save the model: its metadata does not describe its pipeline \("):
        Model(trained.pipeline).save(tmp_path / "m")
    assert not (tmp_path / "m").exists()
