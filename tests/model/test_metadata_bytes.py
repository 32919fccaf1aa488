"""ModelMetadata read from ``metadata.json`` and written back gives the very bytes read: the shipped model's, the
test fixtures' models', and models written by earlier code (``tests/fixtures/metadata_written``: saved by taikai
before ``dictionary`` was typed, one trained with a test split and refitted on all rows, one with an added file
and skipped rows, one from a data frame without sentiment). The typed parts keep the keys as read, in order,
and keys this taikai does not know."""

import json
import shutil
from pathlib import Path

import pytest

from taikai.model import DictionaryInfo, ModelMetadata, read_metadata
from taikai.model._figures import describe_dictionary
from taikai.model._save_files import metadata_json

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "metadata_written"


def _written(values: object) -> bytes:
    """Return *values* as saving writes ``metadata.json`` (``_save_files``)."""
    return (json.dumps(values, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _round_trip(original: bytes) -> bytes:
    return _written(ModelMetadata.from_dict(json.loads(original)).to_dict())


@pytest.mark.parametrize(
    "path",
    [ROOT / "models" / "default" / "metadata.json", *sorted(WRITTEN.glob("*.json"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_metadata_written_back_is_the_bytes_read(path):
    original = path.read_bytes()
    assert _round_trip(original) == original


@pytest.mark.parametrize(
    "path",
    [ROOT / "models" / "default" / "metadata.json", *sorted(WRITTEN.glob("*.json"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_metadata_loaded_and_saved_is_the_bytes_read(tmp_path, path):
    """As loading reads metadata.json (read_metadata) and saving writes it (metadata_json)."""
    model_dir = tmp_path / "m"
    model_dir.mkdir()
    shutil.copyfile(path, model_dir / "metadata.json")
    assert metadata_json(read_metadata(model_dir)).encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize("model", ["tiny_model_dir", "ja_model_dir"])
def test_the_fixture_models_metadata_written_back_is_the_bytes_read(request, model):
    original = (request.getfixturevalue(model) / "metadata.json").read_bytes()
    assert _round_trip(original) == original


@pytest.mark.parametrize(
    ("dictionary", "typed", "described"),
    [
        (
            {"name": "unidic-lite", "version": "1.0.8", "sys_dic_bytes": 187680870},
            DictionaryInfo("unidic-lite", "1.0.8", 187680870),
            "unidic-lite 1.0.8 (sys.dic 187,680,870 bytes)",
        ),
        (
            {"version": "1.0.8", "name": "unidic-lite"},
            DictionaryInfo("unidic-lite", "1.0.8", None, keys=("version", "name")),
            "unidic-lite 1.0.8",
        ),
        (
            {"name": "unidic-lite", "sys_dic_bytes": None, "version": "1.0.8", "checksum": [1, 2]},
            DictionaryInfo(
                "unidic-lite", "1.0.8", None, {"checksum": [1, 2]}, ("name", "sys_dic_bytes", "version", "checksum")
            ),
            "unidic-lite 1.0.8",
        ),
        ({"sys_dic_bytes": 5}, DictionaryInfo(None, None, 5, keys=("sys_dic_bytes",)), "? ? (sys.dic 5 bytes)"),
    ],
    ids=["as written", "reordered, no size", "null size and a key of a later taikai", "size only"],
)
def test_the_dictionary_is_read_typed_and_written_back_as_read(dictionary, typed, described):
    values = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8"))
    values["dictionary"] = dictionary
    meta = ModelMetadata.from_dict(values)
    assert meta.dictionary == typed
    assert describe_dictionary(meta.dictionary) == described
    assert _written(meta.to_dict()) == _written(values)


@pytest.mark.parametrize("dictionary", [None, {}], ids=["null", "empty"])
def test_no_dictionary_reads_as_none_and_is_not_written(dictionary):
    values = json.loads((WRITTEN / "refit.json").read_text(encoding="utf-8"))
    values["dictionary"] = dictionary
    meta = ModelMetadata.from_dict(values)
    assert meta.dictionary is None and describe_dictionary(meta.dictionary) == "? ?"
    assert "dictionary" not in meta.to_dict()
