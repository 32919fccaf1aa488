"""Tests for taikai._model_files: the one answer to whether a path is a model directory or a model's file."""

from __future__ import annotations

import os

import pytest

from taikai import _argument_order
from taikai._model_files import MODEL_FILES, holds_model, names_model_file
from taikai.io import _paths
from taikai.model import ARTIFACT_NAME, METADATA_NAME, _env_named


def test_the_files_of_a_model_directory_are_the_model_s():
    assert MODEL_FILES == (ARTIFACT_NAME, METADATA_NAME)


@pytest.fixture
def place(tmp_path):
    """Folders holding both model files, each alone, a model file's name as a folder, another file, nothing."""
    for name, files in {
        "both": MODEL_FILES,
        "artifact": ("model.joblib",),
        "metadata": ("metadata.json",),
        "data": ("reviews.csv",),
        "empty": (),
    }.items():
        (tmp_path / name).mkdir()
        for file in files:
            (tmp_path / name / file).write_bytes(b"x")
    (tmp_path / "dir_named" / "model.joblib").mkdir(parents=True)  # a folder, not the model's file
    (tmp_path / "model.joblib").write_bytes(b"x")
    (tmp_path / "reviews.csv").write_bytes(b"x")
    return tmp_path


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("both", True),
        ("artifact", True),
        ("metadata", True),
        ("data", False),
        ("empty", False),
        ("dir_named", False),
        ("missing", False),
        ("model.joblib", False),  # a file is not a directory
        ("reviews.csv", False),
    ],
)
def test_holds_model(place, path, expected):
    assert holds_model(place / path) is expected
    assert holds_model(os.fspath(place / path)) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("model.joblib", True),
        ("both/metadata.json", True),
        ("dir_named/model.joblib", False),  # a folder of that name
        ("missing/model.joblib", False),
        ("reviews.csv", False),
        ("both", False),
    ],
)
def test_names_model_file(place, path, expected):
    assert names_model_file(place / path) is expected


@pytest.mark.parametrize(
    ("path", "refused_as_model_dir"),
    [("both", True), ("metadata", True), ("data", False), ("dir_named", False)],
)
def test_every_caller_gives_the_one_answer(place, monkeypatch, path, refused_as_model_dir):
    """The argument check, TAIKAI_MODEL's check and the data reader's folder error agree on every folder."""
    given = place / path
    misplaced = _argument_order._misplaced(str(given), _argument_order.DATA)
    assert (misplaced is not None and "model directory" in misplaced) is refused_as_model_dir
    monkeypatch.setenv(_env_named.ENV, str(given))
    assert (_env_named.default_model() is not None) is refused_as_model_dir
    assert ("a model directory" in str(_paths.folder_error(given))) is refused_as_model_dir
