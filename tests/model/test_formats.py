"""Model formats (:mod:`taikai.model._formats`): format 7 is the one that records the fold of CP932 look-alikes
(``config.cp932_fold``); a format-6 model loads and predicts as it did, whether saved before the fold (no
``cp932_fold``: folds nothing) or by the code of the fold before format 7 (``cp932_fold`` recorded in format 6)."""

import json
import zlib

import pandas as pd
import pytest

import taikai
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
