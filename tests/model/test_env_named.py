"""A model chosen by TAIKAI_MODEL: every error about loading it says that the variable named it, and how to choose
another; the same model given by path says nothing of the variable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import ModelError, ModelNotFoundError
from taikai.model import default_model_dir, read_metadata
from taikai.model._env_named import NAMED_BY_ENV


def _empty(model, tmp):
    (tmp / "empty").mkdir()
    return tmp / "empty"


def _tampered(model, tmp):
    data = bytearray((model / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 1  # the same size: only the sha256 tells
    (model / "model.joblib").write_bytes(data)
    return model


def _edited(model, tmp):
    values = json.loads((model / "metadata.json").read_text(encoding="utf-8"))
    values["metrics"]["test"] = 5
    (model / "metadata.json").write_text(json.dumps(values), encoding="utf-8")
    return model


def _file(model, tmp):
    return _tampered(model, tmp) / "metadata.json"


def _csv(model, tmp):
    (tmp / "data.csv").write_text("text\n", encoding="utf-8")
    return tmp / "data.csv"


CASES = {
    "empty": (_empty, ModelNotFoundError, "no metadata.json, so not a model directory"),
    "tampered": (_tampered, ModelError, "does not match"),
    "edited": (_edited, ModelError, "'metrics.test' is 5"),
    "its-metadata-file": (_file, ModelError, "does not match"),
    "a-csv-file": (_csv, ModelNotFoundError, "a file, not a model directory"),
}


@pytest.fixture(params=list(CASES))
def case(request, tiny_model_dir, tmp_path):
    """``(path, error type, what the error says)`` of a model directory that loading refuses."""
    make, kind, said = CASES[request.param]
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    return make(model, tmp_path), kind, said


def test_a_model_named_by_taikai_model_that_cannot_be_loaded_says_so(case, monkeypatch):
    """Regression: only "no such model directory" named the variable; TAIKAI_MODEL=emptydir said "give the
    directory…", and a tampered model nothing of where it came from."""
    path, kind, said = case
    monkeypatch.setenv("TAIKAI_MODEL", str(path))
    for load in (taikai.load_model, lambda: taikai.load_model(default_model_dir())):
        with pytest.raises(kind, match=said) as caught:
            load()
        assert str(caught.value).endswith(f" {NAMED_BY_ENV}") and "\n" not in str(caught.value)
    monkeypatch.delenv("TAIKAI_MODEL")
    with pytest.raises(kind, match=said) as caught:
        taikai.load_model(path)
    assert "TAIKAI_MODEL" not in str(caught.value)


def test_reading_the_metadata_of_a_model_named_by_taikai_model_says_so(tiny_model_dir, tmp_path, monkeypatch):
    model = _edited(shutil.copytree(tiny_model_dir, tmp_path / "model"), tmp_path)
    monkeypatch.setenv("TAIKAI_MODEL", str(model))
    with pytest.raises(ModelError, match=r"'metrics\.test' is 5") as caught:
        read_metadata(default_model_dir())
    assert str(caught.value).endswith(f" {NAMED_BY_ENV}") and "\n" not in str(caught.value)


def test_a_missing_directory_names_the_variable_once(tmp_path, monkeypatch):
    monkeypatch.setenv("TAIKAI_MODEL", str(tmp_path / "gone"))
    with pytest.raises(ModelNotFoundError) as caught:
        taikai.load_model()
    assert str(caught.value) == (
        f"{tmp_path / 'gone'}: no such model directory (named by TAIKAI_MODEL); set TAIKAI_MODEL to the directory of "
        "a trained model (holding model.joblib and metadata.json, as taikai train writes), or unset it to use the "
        "shipped model"
    )


UNEXPANDED = "its ~ was not expanded: a shell expands ~ only unquoted; quotes, a .env file and os.environ leave it"


@pytest.mark.parametrize(
    ("where", "told"),
    [
        (
            "python",
            "no such model directory (named by TAIKAI_MODEL); {why}; set TAIKAI_MODEL to the full path, {full}, or",
        ),
        (
            ["predict", "手数料"],
            "no such model directory (named by TAIKAI_MODEL); {why}; set TAIKAI_MODEL to the full path",
        ),
        (
            ["batch", "-m", "", "x.csv", "-o", "y.csv"],
            "would fail too: set TAIKAI_MODEL to the full path, {full} ({why})",
        ),
    ],
    ids=["load_model", "cli-default", "cli-empty-model"],
)
def test_a_taikai_model_under_an_unexpanded_tilde_says_so(tmp_path, monkeypatch, where, told):
    """Regression: TAIKAI_MODEL='~/m' (quoted in a shell, or in a .env file) said only "no such model directory",
    though ~/m, expanded, may well hold the model; the advice given (the full path) is followed and works."""
    home = tmp_path / "home"
    shutil.copytree(default_model_dir(), home / "m")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)  # no folder ~ here
    monkeypatch.setenv("TAIKAI_MODEL", "~/m")
    if where == "python":
        with pytest.raises(ModelNotFoundError) as caught:
            taikai.load_model()
        said = str(caught.value)
    else:
        said = CliRunner().invoke(cli, where).stderr
    assert told.format(why=UNEXPANDED, full=home / "m") in said, said
    monkeypatch.setenv("TAIKAI_MODEL", str(home / "m"))
    assert taikai.load_model().reason_labels


@pytest.mark.parametrize("command", [["predict", "手数料が高い"], ["info"], ["info", "--metadata-only"]])
def test_the_command_line_says_which_variable_named_the_model(tmp_path, command):
    (tmp_path / "emptydir").mkdir()
    result = CliRunner().invoke(cli, command, env={"TAIKAI_MODEL": str(tmp_path / "emptydir")})
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {tmp_path / 'emptydir'}: no metadata.json, so not a model")
    assert result.stderr.endswith(f" {NAMED_BY_ENV}\n") and result.stderr.count("\n") == 1


BAD_MODELS = pytest.mark.parametrize(
    ("where", "given", "said"),
    [
        ("cli", ["predict", "-m", "{tmp}/nope", "手数料"], "or leave it out (in Python, pass None) to use "),
        ("python", "{tmp}/nope", "or leave it out (in Python, pass None) to use "),
        ("cli", ["predict", "-m", "", "手数料"], "or leave --model out for "),
        ("python", "", "(None, no --model) for "),
    ],
    ids=["cli-missing", "python-missing", "cli-empty", "python-empty"],
)


@pytest.mark.parametrize(
    "call",
    [
        lambda nope: taikai.evaluate(nope, "data.csv"),
        lambda nope: taikai.explain(nope, "手数料が高い"),
        lambda nope: taikai.keywords(nope),
    ],
    ids=["evaluate", "explain", "keywords"],
)
def test_the_advice_for_a_missing_model_directory_works_in_python(tmp_path, monkeypatch, call):
    """Regression: evaluate("models/nope", data) was told to "leave it out to use the shipped model", but
    evaluate(data) is refused (the model comes first, with no default): None is what leaves it out."""
    monkeypatch.delenv("TAIKAI_MODEL", raising=False)
    with pytest.raises(ModelNotFoundError) as caught:
        call(str(tmp_path / "nope"))
    assert "or leave it out (in Python, pass None) to use the shipped model" in str(caught.value)


def _error(tmp_path: Path, where: str, given: list[str] | str) -> str:
    """Return the error of the bad model *given* on the command line or to load_model."""
    if where == "cli":
        result = CliRunner().invoke(cli, [part.format(tmp=tmp_path) for part in given])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        return result.stderr
    with pytest.raises(ModelNotFoundError) as caught:
        taikai.load_model(str(given).format(tmp=tmp_path))
    return str(caught.value)


@pytest.mark.parametrize("env", [None, "m1", "m1/model.joblib"], ids=["unset", "set", "set-to-its-file"])
@BAD_MODELS
def test_leaving_a_bad_model_out_says_which_model_that_uses(tmp_path, monkeypatch, env, where, given, said):
    """Regression: with TAIKAI_MODEL set, the error for a bad -m said that leaving it out used the shipped model."""
    default = "the shipped model"
    monkeypatch.delenv("TAIKAI_MODEL", raising=False)
    if env is not None:
        (tmp_path / "m1").mkdir()
        (tmp_path / "m1" / "model.joblib").write_bytes(b"")  # looked at, not loaded
        default = f"the model TAIKAI_MODEL names ({tmp_path / env})"
        monkeypatch.setenv("TAIKAI_MODEL", str(tmp_path / env))
    assert f"{said}{default}" in _error(tmp_path, where, given)


@pytest.mark.parametrize(
    "env",
    ["{tmp}/nosuch", "  ", "{tmp}/emptydir", "{tmp}/emptydir/other.txt"],
    ids=["missing", "blank", "no-model", "file"],
)
@BAD_MODELS
def test_a_default_that_names_nothing_usable_is_not_offered(tmp_path, monkeypatch, env, where, given, said):
    """Regression: TAIKAI_MODEL=nosuch taikai predict -m other_missing offered "the model TAIKAI_MODEL names
    (nosuch)", a folder that does not exist, and TAIKAI_MODEL="  " offered "(  )"."""
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "emptydir" / "other.txt").write_text("x")
    monkeypatch.setenv("TAIKAI_MODEL", env.format(tmp=tmp_path))
    error = _error(tmp_path, where, given)
    assert said not in error
    assert (
        f"; TAIKAI_MODEL names nothing usable ({env.format(tmp=tmp_path)!r} is no model directory), so leaving the "
        "model out would fail too: set TAIKAI_MODEL to the directory of a trained model, or unset it to use the "
        "shipped model"
    ) in error
