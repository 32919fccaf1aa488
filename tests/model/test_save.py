"""Model.save: a model trained without ``out`` is written as ``train(out=)`` writes it, loads back, and saving
refuses what ``train --out`` refuses (a directory holding a model or other files) and metadata that does not
describe the pipeline; a loaded model unchanged is saved as the very bytes it was loaded from."""

import io
import re
import shutil

import joblib
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai import InputError, Model, ModelError
from taikai.cli import cli
from taikai.model import ARTIFACT_NAME, METADATA_NAME, read_metadata, sha256_file
from taikai.model._save import unchanged

TEXTS = ["手数料が高すぎて続けられない", "連絡が遅くて困った", ""]


@pytest.fixture(scope="module")
def trained(unsaved_tiny_model):
    """A model trained without ``out``: never saved (the session's, which tests/model/test_save_marker.py uses too)."""
    return unsaved_tiny_model


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


def _fail_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    from taikai.model import _save_files

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_save_files, "_temporary", full)


@pytest.mark.parametrize(
    ("out", "before", "how", "said", "after"),
    [
        # refused before (the save's late check said a model was saved meanwhile), and with new/ left behind
        ("new/../m", "m/file", "train", "the directory holds other files (file)", ["m", "m/file"]),
        ("new/../m", "m/file", "save", "the directory holds other files (file)", ["m", "m/file"]),
        ("new/../m", "m/" + METADATA_NAME, "save", "already holds a model", ["m", f"m/{METADATA_NAME}"]),
        ("new/a/../../m", "m/file", "save", "the directory holds other files (file)", ["m", "m/file"]),
        # failed (a full disk): the directories the save made go, when empty
        ("new/../m", None, "save fails", "No space left on device", []),
        ("new/a/../../m", None, "save fails", "No space left on device", []),
        ("new/m", None, "save fails", "No space left on device", []),
        ("new/../m", "m/", "save fails", "No space left on device", ["m"]),  # an empty m of the user's stays
    ],
)
def test_a_refused_or_failed_save_leaves_no_directory_it_made(
    trained, tiny_csv, tmp_path, monkeypatch, out, before, how, said, after
):
    if before is not None:
        (tmp_path / "m").mkdir()
        if before != "m/":
            (tmp_path / before).write_text("{}", encoding="utf-8")
    if how == "save fails":
        _fail_writing(monkeypatch)
    with pytest.raises((InputError, OSError), match=re.escape(said)):
        if how == "train":
            taikai.train(tiny_csv, out=tmp_path / out, folds=0, test_size=0)
        else:
            Model(trained.pipeline, trained.metadata).save(tmp_path / out)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == after


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


def _used(model: Model) -> None:
    model.predict(TEXTS)
    model.classify(TEXTS * 3, rules_mode="flag")


def _new_parameters(model: Model) -> None:
    model.pipeline.set_params(classify__reason_estimator__C=0.5)


def _weights_changed(model: Model) -> None:  # as a refit leaves it: other fitted arrays
    model.pipeline.named_steps["classify"].sentiment_.intercept_[0] += 3.0


@pytest.mark.parametrize(
    ("change", "same"),
    [(None, True), (_used, True), (_new_parameters, False), (_weights_changed, False)],
    ids=["as loaded", "after predicting", "set_params", "other weights"],
)
def test_a_loaded_model_is_saved_as_the_bytes_it_was_loaded_from_unless_changed(tiny_model_dir, tmp_path, change, same):
    """Regression: load_model(d).save(e) wrote another model.joblib (another sha256, a pickle round trip changes
    which equal strings and dtypes are one object), so drift and report refused predictions made under d."""
    model = taikai.load_model(tiny_model_dir)
    if change is not None:
        change(model)
    model.save(tmp_path / "a")
    original = (tiny_model_dir / ARTIFACT_NAME).read_bytes()
    saved = (tmp_path / "a" / ARTIFACT_NAME).read_bytes()
    assert (saved == original) is same
    assert model.metadata.artifact is not None and model.metadata.artifact.sha256 == sha256_file(
        tmp_path / "a" / ARTIFACT_NAME
    )
    if same:
        assert (tmp_path / "a" / METADATA_NAME).read_bytes() == (tiny_model_dir / METADATA_NAME).read_bytes()
    model.save(tmp_path / "b")  # saved again: the bytes it was saved as
    assert (tmp_path / "b" / ARTIFACT_NAME).read_bytes() == saved
    loaded = taikai.load_model(tmp_path / "a")
    assert loaded.predict(TEXTS) == model.predict(TEXTS)
    assert (loaded.predict(TEXTS) == taikai.load_model(tiny_model_dir).predict(TEXTS)) is (
        change is not _weights_changed
    )


def test_the_shipped_model_saved_keeps_its_sha256(tmp_path):
    shipped = taikai.load_model()
    assert shipped.path is not None
    artifact = shipped.path / ARTIFACT_NAME
    shipped.save(tmp_path / "copy")
    assert shipped.path == tmp_path / "copy"
    assert sha256_file(tmp_path / "copy" / ARTIFACT_NAME) == sha256_file(artifact)


def test_predictions_of_a_model_are_accepted_under_a_saved_copy(tiny_model_dir, tiny_csv, tmp_path):
    """Regression: taikai drift/report refused them ("… made by model tiny (sha256 …), not by --model copy")."""
    dump, predictions = tmp_path / "dump.csv", tmp_path / "p.csv"
    pd.read_csv(tiny_csv)[["text"]].to_csv(dump, index=False)
    taikai.classify_file(dump, predictions, "text", model=tiny_model_dir)
    taikai.load_model(tiny_model_dir).save(tmp_path / "copy")
    result = CliRunner().invoke(cli, ["drift", str(predictions), "--model", str(tmp_path / "copy")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"drift of {predictions} (predictions file, read as written)\n")


def _cycle(pipeline):
    pipeline.named_steps["classify"].back = pipeline  # a reference back up: pickled without a memo, no end
    return pipeline


@pytest.mark.parametrize(
    ("prepare", "expected"),
    [(lambda p: p, True), (_cycle, False)],
    ids=["as loaded", "a cycle: pickled anew"],
)
def test_unchanged_compares_what_the_pipeline_holds(tiny_model_dir, prepare, expected):
    data = (tiny_model_dir / ARTIFACT_NAME).read_bytes()
    assert unchanged(prepare(joblib.load(io.BytesIO(data))), data) is expected


SHIPPED_SAVES = [
    ("train", lambda out, csv: CliRunner().invoke(cli, ["train", str(csv), "--out", str(out), "--folds", "2"])),
    ("train --force", lambda out, csv: CliRunner().invoke(cli, ["train", str(csv), "--out", str(out), "--force"])),
    ("taikai.train", lambda out, csv: taikai.train(csv, out, folds=2, test_size=0, overwrite=True)),
    ("Model.save", lambda out, csv: taikai.load_model(out).save(out.parent / "default/../default", overwrite=True)),
]


@pytest.mark.parametrize("packaged", [False, True], ids=["source checkout", "installed package"])
@pytest.mark.parametrize(("how", "save"), SHIPPED_SAVES, ids=[s[0] for s in SHIPPED_SAVES])
def test_the_shipped_model_is_not_saved_over_even_with_force(
    tiny_model_dir, tiny_csv, tmp_path, monkeypatch, how, save, packaged
):
    """Regression: ``taikai train DATA --out models/default`` said "pass --force to replace it", and with --force
    replaced the shipped model, the one the README's first command (and every command without --model) uses."""
    shipped = tmp_path / "default"
    shutil.copytree(tiny_model_dir, shipped)
    before = {p.name: p.read_bytes() for p in shipped.iterdir()}
    monkeypatch.setattr("taikai.model._save.shipped_model_dir", lambda: shipped)
    monkeypatch.setattr("taikai.model._save.packaged_model_dir", lambda: shipped if packaged else None)
    said = "holds the shipped model, the one taikai uses when no model is given"
    try:
        result = save(shipped, tiny_csv)
    except InputError as exc:
        message = str(exc)
    else:
        assert result.exit_code == 2, result.output
        message = result.output
    assert said in message and "even with overwrite=True" in message, message
    assert "TAIKAI_MODEL" in message and ("replace " in message) is not packaged, message
    assert {p.name: p.read_bytes() for p in shipped.iterdir()} == before
