"""What an artifact unpickles to is checked before it is read: a taikai pipeline, one its metadata describes."""

import hashlib
import json
import shutil

import joblib
import pytest
from click.testing import CliRunner
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

import taikai
from taikai.cli import cli
from taikai.errors import ModelError
from tests.conftest import TINY_RETRAIN


def _copy(tiny_model_dir, tmp_path):
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    return model_dir


def _replace_artifact(model_dir, obj):
    """Pickle *obj* as the model's artifact and record its sha256 and size, as someone rewriting both would."""
    joblib.dump(obj, model_dir / "model.joblib")
    data = (model_dir / "model.joblib").read_bytes()
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    meta["artifact"].update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    (model_dir / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")


def _unfitted(model_dir):
    from taikai.model import build_pipeline

    return build_pipeline()


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda d: {"hello": "world"}, "a dict (builtins.dict), not a scikit-learn Pipeline"),
        (lambda d: [1, 2], "a list (builtins.list), not a scikit-learn Pipeline"),
        (
            lambda d: Pipeline([("clf", LogisticRegression())]),
            "a Pipeline with the steps 'clf', not 'normalize', 'features', 'classify'",
        ),
        (
            lambda d: Pipeline(
                [("normalize", "passthrough"), ("features", "passthrough"), ("classify", LogisticRegression())]
            ),
            "a Pipeline whose 'classify' step is a LogisticRegression, not taikai's ReasonSentimentClassifier",
        ),
        (
            lambda d: Pipeline([("features", "passthrough"), ("classify", LogisticRegression())]),
            "a Pipeline with the steps 'features', 'classify', not 'normalize', 'features', 'classify'",
        ),
        (
            lambda d: Pipeline(
                [("normalize", "passthrough"), ("words", "passthrough"), ("classify", LogisticRegression())]
            ),
            "a Pipeline with the steps 'normalize', 'words', 'classify', not 'normalize', 'features', 'classify'",
        ),
        (_unfitted, "a taikai pipeline that was never fitted"),
    ],
    ids=["dict", "list", "other steps", "other classifier", "no normalize step", "other step name", "unfitted"],
)
@pytest.mark.parametrize("command", ["load_model", "info", "predict"])
def test_an_artifact_that_is_no_taikai_pipeline_is_refused(tiny_model_dir, tmp_path, make, what, command):
    """Regression: a pickle of a dict whose sha256 the metadata recorded ended in a traceback (AttributeError:
    'dict' object has no attribute 'named_steps'; KeyError: 'classify' for a plain scikit-learn pipeline)."""
    model_dir = _copy(tiny_model_dir, tmp_path)
    _replace_artifact(model_dir, make(model_dir))
    expected = (
        f"{model_dir / 'model.joblib'}: not a taikai model: it holds {what}; give the directory of a model taikai "
        f"train wrote, or retrain: {TINY_RETRAIN}"
    )
    if command == "load_model":
        with pytest.raises(ModelError) as caught:
            taikai.load_model(model_dir)
        assert str(caught.value) == expected
        return
    args = ["info", "--model", str(model_dir)] if command == "info" else ["predict", "-m", str(model_dir), "手数料"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {expected}")
    assert "Traceback" not in result.output and result.stdout == ""


def _edit(model_dir, edit):
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    edit(meta)
    (model_dir / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda c: c.update(vectors=None), "config.vectors is None, but the model was trained with 'chive'"),
        (lambda c: c.update(word_ngrams=[1, 3]), "config.word_ngrams is (1, 3), but the model was trained with (1, 2)"),
        (lambda c: c.update(char_ngrams=[1, 3]), "config.char_ngrams is (1, 3), but the model was trained with None"),
        (lambda c: c.update(min_df=1), "config.min_df is 1, but the model was trained with 2"),
        (lambda c: c.update(reason_c=1.0), "config.reason_c is 1.0, but the model was trained with 30.0"),
        (
            lambda c: c.update(sentiment_class_weight=None),
            "config.sentiment_class_weight is None, but the model was trained with 'balanced'",
        ),
    ],
)
def test_a_config_that_does_not_describe_the_pipeline_is_refused(tiny_model_dir, tmp_path, edit, problem):
    """Regression: config.vectors set to null loaded, and info said "no word vectors" of a model that reads them."""
    model_dir = _copy(tiny_model_dir, tmp_path)
    _edit(model_dir, lambda m: edit(m["config"]))
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    message = str(caught.value)
    assert message.startswith(f"{model_dir / 'metadata.json'}: does not describe the model in model.joblib")
    assert f"): {problem}" in message and "\n" not in message  # one line: the command line says it as one
    # the retrain command is the model's own (test_the_retrain_command_is_the_model_s_not_the_edit_s)
    restore = f"; restore the model's own metadata.json from a copy, or retrain: {TINY_RETRAIN}"
    assert message.endswith(restore)


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m["config"].update(vectors=None),
        lambda m: m["labels"].update(sentiments=[]),
        lambda m: (m["labels"].update(sentiments=[]), m["config"].update(vectors=None)),
        lambda m: m["labels"]["reasons"].append("price"),
    ],
    ids=["vectors-removed", "sentiments-emptied", "both", "reason-added"],
)
def test_the_retrain_command_is_the_model_s_not_the_edit_s(tiny_model_dir, tmp_path, edit):
    """Regression: metadata.json edited to say no word vectors, or no sentiments, was refused with the advice to
    retrain with --vectors none or --no-sentiment, which trains another kind of model than the one in model.joblib
    (here the shipped configuration, with sentiment)."""
    model_dir = _copy(tiny_model_dir, tmp_path)
    _edit(model_dir, edit)
    with pytest.raises(ModelError, match="does not describe the model") as caught:
        taikai.load_model(model_dir)
    assert str(caught.value).endswith(
        f"; restore the model's own metadata.json from a copy, or retrain: {TINY_RETRAIN}"
    )


# Configs the previous taikai trained and loaded (scikit-learn takes a weight per label): as its metadata.json has them.
OLD_CONFIGS = [
    {"class_weight": None, "sentiment_class_weight": {"positive": 2.0, "neutral": 1.0, "negative": 1.0}},
    {"class_weight": {"price": 3, "other": 1}, "sentiment_class_weight": "balanced"},
    {"class_weight": {"price": 0.5}, "sentiment_class_weight": None, "reason_c": 1},
]


@pytest.mark.parametrize("values", OLD_CONFIGS)
def test_a_model_with_a_class_weight_per_label_loads(tiny_model_dir, tmp_path, values):
    """Regression: a per-label class-weight dict, which the previous version trained with, was refused on load as
    "does not describe the model ... (it was edited after training)"."""
    model_dir = _copy(tiny_model_dir, tmp_path)
    pipeline = joblib.load(model_dir / "model.joblib")
    classifier = pipeline.named_steps["classify"]
    for name, head in (("class_weight", "reason"), ("sentiment_class_weight", "sentiment")):
        pipeline.set_params(**{f"classify__{head}_estimator__class_weight": values[name]})
        getattr(classifier, f"{head}_").set_params(class_weight=values[name])
    pipeline.set_params(classify__reason_estimator__C=values.get("reason_c", 30.0))
    classifier.reason_.set_params(C=values.get("reason_c", 30.0))
    _replace_artifact(model_dir, pipeline)
    _edit(model_dir, lambda m: m["config"].update(values))
    config = taikai.load_model(model_dir).metadata.feature_config()
    assert config is not None
    assert {name: getattr(config, name) for name in values} == values


@pytest.mark.parametrize(
    ("values", "setting", "why"),
    [
        ({"surprise": 1}, "the setting surprise=1", "'surprise' is no setting of this taikai"),
        (
            {"sentiment_class_weight": "heavy"},
            "the setting sentiment_class_weight='heavy'",
            "sentiment_class_weight must be 'balanced' (weigh labels by rarity), None, or a dict",
        ),
        (
            {"min_df": -1, "colour": "red"},
            "the settings colour='red' and min_df=-1",
            "'colour' is no setting of this taikai",
        ),
    ],
)
def test_a_setting_this_taikai_does_not_support_says_retrain(tiny_model_dir, tmp_path, values, setting, why):
    """A saved setting this taikai refuses is said as such (saved by another version, perhaps), not as an edit."""
    model_dir = _copy(tiny_model_dir, tmp_path)
    _edit(model_dir, lambda m: m.update(taikai_version="0.0.9") or m["config"].update(values))
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    message = str(caught.value)
    assert message.startswith(f"{model_dir / 'metadata.json'}: this taikai (")
    assert f"does not support {setting} of this model (saved by taikai 0.0.9): {why}" in message
    assert message.endswith(f"; retrain it: {TINY_RETRAIN}")
    assert "edited" not in message
