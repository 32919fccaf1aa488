"""Fixtures shared by the analysis tests."""

import json
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def format_2_model_dir(tiny_model_dir, tmp_path_factory) -> Path:
    """The tiny model saved as format 2, before drift statistics were stored: drift cannot be checked against it
    (as tests/model/test_metadata.py writes one)."""
    old = tmp_path_factory.mktemp("models") / "format2"
    shutil.copytree(tiny_model_dir, old)
    values = json.loads((old / "metadata.json").read_text(encoding="utf-8"))
    del values["drift_statistics"]
    (old / "metadata.json").write_text(json.dumps(values | {"format": 2}), encoding="utf-8")
    return old
