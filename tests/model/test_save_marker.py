"""Saving a model safely: a save holds its directory (a second save at once is refused, naming the first), checks the
directory again once it holds it (a model saved there meanwhile is not replaced), writes through temporary files of
its own and records the sha256 of the bytes it wrote; an interrupted save is said as such, never loads, and a save
with overwrite replaces it; an empty or blank directory, or one whose parent is a file, is refused before training."""

import json
import os
import re

import pytest

import taikai
from taikai import InputError, Model, ModelError
from taikai.model import ARTIFACT_NAME, METADATA_NAME, read_metadata, sha256_file

TEXTS = ["手数料が高すぎて続けられない", "連絡が遅くて困った"]


@pytest.fixture(scope="module")
def trained(unsaved_tiny_model):
    """A model trained without ``out``: never saved (the session's, which tests/model/test_save.py uses too)."""
    return unsaved_tiny_model


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
    with pytest.raises(
        InputError,
        match=r"a model was saved into it while this one was trained .* pass overwrite=True \(--force on the command",
    ):
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
    with pytest.raises(ModelError, match=r"model\.joblib: \d+ bytes, but metadata\.json records \d+: the file was rep"):
        taikai.load_model(out)


@pytest.mark.parametrize(
    ("before", "holds", "redo"),
    [
        (
            "nothing",
            "was interrupted before it wrote both model.joblib and metadata.json, so it holds no complete model",
            "write one",
        ),
        ("another model", "was interrupted, so it holds a half-written model", "replace it"),
    ],
)
def test_an_interrupted_save_is_said_never_loads_and_is_replaced_with_overwrite(
    trained, tiny_csv, tmp_path, monkeypatch, before, holds, redo
):
    """Regression: loading said "no metadata.json, so not a model directory" (or "the file was changed after
    training… Restore the original file", the original gone) while saving again said it "already holds a model"."""
    from taikai.model import FeatureConfig

    out = tmp_path / "m"
    if before == "another model":  # words only: other bytes than the model saved over it
        taikai.train(tiny_csv, out=out, config=FeatureConfig(min_df=1), folds=0, test_size=0)
    with monkeypatch.context() as patch:
        interrupt_at(patch, METADATA_NAME)
        with pytest.raises(KeyboardInterrupt):
            fresh(trained).save(out, overwrite=True)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    said = f"{out}: a save into it {holds}"
    with pytest.raises(ModelError, match=re.escape(said + ", which is never loaded; " * (redo == "replace it"))):
        taikai.load_model(out)
    with pytest.raises(
        ModelError,
        match=re.escape(
            f"{said}; " * (redo == "write one") + "train again with overwrite=True (--force on the command line)"
        ),
    ):
        taikai.load_model(out / ARTIFACT_NAME)
    with pytest.raises(
        InputError,
        match=re.escape(
            f"(--out on the command line): a save into it {holds}; pass overwrite=True (--force on the command line)"
        ),
    ):
        taikai.train(tmp_path / "absent.csv", out=out)  # before anything is read
    with pytest.raises(InputError, match=re.escape(f"{holds}; pass overwrite=True to {redo}")):
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
        (" ", "out=' ' (--out on the command line) is blank: give the directory"),  # said empty before
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
    with pytest.raises(InputError, match=r"is (empty|blank): give the directory|f is a file, not a directory"):
        fresh(trained).save(directory.format(tmp=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]


def dead_pid():
    """Return the pid of a process that has ended."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(done.stdout)


def leave(out, tiny_model_dir, holds):
    """Fill *out* as a save killed (SIGKILL, the OOM killer) while writing *holds* leaves it: its marker (the dead
    save's pid, no lock held) and a temporary file."""
    import shutil

    from taikai.model._save_marker import SAVING_NAME

    if holds == "nothing":
        out.mkdir()
    else:
        shutil.copytree(tiny_model_dir, out)
    if holds == "the artifact alone":
        (out / METADATA_NAME).unlink()
    if holds == "the metadata alone":
        (out / ARTIFACT_NAME).unlink()
    if holds == "the model it held, its sha256 written in capitals":  # as Get-FileHash prints it: the same digest
        meta = json.loads((out / METADATA_NAME).read_text(encoding="utf-8"))
        meta["artifact"]["sha256"] = meta["artifact"]["sha256"].upper()
        (out / METADATA_NAME).write_text(json.dumps(meta), encoding="utf-8")
    if holds == "a new artifact beside old metadata":
        (out / ARTIFACT_NAME).write_bytes((out / ARTIFACT_NAME).read_bytes() + b"\0")
    pid = dead_pid()
    (out / SAVING_NAME).write_text(f"{pid}\n", encoding="ascii")
    (out / f".{ARTIFACT_NAME}.{pid}.7d52aae1.tmp").write_bytes(b"")


NO_MODEL = (
    "a save into it was interrupted before it wrote both model.joblib and metadata.json, so it holds no complete "
)
HALF = "a save into it was interrupted, so it holds a half-written model"


@pytest.mark.parametrize(
    ("holds", "loading", "saving"),
    [
        ("the model it held", None, "already holds a model; choose another directory, or pass overwrite=True"),
        (
            "the model it held, its sha256 written in capitals",
            None,
            "already holds a model; choose another directory, or pass overwrite=True",
        ),
        (
            "nothing",
            NO_MODEL + "model; train again with overwrite=True",
            NO_MODEL + "model; pass overwrite=True to write one",
        ),
        ("the artifact alone", NO_MODEL + "model", NO_MODEL + "model; pass overwrite=True"),
        ("the metadata alone", NO_MODEL + "model", NO_MODEL + "model; pass overwrite=True"),
        (
            "a new artifact beside old metadata",
            HALF + ", which is never loaded; train again",
            HALF + "; pass overwrite",
        ),
    ],
)
def test_a_killed_saves_marker_blocks_only_a_directory_whose_files_are_not_one_model(
    trained, tiny_model_dir, tmp_path, holds, loading, saving
):
    """Regression: a marker left by a save killed before it replaced any file blocked the intact model it kept
    ("holds a half-written model"), and a new directory holding only the marker was said to hold a half-written
    model. A whole model loads, the marker left in place (a reader never writes into a model directory)."""
    from taikai.model._save_marker import SAVING_NAME

    out = tmp_path / "m"
    leave(out, tiny_model_dir, holds)
    if loading is None:
        assert taikai.load_model(out).predict(TEXTS) == taikai.load_model(tiny_model_dir).predict(TEXTS)
        assert read_metadata(out) == read_metadata(tiny_model_dir)
        assert (out / SAVING_NAME).exists()
    else:
        for path in (out, out / ARTIFACT_NAME) if (out / ARTIFACT_NAME).exists() else (out,):
            with pytest.raises(ModelError, match=re.escape(f"{out}: {loading}")):
                taikai.load_model(path)
        with pytest.raises(ModelError, match=re.escape(f"{out}: {loading}")):
            read_metadata(out)
    with pytest.raises(InputError, match=re.escape(f"directory {out}: {saving}")):
        fresh(trained).save(out)
    fresh(trained).save(out, overwrite=True)
    assert sorted(files(out)) == [METADATA_NAME, ARTIFACT_NAME]  # the marker and the dead save's temporary file gone


@pytest.mark.parametrize(
    ("writer", "removed"),
    [("a dead save", True), ("a live save of another process", False), ("a save of this process", False)],
)
@pytest.mark.parametrize("name", [ARTIFACT_NAME, METADATA_NAME])
def test_a_save_removes_the_temporary_files_of_saves_no_longer_running(trained, tmp_path, writer, removed, name):
    """Regression: the temporary files of killed saves stayed, even after a later save with overwrite."""
    pid = {"a dead save": dead_pid(), "a live save of another process": os.getppid()}.get(writer, os.getpid())
    out = tmp_path / "m"
    fresh(trained).save(out)
    left = out / f".{name}.{pid}.0a1b2c3d.tmp"
    left.write_bytes(b"partial")
    fresh(trained).save(out, overwrite=True)
    assert left.exists() is not removed
    assert sorted(files(out)) == sorted([METADATA_NAME, ARTIFACT_NAME] + ([] if removed else [left.name]))


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_training_refused_after_fitting_by_a_live_save_says_it_was_not_saved(
    trained, tiny_csv, tmp_path, monkeypatch, overwrite
):
    """Regression: refused once trained because another save was writing the directory, train said "wait for it to
    end", not that the model it had trained was lost."""
    import contextlib

    import taikai.training._train as train_module
    from taikai.model._save_marker import holding_save

    out, real = tmp_path / "m", train_module.fit_frame
    with contextlib.ExitStack() as stack:

        def fit_while_another_saves(*args, **kwargs):
            out.mkdir(exist_ok=True)
            stack.enter_context(holding_save(out, "another save", "overwrite=True"))  # began while this one trained
            return real(*args, **kwargs)

        monkeypatch.setattr(train_module, "fit_frame", fit_while_another_saves)
        said = (
            f"out='{out}' (--out on the command line): another save in this process (pid {os.getpid()}, another "
            "thread) is saving a model into it (it began while this one was trained), and this one was not saved; "
            "choose another directory, or pass overwrite=True (--force on the command line) once it has ended to "
            "replace the model it saves"
        )
        with pytest.raises(InputError, match=re.escape(said)):
            taikai.train(tiny_csv, out=out, folds=0, test_size=0, overwrite=overwrite)


@pytest.mark.parametrize(("late", "said"), [(False, "nothing was written: wait for it to end"), (True, "not saved")])
def test_a_save_refused_by_a_save_holding_the_directory_says_whether_the_model_is_lost(
    tmp_path, monkeypatch, late, said
):
    from taikai.model import _save_marker
    from taikai.model._save_marker import holding_save

    monkeypatch.setattr(_save_marker, "LOCK_WAIT", 0.0)
    with (
        holding_save(tmp_path, "d", "--force"),
        pytest.raises(InputError, match=rf"^d: another save in this process .*\(it began saving first\).* {said}"),
        holding_save(tmp_path, "d", "--force", late=late),
    ):
        pass


@pytest.mark.parametrize(
    ("out", "said"),
    [
        (
            "dl",
            "out='{tmp}/dl' (--out on the command line): it is a symbolic link to {tmp}/nowhere/sub, which does not",
        ),
        ("dl/m", "out='{tmp}/dl/m' (--out on the command line): {tmp}/dl is a symbolic link to {tmp}/nowhere/sub"),
        # mkdir goes through the link before "..": not the directory beside it that os.path.abspath names
        (
            "dl/../m_x",
            "out='{tmp}/dl/../m_x' (--out on the command line): {tmp}/dl is a symbolic link to {tmp}/nowhere/sub",
        ),
    ],
    ids=["the link", "inside the link", "through the link and back"],
)
def test_train_refuses_an_out_through_a_dangling_symbolic_link_naming_its_target(tmp_path, out, said):
    """Regression: ``cannot write (File exists)`` after training, for a link to a path that does not exist."""
    (tmp_path / "dl").symlink_to(tmp_path / "nowhere" / "sub")
    with pytest.raises(InputError, match=re.escape(said.format(tmp=tmp_path))):
        taikai.train(tmp_path / "absent.csv", out=tmp_path / out)  # before anything is read
