"""suggest warns when rows it chose are rows the predicting model was trained on: labelled already."""

import shlex
import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli

FIRST = ["報酬が安すぎてもう無理です", "手数料が高くて赤字になった", "クライアントと揉めて嫌になった"]
NEW = ["出金のたびに手数料が引かれてつらい", "提案しても全然通らないのでやめた", "時給換算すると百円にもならない"]


def _run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("dump", "exclude", "named"),
    [
        (FIRST + NEW, [], "--exclude first.csv"),  # the earlier sheet's rows, drawn again
        (FIRST + NEW, ["first.csv"], None),  # given to --exclude, as the how_to's next round says
        (NEW, [], None),  # rows it never saw
        ("data", ["first.csv"], "--exclude data.csv"),  # its training data, its sheet excluded already
    ],
    ids=["earlier-sheet", "sheet-excluded", "new-rows", "training-data"],
)
def test_rows_the_model_was_trained_on_are_warned_about(tmp_path, monkeypatch, tiny_csv, dump, exclude, named):
    """Regression: a sheet could hand out rows the predicting model was trained on (an earlier sheet's rows, when
    --exclude was forgotten, or rows of its training data) without a word, though its metadata records their
    texts: labelled already, they cost the labeller time and train --add drops them as duplicates."""
    monkeypatch.chdir(tmp_path)
    data = pd.read_csv(tiny_csv)
    data.to_csv("data.csv", index=False)
    pd.DataFrame({"text": FIRST, "reasons": ["low_pay", "fees", "trouble"], "sentiment": "negative"}).to_csv(
        "first.csv", index=False
    )
    texts = list(data["text"]) if dump == "data" else dump
    pd.DataFrame({"text": texts}).to_csv("dump.csv", index=False)
    config = taikai.FeatureConfig(vectors=None)
    taikai.train("data.csv", "m1", add=["first.csv"], folds=0, test_size=0, compare_folds=0, config=config)
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        taikai.suggest("p.csv", "s.xlsx", n=len(texts), strategy="random", exclude=exclude)
    said = [str(w.message) for w in caught if "labelled already" in str(w.message)]
    if named is None:
        assert said == []
    else:
        (message,) = said
        assert "was trained on: they are labelled already" in message
        assert f"the file(s) it was trained on, {named}, and run again" in message


@pytest.mark.parametrize(
    ("after", "model"),
    [
        ("retrained", "the model now in"),  # taikai train --out m1 --force with the first sheet: labelled rows now
        ("kept", "the model that made these predictions"),
    ],
    ids=["model-trained-again-into-its-folder", "same-model"],
)
def test_predictions_of_a_model_replaced_since_are_said_to_be(tmp_path, monkeypatch, tiny_csv, after, model):
    """Regression: predictions made by m1, then m1 trained again into its folder with --force on the sheet's labels:
    suggest picked the rows the earlier model was unsure of (the sheet's own rows again) without saying that the
    predictions were not the model's there now, and warned that the model 'that made these predictions' was
    trained on them, which it was not; it now says the model was replaced, and to run batch again with it."""
    monkeypatch.chdir(tmp_path)
    pd.read_csv(tiny_csv).to_csv("data.csv", index=False)
    pd.DataFrame({"text": FIRST, "reasons": ["low_pay", "fees", "trouble"], "sentiment": "negative"}).to_csv(
        "first.csv", index=False
    )
    pd.DataFrame({"text": FIRST + NEW}).to_csv("dump.csv", index=False)
    config = taikai.FeatureConfig(vectors=None)
    taikai.train("data.csv", "m1", folds=0, test_size=0, config=config)
    _run("batch", "dump.csv", "-o", "p.csv", "--text-column", "text", "-m", "m1")
    if after == "retrained":
        taikai.train("data.csv", "m1", add=["first.csv"], folds=0, test_size=0, compare_folds=0, config=config,
                     overwrite=True)  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        taikai.suggest("p.csv", "s.xlsx", n=6, strategy="random", exclude=[])
    said = [str(w.message) for w in caught]
    replaced = [m for m in said if "now holds another model" in m]
    assert len(replaced) == (after == "retrained")
    if replaced:
        assert f"run taikai batch again with --model {shlex.quote(str(tmp_path / 'm1'))} and suggest" in replaced[0]
        (trained,) = [m for m in said if "labelled already" in m]
        assert f"a row {model} {tmp_path / 'm1'} was trained on" in trained
