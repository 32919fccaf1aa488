"""A model's retrain command names the files it was trained on from the folder where it is printed: followed from a
notebook's folder, from the folder of the labels or from outside the project, it trains on the same files as the
first training did (not on ``DATA.csv``, nor on a ``labels/…`` that is not there)."""

from __future__ import annotations

import csv
import json
import os
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.model import InputFile, read_metadata, retrain_command
from taikai.model._retrain import from_here

_TRAIN = ["--vectors", "none", "--folds", "2", "--test-size", "0", "--compare-folds", "0"]


def _project(root: Path, tiny_csv: Path) -> None:
    """Write a project as an analyst has one: the training data, and a sheet of added labels in ``labels/``."""
    (root / "labels").mkdir(parents=True)
    (root / "notebooks").mkdir()
    (root / "base.csv").write_bytes(tiny_csv.read_bytes())
    with tiny_csv.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    with (root / "labels" / "sheet.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *([f"{text}本当に困りました。", *labels] for text, *labels in rows[:8])])


@pytest.fixture(scope="module")
def project(tmp_path_factory, tiny_csv) -> Path:
    """A project whose model ``models/m`` was trained in the project's folder, on files named relative to it."""
    root = tmp_path_factory.mktemp("retrain") / "project"
    _project(root, tiny_csv)
    here = os.getcwd()
    os.chdir(root)
    try:
        args = ["train", "base.csv", "--add", "labels/sheet.csv", "--out", "models/m", *_TRAIN]
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return root


def _inputs(model: Path) -> list[tuple[str, str, int, int]]:
    """The files *model* was trained on, by their contents: their role, sha256, rows and rows used."""
    inputs = json.loads((model / "metadata.json").read_text(encoding="utf-8"))["inputs"]
    return [(f["role"], f["sha256"], f["rows"], f["used"]) for f in inputs]


@pytest.mark.parametrize(
    ("folder", "base", "added"),
    [
        (".", "base.csv", "labels/sheet.csv"),
        ("notebooks", "../base.csv", "../labels/sheet.csv"),
        ("labels", "../base.csv", "sheet.csv"),
        ("..", "project/base.csv", "project/labels/sheet.csv"),
    ],
    ids=["where trained", "a notebook's folder", "the labels' folder", "outside the project"],
)
def test_the_retrain_command_trains_on_the_same_files_from_any_folder(project, monkeypatch, folder, base, added):
    """Regression: the command named the files as training was given them, relative to the folder it ran in: from
    a notebook's folder it said ``taikai train DATA.csv … --add labels/sheet.csv``, which reads no such files."""
    monkeypatch.chdir(project / folder)
    command = retrain_command(read_metadata(project / "models" / "m"))
    assert command.startswith(f"taikai train {base} ") and f" --add {added} --out MODEL_DIR" in command
    out = project / "models" / f"again_{Path(folder).name or 'here'}"
    args = shlex.split(command.replace("MODEL_DIR", shlex.quote(str(out))))[1:]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert _inputs(out) == _inputs(project / "models" / "m")


@pytest.mark.parametrize(
    ("file", "path", "named"),
    [
        ("data/a.csv", "{tmp}/data/a.csv", "../data/a.csv"),  # given relative, printed from another folder
        ("./data/a.csv", "{tmp}/data/a.csv", "../data/a.csv"),
        ("{tmp}/data/a.csv", "{tmp}/data/a.csv", "{tmp}/data/a.csv"),  # given absolute: as given
        ("data/a.csv", "", "data/a.csv"),  # a model saved before paths were recorded: as given
        ("data/a.csv", "{tmp}/gone/a.csv", "data/a.csv"),  # moved since: as given, which hints look for
        ("<frame>", "", "<frame>"),
    ],
    ids=["relative", "dot", "absolute", "not recorded", "moved", "frame"],
)
def test_an_input_file_is_named_from_the_current_folder(tmp_path, monkeypatch, file, path, named):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.csv").write_text("text\n", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    f = InputFile("added", file.format(tmp=tmp_path), "ab" * 32, 1, 1, path=path.format(tmp=tmp_path))
    assert from_here(f) == named.format(tmp=tmp_path)
