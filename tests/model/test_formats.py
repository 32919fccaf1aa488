"""Model formats (:mod:`taikai.model._formats`): format 7 is the one that records the fold of CP932 look-alikes
(``config.cp932_fold``); a format-6 model loads and predicts as it did, whether saved before the fold (no
``cp932_fold``: folds nothing) or by the code of the fold before format 7 (``cp932_fold`` recorded in format 6); a
later format says that a later taikai saved the model, not that metadata.json was edited."""

import importlib.metadata
import json
import zlib

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.model import FORMAT_VERSION, READABLE_FORMATS, FeatureConfig, load_artifact, save_artifact

# The wave dash as data/reviews.csv spells it, as a CP932 file read back holds it, and in ASCII; then a plain text.
TEXTS = ["出金〜手数料が高い", "出金～手数料が高い", "出金~手数料が高い", "本業が忙しくて時間がない"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_csv) -> dict[int, taikai.Model]:
    """A words-only model per fold version (1: as taikai.train trains by default; 0: none), as saved now."""
    root = tmp_path_factory.mktemp("formats")
    frame = pd.read_csv(tiny_csv)
    fees = frame["reasons"].str.startswith("fees")
    frame.loc[fees, "text"] = frame.loc[fees, "text"] + "〜"  # the corpus's spelling, on one reason's rows
    frame.to_csv(root / "data.csv", index=False)
    models = {}
    for fold in (0, 1):
        config = FeatureConfig(min_df=1, cp932_fold=fold)
        taikai.train(root / "data.csv", root / str(fold), config=config, folds=0, test_size=0)
        models[fold] = taikai.load_model(root / str(fold))
    return models


def _tokenizer(pipeline):
    return pipeline.named_steps["features"].transformer_list[0][1].steps[0][1]


def test_this_code_writes_format_7_with_the_fold_recorded(trained):
    assert FORMAT_VERSION == 7 and READABLE_FORMATS == (2, 3, 4, 5, 6, 7)
    for fold, model in trained.items():
        written = json.loads((model.path / "metadata.json").read_text(encoding="utf-8"))
        assert (written["format"], written["config"]["cp932_fold"]) == (7, fold)


@pytest.mark.parametrize(
    ("format_version", "fold", "recorded"),
    [
        (6, 0, False),  # saved before the fold: no cp932_fold in the config nor in the pickled tokenizer
        (6, 1, True),  # saved by the code of the fold before format 7 (models/default until it is re-saved)
        (6, 0, True),
        (7, 1, True),
        (7, 0, True),
    ],
    ids=["6-before-the-fold", "6-folding", "6-unfolded", "7-folding", "7-unfolded"],
)
def test_models_of_format_6_and_7_load_and_predict_as_saved(trained, tmp_path, format_version, fold, recorded):
    original = trained[fold]
    pipeline, meta = load_artifact(original.path)
    if not recorded:
        del _tokenizer(pipeline).cp932_fold  # as a taikai before the fold pickled it
    save_artifact(pipeline, meta, tmp_path / "m")
    values = json.loads((tmp_path / "m" / "metadata.json").read_text(encoding="utf-8"))
    if not recorded:
        del values["config"]["cp932_fold"]
    (tmp_path / "m" / "metadata.json").write_text(json.dumps(values | {"format": format_version}), encoding="utf-8")
    raw = zlib.decompress((tmp_path / "m" / "model.joblib").read_bytes())  # joblib's compress=3: one zlib stream
    assert (b"cp932_fold" in raw) is recorded

    model = taikai.load_model(tmp_path / "m")
    config = model.metadata.feature_config()
    assert model.metadata.format == format_version and config is not None and config.cp932_fold == fold
    assert model.metadata.config.holds("cp932_fold") is recorded
    assert model.pipeline.get_params()["features__words__tokenize__cp932_fold"] == fold
    got, want = model.classify(TEXTS), original.classify(TEXTS)
    assert got.reasons == want.reasons and got.sentiments == want.sentiments
    assert got.reason_proba.tobytes() == want.reason_proba.tobytes()
    assert got.sentiment_proba.tobytes() == want.sentiment_proba.tobytes()
    # unfolded, 〜 (seen in training) and ~ are other words; folded, one
    assert (got.reason_proba[0].tobytes() == got.reason_proba[2].tobytes()) is (fold == 1)


@pytest.mark.parametrize(
    ("saved_by", "said", "not_said"),
    [
        (
            "this",
            "model format 8, but this taikai reads formats 2, 3, 4, 5, 6, 7: a later build of taikai {this} saved it "
            "(its metadata names this one's version, which writes format 7); update taikai to the code that saved "
            "the model (if none did, 'format' was edited: restore metadata.json from a copy of the model), or "
            "retrain it",
            "seems edited",
        ),
        (
            "9.0.0",
            "model format 8, but this taikai reads formats 2, 3, 4, 5, 6, 7: a later taikai saved it (this one "
            "writes format 7); install taikai 9.0.0, which wrote it (its metadata says so), or retrain it",
            "edited",
        ),
        (
            None,
            "model format 8, but this taikai reads formats 2, 3, 4, 5, 6, 7: a later taikai saved it (this one "
            "writes format 7); install the taikai that wrote it, or retrain it",
            "edited",
        ),
    ],
    ids=["this-version-number", "later-version", "unrecorded"],
)
def test_a_later_format_says_a_later_taikai_saved_the_model(trained, tmp_path, saved_by, said, not_said):
    """Regression: a format-8 model saved by a later build of this version number (as format 7 is for the code
    before it) said "'format' seems edited; restore metadata.json from a copy", sending the user the wrong way."""
    installed = importlib.metadata.version("taikai")
    values = json.loads((trained[1].path / "metadata.json").read_text(encoding="utf-8"))
    values |= {"format": 8, "taikai_version": installed if saved_by == "this" else saved_by}
    model_dir = tmp_path / "later"
    model_dir.mkdir()
    (model_dir / "metadata.json").write_text(json.dumps(values), encoding="utf-8")
    (model_dir / "model.joblib").write_bytes((trained[1].path / "model.joblib").read_bytes())
    result = CliRunner().invoke(cli, ["predict", "出金手数料が高い", "--model", str(model_dir)])
    assert result.exit_code == 2
    assert result.output.startswith(f"taikai: error: {model_dir / 'metadata.json'}: {said.format(this=installed)}")
    assert result.output.count("\n") == 1 and not_said not in result.output and "Traceback" not in result.output
