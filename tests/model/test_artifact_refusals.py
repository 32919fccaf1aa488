"""Every refusal of a model directory is one line with what to do: the command line's ``taikai: error: …`` form,
which scripts and log parsers read a line at a time, in the library's message as on the command line."""

import shutil

import pytest
from click.testing import CliRunner
from support_models import edited_metadata, flip_a_byte

import taikai
from taikai.cli import cli
from taikai.errors import ModelError


def _other_versions(values):
    values["versions"].update({"scikit-learn": "0.24.2", "numpy": "1.0.0"})


# (how the model is spoilt, what the one line says, what it says to do)
REFUSALS = {
    "other versions": (
        edited_metadata(_other_versions),
        "refusing to load a model built with other library versions (scikit-learn: model trained with 0.24.2",
        "install the versions it was trained with (pip install 'scikit-learn==0.24.2' 'numpy==1.0.0'), or retrain",
    ),
    "a version unrecorded": (
        edited_metadata(lambda m: m["versions"].pop("scikit-learn")),
        "(scikit-learn: the metadata does not say which version the model was trained with)",
        "or retrain it with the installed libraries: taikai train",
    ),
    "labels edited": (
        edited_metadata(lambda m: m["labels"]["reasons"].append("spam")),
        "does not describe the model in model.joblib (it was edited after training, or is another model's): labels",
        "; restore the model's own metadata.json from a copy, or retrain: taikai train",
    ),
    "labels and thresholds edited": (
        edited_metadata(lambda m: (m["labels"]["reasons"].append("spam"), m["reason_thresholds"].update(nope=0.5))),
        "labels.reasons names 'spam', which the model does not predict; reason_thresholds names 'nope'",
        "; restore the model's own metadata.json from a copy, or retrain: taikai train",
    ),
    "changed artifact": (flip_a_byte, "does not match", "Restore the original file or retrain"),
    "no sha256": (
        edited_metadata(lambda m: m.pop("artifact")),
        "records no sha256",
        "Restore the model's own metadata",
    ),
    "retired format": (edited_metadata(lambda m: m.update(format=1)), "a model of format 1", "retrain it"),
    "later format": (edited_metadata(lambda m: m.update(format=99)), "model format 99", "update taikai"),
    "format as text": (edited_metadata(lambda m: m.update(format="7")), "'format' is '7'", "correct it"),
}


@pytest.fixture(params=list(REFUSALS))
def refused(request, tiny_model_dir, tmp_path):
    """Return a spoilt copy of the tiny model, what its refusal says and what it says to do."""
    spoil, said, to_do = REFUSALS[request.param]
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    spoil(model_dir)
    return model_dir, said, to_do


def test_the_library_says_a_refusal_in_one_line(refused):
    """Regression: other library versions, and metadata that does not describe the model, were refused in several
    lines (each problem on its own, then "Install the versions above, or …")."""
    model_dir, said, to_do = refused
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    message = str(caught.value)
    assert "\n" not in message and said in message and to_do in message, message


@pytest.mark.parametrize("command", [["predict", "手数料が高い"], ["info"]], ids=["predict", "info"])
@pytest.mark.parametrize("named_by", ["--model", "TAIKAI_MODEL"])
def test_the_command_line_says_a_refusal_in_one_line(refused, command, named_by):
    """Regression: a model named by TAIKAI_MODEL added "(named by TAIKAI_MODEL: …)" on a line of its own, and info
    its hint "(taikai info --metadata-only shows its metadata …)"."""
    model_dir, said, to_do = refused
    given = ["--model", str(model_dir)] if named_by == "--model" else []
    env = {"TAIKAI_MODEL": str(model_dir)} if named_by == "TAIKAI_MODEL" else {}
    result = CliRunner().invoke(cli, [*command, *given], env=env)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("taikai: error: ") and said in line and to_do in line, line
    assert ("(named by TAIKAI_MODEL: set TAIKAI_MODEL" in line) is (named_by == "TAIKAI_MODEL")
