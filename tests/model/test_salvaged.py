"""The retrain hint of a model whose metadata.json is damaged: the options read from what can still be read, and the
options it may miss where a field cannot be read, so that following it trains the model the user had."""

import json
import shlex
import shutil

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import ModelError
from taikai.model import read_metadata
from tests.conftest import TINY_DATA, TINY_OPTIONS

CONFIG = taikai.FeatureConfig().to_dict()
COMMAND = "taikai train DATA.csv{} --out MODEL_DIR"
TINY = COMMAND.replace(" --out", f"{TINY_OPTIONS} --out")  # the tiny model's: its folds and test size given again
TRAINED = {  # the options a model was trained with, as its metadata records them
    "taxonomy": ({}, ""),
    "no-vectors": ({"config": {"vectors": None}}, " --vectors none"),
    "no-sentiment": ({"labels": {"sentiments": []}}, " --no-sentiment"),
    "refit-all": ({"refit_on_all_rows": True}, " --refit-all"),
    "free-labels": ({"free_labels": True}, " --free-labels"),
    "columns": (
        {"columns": {"text": "body", "reasons": "why", "sentiment": "mood"}},
        " --text-column body --reasons-column why --sentiment-column mood",
    ),
    "seed": ({"seed": 7}, " --seed 7"),  # Regression: the seed and the masking were left out of the hint
    "masked": ({"mask_pii": True}, " --mask-pii"),
}
FOLDED = {  # Regression: the folds and the test size were left out of the hint (and not recorded); None: not written
    "defaults": ({"folds": None, "test_size": None}, ""),  # as a model trained with them records them: not at all
    "folds": ({"folds": 0, "test_size": None}, " --folds 0"),
    "test size": ({"folds": None, "test_size": 0.3}, " --test-size 0.3"),
    "seed then both": ({"seed": 3, "folds": 10, "test_size": 0}, " --seed 3 --folds 10 --test-size 0"),
}
DAMAGES = {  # a malformed field, other than those the options are read from
    "max_chars": lambda meta: meta.update(max_chars="many"),
    "metrics": lambda meta: meta.update(metrics=[1]),
    "an input": lambda meta: meta["inputs"][0].update(sha256=3),
    "format in quotes": lambda meta: meta.update(format="6"),
    "format missing": lambda meta: meta.pop("format"),
    "format unknown": lambda meta: meta.update(format=99, taikai_version=""),
    "format retired": lambda meta: meta.update(format=1),
}


def _damaged(source, target, *edits):
    shutil.copytree(source, target)
    meta = json.loads((target / "metadata.json").read_text(encoding="utf-8"))
    for edit in edits:
        edit(meta)
    (target / "metadata.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return target


def _trained(changes):
    def edit(meta):
        for key, value in changes.items():
            meta[key] = {**meta[key], **value} if isinstance(meta.get(key), dict) else value

    return edit


@pytest.mark.parametrize("damage", list(DAMAGES))
@pytest.mark.parametrize("trained", list(TRAINED))
def test_a_damaged_models_hint_gives_the_options_its_metadata_still_says(tiny_model_dir, tmp_path, trained, damage):
    """Regression: every malformed metadata.json was answered with the plain train command, which trains a model
    with chiVe vectors for a --vectors none model (and a sentiment head, its standard columns…)."""
    changes, options = TRAINED[trained]
    model_dir = _damaged(tiny_model_dir, tmp_path / "model", _trained(changes), DAMAGES[damage])
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    assert str(caught.value).endswith(TINY.format(options))


@pytest.mark.parametrize("trained", list(FOLDED))
def test_a_damaged_models_hint_gives_the_folds_and_test_size_it_was_trained_with(tiny_model_dir, tmp_path, trained):
    changes, options = FOLDED[trained]
    written = {key: value for key, value in changes.items() if value is not None}
    unwritten = [key for key, value in changes.items() if value is None]
    drop = lambda meta: [meta.pop(key) for key in unwritten]  # noqa: E731
    model_dir = _damaged(tiny_model_dir, tmp_path / "model", _trained(written), drop, DAMAGES["max_chars"])
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    assert str(caught.value).endswith(COMMAND.format(options))


UNREADABLE = {  # metadata of which a field the options are read from cannot be read; the data file the hint names
    "config": ({"config": [1]}, "", "--vectors none", "DATA.csv"),
    "vectors": ({"config": {"vectors": 3}}, "", "--vectors none", TINY_DATA),  # the rest, its inputs too, is read
    "labels": ({"labels": "x", "refit_on_all_rows": True}, " --refit-all", "--no-sentiment", "DATA.csv"),
    "refit": ({"refit_on_all_rows": "yes", "free_labels": True}, " --free-labels", "--refit-all", "DATA.csv"),
    "free labels": ({"free_labels": 1}, "", "--free-labels", "DATA.csv"),
    "columns": ({"columns": {"text": 3, "reasons": "r"}}, "", "the column options (--text-column…)", "DATA.csv"),
    "seed": ({"seed": "x", "mask_pii": True}, " --mask-pii", "--seed", "DATA.csv"),
    "masked": ({"mask_pii": "yes", "seed": 7}, " --seed 7", "--mask-pii", "DATA.csv"),
    "folds": ({"folds": -1}, " --test-size 0", "--folds", "DATA.csv"),
    "test size": ({"test_size": 1}, " --folds 2", "--test-size", "DATA.csv"),
    "test size in quotes": ({"test_size": "0"}, " --folds 2", "--test-size", "DATA.csv"),
}


@pytest.mark.parametrize("field", list(UNREADABLE))
def test_a_hint_says_which_options_a_damaged_metadata_no_longer_says(tiny_model_dir, tmp_path, field):
    """Regression: the hint gave the plain train command as if it retrained the same model, even when the field that
    says how the model was trained was the damaged one."""
    values, options, unsaid, data = UNREADABLE[field]
    model_dir = _damaged(tiny_model_dir, tmp_path / "model", lambda meta: meta.update(values))
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    said = str(caught.value)
    command = (TINY if "fold" not in field and "test" not in field else COMMAND).format(options)
    command = command.replace("DATA.csv", data)
    assert f"{command} (the metadata no longer says whether the model was trained" in said
    assert f"trained with {unsaid}: add it if it was, or this trains another kind of model" in said


@pytest.mark.parametrize(
    "content",
    [b'{"format": 6,', b'{"format": 6, "seed": "\xff"}', b"[1, 2]"],
    ids=["not JSON", "not UTF-8", "a list"],
)
def test_an_unreadable_metadata_says_its_hint_may_train_another_model(tiny_model_dir, tmp_path, content):
    """Regression: metadata that could not be read at all was answered with the plain train command, as if it
    trained the same model."""
    model_dir = _damaged(tiny_model_dir, tmp_path / "model")
    (model_dir / "metadata.json").write_bytes(content)
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    said = str(caught.value)
    assert (
        f"{COMMAND.format('')} (the metadata no longer says whether the model was trained with --vectors none" in said
    )
    assert (
        "the column options (--text-column…), --seed, --mask-pii, --folds or --test-size: add those it was, or" in said
    )


@pytest.mark.parametrize(
    ("values", "command"),
    [
        (None, COMMAND.format("") + " (the metadata no longer says"),
        (
            {"config": CONFIG | {"vectors": "chive"}, "labels": {"reasons": ["fees"], "sentiments": []}},
            COMMAND.format(" --no-sentiment"),
        ),
        ({"config": CONFIG, "labels": {"reasons": [], "sentiments": []}}, COMMAND.format(" --vectors none")),
        (
            {"config": CONFIG | {"min_df": 1}, "labels": {"reasons": ["fees"], "sentiments": ["positive"]}},
            "taikai.train('DATA.csv', 'MODEL_DIR', config=taikai.FeatureConfig(min_df=1)) in Python",
        ),
    ],
    ids=["nothing", "no-sentiment", "no-vectors", "python-config"],
)
def test_salvaged_command_reads_what_can_be_read(values, command):
    from taikai.model._salvaged import salvaged_command

    assert salvaged_command(values).startswith(command)


def test_following_a_damaged_no_vectors_models_hint_trains_a_model_without_vectors(tiny_csv, tmp_path):
    """The hint, done: a --vectors none model whose metadata is damaged is retrained without vectors (it trained
    one with chiVe vectors), with the same columns."""
    data = tmp_path / "data.csv"
    data.write_text(tiny_csv.read_text(encoding="utf-8").replace("text,", "本文,", 1), encoding="utf-8")
    first = tmp_path / "first"
    args = ["train", str(data), "--out", str(first), "--vectors", "none", "--text-column", "本文", "--folds", "2"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    _damaged(first, tmp_path / "damaged", DAMAGES["max_chars"])
    with pytest.raises(ModelError) as caught:
        taikai.load_model(tmp_path / "damaged")
    command = str(caught.value).rpartition("retrain: ")[2]
    words = shlex.split(
        command.replace("DATA.csv", shlex.quote(str(data))).replace("MODEL_DIR", shlex.quote(str(tmp_path / "again")))
    )
    assert words[:2] == ["taikai", "train"]
    assert CliRunner().invoke(cli, [*words[1:], "--folds", "2"]).exit_code == 0
    again, before = read_metadata(tmp_path / "again"), read_metadata(first)
    assert (again.config, again.columns) == (before.config, before.columns)
