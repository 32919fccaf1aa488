"""Model metadata: drift statistics (format 3) and input files (format 4) round-trip, broken ones are refused,
format 2 still loads (without drift statistics) and says what drift needs, formats 2 and 3 without input files,
formats before 5 as models without word vectors, formats before 6 with their vocabularies pickled as dicts."""

import json
import shutil
import zlib

import pytest

import taikai
from taikai.errors import ModelError
from taikai.model import (
    FORMAT_VERSION,
    NO_DRIFT_STATISTICS,
    DriftStatistics,
    FeatureConfig,
    ModelMetadata,
    _vectorizer,
    load_artifact,
    save_artifact,
)


@pytest.fixture
def values(tiny_model_dir):
    return json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))


def test_trained_model_stores_drift_statistics_that_round_trip(tiny_model, values):
    assert values["format"] == FORMAT_VERSION == 6
    stats = tiny_model.metadata.drift
    assert isinstance(stats, DriftStatistics)
    assert ModelMetadata.from_dict(values).drift == stats
    assert ModelMetadata.from_dict(tiny_model.metadata.to_dict()) == tiny_model.metadata


@pytest.mark.parametrize(
    "statistics",
    [{"source": "x"}, {"confidence": {"bins": [1], "sum": 1}}, "not an object"],
)
def test_broken_drift_statistics_are_refused(values, statistics):
    # other formats are refused in tests/model/test_artifact.py
    with pytest.raises(ModelError, match=r"m/metadata\.json: malformed model metadata"):
        ModelMetadata.from_dict(values | {"drift_statistics": statistics}, "m/metadata.json")


def test_format_2_loads_and_says_drift_needs_a_retrain(tiny_model_dir, values, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(tiny_model_dir, old)
    del values["drift_statistics"]
    (old / "metadata.json").write_text(json.dumps(values | {"format": 2}), encoding="utf-8")
    model = taikai.load_model(old)
    assert model.metadata.format == 2 and model.metadata.drift is None
    assert model.predict("手数料が高い")[0].status == "ok"
    with pytest.raises(ModelError) as caught:
        model.metadata.drift_statistics()
    assert str(caught.value) == NO_DRIFT_STATISTICS
    assert (
        "retrain it" in NO_DRIFT_STATISTICS
        and "reference= (--reference FILE on the command line)" in NO_DRIFT_STATISTICS
    )


@pytest.mark.parametrize("version", [2, 3])
def test_formats_before_4_load_without_input_files(tiny_model_dir, values, tmp_path, version):
    old = tmp_path / "old"
    shutil.copytree(tiny_model_dir, old)
    assert values["inputs"][0]["role"] == "base"
    (old / "metadata.json").write_text(json.dumps(values | {"format": version}), encoding="utf-8")
    model = taikai.load_model(old)
    assert model.metadata.format == version and model.metadata.inputs == ()
    assert model.predict("手数料が高い")[0].status == "ok"


@pytest.mark.parametrize("version", [3, 4])
def test_formats_before_5_load_as_models_without_vectors(tiny_model_dir, values, tmp_path, version):
    old = tmp_path / "old"
    shutil.copytree(tiny_model_dir, old)
    config = {k: v for k, v in values["config"].items() if k not in ("vectors", "sentiment_class_weight")}
    (old / "metadata.json").write_text(json.dumps(values | {"format": version, "config": config}), encoding="utf-8")
    model = taikai.load_model(old)
    assert model.metadata.format == version and model.metadata.drift is not None
    assert FeatureConfig.from_dict(model.metadata.config).vectors is None


TEXTS = ["手数料が高い", "提案しても選ばれない", "本業が忙しくて時間がない", "ココナラに移りました"] * 20


@pytest.mark.parametrize(
    ("packed", "format_version"),
    [(False, 5), (False, 4), (True, FORMAT_VERSION)],  # before format 6 the vocabularies were pickled as dicts
)
def test_artifacts_with_dict_or_packed_vocabularies_predict_the_same(
    tiny_model, tmp_path, monkeypatch, packed, format_version
):
    pipeline, meta = load_artifact(tiny_model.path)
    if not packed:
        monkeypatch.setattr(_vectorizer, "pack_vocabulary", lambda vocabulary: None)
    saved = save_artifact(pipeline, meta, tmp_path / "m")
    assert saved.format == FORMAT_VERSION  # the artifact just written is of the current format
    monkeypatch.undo()
    values = json.loads((tmp_path / "m" / "metadata.json").read_text(encoding="utf-8"))
    (tmp_path / "m" / "metadata.json").write_text(json.dumps(values | {"format": format_version}), encoding="utf-8")
    raw = zlib.decompress((tmp_path / "m" / "model.joblib").read_bytes())  # joblib's compress=3: one zlib stream
    assert (b"_packed_vocabulary" in raw) is packed
    model = taikai.load_model(tmp_path / "m")
    assert model.metadata.format == format_version
    got, want = model.classify(TEXTS), tiny_model.classify(TEXTS)
    assert got.reasons == want.reasons and got.sentiments == want.sentiments
    assert got.reason_proba.tobytes() == want.reason_proba.tobytes()
    assert got.sentiment_proba.tobytes() == want.sentiment_proba.tobytes()


def test_input_file_to_dict_is_what_metadata_json_holds_and_reads_back(tiny_model, values):
    (base,) = tiny_model.metadata.inputs
    written = base.to_dict()
    assert written == values["inputs"][0]
    assert json.loads(json.dumps(written)) == written
    assert taikai.InputFile.from_dict(written) == base
    assert written["role"] == "base" and written["rows"] == 40 and written["weight"] == 1.0


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda m: m.pop("labels"), "'labels' is missing"),
        (lambda m: m.update(labels=5), "'labels' is 5, but should be an object with lists 'reasons' and 'sentiments'"),
        (lambda m: m["labels"].pop("reasons"), "'labels' lacks 'reasons'"),
        (lambda m: m["labels"].update(reasons="fees"), "'labels' is {'reasons': 'fees'"),
        (lambda m: m.update(max_chars="many"), "'max_chars' is 'many', but should be a whole number"),
        (lambda m: m.update(reason_thresholds=[1]), "'reason_thresholds' is [1], but should be an object of numbers"),
        (lambda m: m.update(artifact={"file": "x"}), "'artifact' is {'file': 'x'}, but should be an object with file"),
        (lambda m: m["drift_statistics"].pop("confidence"), "'drift_statistics' lacks 'confidence'"),
        (lambda m: m.update(inputs="a.csv"), "'inputs' is 'a.csv', but should be a list of input files"),
        (lambda m: m.update(free_labels="yes"), "'free_labels' is 'yes', but should be true or false"),
    ],
)
def test_malformed_metadata_names_the_field_in_words(values, edit, problem):
    edit(values)
    with pytest.raises(ModelError) as caught:
        ModelMetadata.from_dict(values, "m/metadata.json")
    message = str(caught.value)
    assert message.startswith(f"m/metadata.json: malformed model metadata: {problem}"), message
    assert message.endswith("restore it from a copy, or retrain: taikai train DATA.csv --out MODEL_DIR")
    assert "Error" not in message


def _set(key, value):
    return lambda m: m.update({key: value})


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_set("max_chars", -5), "'max_chars' is -5, but should be a whole number above 0"),
        (_set("max_chars", 0), "'max_chars' is 0, but should be a whole number above 0"),
        (_set("max_chars", 3.5), "'max_chars' is 3.5, but should be a whole number above 0"),
        (_set("max_chars", True), "'max_chars' is True, but should be a whole number above 0"),
        (_set("max_chars", "500"), "'max_chars' is '500', but should be a whole number above 0"),
        (_set("created_at", "yesterday"), "'created_at' is 'yesterday', but should be a time such as 2026-01-31T09"),
        (_set("created_at", 20260101), "'created_at' is 20260101, but should be a time such as"),
        (
            lambda m: m["dictionary"].update(version="9.9"),
            "'dictionary.version' is '9.9', but 'versions.unidic-lite' is '1.0.8': both name the version",
        ),
        (lambda m: m["reason_thresholds"].update(fees="0.1"), "'reason_thresholds' is {"),
        (lambda m: m["reason_thresholds"].update(fees=True), "'reason_thresholds' is {"),
    ],
    ids=["negative", "zero", "fraction", "bool", "string", "not a time", "a number", "dictionary", "str", "bool t"],
)
def test_a_tampered_field_is_refused_naming_it(tiny_model_dir, tmp_path, edit, problem):
    """Regressions: max_chars -5 loaded ("text longer than -5 characters"), 3.5 read as 3, 0 refused every text;
    created_at "yesterday" was shown as the creation time; dictionary.version "9.9" loaded, though the versions
    check requires the very unidic-lite the model was trained with."""
    old = tmp_path / "old"
    shutil.copytree(tiny_model_dir, old)
    values = json.loads((old / "metadata.json").read_text(encoding="utf-8"))
    edit(values)
    (old / "metadata.json").write_text(json.dumps(values), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        taikai.load_model(old)
    message = str(caught.value)
    assert message.startswith(f"{old / 'metadata.json'}: malformed model metadata: {problem}")
    assert message.endswith("restore it from a copy, or retrain: taikai train DATA.csv --out MODEL_DIR")


@pytest.mark.parametrize(
    ("written", "read"),
    [  # free_labels: the labels are the user's own (train --free-labels); missing in older metadata: False
        ({}, False),
        ({"free_labels": False}, False),
        ({"free_labels": True}, True),
    ],
)
def test_free_labels_reads_back_and_defaults_to_false(values, written, read):
    values.pop("free_labels", None)
    metadata = ModelMetadata.from_dict(values | written)
    assert metadata.free_labels is read
    assert ("free_labels" in metadata.to_dict()) is read  # written only when true: older code of format 6 ignores it
    assert ModelMetadata.from_dict(metadata.to_dict()).free_labels is read
