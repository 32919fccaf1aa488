"""Model metadata: drift statistics (format 3) and input files (format 4) round-trip, broken ones are refused,
format 2 still loads (without drift statistics) and says what drift needs, formats 2 and 3 without input files,
formats before 5 as models without word vectors, formats before 6 with their vocabularies pickled as dicts."""

import importlib.metadata
import json
import shutil
import zlib
from dataclasses import replace

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import ModelError
from taikai.model import (
    FORMAT_VERSION,
    NO_DRIFT_STATISTICS,
    DriftStatistics,
    InputFile,
    ModelMetadata,
    TrainingRecord,
    _vectorizer,
    load_artifact,
    save_artifact,
)
from tests.conftest import TINY_OPTIONS


@pytest.fixture
def values(tiny_model_dir):
    return json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))


def test_trained_model_stores_drift_statistics_that_round_trip(tiny_model, values):
    assert values["format"] == FORMAT_VERSION == 7
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
    assert str(caught.value) == NO_DRIFT_STATISTICS.replace(" --out", f"{TINY_OPTIONS} --out")
    assert (
        "retrain it" in NO_DRIFT_STATISTICS
        and "reference= (--reference FILE on the command line)" in NO_DRIFT_STATISTICS
    )


@pytest.mark.parametrize(
    ("options", "retrain"),
    [
        ({}, "retrain it (taikai train DATA.csv --folds 0 --test-size 0 --out MODEL_DIR)"),
        (
            {"sentiment_column": None},
            "retrain it (taikai train DATA.csv --no-sentiment --vectors none --folds 0 --test-size 0 --out MODEL_DIR)",
        ),
    ],
    ids=["shipped-kind", "no-sentiment"],
)
def test_a_format_2_models_drift_advice_retrains_the_same_kind(tiny_csv, tmp_path, options, retrain):
    """Regression: taikai drift and the report's drift section told a model without drift statistics to retrain with
    the plain train command, whatever options the model was trained with."""
    from taikai.analysis import drift_section

    config = taikai.FeatureConfig.shipped() if not options else taikai.FeatureConfig(vectors=None)
    taikai.train(tiny_csv, tmp_path / "m", folds=0, test_size=0, config=config, **options)
    values = json.loads((tmp_path / "m" / "metadata.json").read_text(encoding="utf-8"))
    del values["drift_statistics"]
    (tmp_path / "m" / "metadata.json").write_text(json.dumps(values | {"format": 2}), encoding="utf-8")
    model = taikai.load_model(tmp_path / "m")
    with pytest.raises(ModelError, match=r"trained before drift statistics were stored") as caught:
        model.metadata.drift_statistics()
    predictions = model.predict_frame(pd.read_csv(tiny_csv)[["text"]], text_column="text")
    (note,) = drift_section(predictions, tmp_path / "m", lang="en").notes
    assert retrain in str(caught.value) and retrain in note


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
    assert model.metadata.feature_config().vectors is None
    assert len(model.metadata.inputs) == (len(values["inputs"]) if version >= 4 else 0)  # recorded from format 4


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


def _refused(values, edit, problem):
    """Return the error of loading *values* after *edit*, checked to name *problem* and to say what to do."""
    edit(values)
    with pytest.raises(ModelError) as caught:
        ModelMetadata.from_dict(values, "m/metadata.json")
    message = str(caught.value)
    assert message.startswith(f"m/metadata.json: malformed model metadata: {problem}"), message
    hint = f"restore it from a copy, or retrain: taikai train DATA.csv{TINY_OPTIONS} --out MODEL_DIR"
    # the field the options are read from itself malformed: the hint says which it cannot give (test_salvaged)
    assert message.endswith(hint) or f"{hint} (the metadata no longer says whether the model was trained" in message
    return message


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda m: m.pop("labels"), "'labels' is missing"),
        (lambda m: m.update(labels=5), "'labels' is 5, but should be an object with lists 'reasons' and 'sentiments'"),
        (lambda m: m["labels"].pop("reasons"), "'labels' lacks 'reasons'"),
        (lambda m: m["labels"].update(reasons="fees"), "'labels' is {'reasons': 'fees'"),
        (lambda m: m.update(max_chars="many"), "'max_chars' is 'many', but should be a whole number"),
        (lambda m: m.update(reason_thresholds=[1]), "'reason_thresholds' is [1], but should be an object of numbers"),
        (lambda m: m.update(artifact="x"), "'artifact' is 'x', but should be an object with file, sha256 and bytes"),
        (lambda m: m.update(artifact={"file": "x"}), "'artifact.sha256' is missing"),
        (lambda m: m["drift_statistics"].pop("confidence"), "'drift_statistics' lacks 'confidence'"),
        (lambda m: m.update(inputs="a.csv"), "'inputs' is 'a.csv', but should be a list of input files"),
        (lambda m: m.update(free_labels="yes"), "'free_labels' is 'yes', but should be true or false"),
        # read with bool(), "false" and "no" were true: a model said refit on every row, and retrained --refit-all
        (lambda m: m.update(refit_on_all_rows="false"), "'refit_on_all_rows' is 'false', but should be true or false"),
        (lambda m: m.update(refit_on_all_rows=1), "'refit_on_all_rows' is 1, but should be true or false"),
    ],
)
def test_malformed_metadata_names_the_field_in_words(values, edit, problem):
    message = _refused(values, edit, problem)
    assert "Error" not in message


@pytest.mark.parametrize(
    ("key", "value", "problem", "retrain"),
    [
        ("folds", -1, "'folds' is -1, but should be a whole number of 0 or more", " --test-size 0"),
        ("folds", "2", "'folds' is '2', but should be a whole number of 0 or more", " --test-size 0"),
        ("folds", 2.5, "'folds' is 2.5, but should be a whole number of 0 or more", " --test-size 0"),
        ("test_size", 1, "'test_size' is 1, but should be a number from 0 up to, not including, 1", " --folds 2"),
        ("test_size", -0.1, "'test_size' is -0.1, but should be a number from 0 up to", " --folds 2"),
        ("test_size", "0", "'test_size' is '0', but should be a number from 0 up to", " --folds 2"),
        ("test_size", True, "'test_size' is True, but should be a number from 0 up to", " --folds 2"),
    ],
)
def test_malformed_folds_or_test_size_are_refused_and_the_hint_says_it_may_miss_them(
    values, key, value, problem, retrain
):
    """Regression: the folds and the test size were not recorded; now they are, an edit that is none (a test share
    of 1, "2" folds) is refused as any malformed field, and the hint gives the other one and says which it lacks."""
    values[key] = value
    with pytest.raises(ModelError) as caught:
        ModelMetadata.from_dict(values, "m/metadata.json")
    message, option = str(caught.value), "--" + key.replace("_", "-")
    assert message.startswith(f"m/metadata.json: malformed model metadata: {problem}"), message
    assert f"or retrain: taikai train DATA.csv{retrain} --out MODEL_DIR (the metadata no longer says" in message
    assert f"was trained with {option}: add it if it was, or this trains another kind of model" in message


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
    assert message.endswith(f"restore it from a copy, or retrain: taikai train DATA.csv{TINY_OPTIONS} --out MODEL_DIR")


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


def _added_row(m):
    m["inputs"].append(dict(m["inputs"][0], role="added"))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda m: m["metrics"].update(test=5),
            "'metrics.test' is 5, but should be an object of scores (numbers between 0 and 1, as training wrote them)",
        ),
        (lambda m: m["metrics"].update(added={"x": 1}), "'metrics.added.rows' is missing"),
        (
            lambda m: m["metrics"]["cv"].update(reason_macro_f1="high"),
            "'metrics.cv.reason_macro_f1' is 'high', but should be a score from 0 to 1",
        ),
        *(
            (lambda m, v=v: m["metrics"]["cv"].update(reason_macro_f1=v), f"'metrics.cv.reason_macro_f1' is {v}, but")
            for v in (1.5, -0.2, float("nan"))
        ),
        (lambda m: m["metrics"].update(test={"rows": 8, "reason_accuracy": 2}), "'metrics.test.reason_accuracy' is 2"),
        (
            lambda m: m["metrics"].update(added=_ADDED | {"with": {"reason_accuracy": 1, "reason_macro_f1": -1}}),
            "'metrics.added.with.reason_macro_f1' is -1, but should be a score from 0 to 1 (or null: not scored)",
        ),
        (lambda m: m["metrics"]["cv"].update(folds=2.5), "'metrics.cv.folds' is 2.5, but should be a whole number of"),
        *(
            (
                lambda m, v=v: m["metrics"].update(added=_ADDED | {"near_copies": v}),
                f"'metrics.added.near_copies' is {v!r}, but should be a whole number of 0 or more",
            )
            for v in ("abc", -3, 2.5)
        ),
        (
            lambda m: m["metrics"].update(added=_ADDED | {"reason_now_wrong": -1}),
            "'metrics.added.reason_now_wrong' is -1, but should be a whole number of 0 or more",
        ),
        (lambda m: m["metrics"].update(note=["x"]), "'metrics.note' is ['x'], but should be a string"),
        (lambda m: m.update(metrics=[]), "'metrics' is [], but should be an object"),
        (
            lambda m: m["training_data"].update(rows="abc"),
            "'training_data.rows' is 'abc', but should be a whole number of 0 or more",
        ),
        (lambda m: m.update(training_data={}), "'training_data.rows' is missing"),
        (lambda m: m["training_data"].update(file=3), "'training_data.file' is 3, but should be a file name"),
        (lambda m: m["training_data"].update(id_column=3), "'training_data.id_column' is 3, but should be a column"),
        (
            lambda m: m["training_data"].update(id_found_by_name="yes"),
            "'training_data.id_found_by_name' is 'yes', but should be true or false",
        ),
        (
            lambda m: m["training_data"].update(added_disagreeing_at={"repeats": "a.csv:2"}),
            "'training_data.added_disagreeing_at.repeats' is 'a.csv:2', but should be a list of strings (FILE:LINE",
        ),
        (
            lambda m: m["training_data"].update(added_disagreeing_at=["a.csv:2"]),
            "'training_data.added_disagreeing_at' is ['a.csv:2'], but should be an object with lists 'duplicates'",
        ),
        (
            lambda m: _added_row(m) or m["inputs"][1].update(role="weird"),
            "'inputs[1].role' is 'weird', but should be 'base' or 'added'",
        ),
        (
            lambda m: m["inputs"][0].update(role="added"),
            "'inputs[0].role' is 'added', but the first input file (the training data) is 'base'",
        ),
        (lambda m: m["inputs"][0].update(rows="40"), "'inputs[0].rows' is '40', but should be a whole number"),
        (lambda m: m["inputs"][0].pop("used"), "'inputs[0].used' is missing"),
        (lambda m: m["inputs"].append(5), "'inputs[1]' is 5, but should be an input file (an object)"),
        (lambda m: m.update(warnings=[1, 2]), "'warnings' is [1, 2], but should be a list of strings"),
        (lambda m: m["dictionary"].update(name=5), "'dictionary.name' is 5, but should be a dictionary name"),
        (lambda m: m.update(seed=3.5), "'seed' is 3.5, but should be a whole number"),
        (lambda m: m.update(seed=-1), "'seed' is -1, but should be a whole number of 0 or more (as training takes it)"),
        (lambda m: m.update(taikai_version=1), "'taikai_version' is 1, but should be a version string"),
    ],
    ids=[
        "test-number",
        "added-other",
        "cv-score-text",
        "cv-score-above-1",
        "cv-score-below-0",
        "cv-score-nan",
        "test-score-above-1",
        "added-score-below-0",
        "cv-folds-fraction",
        "added-near-copies-text",
        "added-near-copies-negative",
        "added-near-copies-fraction",
        "added-now-wrong-negative",
        "note-list",
        "metrics-list",
        "rows-text",
        "training-data-empty",
        "file-number",
        "id-column-number",
        "id-found-by-name-text",
        "disagreeing-places-text",
        "disagreeing-places-list",
        "role-other",
        "base-not-first",
        "input-rows-text",
        "input-used-missing",
        "input-not-object",
        "warnings-numbers",
        "dictionary-name-number",
        "seed-fraction",
        "seed-negative",
        "version-number",
    ],
)
def test_hand_edited_parts_are_refused_at_load_naming_them(values, edit, problem):
    """Regressions: metrics.test 5 loaded ("verified and loaded"), then batch crashed in its summary; metrics.added
    {"x": 1} crashed info; training_data.rows "abc" showed "None rows"; an input file of role "weird" vanished from
    info; warnings [1, 2] showed "warning: 1"; dictionary.name 5 showed "dictionary: 5 1.0.8";
    training_data.added_disagreeing_at of text loaded, and its places were shown as not recorded."""
    _refused(values, edit, problem)


_ADDED = {
    "rows": 12,
    "folds": 2,
    "reason_rows": 10,
    "without": {"reason_accuracy": 0.5, "reason_macro_f1": 0.25, "sentiment_accuracy": None},
    "with": {"reason_accuracy": 1, "reason_macro_f1": None, "later_score": 0.5},
}


@pytest.mark.parametrize(
    "metrics",
    [
        {"cv": {"folds": 0, "note": "too few examples per reason to cross-validate"}},
        {"cv": {"folds": 2, "reason_macro_f1": 1, "reason_rows": 30, "sentiment_rows": 28}, "note": "refitted"},
        {"test": {"reason_accuracy": 0.5, "rows": 8, "report": {"n_rows": 8}, "later_score": "kept"}},
        {"added": _ADDED, "later_part": [1, 2]},
    ],
    ids=["cv-skipped", "cv-counts", "test", "added"],
)
def test_metrics_of_each_kind_training_writes_load(values, metrics):
    """What training writes (and keys a later taikai of this format may add) loads as it is; the comparison of
    added labels reads the scores it knows."""
    values["metrics"] = metrics
    meta = ModelMetadata.from_dict(values)
    assert meta.metrics.to_dict() == metrics
    if "added" in metrics:
        comparison = meta.added_comparison()
        assert comparison is not None and comparison.with_added.reason_accuracy == 1
        assert comparison.without.sentiment_accuracy is None and comparison.reason_rows == 10


READS = "model format 8, but this taikai reads formats 2, 3, 4, 5, 6, 7"
LATER = f"{READS}: a later taikai saved it (this one writes format 7)"


@pytest.mark.parametrize(
    ("format_version", "saved_by", "said"),
    [
        (8, "0.3.0", f"{LATER}; install taikai 0.3.0, which wrote it (its metadata says so)"),
        (8, None, f"{LATER}; install the taikai that wrote it"),
        (8, 5, f"{LATER}; install the taikai that wrote it"),
        (8, "", f"{LATER}; install the taikai that wrote it"),
        (-1, "this", "model format -1, but this taikai reads formats 2, 3, 4, 5, 6, 7, and taikai {this} (this one)"),
    ],
    ids=["later", "unrecorded", "mistyped", "empty", "this-version"],
)
def test_an_unreadable_format_names_the_taikai_that_wrote_it(values, format_version, saved_by, said):
    """Regression: format 7 or -1 said "install the taikai that wrote it" without naming the version recorded."""
    installed = importlib.metadata.version("taikai")
    values |= {"format": format_version, "taikai_version": installed if saved_by == "this" else saved_by}
    with pytest.raises(ModelError) as caught:
        ModelMetadata.from_dict(values, "m/metadata.json")
    assert str(caught.value).startswith(f"m/metadata.json: {said.format(this=installed)}")
    if saved_by == "this":
        assert "'format' seems edited; restore metadata.json from a copy of the model" in str(caught.value)


@pytest.mark.parametrize(
    ("saved_by", "said"),
    [
        (
            "0.1.0",
            "a model of format 1, written by taikai 0.1.0 (its metadata says so), cannot be loaded: it was saved",
        ),
        (None, "a model of format 1 cannot be loaded: it was saved"),
        ("", "a model of format 1 cannot be loaded: it was saved"),
        (5, "a model of format 1 cannot be loaded: it was saved"),
    ],
    ids=["recorded", "unrecorded", "empty", "mistyped"],
)
def test_a_retired_format_names_the_taikai_that_wrote_it(values, saved_by, said):
    """Regression: a format-1 model's refusal did not name the taikai version that wrote it, as the README says
    every refused format's does (and a later format's did)."""
    values |= {"format": 1, "taikai_version": saved_by}
    with pytest.raises(ModelError) as caught:
        ModelMetadata.from_dict(values, "m/metadata.json")
    assert str(caught.value).startswith(f"m/metadata.json: {said} before taikai's package redesign")


def test_batch_refuses_a_model_of_edited_metrics_before_classifying(tiny_model_dir, tmp_path):
    """Regression: metrics.test 5 loaded; batch classified every row, then crashed in its summary with a traceback
    ('int' object has no attribute 'items'), leaving no summary and a .taikai-partial folder."""
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    values = json.loads((model / "metadata.json").read_text(encoding="utf-8"))
    values["metrics"]["test"] = 5
    (model / "metadata.json").write_text(json.dumps(values), encoding="utf-8")
    (tmp_path / "dump.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    args = ["batch", tmp_path / "dump.csv", "-o", out, "-m", model, "--text-column", "text"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 2, result.output
    said = f"taikai: error: {model / 'metadata.json'}: malformed model metadata: 'metrics.test' is 5"
    assert result.stderr.startswith(said), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.csv", "model"]


ADDED = InputFile("added", "s1.xlsx", "0" * 64, rows=20, used=12, blank=8, bad=0, duplicates=0, weight=1.0)
SPLIT = {"rows": 40, "file": "a.csv", "train_rows": 30, "test_rows": 10}


@pytest.mark.parametrize(
    ("training_data", "changes", "said"),
    [
        ({"rows": 1, "file": "a.csv"}, {}, "; trained on 1 row of a.csv)"),
        ({"rows": 2}, {}, "; trained on 2 rows)"),
        ({"rows": 8536, "file": "reviews.csv"}, {}, "; trained on 8,536 rows of reviews.csv)"),
        ({}, {}, "; sentiments "),
        # h245: the test rows held out were counted as trained on, and the added files' rows were not
        (SPLIT, {}, "; trained on 30 rows of a.csv, 10 more held out for the test)"),
        (SPLIT, {"refit_on_all_rows": True}, "; trained on 40 rows of a.csv)"),
        (SPLIT, {"inputs": (ADDED,)}, "; trained on 42 rows: 30 of a.csv and 12 added, 10 more held out for the test)"),
        (
            {"rows": 40, "train_rows": 40, "test_rows": 0},
            {"inputs": (ADDED,)},
            "; trained on 52 rows: 40 and 12 added)",
        ),
    ],
)
def test_the_repr_counts_the_training_rows_as_english_does(tiny_model, training_data, changes, said):
    """Regression: a model of one training row was shown as "trained on 1 rows"."""
    shown = repr(replace(tiny_model.metadata, training_data=TrainingRecord.from_dict(training_data), **changes))
    assert said in shown and ("trained on" in shown) is bool(training_data)
