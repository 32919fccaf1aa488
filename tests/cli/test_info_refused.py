"""``taikai info --json`` of a model that loading refuses: its metadata and a status object on standard output (so
that a script gets a parseable answer), the error on standard error, exit code 2."""

import json
import re
import shutil

import pytest
from support_models import edited_metadata, flip_a_byte


def _truncate_artifact(model_dir):
    (model_dir / "model.joblib").write_bytes((model_dir / "model.joblib").read_bytes()[:100])


@pytest.mark.parametrize(
    ("spoil", "refusal", "rows"),
    [
        (flip_a_byte, r"sha256 \w+ does not match", 40),
        (edited_metadata(lambda m: m["versions"].update({"scikit-learn": "0.24.2"})), r"0\.24\.2", 40),
        (edited_metadata(lambda m: m["labels"]["reasons"].append("spam")), r"labels\.reasons names 'spam'", 40),
        (
            edited_metadata(lambda m: m.update(format=1)),
            r"a model of format 1, written by taikai \S+ \(its metadata says so\), cannot",
            40,
        ),
        (edited_metadata(lambda m: m["artifact"].update(file="x.joblib")), r"'artifact\.file' is 'x\.joblib'", 40),
        (
            edited_metadata(lambda m: m["artifact"].update(bytes=5)),
            r"'artifact\.bytes' is 5, but model\.joblib has",
            40,
        ),
        (_truncate_artifact, r"model\.joblib: 100 bytes, but metadata\.json records \d+: the file was truncated", 40),
    ],
    ids=[
        "artifact-changed",
        "other-versions",
        "labels-not-the-artifact-s",
        "retired-format",
        "other-file-named",
        "size-edited",
        "file-truncated",
    ],
)
def test_info_json_prints_a_refused_model_with_its_status(invoke, tiny_model_dir, tmp_path, spoil, refusal, rows):
    """Regression: stdout was empty (only the error on stderr), though --help describes refused: true."""
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    spoil(model_dir)
    result = invoke("info", "--model", model_dir, "--json")
    assert result.exit_code == 2
    values = json.loads(result.stdout)
    assert values["training_data"]["rows"] == rows
    status = values["status"]
    assert status["loaded"] is False and status["refused"] is True
    assert len(status["problems"]) == 1 and re.search(refusal, status["problems"][0]), status
    assert result.stderr.startswith("taikai: error: ") and re.search(refusal, result.stderr)
    assert "taikai info --metadata-only shows its metadata" not in status["problems"][0]


@pytest.mark.parametrize(
    ("content", "shown"),
    [(b"[]", {"metadata": []}), (b"{not json", None), (b"", None)],
    ids=["a-list", "not-json", "empty"],
)
def test_info_json_of_odd_metadata(invoke, tiny_model_dir, tmp_path, content, shown):
    """Metadata that is no JSON object goes under 'metadata'; metadata that is no JSON at all has nothing to show
    but the status."""
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    (model_dir / "metadata.json").write_bytes(content)
    result = invoke("info", "--model", model_dir, "--json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"taikai: error: {model_dir / 'metadata.json'}")
    values = json.loads(result.stdout)
    assert values.pop("status")["refused"] is True
    assert values.pop("path") == str(model_dir.resolve())  # the folder read (info --json names it)
    assert values == (shown or {})


def _no_metadata(model_dir):
    (model_dir / "metadata.json").unlink()


def _no_folder(model_dir):
    shutil.rmtree(model_dir)


def _a_file(model_dir):
    shutil.rmtree(model_dir)
    model_dir.write_text("a,b\n", encoding="utf-8")


def _not_json(model_dir):
    (model_dir / "metadata.json").write_text("{not json", encoding="utf-8")


@pytest.mark.parametrize("metadata_only", [True, False], ids=["metadata-only", "loading"])
@pytest.mark.parametrize(
    ("spoil", "refusal"),
    [
        (_no_metadata, "{d}: no metadata.json, so not a model directory"),
        (_no_folder, "{d}: no such model directory"),
        (_a_file, "{d}: a file, not a model directory"),
        (_not_json, "{d}/metadata.json:1: not valid JSON"),
    ],
    ids=["no-metadata", "no-folder", "a-file", "not-json"],
)
def test_info_json_of_no_model_is_a_status(invoke, tiny_model_dir, tmp_path, spoil, refusal, metadata_only):
    """Regression: info --json (--metadata-only too) of a folder without metadata.json, or no folder, printed the
    error alone, nothing on stdout: a script reading --json got no JSON. Now its status, the error on stderr, exit
    code 2, as for a refused model."""
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    spoil(model_dir)
    refusal = refusal.format(d=model_dir)
    result = invoke("info", "--model", model_dir, "--json", *(["--metadata-only"] if metadata_only else []))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"taikai: error: {refusal}"), result.stderr
    values = json.loads(result.stdout)
    assert list(values) == ["path", "status"]
    assert values["path"] == str(model_dir.resolve())
    status = values["status"]
    assert status["loaded"] is False and status["refused"] is True
    assert status["problems"] == [result.stderr.removeprefix("taikai: error: ").rstrip("\n")]
    without_json = invoke("info", "--model", model_dir, *(["--metadata-only"] if metadata_only else []))
    assert without_json.exit_code == 2 and without_json.stdout == "", without_json.stdout


def test_info_json_of_a_sound_model_is_unchanged(invoke, tiny_model_dir):
    result = invoke("info", "--model", tiny_model_dir, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == {"loaded": True, "refused": False, "problems": []}
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("given", "metadata_only"),
    [
        ("--model", False),  # a relative --model DIR
        ("--model", True),
        ("TAIKAI_MODEL", False),  # chosen by the environment, as a nightly job sets it
        ("TAIKAI_MODEL", True),
    ],
)
def test_info_json_names_the_model_folder_it_read(invoke, tiny_model_dir, tmp_path, monkeypatch, given, metadata_only):
    """Regression: info --json had no word of which model folder it read (the text's first line, model:, has):
    a job logging it to record what ran could not tell $TAIKAI_MODEL's model from the shipped one but by hash."""
    shutil.copytree(tiny_model_dir, tmp_path / "model")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TAIKAI_MODEL", raising=False)
    args = ["--model", "model"] if given == "--model" else []
    if given == "TAIKAI_MODEL":
        monkeypatch.setenv("TAIKAI_MODEL", "model")
    result = invoke("info", "--json", *args, *(["--metadata-only"] if metadata_only else []))
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)
    assert values["path"] == str((tmp_path / "model").resolve())
    assert values["artifact"]["sha256"]  # the metadata follows, as before
