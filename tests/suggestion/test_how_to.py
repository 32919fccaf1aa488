"""The how_to sheet's train command, followed literally, makes the same kind of model as the one that predicted."""

import shlex
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai import FeatureConfig
from taikai.cli import cli
from taikai.io import RunSummary
from taikai.io._model_stamp import ModelStamp
from taikai.labels import REASON_IDS, SENTIMENTS
from taikai.suggestion import Earlier
from taikai.suggestion._how_to import how_to

FAST = ["--folds", "0"]
JA = {"text": "本文", "reasons": "理由", "sentiment": "感情"}
OWN = {"low_pay": "安い", "fees": "手数料", "rejection": "不採用", "time": "多忙"}


def _run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _kind(model_dir):
    meta = taikai.load_model(model_dir).metadata
    return meta.free_labels, bool(meta.sentiments), meta.config.vectors, meta.refit_on_all_rows, meta.columns


@pytest.mark.parametrize(
    "options",
    [
        ["--vectors", "none"],
        ["--free-labels", "--vectors", "none"],
        ["--no-sentiment", "--vectors", "none", "--refit-all"],
        ["--free-labels", "--no-sentiment", "--vectors", "none"],
        ["--vectors", "none", *(a for key, name in JA.items() for a in (f"--{key}-column", name))],
    ],
    ids=["vectors-none", "free-labels", "no-sentiment-refit-all", "free-labels-no-sentiment", "japanese-columns"],
)
def test_the_how_to_train_command_followed_literally_keeps_the_models_kind(tmp_path, tiny_csv, options):
    """Regression: the how_to named --free-labels and --no-sentiment (read off the labels) but not --vectors none nor
    --refit-all, so following it trained a model with word vectors, or not refitted, unlike the one it improves; nor
    --text-column and the others, so that it failed at once for DATA with columns of other names."""
    data = pd.read_csv(tiny_csv)
    if "--free-labels" in options:  # labels of one's own
        data = data[data["reasons"].isin(OWN)].assign(reasons=lambda d: d["reasons"].map(OWN))
    columns = JA if "--text-column" in options else {}  # DATA's own column names; the sheet has the standard ones
    data.rename(columns=columns).to_csv(tmp_path / "data.csv", index=False)
    pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]}).to_csv(tmp_path / "dump.csv", index=False)
    _run("train", tmp_path / "data.csv", "--out", tmp_path / "m1", *FAST, *options)
    _run("batch", tmp_path / "dump.csv", "-o", tmp_path / "p.csv", "--text-column", "text", "-m", tmp_path / "m1")
    _run("suggest", tmp_path / "p.csv", "-o", tmp_path / "s.xlsx", "--n", "4")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    header = [c.value for c in wb["labels"][1]]
    for row in wb["labels"].iter_rows(min_row=2):  # a person fills it in
        row[header.index("reasons")].value = data["reasons"].iloc[0]
    wb.save(tmp_path / "s.xlsx")
    step = next(en for _, _, en in wb["how_to"].iter_rows(min_row=2, values_only=True) if "taikai train" in en)
    command = shlex.split(step[step.index("taikai train") :])
    words = {"DATA": tmp_path / "data.csv", "THIS_FILE": tmp_path / "s.xlsx", "MODEL": tmp_path / "m2"}
    _run(*[words.get(w, w) for w in command[1:]], *FAST)
    assert _kind(tmp_path / "m2") == _kind(tmp_path / "m1")


@pytest.mark.parametrize("columns", [{}, JA], ids=["standard-columns", "japanese-columns"])
def test_the_how_to_of_a_model_configured_in_python_gives_the_python_call_that_keeps_its_kind(
    tmp_path, tiny_csv, columns
):
    """Regression: the how_to of a model trained in Python with features the command line cannot give (min_df=1,
    character n-grams) said ``taikai train DATA --add THIS_FILE --out MODEL --vectors none``, which trains the
    shipped word features instead; it now gives the taikai.train call (as the loading hints do), which, followed
    literally, trains the same kind of model on the sheet."""
    data = pd.read_csv(tiny_csv)
    data.rename(columns=columns).to_csv(tmp_path / "data.csv", index=False)
    pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]}).to_csv(tmp_path / "dump.csv", index=False)
    config = taikai.FeatureConfig(char_ngrams=(1, 3), min_df=1)
    named = {f"{role}_column": name for role, name in columns.items()}
    taikai.train(tmp_path / "data.csv", tmp_path / "m1", config=config, folds=0, test_size=0, **named)
    _run("batch", tmp_path / "dump.csv", "-o", tmp_path / "p.csv", "--text-column", "text", "-m", tmp_path / "m1")
    _run("suggest", tmp_path / "p.csv", "-o", tmp_path / "s.xlsx", "--n", "4")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    header = [c.value for c in wb["labels"][1]]
    for row in wb["labels"].iter_rows(min_row=2):  # a person fills it in
        row[header.index("reasons")].value = "fees"
        row[header.index("sentiment")].value = "negative"
    wb.save(tmp_path / "s.xlsx")
    steps = list(wb["how_to"].iter_rows(min_row=2, values_only=True))
    (en,) = [en for _, _, en in steps if "taikai.train(" in en]
    (ja,) = [ja for _, ja, _ in steps if "taikai.train(" in ja]
    assert "taikai train DATA" not in en + ja and "add=['このファイル']" in ja
    call = en[en.index("taikai.train(") : en.index(" (this model's features")]
    for word, path in (("DATA.csv", "data.csv"), ("MODEL_DIR", "m2"), ("THIS_FILE", "s.xlsx")):
        call = call.replace(repr(word), repr(str(tmp_path / path)))
    eval(call)  # the sheet's own call, as a person runs it: with the folds and test size m1 was trained with
    assert _kind(tmp_path / "m2") == _kind(tmp_path / "m1")
    meta = taikai.load_model(tmp_path / "m2").metadata
    assert meta.config == taikai.load_model(tmp_path / "m1").metadata.config
    assert [f.file for f in meta.inputs if f.role == "added"] == [str(tmp_path / "s.xlsx")]


@pytest.mark.parametrize(
    ("model", "trained", "expected"),
    [
        ("trained", {}, " --free-labels --vectors none --folds 0 --test-size 0"),
        # Regression: the sheet's train step left out --seed and --mask-pii, so the next round's model held out
        # other rows and was fitted on the unmasked texts
        (
            "trained",
            {"seed": 7, "mask_pii": True},
            " --free-labels --vectors none --seed 7 --mask-pii --folds 0 --test-size 0",
        ),
        # Regression: nor --folds and --test-size: it held out a fifth of the rows, tuned over 5 folds
        ("trained", {"folds": 3, "test_size": 0.25}, " --free-labels --vectors none --folds 3 --test-size 0.25"),
        ("trained", {"folds": 5, "test_size": 0.2}, " --free-labels --vectors none"),  # the defaults: not given
        ("gone", {}, None),
        (None, {}, None),
    ],
    ids=[
        "its-metadata",
        "seeded-and-masked",
        "folds-and-test-size",
        "defaults",
        "a-model-moved-away",
        "no-model-named",
    ],
)
def test_train_options_are_the_ones_the_named_models_metadata_records(tmp_path, tiny_csv, model, trained, expected):
    config = taikai.FeatureConfig(vectors=None)
    trained = {"folds": 0, "test_size": 0, **trained}
    taikai.train(tiny_csv, tmp_path / "m", config=config, free_labels=True, **trained)
    path = {"trained": tmp_path / "m", "gone": tmp_path / "gone"}.get(model)
    stamp = None if path is None else ModelStamp("m", str(path), "0" * 64, "2026-01-01T00:00:00")
    assert Earlier.of(RunSummary(str(tmp_path / "p.csv"), 1, {}, 0, 0, None, stamp)).train_options == expected


@pytest.mark.parametrize(
    ("labels", "earlier", "options"),
    [
        ("taxonomy", Earlier(), ""),
        ("own", Earlier(), " --free-labels --no-sentiment"),  # the model not known: its labels say what they can
        ("taxonomy", Earlier(train_options=" --vectors none --refit-all"), " --vectors none --refit-all"),
        ("own", Earlier(("s1.xlsx",), ("s1.xlsx",), " --free-labels --vectors none"), " --free-labels --vectors none"),
    ],
    ids=["taxonomy", "own-labels-model-unknown", "model-known", "later-round-model-known"],
)
def test_the_train_step_gives_the_models_options_when_known(labels, earlier, options):
    reasons = list(OWN.values()) if labels == "own" else list(REASON_IDS)
    sentiments = [] if labels == "own" else list(SENTIMENTS)
    (train,) = [en for _, _, en in how_to(reasons, sentiments, earlier) if "taikai train" in en]
    assert train.split("--add THIS_FILE --out MODEL", 1)[1].split(" (keep")[0] == options


@pytest.mark.parametrize(
    ("exclude", "adds", "excludes"),
    [
        ([], ["first.csv"], ["first.csv"]),  # the model's sheet, though not given to --exclude
        (["first.csv"], ["first.csv"], ["first.csv"]),  # given to --exclude too: named once
        (["other.csv"], ["first.csv", "other.csv"], ["other.csv", "first.csv"]),
    ],
    ids=["model-only", "model-and-exclude", "model-then-another-sheet"],
)
def test_the_train_command_keeps_the_sheets_the_model_was_trained_on(
    tmp_path, monkeypatch, tiny_csv, exclude, adds, excludes
):
    """Regression: for predictions of a model trained with --add first.csv, the how_to's train command was
    ``taikai train DATA --add THIS_FILE …`` (first.csv named only when given to suggest --exclude), so that following
    it trained a model without the first round's labels; and the next round did not leave first.csv's rows out."""
    monkeypatch.chdir(tmp_path)
    data = pd.read_csv(tiny_csv)
    data.to_csv("data.csv", index=False)
    for name, texts in (("first.csv", ["もう報酬が安すぎて無理", "手数料で赤字"]), ("other.csv", ["単価が低すぎる"])):
        pd.DataFrame({"text": texts, "model_reason": "other", "reasons": "low_pay", "sentiment": "negative"}).to_csv(
            name, index=False
        )
    pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]}).to_csv("dump.csv", index=False)
    _run("train", "data.csv", "--add", "first.csv", "--out", "m1", "--compare-folds", "0", *FAST, "--vectors", "none")
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m1")
    _run("suggest", "p.csv", "-o", "s.xlsx", "--n", "4", *(a for name in exclude for a in ("--exclude", name)))
    steps = [en for _, _, en in openpyxl.load_workbook("s.xlsx")["how_to"].iter_rows(min_row=2, values_only=True)]
    train = next(step for step in steps if "taikai train" in step)
    given = "".join(f" --add {name}" for name in adds)
    assert (
        f"taikai train data.csv{given} --add THIS_FILE --out MODEL --vectors none --folds 0 (keep the earlier" in train
    )
    suggest = next(step for step in steps if "taikai suggest" in step)
    assert "".join(f" --exclude {name}" for name in excludes) + " --exclude THIS_FILE (" in suggest


@pytest.mark.parametrize(
    ("reasons", "sentiments", "platform"),
    [
        (list(REASON_IDS), list(SENTIMENTS), True),
        (list(OWN.values()), list(SENTIMENTS), False),  # news topics, say: no platform to feel about
        (list(REASON_IDS), ["1", "2", "3"], False),  # star ratings of one's own
    ],
    ids=["taxonomy", "own-reasons", "own-sentiments"],
)
def test_the_sentiment_step_speaks_of_the_platform_only_for_the_churn_taxonomy(reasons, sentiments, platform):
    """Regression: the sheet of a model of labels of one's own told to pick the feeling 'toward their experience
    with the platform', the churn taxonomy's subject, while its reasons step already left the taxonomy out."""
    (step,) = [(ja, en) for _, ja, en in how_to(reasons, sentiments) if en.startswith("sentiment:")]
    assert [("プラットフォーム" in step[0]), ("platform" in step[1])] == [platform, platform]


FRAME_NOTES = {
    "train": " have no path and are left out: save each to a file, frame.to_csv('round1.csv', index=False), and give "
    "it to --add if it holds labels)",
    "python": " are not named here: give them to add=[…] too if they hold labels)",
    "next": " have no path and are left out: save each to a file, frame.to_csv('round1.csv', index=False), and give "
    "it to --exclude)",
}
GIVEN = "(the DataFrame(s) of earlier rounds (2 given to exclude=)"
TRAINED = "(the DataFrame(s) of earlier rounds (1 the model was trained with (add=))"
BOTH = "(the DataFrame(s) of earlier rounds (2 given to exclude= and 1 the model was trained with (add=))"


@pytest.mark.parametrize(
    ("earlier", "notes", "named", "ja"),
    [
        (Earlier(frames=2), {"taikai train": "train", "taikai suggest": "next"}, GIVEN, "exclude= に渡した 2 個)"),
        (
            Earlier(python=("'data.csv'", "'MODEL'"), frames=2),
            {"taikai.train(": "python", "taikai suggest": "next"},
            GIVEN,
            "exclude= に渡した 2 個)",
        ),
        (
            Earlier(trained_frames=1),
            {"taikai train": "train", "taikai suggest": "next"},
            TRAINED,
            "add= に渡した 1 個)",
        ),
        (
            Earlier(frames=2, trained_frames=1),
            {"taikai suggest": "next"},
            BOTH,
            "2 個、モデルの学習で add= に渡した 1 個)",
        ),
        (Earlier(("s1.xlsx",), ("s1.xlsx",)), {"taikai train": None, "taikai suggest": None}, "", ""),
    ],
    ids=["frames", "python-model", "trained-with-a-frame", "both", "no-frame"],
)
def test_the_steps_say_the_frames_of_earlier_rounds_are_left_out(earlier, notes, named, ja):
    """Regression: ``suggest(exclude=[frame, …])``, or predictions of a model trained with ``add=[frame]``, wrote a
    how_to whose train and next-round commands left the frames out without a word (a frame has no path), so that
    following them lost the frames' labels and handed their rows out again."""
    steps = how_to(list(REASON_IDS), list(SENTIMENTS), earlier)
    for command, note in notes.items():
        (_, said_ja, said_en) = next(step for step in steps if command in step[2])
        if note is None:
            assert "DataFrame" not in said_en and "DataFrame" not in said_ja
            continue
        assert said_en.endswith(f" {named}{FRAME_NOTES[note]}")
        assert "前の回の DataFrame (" in said_ja and ja in said_ja
        assert ("--add" if note == "train" else "add=[…]" if note == "python" else "--exclude") in said_ja


SHEET = Earlier(("s1.xlsx",), ("s1.xlsx",))
IN_IT = "one read from a file named here is in it already; "
IN_IT_JA = "ここに名前のあるファイルから読んだものはもう含まれている。ほかは"


@pytest.mark.parametrize(
    ("earlier", "command", "said"),
    [
        (replace(SHEET, trained_frames=1), "taikai train", f"{IN_IT}save any other to a file, frame.to_csv("),
        (replace(SHEET, trained_frames=1), "taikai suggest", f"{IN_IT}save any other to a file, frame.to_csv("),
        (replace(SHEET, frames=2), "taikai train", f"{IN_IT}save any other to a file, frame.to_csv("),
        (
            replace(SHEET, trained_frames=1, python=("'data.csv'", "'MODEL'")),
            "taikai.train(",
            f"{IN_IT}give any other to add=[…] too if it holds labels)",
        ),
        (Earlier(trained_frames=1, trained_with=("s1.xlsx",)), "taikai train", IN_IT),
    ],
    ids=["train", "next", "exclude-frames", "python", "added-file"],
)
def test_a_frame_read_from_a_file_the_step_names_is_not_given_twice(earlier, command, said):
    """Regression: a model trained on ``add=[pd.read_excel('s1.xlsx')]``, whose next sheet was made with
    ``--exclude s1.xlsx``, wrote a train step that gave ``--add s1.xlsx`` and said to save the frame and ``--add`` it
    too: two things to do, whose rows were the same. The note now says a frame read from a named file is in the
    command already, and to save any other."""
    steps = how_to(list(REASON_IDS), list(SENTIMENTS), earlier)
    (_, said_ja, said_en) = next(step for step in steps if command in step[2])
    assert said in said_en and IN_IT_JA in said_ja
    assert "save each" not in said_en and "give them" not in said_en


@pytest.mark.parametrize("where", ["exclude", "add"])
def test_the_frames_note_followed_trains_on_their_labels_and_leaves_their_rows_out(
    tmp_path, monkeypatch, tiny_csv, where
):
    monkeypatch.chdir(tmp_path)
    data = pd.read_csv(tiny_csv)
    _run("train", tiny_csv, "--out", "m1", "--vectors", "none", *FAST)
    dump = pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]})
    dump.to_csv("dump.csv", index=False)
    predictions = taikai.load_model("m1").predict_frame(dump, text_column="text")
    frame = taikai.suggest(predictions, n=4).rows.assign(reasons="low_pay", sentiment="negative")  # filled in pandas
    if where == "exclude":
        predictions.to_csv("p.csv", index=False)
        taikai.suggest(predictions, n=4, out="s.xlsx", exclude=[frame])
    else:  # a model trained on it in a notebook, its predictions made with taikai batch (which names the model)
        taikai.train(tiny_csv, "m2", FeatureConfig(), folds=0, test_size=0, add=[frame], compare_folds=0)
        _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m2")
        _run("suggest", "p.csv", "-o", "s.xlsx", "--n", "4")
    steps = [en for _, _, en in openpyxl.load_workbook("s.xlsx")["how_to"].iter_rows(min_row=2, values_only=True)]
    assert sum("the DataFrame(s) of earlier rounds (1 " in step for step in steps) == 2
    frame.to_csv("round1.csv", index=False)  # the note, followed: a file, given to --add and to --exclude
    trained = _run("train", tiny_csv, "--add", "round1.csv", "--out", "m3", "--vectors", "none", "--compare-folds", "0")
    assert "added: round1.csv  (4 rows, 4 used, weight 1)" in trained
    left = _run("suggest", "p.csv", "-o", "s2.xlsx", "--n", "4", "--exclude", "round1.csv")
    assert "4 in round1.csv" in left


@pytest.mark.parametrize(
    ("config", "weight", "said"),
    [
        (None, 3.0, " --add-weight 3"),
        (None, 1.0, ""),  # the default: not said
        (FeatureConfig(min_df=1), 2.5, "add_weight=2.5"),  # a model configured in Python: its taikai.train call
    ],
    ids=["weighted", "weight-1", "python-model"],
)
def test_the_train_step_weighs_the_earlier_labels_as_the_model_did(
    tmp_path, monkeypatch, tiny_csv, config, weight, said
):
    """Regression: for predictions of a model trained with ``--add first.csv --add-weight 3``, the how_to's train
    command kept ``--add first.csv`` but not the weight, so that following it trained the earlier labels at 1."""
    monkeypatch.chdir(tmp_path)
    data = pd.read_csv(tiny_csv)
    data.to_csv("data.csv", index=False)
    pd.DataFrame(
        {"text": ["もう報酬が安すぎて無理", "手数料で赤字"], "reasons": "low_pay", "sentiment": "negative"}
    ).to_csv("first.csv", index=False)
    pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]}).to_csv("dump.csv", index=False)
    config = config or FeatureConfig()
    taikai.train("data.csv", "m1", config, folds=0, test_size=0, add="first.csv", add_weight=weight, compare_folds=0)
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m1")
    _run("suggest", "p.csv", "-o", "s.xlsx", "--n", "4")
    wb = openpyxl.load_workbook("s.xlsx")
    header = [c.value for c in wb["labels"][1]]
    for row in wb["labels"].iter_rows(min_row=2):  # a person fills it in
        row[header.index("reasons")].value = "fees"
        row[header.index("sentiment")].value = "negative"
    wb.save("s.xlsx")
    (train,) = [
        en for _, _, en in wb["how_to"].iter_rows(min_row=2, values_only=True) if "taikai" in en and "add" in en
    ]
    if "add_weight" in said:
        call = train[train.index("taikai.train(") : train.index(" (this model's features")]
        assert f"{said}, add=['first.csv', 'THIS_FILE'])" in call
        eval(call.replace("'DATA.csv'", "'data.csv'").replace("MODEL_DIR", "m2").replace("THIS_FILE", "s.xlsx"))
    else:
        command = shlex.split(train[train.index("taikai train") : train.index(" (keep")])
        tail = f"--add first.csv --add THIS_FILE --out MODEL --vectors none --folds 0 --test-size 0{said}"
        assert " ".join(command).endswith(tail)
        _run(*[{"DATA": "data.csv", "THIS_FILE": "s.xlsx", "MODEL": "m2"}.get(w, w) for w in command[1:]])
    again = taikai.load_model("m2").metadata
    added = [f for f in again.inputs if f.role == "added"]
    assert [(f.file, f.weight) for f in added] == [("first.csv", weight), ("s.xlsx", weight)]
    assert (again.folds, again.test_size) == (0, 0)  # the step alone, followed, trains as m1 was trained


CHANGED_EN = (
    " (data.csv is not the file the model was trained on: its sha256 is not the one recorded; it was changed or "
    "replaced since. Put that file back to train on the same rows, or this trains on the file as it is now)"
)
CHANGED_JA = "(data.csv はモデルの学習に使ったファイルではない: sha256 が記録と違い"


@pytest.mark.parametrize(
    ("after", "data", "changed"),
    [
        (lambda path: None, "data.csv", False),
        (
            lambda path: path.write_text(path.read_text(encoding="utf-8") + "追加,fees,negative\n", "utf-8"),
            "data.csv",
            True,
        ),
        (lambda path: path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n")), "data.csv", True),
        (lambda path: path.unlink(), "DATA", False),  # moved or deleted: nothing to name
    ],
    ids=["unchanged", "a-row-added", "saved-again", "deleted"],
)
def test_the_train_step_names_the_models_data_and_says_when_it_changed(
    tmp_path, monkeypatch, tiny_csv, after, data, changed
):
    """Regression: the train step said ``taikai train DATA``, though the model's metadata records the file it was
    trained on (retrain hints name it); and a hint naming it did not check that it is still that file (its sha256 is
    recorded), so that following it trained on other rows without a word."""
    monkeypatch.chdir(tmp_path)
    pd.read_csv(tiny_csv).to_csv("data.csv", index=False)
    pd.DataFrame({"text": [f"{t}、もう使わない" for t in pd.read_csv(tiny_csv)["text"]]}).to_csv(
        "dump.csv", index=False
    )
    _run("train", "data.csv", "--out", "m1", *FAST, "--vectors", "none")
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m1")
    after(tmp_path / "data.csv")
    _run("suggest", "p.csv", "-o", "s.xlsx", "--n", "4")
    steps = list(openpyxl.load_workbook("s.xlsx")["how_to"].iter_rows(min_row=2, values_only=True))
    (ja,) = [ja for _, ja, _ in steps if "taikai train" in ja]
    (en,) = [en for _, _, en in steps if "taikai train" in en]
    assert f"taikai train {data} --add このファイル --out MODEL --vectors none" in ja
    assert f"taikai train {data} --add THIS_FILE --out MODEL --vectors none" in en
    assert (CHANGED_JA in ja, CHANGED_EN in en) == (changed, changed)


@pytest.mark.parametrize(
    ("earlier", "call"),
    [
        (Earlier(python=("min_df=1",)), "taikai.train('DATA.csv', 'MODEL_DIR', min_df=1, add=['THIS_FILE'])"),
        (
            Earlier(python=("min_df=1",), data="in/第 1 回.csv"),
            "taikai.train('in/第 1 回.csv', 'MODEL_DIR', min_df=1, add=['THIS_FILE'])",
        ),
        (
            Earlier(python=("min_df=1",), data="data.csv", data_changed=True),
            "taikai.train('data.csv', 'MODEL_DIR', min_df=1, add=['THIS_FILE'])",
        ),
    ],
    ids=["not-known", "named", "changed"],
)
def test_the_python_step_names_the_models_data_too(earlier, call):
    (en,) = [en for _, _, en in how_to(list(REASON_IDS), list(SENTIMENTS), earlier) if "taikai.train(" in en]
    assert call in en
    assert ("not the file the model was trained on" in en) == earlier.data_changed


@pytest.mark.parametrize(
    ("limit", "said"),
    [(1, "from the first 1 row of dump.csv only"), (1000, "from the first 1,000 rows of dump.csv only")],
)
def test_the_trial_run_step_counts_the_rows_it_was_picked_from(limit, said):
    """Mutation audit: 'the first 1 rows' (the plural kept for --limit 1) survived."""
    *_, (_, ja, en) = how_to(["fees", "time"], ["negative", "positive"], Earlier(trial=(limit, "dump.csv")))
    assert f"taikai batch --limit {limit}" in ja and said in en


@pytest.mark.parametrize(
    ("column", "ids", "named"),
    [
        ("review_id", ["--id-column", "review_id"], "s.xlsx:3 (id {}):"),
        ("response_id", [], "s.xlsx:3 (id {}):"),  # found by its name (suggest gave rows numbers, as a 受付番号)
        ("受付番号", [], "s.xlsx:3:"),
    ],
    ids=["id-column", "id-named", "row-numbers"],
)
def test_the_how_to_train_command_names_the_sheets_id_column(tmp_path, monkeypatch, tiny_csv, column, ids, named):
    """Regression: the how_to's train command of a sheet made with --id-column review_id left --id-column out, so
    that following it, a typo in a re-sorted sheet was named by its line only, not by the id the sheet shows."""
    monkeypatch.chdir(tmp_path)
    data = pd.read_csv(tiny_csv)
    data.to_csv("data.csv", index=False)
    dump = pd.DataFrame({column: [f"R-{i}" for i in range(len(data))], "text": data["text"] + "、もう使わない"})
    dump.to_csv("dump.csv", index=False)
    _run("train", "data.csv", "--out", "m1", "--vectors", "none", *FAST)
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m1", *ids)
    _run("suggest", "p.csv", "-o", "s.xlsx", "--n", "4")
    wb = openpyxl.load_workbook("s.xlsx")
    sheet = wb["labels"]
    header = [c.value for c in sheet[1]]
    sheet.cell(3, header.index("reasons") + 1).value = "手数料高い"  # a typo, in the sheet's second row
    named = named.format(sheet.cell(3, 1).value)  # the id the sheet shows for it
    wb.save("s.xlsx")
    step = next(en for _, _, en in wb["how_to"].iter_rows(min_row=2, values_only=True) if "taikai train" in en)
    assert (f" --id-column {column}" in step) == (column != "受付番号")
    command = shlex.split(step[step.index("taikai train") :])
    words = {"DATA": "data.csv", "THIS_FILE": "s.xlsx", "MODEL": "m2"}
    result = CliRunner().invoke(cli, [words.get(w, w) for w in command[1:]])
    assert result.exit_code == 2 and f"{named} reasons: unknown label '手数料高い'" in result.output


@pytest.mark.parametrize("python", [None, ("config=taikai.FeatureConfig(min_df=1)",)], ids=["command", "python"])
def test_both_train_steps_name_the_id_column(python):
    steps = how_to(list(REASON_IDS), list(SENTIMENTS), Earlier(python=python, id_column="review_id"))
    (_, ja, en) = next(step for step in steps if "taikai train" in step[2] or "taikai.train(" in step[2])
    said = " --id-column review_id" if python is None else "id_column='review_id'"
    assert said in ja and said in en


@pytest.mark.parametrize(
    ("other", "named"),
    [
        (False, "taikai train ../data.csv --add ../first.csv --add THIS_FILE"),
        (True, "taikai train ../data.csv --add ../first.csv --add THIS_FILE"),  # not this folder's first.csv
    ],
    ids=["another-folder", "another-file-of-that-name-here"],
)
def test_the_how_to_names_the_models_files_from_the_folder_suggest_runs_in(
    tmp_path, monkeypatch, tiny_csv, other, named
):
    """Regression: a model trained with ``--add first.csv --out models/m1``, whose next sheet was made from a
    folder of the round (``cd round2``), wrote ``taikai train DATA --add first.csv …``: first.csv as training read
    it, from another folder, so the command failed, or read another first.csv; and DATA for the training data it
    could not find. The files are now looked for where the model is, by the sha256 its metadata records."""
    monkeypatch.chdir(tmp_path)
    data = pd.read_csv(tiny_csv)
    data.to_csv("data.csv", index=False)
    first = pd.DataFrame(
        {"text": ["もう報酬が安すぎて無理", "手数料で赤字"], "reasons": "low_pay", "sentiment": "negative"}
    )
    first.to_csv("first.csv", index=False)
    _run("train", "data.csv", "--add", "first.csv", "--out", "models/m1", "--compare-folds", "0", *FAST, "--vectors",
         "none")  # fmt: skip
    (tmp_path / "round2").mkdir()
    monkeypatch.chdir(tmp_path / "round2")
    if other:  # a sheet of this folder that the model was not trained on
        first.assign(reasons="fees").to_csv("first.csv", index=False)
    pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]}).to_csv("dump.csv", index=False)
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "../models/m1")
    _run("suggest", "p.csv", "-o", "s.xlsx", "--n", "4")
    wb = openpyxl.load_workbook("s.xlsx")
    for row in wb["labels"].iter_rows(min_row=2):  # a person fills it in
        row[[c.value for c in wb["labels"][1]].index("reasons")].value = "time"
    wb.save("s.xlsx")
    steps = [en for _, _, en in wb["how_to"].iter_rows(min_row=2, values_only=True)]
    step = next(step for step in steps if "taikai train" in step)
    assert named in step and "--exclude ../first.csv --exclude THIS_FILE" in next(s for s in steps if "suggest" in s)
    command = shlex.split(step[step.index("taikai train") : step.index(" (keep")])
    _run(*[{"THIS_FILE": "s.xlsx", "MODEL": "m2"}.get(w, w) for w in command[1:]], "--compare-folds", "0", *FAST)
    meta = taikai.load_model("m2").metadata
    assert [(f.file, f.used) for f in meta.inputs] == [("../data.csv", 40), ("../first.csv", 2), ("s.xlsx", 4)]
