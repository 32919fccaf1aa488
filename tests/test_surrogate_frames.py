"""A frame whose object text column holds a lone surrogate (a byte left undecoded, ``encoding_errors=
"surrogateescape"``; half of an emoji's pair cut by a JSON source, ``json.loads('"\\ud83d"')``) is read by every
function taking a labelled frame as ``predict_frame`` reads it: that row is not classified (status ``error``, its
message naming the surrogate) and the others are, with no ``UnicodeEncodeError`` from pandas' ``str`` dtype or a
hash of the frame."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import taikai
from taikai.analysis import evaluate_rules

SURROGATES = [
    pytest.param("単価が安すぎる\udc82\udca0", id="undecoded-byte"),
    pytest.param("手数料が高い\ud83d", id="half-an-emoji"),
]
AT = 3


@pytest.fixture(scope="module")
def frame(tiny_csv) -> pd.DataFrame:
    return pd.read_csv(tiny_csv, dtype=object)


@pytest.fixture(scope="module")
def rules_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules") / "rules.toml"
    path.write_text('[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["単価"]\n', encoding="utf-8")
    return path


def _with(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    out = frame.copy()
    out.iloc[AT, out.columns.get_loc("text")] = text
    return out


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rows the tiny model was trained on; the row skipped
        return call()


@pytest.mark.parametrize("text", SURROGATES)
def test_evaluate_leaves_the_row_unscored(frame, tiny_model, text):
    report = _quiet(lambda: taikai.evaluate(tiny_model, _with(frame, text)))
    assert [u.row for u in report.unscored] == [AT]
    assert "lone surrogate" in report.unscored[0].message
    assert report.n_scored == len(frame) - 1


@pytest.mark.parametrize("text", SURROGATES)
def test_train_skips_the_row(frame, text):
    model = _quiet(lambda: taikai.train(_with(frame, text), folds=0, test_size=0, config=taikai.FeatureConfig()))
    trained = model.metadata.trained_on()
    assert (trained.rows, trained.skipped_rows) == (len(frame) - 1, 1)
    assert "lone surrogate" in trained.skipped_examples[0]


@pytest.mark.parametrize("text", SURROGATES)
def test_evaluate_rules_leaves_the_row_unmatched(frame, tiny_model, rules_file, text):
    score = _quiet(lambda: evaluate_rules(rules_file, _with(frame, text), model=tiny_model))
    expected = _quiet(lambda: evaluate_rules(rules_file, frame.drop(index=AT), model=tiny_model))
    assert score.to_dict()["rules"] == expected.to_dict()["rules"]
