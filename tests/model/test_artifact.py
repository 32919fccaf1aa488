"""Saving, verifying and loading model artifacts."""

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys

import pytest
from support_models import flip_a_byte

import taikai
from taikai.errors import ModelError
from taikai.model import FORMAT_VERSION, ModelMetadata, read_metadata, sha256_file


def test_metadata_records_what_the_model_needs(tiny_model_dir, tiny_csv):
    meta = read_metadata(tiny_model_dir)
    assert meta.reasons and meta.sentiments == ("negative", "neutral", "positive")
    for name in ("python", "scikit-learn", "fugashi", "unidic-lite", "numpy"):
        assert meta.versions[name]
    assert meta.dictionary is not None and meta.dictionary.name == "unidic-lite"
    assert len(meta.training_data.file_sha256) == 64
    assert meta.artifact is not None and len(meta.artifact.sha256) == 64
    assert meta.created_at and meta.format == FORMAT_VERSION
    assert meta.metrics.cv is not None


def copy_model(src, tmp_path):
    dst = tmp_path / "model"
    shutil.copytree(src, dst)
    return dst


def test_tampered_artifact_is_refused(tiny_model_dir, tmp_path):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    flip_a_byte(model_dir)
    with pytest.raises(ModelError, match=r"sha256 .* does not match"):
        taikai.load_model(model_dir)


@pytest.mark.parametrize(
    ("replaced", "refused"),
    [(True, None), (False, "the file was changed after training and will not be loaded")],
    ids=["replaced-by-a-save", "edited"],
)
def test_a_save_between_the_reads_of_the_two_files_is_no_edit(
    tiny_model_dir, tiny_csv, tmp_path, monkeypatch, replaced, refused
):
    """Regression: a load that read metadata.json, then model.joblib once a save (train --force into the
    directory) had replaced it, refused it as changed after training, which could run arbitrary code (21 of 57,000
    loads beside a loop of saves); it now reads the metadata again and loads the model the save wrote."""
    from taikai.model import _artifact

    model_dir = copy_model(tiny_model_dir, tmp_path)
    stale = read_metadata(model_dir)
    if replaced:  # another model saved over it once its metadata was read
        taikai.train(tiny_csv, folds=0, seed=3).save(model_dir, overwrite=True)
    else:  # the artifact really changed, its metadata as read
        flip_a_byte(model_dir)
    reads = iter([stale])
    real = _artifact.read_metadata
    monkeypatch.setattr(_artifact, "read_metadata", lambda d: next(reads, None) or real(d))
    if refused is None:
        model = taikai.load_model(model_dir)
        assert model.metadata.artifact == read_metadata(model_dir).artifact != stale.artifact
    else:
        with pytest.raises(ModelError, match=refused):
            taikai.load_model(model_dir)


def test_version_mismatch_is_refused_with_a_retrain_hint(tiny_model_dir, tmp_path):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    meta = json.loads((model_dir / "metadata.json").read_text())
    meta["versions"]["scikit-learn"] = "0.24.2"
    (model_dir / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"(?s)scikit-learn: model trained with 0\.24\.2.*taikai train"):
        taikai.load_model(model_dir)


def test_missing_metadata_is_explained(tmp_path):
    with pytest.raises(ModelError, match=r"no metadata\.json"):
        taikai.load_model(tmp_path)


def test_a_missing_model_directory_is_named_as_a_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("TAIKAI_MODEL", raising=False)
    missing = tmp_path / "nodir"
    with pytest.raises(
        ModelError,
        match=rf"^{re.escape(str(missing))}: no such model directory; give the directory "
        r"of a trained model .* with --model DIR \(load_model\(DIR\) in Python\), or leave it out",
    ):
        taikai.load_model(missing)
    with pytest.raises(ModelError, match="no such model directory"):
        read_metadata(missing)


@pytest.mark.slow
def test_model_loads_and_predicts_in_a_fresh_process(tiny_model_dir, tiny_model):
    expected = tiny_model.predict("手数料が高すぎる")[0].reason_proba["fees"]
    code = (
        "import taikai, sys; m = taikai.load_model(sys.argv[1]); "
        "print(repr(m.predict('手数料が高すぎる')[0].reason_proba['fees']))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tiny_model_dir)], capture_output=True, text=True, check=True)
    assert float(out.stdout) == pytest.approx(expected, abs=1e-12)


def _edit_metadata(model_dir, edit):
    meta = json.loads((model_dir / "metadata.json").read_text())
    edit(meta)
    (model_dir / "metadata.json").write_text(json.dumps(meta))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.pop("versions"), r"does not say which version"),
        (lambda m: m.pop("format"), r"not taikai model metadata"),
        (lambda m: m["artifact"].update(sha256="0" * 64), r"does not match"),
    ],
)
def test_incomplete_or_altered_metadata_is_refused(tiny_model_dir, tmp_path, edit, message):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, edit)
    with pytest.raises(ModelError, match=message):
        taikai.load_model(model_dir)


def test_only_the_artifact_inside_the_model_directory_is_loaded(tiny_model_dir, tmp_path):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    shutil.copy(model_dir / "model.joblib", tmp_path / "outside.joblib")
    (model_dir / "model.joblib").unlink()
    _edit_metadata(model_dir, lambda m: m["artifact"].update(file="../outside.joblib"))
    with pytest.raises(ModelError, match=r"model\.joblib is missing"):
        taikai.load_model(model_dir)


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("[1, 2]", "a JSON list"),
        ('"text"', "a JSON string"),
        ("null", "a JSON null"),
        ('{"alert": true, "verdict": "no"}', "an object without 'format'"),
    ],
)
def test_metadata_that_is_other_json_says_it_may_have_been_overwritten(tmp_path, held, said):
    """Regression: a metadata.json overwritten with other JSON (drift --json over it) advised only a retrain."""
    (tmp_path / "metadata.json").write_text(held)
    expected = (
        f"{tmp_path / 'metadata.json'}: not taikai model metadata (it holds other JSON, {said}: was it overwritten?); "
        "restore metadata.json from a copy of the model, or retrain it: taikai train"
    )
    with pytest.raises(ModelError) as raised:
        taikai.load_model(tmp_path)
    assert str(raised.value).startswith(expected)


@pytest.mark.parametrize(
    ("format_version", "message"),
    [
        (1, r"a model of format 1, written by taikai \S+ \(its metadata says so\), cannot be loaded: it was saved"),
        (99, r"model format 99, but this taikai reads formats 2, 3, 4, 5, 6, 7"),
        ("7", r"metadata\.json: 'format' is '7', but must be a number without quotes, such as 7; correct it"),
        (7.0, r"'format' is 7\.0, but must be a number without quotes"),
        (True, r"'format' is True, but must be a number without quotes"),
    ],
)
def test_other_metadata_formats_are_refused_with_the_reason(tiny_model_dir, tmp_path, format_version, message):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, lambda m: m.update(format=format_version))
    with pytest.raises(ModelError, match=message):
        taikai.load_model(model_dir)


def test_metadata_round_trips_through_json(tiny_model_dir):
    meta = read_metadata(tiny_model_dir)
    text = json.dumps(meta.to_dict())
    assert ModelMetadata.from_dict(json.loads(text)) == meta


@pytest.mark.parametrize("edit", [lambda m: m.pop("labels"), lambda m: m.update(max_chars="many")])
def test_malformed_metadata_is_a_model_error(tiny_model_dir, tmp_path, edit):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, edit)
    with pytest.raises(ModelError, match="malformed model metadata"):
        taikai.load_model(model_dir)


def test_pickles_name_the_public_module_paths(tiny_model):
    raw = pickle.dumps(tiny_model.pipeline)
    for name in (b"taikai.text", b"JapaneseTokenizer", b"taikai.model", b"FastTfidfVectorizer"):
        assert name in raw
    assert b"taikai.text._" not in raw and b"taikai.model._" not in raw


def test_metadata_records_the_training_file(tiny_model_dir, tiny_csv):
    [base] = read_metadata(tiny_model_dir).inputs
    assert (base.role, base.file, base.rows, base.used, base.bad) == ("base", str(tiny_csv), 40, 40, 0)
    assert base.sha256 == sha256_file(tiny_csv)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"{not json",
            r"metadata\.json:1: not valid JSON \(Expecting property name enclosed in double quotes, column 2\); ",
        ),
        (b"\xff\xfe{}", r"metadata\.json:1: not UTF-8 text, so not taikai metadata \(invalid start byte\); "),
        (  # a stray byte that CP932 reads as a private-use character: damaged, not saved as CP932
            b'{\n  "a": 1,\n  "b": "\xff"\n}',
            r"metadata\.json:3: not UTF-8 text, so not taikai metadata \(invalid start byte\); ",
        ),
    ],
)
def test_unreadable_metadata_says_where_and_what_to_do(tiny_model_dir, tmp_path, content, message):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    (model_dir / "metadata.json").write_bytes(content)
    with pytest.raises(ModelError, match=message + "the model directory is damaged or was written by another"):
        taikai.load_model(model_dir)


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("cp932", "CP932 (Shift_JIS) text, as a Japanese editor or Notepad's ANSI saves it, not UTF-8"),
        ("utf-16", "UTF-16 text (what Notepad calls Unicode), not UTF-8"),
    ],
)
def test_metadata_an_editor_saved_in_another_encoding_says_so_and_loads_saved_as_utf8(
    tiny_model_dir, tmp_path, encoding, said
):
    """Regression: metadata.json saved by an editor in CP932 or UTF-16 was refused as "not UTF-8 text, so not taikai
    metadata (invalid start byte); the model directory is damaged or was written by another taikai version"."""
    model_dir = copy_model(tiny_model_dir, tmp_path)
    path = model_dir / "metadata.json"
    values = json.loads(path.read_text(encoding="utf-8"))
    values["warnings"] = [*values.get("warnings", []), "訓練データが少ない"]  # Japanese, so CP932 is not ASCII
    text = json.dumps(values, ensure_ascii=False, indent=2)
    path.write_bytes(text.encode(encoding))
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    assert str(caught.value) == (
        f"{path}: {said}, the encoding taikai writes and reads it in; open it in an editor and save it again as "
        "UTF-8 (with or without a byte order mark), or restore it from a copy of the model"
    )
    path.write_text(path.read_bytes().decode(encoding), encoding="utf-8")  # the advice, followed
    assert taikai.load_model(model_dir).metadata.warnings[-1] == "訓練データが少ない"


def test_metadata_saved_with_a_byte_order_mark_loads_and_is_saved_again_without(tiny_model_dir, tmp_path):
    """Regression: metadata.json saved by a Windows editor (UTF-8 with a BOM) was refused as "not valid JSON
    (Unexpected UTF-8 BOM …); the model directory is damaged"."""
    model_dir = copy_model(tiny_model_dir, tmp_path)
    text = (model_dir / "metadata.json").read_text(encoding="utf-8").replace('"max_chars": 10000', '"max_chars": 500')
    (model_dir / "metadata.json").write_text(text, encoding="utf-8-sig")  # as Notepad saved UTF-8 before 2019
    model = taikai.load_model(model_dir)
    assert model.metadata.max_chars == 500
    assert read_metadata(model_dir) == model.metadata
    model.save(tmp_path / "again")
    assert (tmp_path / "again" / "metadata.json").read_bytes().startswith(b"{")


def test_truncated_artifact_with_a_matching_hash_is_described(tiny_model_dir, tmp_path):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    data = (model_dir / "model.joblib").read_bytes()[:2000]
    (model_dir / "model.joblib").write_bytes(data)
    _edit_metadata(model_dir, lambda m: m["artifact"].update(sha256=hashlib.sha256(data).hexdigest(), bytes=2000))
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    message = str(caught.value)
    assert "model.joblib: cannot be loaded: the file is damaged or refers to code this install lacks (" in message
    assert "restore it from a copy, or retrain it" in message and "Error:" not in message


def test_training_again_in_another_process_saves_the_same_bytes(tiny_model_dir, tiny_csv, tmp_path):
    # The artifact's sha256 names a model (batch summaries, report --model, --resume): the same data and seed must
    # give the same bytes. scikit-learn kept id(stop_words), an address that differs in every process, in each
    # vectorizer's pickle; so the second training runs in a process of its own, as it would in real life.
    code = "import sys, taikai; taikai.train(sys.argv[1], sys.argv[2], folds=2, test_size=0)"
    subprocess.run([sys.executable, "-c", code, str(tiny_csv), str(tmp_path / "again")], check=True)
    first, again = read_metadata(tiny_model_dir), read_metadata(tmp_path / "again")
    assert first.artifact is not None and again.artifact is not None
    assert again.artifact.sha256 == first.artifact.sha256


_TRAIN_AFTER = (
    "import hashlib, sys, taikai\n"
    "{before}\n"
    "taikai.train(sys.argv[1], sys.argv[2], folds=0, test_size=0)\n"
    "print(hashlib.sha256(open(sys.argv[2] + '/model.joblib', 'rb').read()).hexdigest())\n"
)


def _sha_of_training_after(before, tiny_csv, out):
    """Return the sha256 of model.joblib as a new process writes it, training *tiny_csv* after running *before*
    (with the shipped model as the default one)."""
    env = {k: v for k, v in os.environ.items() if k != "TAIKAI_MODEL"}
    code = _TRAIN_AFTER.format(before=before)
    done = subprocess.run(
        [sys.executable, "-c", code, str(tiny_csv), str(out)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def fresh_sha(tiny_csv, tmp_path_factory):
    """Return the sha256 of model.joblib trained on the tiny data (no folds, no test rows) in a fresh process."""
    return _sha_of_training_after("", tiny_csv, tmp_path_factory.mktemp("fresh") / "model")


@pytest.mark.slow
@pytest.mark.parametrize(
    "before",
    [
        "taikai.load_model(TINY)",
        "taikai.load_model()",
        "taikai.load_model().predict('手数料が高すぎる')",
        "taikai.mask_pii('山田太郎です。電話は090-1234-5678')",
    ],
    ids=["another model loaded", "shipped model loaded", "a text classified", "a text masked"],
)
def test_the_bytes_do_not_depend_on_what_the_process_did_before_training(
    tiny_model_dir, tiny_csv, tmp_path, fresh_sha, before
):
    """Regression: a process that had unpickled a model (load_model) wrote other model.joblib bytes for the same
    data and seed: the estimators' attribute names were then the pickle's strings, not the interned ones, and
    pickle's memo wrote the ``verbose`` that Pipeline and FeatureUnion share twice instead of once."""
    code = before.replace("TINY", repr(str(tiny_model_dir)))
    assert _sha_of_training_after(code, tiny_csv, tmp_path / "model") == fresh_sha


def _set_thresholds(m, **changes):
    m["reason_thresholds"].update(changes)
    for name, value in changes.items():
        if value is None:
            del m["reason_thresholds"][name]


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda m: m["labels"]["reasons"].remove("other"), "labels.reasons lacks 'other', which the model predicts"),
        (
            lambda m: m["labels"]["reasons"].append("spam"),
            "labels.reasons names 'spam', which the model does not predict",
        ),
        (
            lambda m: m["labels"]["sentiments"].append("neutral"),
            "labels.sentiments repeats 'neutral'",
        ),
        (
            lambda m: m["labels"].update(sentiments=["negative", "positive"]),
            "labels.sentiments lacks 'neutral', which the model predicts",
        ),
        (
            lambda m: _set_thresholds(m, spam=0.5),
            "reason_thresholds names 'spam', which the model does not predict",
        ),
        (lambda m: _set_thresholds(m, fees=1.5), "reason_thresholds {'fees': 1.5} outside 0 to 1"),
        (lambda m: _set_thresholds(m, fees=-0.1), "reason_thresholds {'fees': -0.1} outside 0 to 1"),
        (lambda m: _set_thresholds(m, fees=float("nan")), "reason_thresholds {'fees': nan} outside 0 to 1"),
    ],
)
def test_metadata_that_does_not_match_the_pipeline_is_refused(tiny_model_dir, tmp_path, edit, problem):
    """Regression: edited labels and thresholds were shown by info as verified and used by predict and rules."""
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, edit)
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    message = str(caught.value)
    assert message.startswith(f"{model_dir / 'metadata.json'}: does not describe the model in model.joblib")
    assert f"): {problem}" in message and "\n" not in message  # one line: the command line says it as one
    assert "; restore the model's own metadata.json from a copy, or retrain: taikai train" in message


@pytest.mark.parametrize("threshold", [0.0, 1.0, 1])
def test_a_threshold_at_either_end_of_0_to_1_loads(tiny_model_dir, tmp_path, threshold):
    """0 (every reason is stated) and 1 (only a certain one) are probabilities: such an edit is used, not refused."""
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, lambda m: _set_thresholds(m, fees=threshold))
    model = taikai.load_model(model_dir)
    assert model.thresholds[model.reason_labels.index("fees")] == threshold


def test_a_reason_without_a_threshold_is_at_the_default(tiny_model_dir, tmp_path):
    """Regression: a --refit-all model trained before training filled in the threshold of a reason only its test
    rows had was refused ("reason_thresholds lacks 'platform_switch'", blaming an edit)."""
    model_dir = copy_model(tiny_model_dir, tmp_path)
    kept = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))["reason_thresholds"]
    _edit_metadata(model_dir, lambda m: _set_thresholds(m, fees=None, time=None))
    model = taikai.load_model(model_dir)
    assert dict(zip(model.reason_labels, model.thresholds.tolist(), strict=True)) == kept | {"fees": 0.3, "time": 0.3}


def test_metadata_without_any_threshold_is_an_untuned_model(tiny_model_dir, tmp_path):
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, lambda m: m.update(reason_thresholds={}))
    assert taikai.load_model(model_dir).thresholds.tolist() == [0.3] * 8


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda d, tmp: (tmp / "chabsa.csv").write_text("text\n") and tmp / "chabsa.csv",
            "{tmp}/chabsa.csv: a file, not a model directory; give the directory of a trained model (holding "
            "model.joblib and metadata.json",
        ),
        (
            lambda d, tmp: (tmp / "lone.joblib").write_bytes(b"x") and tmp / "lone.joblib",
            "{tmp}/lone.joblib: a file, not a model directory; give the directory",
        ),
        (
            lambda d, tmp: d.parent,
            "{tmp}: no metadata.json, so not a model directory; it holds the model directory {tmp}/model: give that",
        ),
        (
            lambda d, tmp: shutil.copytree(d, tmp / "second") and tmp,
            "{tmp}: no metadata.json, so not a model directory; it holds the model directories {tmp}/model, "
            "{tmp}/second: give one of them",
        ),
        (
            lambda d, tmp: (tmp / "empty").mkdir() or tmp / "empty",
            "{tmp}/empty: no metadata.json, so not a model directory; give the directory of a trained model",
        ),
        (lambda d, tmp: "", "model path '' is empty: give the directory of a trained model, or leave it out"),
        (lambda d, tmp: " ", "model path ' ' is blank: give the directory of a trained model"),  # said empty before
        (  # regression: a raw IsADirectoryError
            lambda d, tmp: (d / "metadata.json").unlink() or (d / "metadata.json").mkdir() or d,
            "{tmp}/model/metadata.json: a directory, not the model's metadata file; put the model's metadata.json in "
            "its place (copy it from a copy of the model), or retrain: taikai train",
        ),
        (  # regression: a named pipe was called a directory
            lambda d, tmp: (d / "metadata.json").unlink() or os.mkfifo(d / "metadata.json") or d,
            "{tmp}/model/metadata.json: not a regular file (a named pipe, socket or device), not the model's metadata "
            "file; put the model's metadata.json in its place",
        ),
        (
            lambda d, tmp: (d / "model.joblib").unlink() or os.mkfifo(d / "model.joblib") or d,
            "{tmp}/model/model.joblib: not a regular file (a named pipe, socket or device), not the model's file; put "
            "the model's model.joblib in its place",
        ),
        (
            lambda d, tmp: (d / "model.joblib").rename(d / "t8") and d,
            "{tmp}/model: model.joblib is missing beside "
            "metadata.json; put the model's model.joblib back (rename or move it back, or copy it from a copy of the "
            "model), or retrain: taikai train",
        ),
        (
            lambda d, tmp: _edit_metadata(d, lambda m: m.pop("artifact")) or d,
            "{tmp}/model/metadata.json: records no sha256 of model.joblib (its 'artifact' entry is missing), so "
            "model.joblib cannot be verified; it will not be loaded (it could run arbitrary code). Restore the "
            "model's own metadata.json from a copy or retrain",
        ),
    ],
)
def test_a_path_that_is_no_model_directory_is_named_with_what_to_do(tiny_model_dir, tmp_path, make, message):
    """Regressions: a file was taken for the current directory ('.'), a parent of models hid them, '' was '.',
    a missing artifact section read as 'does not match None', a renamed model.joblib said only 'is missing'."""
    path = make(copy_model(tiny_model_dir, tmp_path), tmp_path)
    with pytest.raises(ModelError) as caught:
        taikai.load_model(path)
    assert str(caught.value).startswith(message.format(tmp=tmp_path))


@pytest.mark.parametrize(
    ("name", "hinted"), [("m.joblib", True), ("mine/model.joblib", True), ("m.PKL", True), ("m.bin", False)]
)
def test_a_model_the_user_pickled_says_to_read_it_with_joblib_load(tiny_model, tmp_path, name, hinted):
    """Regression: ``load_model("m.joblib")`` on a file written with ``joblib.dump(model, …)`` said only "a file, not
    a model directory", not how to read it back nor how to save a model load_model reads."""
    import joblib

    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    joblib.dump(tiny_model, path)
    with pytest.raises(ModelError) as caught:
        taikai.load_model(path)
    hint = (
        f"a Model written with joblib.dump is read back with joblib.load({str(path)!r}), and one saved with model.save("
    )
    assert str(caught.value).startswith(f"{path}: a file, not a model directory; give the directory")
    assert (hint in str(caught.value)) is hinted, str(caught.value)


@pytest.mark.parametrize("name", ["model.joblib", "metadata.json"])
def test_a_file_of_a_model_directory_names_its_directory(tiny_model_dir, name):
    assert taikai.load_model(tiny_model_dir / name).path == tiny_model_dir


@pytest.mark.parametrize(("max_chars", "cut"), [(5, True), (6, False)])
def test_an_edited_max_chars_is_where_texts_are_cut(tiny_model_dir, tmp_path, max_chars, cut):
    """max_chars in metadata.json (an edit taikai takes, as thresholds) is the length a text is classified up to."""
    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, lambda m: m.update(max_chars=max_chars))
    model = taikai.load_model(model_dir)
    [prediction] = model.predict(["手数料が高い"])
    assert (model.max_chars, prediction.status) == (max_chars, "ok")
    expected = f"text longer than {max_chars} characters: only the first {max_chars} were classified" if cut else ""
    assert prediction.message == expected


@pytest.mark.parametrize(("changed", "mismatch"), [(False, None), (True, "model.joblib")])
def test_artifact_problems_lists_other_library_versions_beside_a_changed_file(
    tiny_model_dir, tmp_path, changed, mismatch
):
    """What info lists for a model it cannot load: a changed artifact and the library versions, both when both."""
    from taikai.model import artifact_problems

    model_dir = copy_model(tiny_model_dir, tmp_path)
    _edit_metadata(model_dir, lambda m: m["versions"].update({"scikit-learn": "0.1"}))
    if changed:
        with open(model_dir / "model.joblib", "r+b") as f:
            first = f.read(1)
            f.seek(0)
            f.write(bytes([first[0] ^ 1]))  # one bit flipped: same size, another sha256
    problems = artifact_problems(model_dir, read_metadata(model_dir))
    assert len(problems) == (2 if changed else 1)
    if changed:
        assert str(model_dir / "model.joblib") in problems[0] and "sha256" in problems[0]
    assert problems[-1].startswith("scikit-learn: model trained with 0.1, installed ")


@pytest.mark.parametrize(
    ("edit", "left"),
    [
        (lambda d: None, "WHOLE"),
        (lambda d: _edit_metadata(d, lambda m: m["artifact"].update(sha256=m["artifact"]["sha256"].upper())), "WHOLE"),
        (lambda d: (d / "model.joblib").write_bytes((d / "model.joblib").read_bytes()[:-1]), "HALF_WRITTEN"),
        (lambda d: _edit_metadata(d, lambda m: m.pop("artifact")), "HALF_WRITTEN"),
        (lambda d: (d / "model.joblib").unlink(), "INCOMPLETE"),
    ],
    ids=["as-saved", "sha256-in-capitals", "cut-short", "no-sha256", "no-artifact"],
)
def test_what_an_interrupted_save_left_is_told_as_loading_would_check_it(tiny_model_dir, tmp_path, edit, left):
    """A directory an interrupted save left holds a whole model when model.joblib is the file metadata.json records,
    its sha256 read in either case as loading reads it (Windows' Get-FileHash prints capitals)."""
    from taikai.model._artifact import leftover
    from taikai.model._save_marker import Leftover

    model_dir = copy_model(tiny_model_dir, tmp_path)
    edit(model_dir)
    assert leftover(model_dir) is Leftover[left]
