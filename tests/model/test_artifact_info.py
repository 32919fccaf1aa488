"""The 'artifact' entry of metadata.json (name, sha256, size of model.joblib): read, and checked against the file."""

import json
import shutil

import pytest

import taikai
from taikai.errors import ModelError
from taikai.model import read_metadata
from tests.conftest import TINY_RETRAIN


def _model_with(tiny_model_dir, tmp_path, edit, spoil=None):
    """Return a copy of the tiny model whose metadata's 'artifact' entry *edit* changed (given the entry and the
    file's size), and whose model.joblib *spoil* rewrote (given its bytes)."""
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    path, artifact = model_dir / "metadata.json", model_dir / "model.joblib"
    meta = json.loads(path.read_text(encoding="utf-8"))
    edit(meta["artifact"], artifact.stat().st_size)
    path.write_text(json.dumps(meta), encoding="utf-8")
    if spoil is not None:
        artifact.write_bytes(spoil(artifact.read_bytes()))
    return model_dir


@pytest.mark.parametrize(
    ("edit", "spoil", "refusal"),
    [
        (  # regression: loaded, though the metadata named another file
            lambda a, size: a.update(file="other.joblib"),
            None,
            "{d}/metadata.json: 'artifact.file' is 'other.joblib', but a model's file is always model.joblib beside "
            'it, the only file taikai loads (was metadata.json edited?); set it back to "model.joblib", or restore '
            "metadata.json from a copy of the model, or retrain: {retrain}",
        ),
        (  # regression: loaded, though the size was wrong; the file is fine, so the field is named, not the file
            lambda a, size: a.update(bytes=5),
            None,
            "{d}/metadata.json: 'artifact.bytes' is 5, but model.joblib has {size} bytes and matches the sha256 "
            "recorded beside it, so the size was edited; set it back to {size}, or restore metadata.json from a "
            "copy of the model, or retrain: {retrain}",
        ),
        (  # regression: a truncated file was said to be 'changed after training' by its sha256 alone
            lambda a, size: None,
            lambda data: data[:1000],
            "{d}/model.joblib: 1000 bytes, but metadata.json records {size}: the file was truncated (an interrupted "
            "copy or download?) after training and will not be loaded (it could run arbitrary code). Copy the "
            "model's model.joblib again from where it came from, or retrain: {retrain}",
        ),
        (
            lambda a, size: None,
            lambda data: data + b"\0",
            "{d}/model.joblib: {longer} bytes, but metadata.json records {size}: the file was replaced or written to "
            "after training and will not be loaded",
        ),
        (  # regression: "model.joblib: sha256 … does not match 5": the field, not the file, is at fault
            lambda a, size: a.update(sha256=5),
            None,
            "{d}/metadata.json: malformed model metadata: 'artifact.sha256' is 5, but should be the sha256 of "
            "model.joblib in quotes: 64 hexadecimal digits; the model directory is damaged",
        ),
        (
            lambda a, size: a.update(sha256=a["sha256"][:40]),
            None,
            "{d}/metadata.json: malformed model metadata: 'artifact.sha256' is '",
        ),
        (
            lambda a, size: a.update(bytes="5"),
            None,
            "{d}/metadata.json: malformed model metadata: 'artifact.bytes' is '5', but should be a whole number "
            "without quotes: the size of model.joblib in bytes",
        ),
        (
            lambda a, size: a.update(file=["model.joblib"]),
            None,
            "{d}/metadata.json: malformed model metadata: 'artifact.file' is ['model.joblib'], but should be a file "
            'name in quotes, as training wrote it: "model.joblib"',
        ),
        (
            lambda a, size: a.pop("bytes"),
            None,
            "{d}/metadata.json: malformed model metadata: 'artifact.bytes' is missing",
        ),
    ],
    ids=[
        "other-file",
        "size-edited",
        "file-truncated",
        "file-longer",
        "sha256-a-number",
        "sha256-short",
        "bytes-a-string",
        "file-a-list",
        "bytes-missing",
    ],
)
def test_an_artifact_entry_that_does_not_fit_the_file_is_refused_naming_the_culprit(
    tiny_model_dir, tmp_path, edit, spoil, refusal
):
    model_dir = _model_with(tiny_model_dir, tmp_path, edit, spoil)
    size = (tiny_model_dir / "model.joblib").stat().st_size
    with pytest.raises(ModelError) as raised:
        taikai.load_model(model_dir)
    assert str(raised.value).startswith(
        refusal.format(d=model_dir, size=size, longer=size + 1, retrain=TINY_RETRAIN)
    ), raised.value


@pytest.mark.parametrize(
    "digest",
    [str.upper, lambda s: s[:32].upper() + s[32:]],
    ids=["upper-case", "mixed-case"],
)
def test_a_sha256_in_capitals_is_the_same_digest(tiny_model_dir, tmp_path, digest):
    """Regression: a sha256 pasted in capitals (as Windows' Get-FileHash prints it) was refused as 'the file was
    changed after training', blaming model.joblib, which was fine."""
    model_dir = _model_with(tiny_model_dir, tmp_path, lambda a, size: a.update(sha256=digest(a["sha256"])))
    model = taikai.load_model(model_dir)
    expected = read_metadata(tiny_model_dir).artifact
    assert model.metadata.artifact == expected and expected is not None
    assert expected.sha256 == expected.sha256.lower()
