"""Library versions: what is installed, read as importlib.metadata reads it (a missing library is "not
installed"), and the check of a model's versions against the installed ones."""

import json
from importlib import metadata as importlib_metadata
from pathlib import Path

import pytest

from taikai.model import _versions, check_versions, library_versions, read_metadata
from taikai.model._versions import PACKAGES, DictionaryInfo, dictionary_info, install_hint, installed_version

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(
    ("trained", "ok"),
    [
        ({"scikit-learn": "1.9.0"}, True),
        ({"scikit-learn": "1.8.0"}, False),
        ({"unidic-lite": "1.0.7"}, False),
        ({"numpy": "1.26.4"}, False),
        ({"python": "2.7.18"}, False),
    ],
)
def test_check_versions(trained, ok):
    installed = library_versions() | {"scikit-learn": "1.9.1", "unidic-lite": "1.0.8", "numpy": "2.4.6"}
    assert (check_versions(installed | trained, installed) == []) is ok


@pytest.mark.parametrize(
    ("trained", "hint"),
    [
        ({"scikit-learn": "1.8.0"}, "install the versions it was trained with (pip install 'scikit-learn==1.8.0')"),
        (
            {"numpy": "1.26.4", "unidic-lite": "1.0.7"},
            "install the versions it was trained with (pip install 'numpy==1.26.4' 'unidic-lite==1.0.7')",
        ),
        ({"python": "2.7.18"}, "install the versions it was trained with (in Python 2.7.18)"),
        (
            {"python": "2.7.18", "fugashi": "2.0.0"},
            "install the versions it was trained with (pip install 'fugashi==2.0.0' in Python 2.7.18)",
        ),
        ({"scikit-learn": None}, "install the versions it was trained with"),  # not recorded: nothing to pin
        ({"scikit-learn": "1.9.0"}, "install the versions it was trained with"),  # same minor: nothing to change
    ],
)
def test_install_hint_names_what_to_install(trained, hint):
    installed = {
        "python": "3.11.7",
        "scikit-learn": "1.9.1",
        "numpy": "2.4.6",
        "unidic-lite": "1.0.8",
        "fugashi": "1.5.2",
    }
    recorded = {k: v for k, v in (installed | trained).items() if v is not None}
    assert install_hint(recorded, installed) == hint


def test_a_version_missing_from_the_metadata_is_a_problem():
    installed = library_versions()
    trained = {k: v for k, v in installed.items() if k != "unidic-lite"}
    assert check_versions(trained, installed) == [
        "unidic-lite: the metadata does not say which version the model was trained with"
    ]


@pytest.mark.parametrize("name", [*PACKAGES, "click", "pytest"])
def test_installed_version_is_importlib_metadatas(name):
    assert installed_version(name) == importlib_metadata.version(name)


class FakeDistribution:
    def __init__(self, files, version="9.9.9"):
        self.files, self.version = files, version

    def read_text(self, filename):
        return self.files.get(filename)


@pytest.mark.parametrize(
    ("files", "version"),
    [
        ({"METADATA": "Metadata-Version: 2.1\nName: x\nVersion: 1.2.3\n\nbody"}, "1.2.3"),
        ({"METADATA": "Metadata-Version: 2.1\r\nName: x\r\nVersion:  1.2.3 \r\n"}, "1.2.3"),
        ({"PKG-INFO": "Metadata-Version: 1.0\nName: x\nVersion: 0.4\n"}, "0.4"),
        ({"METADATA": "Name: x\n\nVersion: 2.0 (in the description, not a header)"}, "9.9.9"),  # dist.version
        ({}, "9.9.9"),
    ],
)
def test_installed_version_reads_the_version_header_or_falls_back(monkeypatch, files, version):
    monkeypatch.setattr(importlib_metadata, "distribution", lambda name: FakeDistribution(files))
    assert installed_version("x") == version


def test_a_missing_library_is_not_installed(monkeypatch):
    monkeypatch.setattr(_versions, "PACKAGES", ("no-such-distribution-taikai",))
    _versions._installed_versions.cache_clear()
    try:
        assert library_versions()["no-such-distribution-taikai"] == "not installed"
    finally:
        monkeypatch.undo()
        _versions._installed_versions.cache_clear()


def test_the_dictionary_is_recorded_as_the_shipped_model_records_it():
    """dictionary_info() is a typed DictionaryInfo; the object a saved model's metadata.json holds is the same, key
    for key and in order, as the shipped model's (trained with the unidic-lite installed here)."""
    shipped = json.loads((ROOT / "models" / "default" / "metadata.json").read_text(encoding="utf-8"))["dictionary"]
    info = dictionary_info()
    assert isinstance(info, DictionaryInfo) and isinstance(info.sys_dic_bytes, int)
    assert json.dumps(info.to_dict()) == json.dumps(shipped), (info, shipped)
    assert read_metadata(ROOT / "models" / "default").dictionary == DictionaryInfo.from_dict(shipped)


def test_a_model_saved_now_records_the_dictionary_as_an_object(tiny_model_dir):
    values = json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))
    assert list(values["dictionary"]) == ["name", "version", "sys_dic_bytes"]
    assert values["dictionary"] == dictionary_info().to_dict()
