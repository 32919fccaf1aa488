"""check_drift names the path it was given as ``reference`` (``--reference``) when it is no file to read (standard
input, a pipe, a folder, a model's folder, a missing file), and says an empty ``dump`` or ``reference`` is empty;
before, ``""`` was read as the current folder (``.: is a directory``) and ``-`` was said of the command."""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.errors import InputError

GIVEN = ", given to reference= (--reference on the command line): "
LEAVE = "give a dump or predictions file to compare with by its path, or leave it out"
needs_fifo = pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX")


def _paths(tmp_path, tiny_model_dir):
    folder = tmp_path / "folder"
    folder.mkdir(exist_ok=True)
    pipe = tmp_path / "pipe.csv"
    if not pipe.exists() and hasattr(os, "mkfifo"):
        os.mkfifo(pipe)
    return {"folder": folder, "pipe": pipe, "missing": tmp_path / "missing.csv", "model": tiny_model_dir, "-": "-"}


REFERENCES = [
    ("-", "standard input is not read here; " + LEAVE),
    ("folder", "is a directory, not a file; give a data file in it"),
    pytest.param("pipe", "is a pipe, not a regular file", marks=needs_fifo),
    ("missing", "no such file; " + LEAVE),
    ("model", "is a directory, not a file: a model directory"),
]


@pytest.mark.parametrize(("name", "said"), REFERENCES)
def test_a_reference_that_is_no_file_is_named_as_given_to_reference(
    name, said, tiny_model, tiny_model_dir, tiny_csv, tmp_path
):
    path = _paths(tmp_path, tiny_model_dir)[name]
    with pytest.raises(InputError) as raised:
        check_drift(tiny_csv, tiny_model, reference=str(path))
    assert str(raised.value).startswith(f"{path}{GIVEN}{said}"), raised.value


@pytest.mark.parametrize(("name", "said"), REFERENCES)
def test_drift_reference_names_the_option(name, said, tiny_csv, tiny_model_dir, tmp_path):
    path = _paths(tmp_path, tiny_model_dir)[name]
    result = CliRunner().invoke(cli, ["drift", str(tiny_csv), "--model", str(tiny_model_dir), "--reference", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {path}{GIVEN}{said}"), result.stderr


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"dump": ""}, "dump is empty; give the path of a data file"),
        ({"dump": " "}, "dump is blank; give the path of a data file"),
        ({"reference": ""}, "reference is empty (reference= (--reference on the command line)); " + LEAVE),
        ({"reference": "\t"}, "reference is blank (reference= (--reference on the command line)); " + LEAVE),
    ],
)
def test_an_empty_dump_or_reference_is_said_empty(given, said, tiny_model, tiny_csv):
    arguments = {"dump": str(tiny_csv), **given}
    with pytest.raises(InputError) as raised:
        check_drift(arguments.pop("dump"), tiny_model, **arguments)
    assert str(raised.value).startswith(said), raised.value


DUMPS = [
    ("missing", "{path}: no such file"),
    ("folder", "{path}: is a directory, not a file; give a data file in it"),
    ("model", "{path}: is a directory, not a file: a model directory"),
    pytest.param("pipe", "{path}: is a pipe, not a regular file", marks=needs_fifo),
]


@pytest.mark.parametrize(("name", "said"), DUMPS)
def test_a_dump_that_is_no_file_is_said_before_the_reference(name, said, tiny_model_dir, tmp_path):
    """Regression: taikai drift nosuch.csv --reference nosuch2.csv named the reference only (its path was checked
    first); the dump is said first, as the command reads."""
    path = _paths(tmp_path, tiny_model_dir)[name]
    missing = tmp_path / "nosuch2.csv"
    result = CliRunner().invoke(cli, ["drift", str(path), "--model", str(tiny_model_dir), "--reference", str(missing)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {said.format(path=path)}"), result.stderr
    assert "nosuch2.csv" not in result.stderr
