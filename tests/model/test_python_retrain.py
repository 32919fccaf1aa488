"""The retrain command of a model trained in Python with features the command line cannot give: the taikai.train
call that gives them, which trains the same kind of model when followed."""

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.model import RecordedConfig, _retrain, retrain_command
from taikai.model._trained_columns import TrainedColumns

PLAIN = "taikai train DATA.csv --out MODEL_DIR"
CALLED = "taikai.train('DATA.csv', 'MODEL_DIR', config=taikai.FeatureConfig({})) in Python"


def _meta(config, **changes):
    meta = taikai.ModelMetadata.unsaved()
    return replace(
        meta,
        **{
            "config": RecordedConfig.of(config),
            "reasons": ("fees",),
            "sentiments": ("negative",),
            **changes,
        },
    )


@pytest.mark.parametrize(
    ("config", "changes", "command"),
    [
        (taikai.FeatureConfig.shipped(), {}, PLAIN),
        (taikai.FeatureConfig(), {}, "taikai train DATA.csv --vectors none --out MODEL_DIR"),
        (taikai.FeatureConfig(vectors="/t/own"), {}, CALLED.format("vectors='/t/own'")),
        (taikai.FeatureConfig(min_df=1), {}, CALLED.format("min_df=1")),
        (
            taikai.FeatureConfig(char_ngrams=(1, 3), vectors="chive"),
            {"refit_on_all_rows": True, "free_labels": True, "sentiments": ()},
            CALLED.format("char_ngrams=(1, 3), vectors='chive'").replace(
                ")) in", "), refit_all=True, free_labels=True, sentiment_column=None) in"
            ),
        ),
        (
            taikai.FeatureConfig(vectors="/t/own"),
            {"columns": TrainedColumns("body", "why", "mood")},
            CALLED.format("vectors='/t/own'").replace(
                ")) in", "), text_column='body', reasons_column='why', sentiment_column='mood') in"
            ),
        ),
        # Regression: the seed and the masking were left out of both forms of the retrain command
        (
            taikai.FeatureConfig.shipped(),
            {"seed": 7, "mask_pii": True},
            PLAIN.replace(" --out", " --seed 7 --mask-pii --out"),
        ),
        (
            taikai.FeatureConfig(min_df=1),
            {"seed": 7, "mask_pii": True},
            CALLED.format("min_df=1").replace(")) in", "), seed=7, mask_pii=True) in"),
        ),
        # Regression: and the folds and the test size (the README's --folds 0 --test-size 0)
        (
            taikai.FeatureConfig.shipped(),
            {"folds": 0, "test_size": 0.0},
            PLAIN.replace(" --out", " --folds 0 --test-size 0 --out"),
        ),
        (
            taikai.FeatureConfig(),
            {"seed": 3, "folds": 10, "test_size": 0.25, "columns": TrainedColumns("body", "why", "mood")},
            "taikai train DATA.csv --vectors none --text-column body --reasons-column why --sentiment-column mood "
            "--seed 3 --folds 10 --test-size 0.25 --out MODEL_DIR",
        ),
        (
            taikai.FeatureConfig(min_df=1),
            {"mask_pii": True, "folds": 0, "test_size": 0.0},
            CALLED.format("min_df=1").replace(")) in", "), mask_pii=True, folds=0, test_size=0) in"),
        ),
    ],
    ids=[
        "shipped",
        "no-vectors",
        "own-table",
        "min-df",
        "chars-and-options",
        "columns",
        "seeded-masked",
        "python-seeded-masked",
        "folds-test-size",
        "columns-then-seed-folds-test-size",
        "python-folds-test-size",
    ],
)
def test_a_model_the_command_line_cannot_train_is_retrained_in_python(config, changes, command):
    """Regression: a model trained in Python with a table of its own (or min_df=1, character n-grams…) was told to
    retrain with taikai train, which trains the shipped features: another model than the one the user had."""
    assert retrain_command(_meta(config, **changes)) == command


def _before_the_fold(config):
    """Return the record of *config* as a taikai from before the CP932 fold wrote it: without cp932_fold."""
    values = RecordedConfig.of(config).to_dict()
    del values["cp932_fold"]
    return RecordedConfig.from_dict(values)


@pytest.mark.parametrize(
    ("config", "command"),
    [
        (_before_the_fold(taikai.FeatureConfig.shipped()), PLAIN),
        (_before_the_fold(taikai.FeatureConfig()), "taikai train DATA.csv --vectors none --out MODEL_DIR"),
        (_before_the_fold(taikai.FeatureConfig(min_df=1)), CALLED.format("min_df=1")),
        (RecordedConfig.of(taikai.FeatureConfig(cp932_fold=0)), CALLED.format("cp932_fold=0")),  # an opt-out kept
    ],
    ids=["shipped", "no-vectors", "min-df", "opted-out"],
)
def test_a_model_saved_before_the_fold_is_retrained_as_a_current_one(config, command):
    """Regression: models/default, saved before the CP932 fold (its config reads as cp932_fold=0), was told to retrain
    with taikai.train(..., config=taikai.FeatureConfig(vectors='chive', cp932_fold=0)) in Python, not taikai train."""
    meta = replace(taikai.ModelMetadata.unsaved(), config=config, reasons=("fees",), sentiments=("negative",))
    assert retrain_command(meta) == command


def test_following_the_python_retrain_command_trains_the_same_kind_of_model(tiny_csv, vector_table, tmp_path):
    """The hint, done: the call it gives, run as written, trains a model of the same config and options."""
    config = taikai.FeatureConfig(min_df=1, vectors=vector_table)
    first = taikai.train(tiny_csv, tmp_path / "first", config=config, folds=0, test_size=0.25, sentiment_column=None)
    call = retrain_command(first.metadata).removesuffix(" in Python")
    call = call.replace("'DATA.csv'", repr(str(tiny_csv))).replace("'MODEL_DIR'", repr(str(tmp_path / "again")))
    again = eval(call, {"taikai": taikai})  # the command the hint gives, run as written
    assert (again.metadata.config, again.metadata.sentiments) == (first.metadata.config, ())


def _input(role, file, weight=1.0, sha256="0" * 64):
    return taikai.InputFile(role=role, file=file, sha256=sha256, rows=2, used=2, weight=weight)


HEADER = b"text,reasons,sentiment\n"


BASE = _input("base", "data.csv")


@pytest.mark.parametrize(
    ("config", "inputs", "command"),
    [
        (taikai.FeatureConfig.shipped(), (BASE,), PLAIN),
        (
            taikai.FeatureConfig.shipped(),
            (BASE, _input("added", "s1.xlsx"), _input("added", "第 2 回.csv")),
            "taikai train DATA.csv --add s1.xlsx --add '第 2 回.csv' --out MODEL_DIR",
        ),
        (
            taikai.FeatureConfig(),
            (BASE, _input("added", "s1.csv", 2.5)),
            "taikai train DATA.csv --vectors none --add s1.csv --add-weight 2.5 --out MODEL_DIR",
        ),
        # regression: a frame given to add= was left out without a word (it has no path to name)
        (
            taikai.FeatureConfig.shipped(),
            (BASE, _input("added", "<frame>", 2.0)),
            f"{PLAIN} (the 1 DataFrame(s) the model was trained with (add=) have no path and are left out: save each "
            "to a file, frame.to_csv('round1.csv', index=False), and give it to --add with --add-weight 2)",
        ),
        (
            taikai.FeatureConfig.shipped(),
            (BASE, _input("added", "s1.xlsx"), _input("added", "<frame 2>")),
            "taikai train DATA.csv --add s1.xlsx --out MODEL_DIR (the 1 DataFrame(s) the model was trained with "
            "(add=) have no path and are left out: save each to a file, frame.to_csv('round1.csv', index=False), "
            "and give it to --add)",
        ),
        (
            taikai.FeatureConfig(min_df=1),
            (BASE, _input("added", "s1.csv", 3.0)),
            CALLED.format("min_df=1").replace(")) in", "), add_weight=3, add=['s1.csv']) in"),
        ),
        (
            taikai.FeatureConfig(min_df=1),
            (BASE, _input("added", "<frame>", 3.0), _input("added", "<frame 2>", 3.0)),
            CALLED.format("min_df=1") + " (the 2 DataFrame(s) the model was trained with (add=) are not named here: "
            "give them to add=[…] too, with add_weight=3)",
        ),
    ],
    ids=["no-added", "sheets", "weight", "frame", "frame-and-file", "python", "python-frames"],
)
def test_the_retrain_command_adds_the_files_the_model_was_trained_on_with_add(
    config, inputs, command, tmp_path, monkeypatch
):
    """Regression: a model trained with --add was told to retrain with DATA alone (after a library upgrade, say):
    followed, the hint trained a model without the labels the user had paid for, and said nothing of them."""
    monkeypatch.chdir(tmp_path)  # no data.csv here: the command says DATA.csv (test_the_retrain_command_names_…)
    assert retrain_command(_meta(config, inputs=inputs)) == command


@pytest.mark.parametrize(
    ("config", "recorded", "there", "command"),
    [
        (taikai.FeatureConfig.shipped(), "data.csv", "data.csv", "taikai train data.csv --out MODEL_DIR"),
        (
            taikai.FeatureConfig.shipped(),
            "in/第 1 回.csv",
            "in/第 1 回.csv",
            "taikai train 'in/第 1 回.csv' --out MODEL_DIR",
        ),
        (taikai.FeatureConfig(), "data.csv", "data.csv", "taikai train data.csv --vectors none --out MODEL_DIR"),
        (
            taikai.FeatureConfig(min_df=1),
            "data.csv",
            "data.csv",
            CALLED.format("min_df=1").replace("'DATA.csv'", "'data.csv'"),
        ),
        # the file is not where recorded (moved, deleted, or recorded relative to another folder), or no file
        (taikai.FeatureConfig.shipped(), "data.csv", "elsewhere.csv", PLAIN),
        (taikai.FeatureConfig.shipped(), "data.csv", "data.csv/inner.csv", PLAIN),  # a folder of that name
        (taikai.FeatureConfig(min_df=1), "data.csv", None, CALLED.format("min_df=1")),
        (taikai.FeatureConfig.shipped(), "<frame>", "<frame>", PLAIN),  # a DataFrame: no path, whatever is here
        (taikai.FeatureConfig.shipped(), None, "data.csv", PLAIN),  # no inputs recorded (a model before format 4)
    ],
    ids=["there", "quoted", "options", "python", "moved", "a-folder", "python-moved", "frame", "no-record"],
)
def test_the_retrain_command_names_the_data_the_model_was_trained_on(
    config, recorded, there, command, tmp_path, monkeypatch
):
    """Regression: every retrain hint said taikai train DATA.csv, though the metadata records the file the model was
    trained on (inputs[0]), there to be named; DATA.csv is said only when it is not where recorded."""
    monkeypatch.chdir(tmp_path)
    if there is not None:
        (tmp_path / there).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / there).write_bytes(HEADER)
    inputs = () if recorded is None else (_input("base", recorded, sha256=hashlib.sha256(HEADER).hexdigest()),)
    assert retrain_command(_meta(config, inputs=inputs)) == command


CHANGED = (
    " (data.csv is not the file the model was trained on: its sha256 is not the one recorded, {}…; it was changed "
    "or replaced since. Put that file back to train on the same rows, or this trains on the file as it is now)"
)


@pytest.mark.parametrize(
    ("config", "written", "note"),
    [
        (taikai.FeatureConfig.shipped(), HEADER, ""),  # the file trained on
        (taikai.FeatureConfig.shipped(), HEADER + "安い,low_pay,negative\n".encode(), CHANGED),  # a row added since
        (taikai.FeatureConfig.shipped(), HEADER.replace(b"\n", b"\r\n"), CHANGED),  # saved again: other bytes
        (taikai.FeatureConfig(min_df=1), HEADER + b"x,fees,neutral\n", CHANGED),  # the Python call says it too
    ],
    ids=["unchanged", "a-row-added", "saved-again", "python"],
)
def test_the_retrain_command_says_when_the_data_it_names_changed_since_training(
    config, written, note, tmp_path, monkeypatch
):
    """Regression: the retrain command named the file the model was trained on without checking it is still that
    file (the metadata records its sha256): one edited, replaced, or another data.csv in this folder was named as
    it, and following the hint trained on other rows without a word."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.csv").write_bytes(written)
    recorded = hashlib.sha256(HEADER).hexdigest()
    command = retrain_command(_meta(config, inputs=(_input("base", "data.csv", sha256=recorded),)))
    assert command.startswith(("taikai train data.csv --", "taikai.train('data.csv'"))
    assert command.endswith(note.format(recorded[:12]) or (" in Python", "--out MODEL_DIR"))
    assert (CHANGED.format(recorded[:12]) in command) == bool(note)


def _read_data(meta):
    raise AssertionError("the training file was read")


@pytest.mark.parametrize(
    "use",
    [
        lambda path: taikai.load_model(path),
        lambda path: taikai.load_model(path).metadata.fitted_rows(),
        lambda path: taikai.load_model(path).predict(["報酬が安すぎる"]),
        lambda path: CliRunner().invoke(cli, ["info", "-m", str(path)], catch_exceptions=False),
    ],
    ids=["load", "fitted-rows", "predict", "info"],
)
def test_using_a_model_does_not_read_the_file_it_was_trained_on(tiny_model_dir, monkeypatch, use):
    """The retrain command checks the training file's sha256 (reading all of it, which may be large): it is made
    only for a message that needs it, not each time a model is loaded and its tables checked."""
    monkeypatch.setattr(_retrain, "trained_base", _read_data)
    assert any(f.role == "base" and Path(f.file).is_file() for f in taikai.load_model(tiny_model_dir).metadata.inputs)
    use(tiny_model_dir)
