"""The pipeline's fold of CP932 look-alikes (``cp932_fold``): recorded, followed by every reader of the model's
tokens, and absent from (so not applied by) a model pickled before it."""

import json
import pickle
from dataclasses import replace

import pandas as pd
import pytest

import taikai
from taikai.analysis import explain
from taikai.drift._counting import StatisticsBuilder
from taikai.model import FeatureConfig, ModelMetadata, RecordedConfig, build_pipeline, word_vocabulary
from taikai.model._loaded import pipeline_described
from taikai.text import JapaneseTokenizer, check_text

# The wave dash as data/reviews.csv (UTF-8) spells it, as a CP932 file read back holds it (Excel writes 〜 so), and
# as typed in ASCII: after NFKC the second is the third, the first stays.
WAVES = ("\u301c", "\uff5e", "~")
# The minus sign, as a CP932 file holds it (－, U+FF0D: - after NFKC), and as ASCII.
MINUSES = ("\u2212", "\uff0d", "-")


def _train(root, tiny_csv, config: FeatureConfig):
    frame = pd.read_csv(tiny_csv)
    fees = frame["reasons"].str.startswith("fees")
    frame.loc[fees, "text"] = "−" + frame.loc[fees, "text"] + "〜"  # the corpus's spelling, on one reason's rows
    frame.to_csv(root / "data.csv", index=False)
    taikai.train(root / "data.csv", root / "m", config=config, folds=0, test_size=0)
    return taikai.load_model(root / "m")


@pytest.fixture(scope="module")
def folding_model(tmp_path_factory, tiny_csv) -> taikai.Model:
    """A model trained as taikai.train trains by default (FeatureConfig's cp932_fold: 1), words only."""
    return _train(tmp_path_factory.mktemp("fold"), tiny_csv, FeatureConfig(min_df=1))


@pytest.mark.parametrize("template", ["出金{}手数料が高い", "3{}5%の手数料", "手数料がつらい{}{}"])
@pytest.mark.parametrize("look_alikes", [WAVES, MINUSES])
def test_a_folding_model_reads_the_cp932_look_alikes_as_one(folding_model, template, look_alikes):
    predictions = folding_model.predict([template.format(c, c) for c in look_alikes])
    first = predictions[0]
    assert first.status == "ok"
    for other in predictions[1:]:  # the same numbers, not close ones
        assert (other.reason, other.reason_proba, other.sentiment_proba) == (
            first.reason,
            first.reason_proba,
            first.sentiment_proba,
        )


def test_the_fold_is_recorded_in_the_metadata_and_read_back(folding_model):
    written = json.loads((folding_model.path / "metadata.json").read_text(encoding="utf-8"))
    assert written["config"]["cp932_fold"] == 1
    read = ModelMetadata.from_dict(written)
    assert read.to_dict() == written
    config = read.feature_config()
    assert config is not None and config.cp932_fold == 1
    assert folding_model.pipeline.get_params()["features__words__tokenize__cp932_fold"] == 1


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"token_form": "base", "word_ngrams": [1, 2], "min_df": 2}, 0),  # recorded before the fold: none
        ({"token_form": "base", "word_ngrams": [1, 2], "min_df": 2, "cp932_fold": 1}, 1),
        ({"token_form": "base", "word_ngrams": [1, 2], "min_df": 2, "cp932_fold": 0}, 0),
    ],
)
def test_a_recorded_config_reads_its_fold(config, expected):
    assert FeatureConfig.from_dict(config).cp932_fold == expected


@pytest.mark.parametrize("config", [FeatureConfig(), FeatureConfig.shipped()])
def test_new_trainings_fold(config):
    assert config.cp932_fold == 1
    assert build_pipeline(config).get_params()["features__words__tokenize__cp932_fold"] == 1


@pytest.mark.parametrize("value", [2, -1])
def test_an_unknown_fold_version_is_refused(value):
    with pytest.raises(taikai.InputError, match=r"cp932_fold must be a fold version: 1 .* or 0 \(none\), not"):
        FeatureConfig(cp932_fold=value)


def _pickled_before_the_fold(pipeline):
    """Return *pipeline* as a taikai from before the fold pickled it: its tokenizer without ``cp932_fold``."""
    tokenizer = pipeline.named_steps["features"].transformer_list[0][1].steps[0][1]
    del tokenizer.cp932_fold
    try:
        return pickle.loads(pickle.dumps(pipeline))
    finally:
        tokenizer.cp932_fold = 0


@pytest.fixture(scope="module")
def unfolded_model(tmp_path_factory, tiny_csv) -> taikai.Model:
    return _train(tmp_path_factory.mktemp("nofold"), tiny_csv, FeatureConfig(min_df=1, cp932_fold=0))


@pytest.mark.parametrize("look_alikes", [WAVES, MINUSES])
def test_a_pipeline_pickled_before_the_fold_reads_as_before(unfolded_model, look_alikes):
    old = _pickled_before_the_fold(unfolded_model.pipeline)
    assert old.get_params()["features__words__tokenize__cp932_fold"] == 0
    texts = [check_text(f"出金{c}手数料が高い").text for c in look_alikes]
    for got, expected in zip(old.predict_proba(texts), unfolded_model.pipeline.predict_proba(texts), strict=True):
        assert got.tobytes() == expected.tobytes()
    # unfolded, 〜 (seen in training) and ~ (not) are other words: the probabilities differ, as before the fold
    reason = old.predict_proba(texts)[0]
    assert reason[0].tobytes() != reason[2].tobytes()


@pytest.mark.parametrize("wave", WAVES)
def test_explain_spans_index_the_text_as_given(folding_model, wave):
    text = f"出金{wave}手数料が高い{wave}"
    explained = explain(folding_model, text, top=100)
    spans = {c.feature: c.spans for c in (*explained.reason.contributions, *explained.sentiment.contributions)}
    assert "~" in spans  # the folded word, found at both places of the wave dash as written
    assert spans["~"] == ((2, 3), (9, 10))
    assert {explained.normalized[start:end] for start, end in spans["~"]} == {check_text(f"出金{wave}").text[2]}


def test_drift_counts_words_as_the_model_tokenizes_them(folding_model):
    builder = StatisticsBuilder.for_model(folding_model, "dump.csv")
    vocabulary = word_vocabulary(folding_model.pipeline)
    assert vocabulary is not None and vocabulary.cp932_fold == 1
    tokenizer = JapaneseTokenizer(vocabulary.form, vocabulary.dicdir, vocabulary.cp932_fold)
    for wave in WAVES:
        text = check_text(f"出金{wave}手数料が高い").text
        assert builder.tagger.words(text)[0] == tokenizer.transform([text])[0].split()


@pytest.mark.parametrize("recorded", [False, True])
def test_a_config_saved_before_the_fold_stays_so_when_described_by_its_pipeline(unfolded_model, recorded):
    """Regression: the retrain command of a model whose metadata does not describe its pipeline wrote the pipeline's
    cp932_fold=0 into a config saved before the fold, so it said a Python call, not taikai train."""
    values = unfolded_model.metadata.config.to_dict()
    if not recorded:
        del values["cp932_fold"]
    meta = replace(unfolded_model.metadata, config=RecordedConfig.from_dict(values))
    described = pipeline_described(_pickled_before_the_fold(unfolded_model.pipeline), meta)
    assert described.config.holds("cp932_fold") is recorded
    assert described.config.to_dict() == values
