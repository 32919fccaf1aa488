"""Saving a model safely: a save holds its directory (a second save at once is refused, naming the first), checks the
directory again once it holds it (a model saved there meanwhile is not replaced), writes through temporary files of
its own and records the sha256 of the bytes it wrote; an interrupted save is said as such, never loads, and a save
with overwrite replaces it; an empty or blank directory, or one whose parent is a file, is refused before training."""

import os
import re

import pytest

import taikai
from taikai import InputError, Model, ModelError
from taikai.model import ARTIFACT_NAME, METADATA_NAME, read_metadata, sha256_file

TEXTS = ["手数料が高すぎて続けられない", "連絡が遅くて困った"]


@pytest.fixture(scope="module")
def trained(tiny_csv):
    """A model trained without ``out``: never saved."""
    return taikai.train(tiny_csv, folds=2, test_size=0)


def fresh(trained):
    return Model(trained.pipeline, trained.metadata)


def files(directory):
    return {p.name: p.read_bytes() for p in directory.iterdir()}


def interrupt_at(monkeypatch, target):
    """Make the rename of the temporary file into *target* (a model file's name) raise KeyboardInterrupt (Ctrl-C)."""
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.path.basename(dst) == target:
            raise KeyboardInterrupt
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_a_save_while_another_holds_the_directory_is_refused_and_writes_nothing(trained, tmp_path):
    from taikai.model._save_marker import SAVING_NAME, holding_save

    out = tmp_path / "m"
    out.mkdir()
    with holding_save(out, f"directory {out}", "overwrite=True"):  # a save of another thread, taking its time
        for overwrite in (False, True):
            with pytest.raises(InputError, match=re.escape(f"directory {out}: another save in this process")):
                fresh(trained).save(out, overwrite=overwrite)
        with pytest.raises(ModelError, match=re.escape(f"{out}: another save in this process (pid {os.getpid()}")):
            taikai.load_model(out)
        with pytest.raises(InputError, match=r"is saving a model into it; wait for it to end"):
            taikai.train(tmp_path / "absent.csv", out=out)  # before anything is read
        assert sorted(files(out)) == [SAVING_NAME]
    assert not list(out.iterdir())
    fresh(trained).save(out)
    assert taikai.load_model(out).predict(TEXTS) == trained.predict(TEXTS)


def test_a_model_saved_while_training_ran_is_not_replaced(trained, tiny_csv, tmp_path, monkeypatch):
    """Regression: the directory was checked before training only, so a model another ``taikai train --out`` saved
    there meanwhile was silently replaced. The first save wins; the second is refused (with --force it replaces)."""
    import taikai.training._train as train_module

    out = tmp_path / "m"
    real = train_module.fit_frame

    def fit_while_another_saves(*args, **kwargs):
        if not out.exists():
            fresh(trained).save(out)  # the other training finishes first
        return real(*args, **kwargs)

    monkeypatch.setattr(train_module, "fit_frame", fit_while_another_saves)
    with pytest.raises(InputError, match=r"a model was saved into it while this one was trained .* pass --force"):
        taikai.train(tiny_csv, out=out, folds=0, test_size=0)
    first = files(out)
    assert taikai.load_model(out).metadata.artifact == read_metadata(out).artifact
    assert sorted(first) == [METADATA_NAME, ARTIFACT_NAME]
    model = taikai.train(tiny_csv, out=out, folds=0, test_size=0, overwrite=True)
    assert files(out)[METADATA_NAME] != first[METADATA_NAME] and model.path == out


def test_saves_write_temporary_files_of_their_own_and_record_the_bytes_they_wrote(trained, tmp_path, monkeypatch):
    """Regression: every save wrote ``model.joblib.tmp`` and hashed ``model.joblib`` after renaming it, so two
    saves at once shared a temporary file and the metadata could record the other save's artifact."""
    real, renamed = os.replace, []

    def replace(src, dst, *args, **kwargs):
        renamed.append((os.fspath(src), os.fspath(dst)))
        real(src, dst, *args, **kwargs)
        if os.path.basename(dst) == ARTIFACT_NAME:
            with open(dst, "ab") as f:  # another save's artifact lands right after this one's
                f.write(b"another save")

    monkeypatch.setattr(os, "replace", replace)
    out = tmp_path / "m"
    written = fresh(trained).save(out, overwrite=True)
    fresh(trained).save(out, overwrite=True)
    assert written == out
    temporary = [src for src, dst in renamed if os.path.basename(dst) == ARTIFACT_NAME]
    assert len(set(temporary)) == 2 and all(os.path.dirname(t) == str(out) for t in temporary)
    meta = read_metadata(out)
    assert meta.artifact is not None and meta.artifact.sha256 != sha256_file(out / ARTIFACT_NAME)
    with pytest.raises(ModelError, match="does not match"):
        taikai.load_model(out)


@pytest.mark.parametrize("before", ["nothing", "a model"])
def test_an_interrupted_save_is_said_never_loads_and_is_replaced_with_overwrite(
    trained, tiny_model_dir, tmp_path, monkeypatch, before
):
    """Regression: loading said "no metadata.json, so not a model directory" (or "the file was changed after
    training… Restore the original file", the original gone) while saving again said it "already holds a model"."""
    out = tmp_path / "m"
    if before == "a model":
        taikai.load_model(tiny_model_dir).save(out)
    with monkeypatch.context() as patch:
        interrupt_at(patch, METADATA_NAME)
        with pytest.raises(KeyboardInterrupt):
            fresh(trained).save(out, overwrite=True)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    interrupted = f"{out}: a save into it was interrupted, so it holds a half-written model, which is never loaded; "
    with pytest.raises(ModelError, match=re.escape(interrupted + "train again with --force")):
        taikai.load_model(out)
    with pytest.raises(ModelError, match=re.escape(interrupted)):
        taikai.load_model(out / ARTIFACT_NAME)
    said = "(--out on the command line): a save into it was interrupted, so it holds a half-written model; pass --force"
    with pytest.raises(InputError, match=re.escape(said)):
        taikai.train(tmp_path / "absent.csv", out=out)  # before anything is read
    with pytest.raises(InputError, match=r"interrupted, so it holds a half-written model; pass overwrite=True"):
        fresh(trained).save(out)
    fresh(trained).save(out, overwrite=True)
    assert sorted(files(out)) == [METADATA_NAME, ARTIFACT_NAME]
    assert taikai.load_model(out).predict(TEXTS) == trained.predict(TEXTS)


def test_a_save_interrupted_before_it_touched_the_model_leaves_it_whole(trained, tiny_model_dir, tmp_path, monkeypatch):
    import joblib

    def dump(*args, **kwargs):
        raise KeyboardInterrupt

    out = tmp_path / "m"
    taikai.load_model(tiny_model_dir).save(out)
    before = files(out)
    with monkeypatch.context() as patch:
        patch.setattr(joblib, "dump", dump)
        with pytest.raises(KeyboardInterrupt):
            fresh(trained).save(out, overwrite=True)
    assert files(out) == before
    taikai.load_model(out)


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("", "out='' (--out on the command line) is empty: give the directory to write the model into"),
        (" ", "out=' ' (--out on the command line) is empty"),
        ("{tmp}/data.csv/model", "(--out on the command line): {tmp}/data.csv is a file, not a directory"),
        ("{tmp}/data.csv/a/b", "{tmp}/data.csv is a file, not a directory, so the model directory cannot be"),
    ],
    ids=["empty", "blank", "in a file", "deep in a file"],
)
def test_train_refuses_an_out_it_could_not_write_before_reading_anything(tmp_path, out, message):
    (tmp_path / "data.csv").write_text("text,reasons\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message.format(tmp=tmp_path))):
        taikai.train(tmp_path / "absent.csv", out=out.format(tmp=tmp_path))


@pytest.mark.parametrize("directory", ["", "  ", "{tmp}/f/m"], ids=["empty", "blank", "in a file"])
def test_save_refuses_an_empty_directory_or_one_in_a_file(trained, tmp_path, directory):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"is empty: give the directory|f is a file, not a directory"):
        fresh(trained).save(directory.format(tmp=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]
