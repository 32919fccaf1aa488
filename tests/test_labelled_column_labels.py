"""train, evaluate and evaluate_rules read column names as predict_frame does: "0" names the label 0 of a frame read
with header=None (taikai.model.column_label), and a name not there is still said to be missing."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.model import FeatureConfig, column_label

RULES = Path(__file__).parents[1] / "examples" / "rules.toml"
WORDS = FeatureConfig(min_df=1)


def _train(model, frame, text, reasons, sentiment):
    trained = taikai.train(
        frame, text_column=text, reasons_column=reasons, sentiment_column=sentiment, config=WORDS, folds=0, test_size=0
    )
    return trained.predict("手数料が高すぎる")[0].reason


def _evaluate(model, frame, text, reasons, sentiment):
    with warnings.catch_warnings():  # the tiny model's own rows: scores of what it remembers, as the warning says
        warnings.simplefilter("ignore", taikai.DataWarning)
        report = taikai.evaluate(model, frame, text_column=text, reasons_column=reasons, sentiment_column=sentiment)
    return report.n_scored


def _evaluate_rules(model, frame, text, reasons, sentiment):
    return taikai.evaluate_rules(RULES, frame, model, text_column=text, reasons_column=reasons).rows


CALLS = {"train": (_train, "fees"), "evaluate": (_evaluate, 40), "evaluate_rules": (_evaluate_rules, 40)}
# (the frame's labels, the names given)
LABELS = [
    ([0, 1, 2], ("0", "1", "2")),  # read with header=None, named as the command line names them
    ([0, 1, 2], (0, 1, 2)),
    (["t", 5, "s"], ("t", "5", "s")),
    (["text", "reasons", "sentiment"], ("text", "reasons", "sentiment")),
]


@pytest.mark.parametrize("call", list(CALLS))
@pytest.mark.parametrize(("labels", "names"), LABELS, ids=lambda v: repr(v).replace(" ", ""))
def test_a_column_is_named_as_predict_frame_names_it(tiny_model, tiny_csv, call, labels, names):
    frame = pd.read_csv(tiny_csv)[["text", "reasons", "sentiment"]]
    frame.columns = labels
    run, expected = CALLS[call]
    assert run(tiny_model, frame, *names) == expected


@pytest.mark.parametrize("call", list(CALLS))
def test_a_name_not_there_is_still_said_to_be_missing(tiny_model, tiny_csv, call):
    frame = pd.read_csv(tiny_csv)[["text", "reasons", "sentiment"]]
    frame.columns = [0, 1, 2]
    with pytest.raises(taikai.InputError, match=r"no column '7'.*the columns are \[0, 1, 2\]"):
        CALLS[call][0](tiny_model, frame, "7", "1", "2")


@pytest.mark.parametrize(
    ("labels", "name", "expected"),
    [
        ([0, 1], "0", 0),
        ([0, "0"], "0", "0"),  # the label itself first
        (["0", 0], 0, 0),
        (["1", 1.0], "1", "1"),
        ([0, 1], "7", "7"),  # not there: as given
        ([1, "1.0"], 1.0, 1),  # 1 == 1.0: the label itself
        (["a", "a"], "a", "a"),
        ([0, 1], None, None),
        ([True, 1], True, True),
    ],
)
def test_column_label(labels, name, expected):
    found = column_label(labels, name)
    assert found == expected and type(found) is type(expected)


def _sentiments_trained(model, frame, text, reasons, sentiment):
    trained = taikai.train(
        frame, text_column=text, reasons_column=reasons, sentiment_column=sentiment, config=WORDS, folds=0, test_size=0
    )
    return trained.sentiment_labels


def _sentiments_scored(model, frame, text, reasons, sentiment):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", taikai.DataWarning)
        report = taikai.evaluate(model, frame, text_column=text, reasons_column=reasons, sentiment_column=sentiment)
    return None if report.sentiment is None else report.sentiment.labels


@pytest.mark.parametrize("run", [_sentiments_trained, _sentiments_scored])
@pytest.mark.parametrize("names", [(1, 2, 0), ("1", "2", "0")], ids=repr)
def test_a_sentiment_column_labelled_0_is_read(tiny_model, tiny_csv, run, names):
    """Regression: the label 0 (a frame read with header=None whose first column holds the sentiments) is falsy, and
    was taken for no sentiment column: train fitted no sentiment head and evaluate scored no sentiment, silently."""
    frame = pd.read_csv(tiny_csv)[["sentiment", "text", "reasons"]]
    frame.columns = [0, 1, 2]
    assert list(run(tiny_model, frame, *names)) == ["positive", "neutral", "negative"]


FALSY = [
    ((0, "reasons", "sentiment"), "no column 0"),
    (("", "reasons", "sentiment"), "no column ''"),
    (("text", 0, "sentiment"), "no column '0'"),
    (("text", "reasons", ""), "no column ''"),  # not "no sentiment": that is None
]


@pytest.mark.parametrize(
    ("call", "names", "said"),
    [(call, names, said) for call in CALLS for names, said in FALSY if call != "evaluate_rules" or names[2]],
    ids=repr,
)
def test_a_falsy_column_label_not_there_is_said_to_be_missing(tiny_model, tiny_csv, call, names, said):
    """Regression: a column label 0 or "" not in the frame was not checked (falsy, as no column) and failed with
    pandas' KeyError; a sentiment_column="" was read as no sentiment column (evaluate_rules reads no sentiment)."""
    frame = pd.read_csv(tiny_csv)[["text", "reasons", "sentiment"]]
    with pytest.raises(taikai.InputError, match=said):
        CALLS[call][0](tiny_model, frame, *names)
