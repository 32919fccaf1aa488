"""taikai's input errors are ValueErrors, as scikit-learn's and pandas' are: a notebook's ``except ValueError``
around a public call catches a bad input (the message of its own, not a traceback)."""

from __future__ import annotations

import pandas as pd
import pytest

import taikai
from taikai.errors import InputError, RulesError, UnknownRuleLabelError

TEXTS = pd.DataFrame({"body": ["手数料が高い", "案件が少ない"]})

# (id, call(model, tmp_path) raising an InputError for a bad value, what the message says)
BAD_INPUT = [
    ("predict_frame", lambda m, t: m.predict_frame(TEXTS), "no column 'text'"),
    ("predict rules_mode", lambda m, t: m.predict("手数料", rules_mode="strict"), "rules_mode"),
    ("classify_file", lambda m, t: taikai.classify_file(_csv(t), t / "out.csv", "text", model=m), "no column 'text'"),
    ("train", lambda m, t: taikai.train(TEXTS.assign(text="x", reasons="fees"), folds=-1), "folds must be at least 0"),
    ("evaluate", lambda m, t: taikai.evaluate(m, TEXTS, text_column="body"), "no column 'reasons'"),
    ("check_drift", lambda m, t: taikai.check_drift(TEXTS, m, text_column="body", freq="M"), "freq="),
    ("suggest", lambda m, t: taikai.suggest(m.predict_frame(TEXTS, text_column="body"), n=0), "n="),
    ("keywords", lambda m, t: taikai.keywords(m, top=0), "top"),
    ("explain", lambda m, t: taikai.explain(m, "手数料", top=0), "top"),
    ("distinctive_words", lambda m, t: taikai.distinctive_words(TEXTS), "no column"),
    ("load_rules", lambda m, t: taikai.load_rules(_file(t, "r.toml", "[[rule]]\nlabel = 1\n")), "r.toml"),
    ("read_table", lambda m, t: taikai.io.read_table(_file(t, "e.csv", "")), "e.csv"),
]


def _file(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _csv(folder):
    return _file(folder, "in.csv", "body\n手数料が高い\n")


@pytest.mark.parametrize(("call", "said"), [c[1:] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_a_bad_input_to_a_public_function_is_a_value_error(tiny_model, tmp_path, call, said):
    with pytest.raises(ValueError, match=said) as caught:
        call(tiny_model, tmp_path)
    assert isinstance(caught.value, InputError), repr(caught.value)  # taikai's message, not a library's ValueError


@pytest.mark.parametrize("error", [InputError, RulesError, UnknownRuleLabelError])
def test_every_input_error_is_a_value_error_and_a_taikai_error(error):
    assert issubclass(error, ValueError) and issubclass(error, taikai.TaikaiError)
    assert not issubclass(taikai.ModelError, ValueError)  # a model not found or damaged is not a bad value


def _raises_said(*args, **kwargs):
    raise InputError("said already: what to do")


# (id, where an InputError is raised within a block that also catches ValueError, call(model, tmp_path, tiny_csv))
SAID_WITHIN = [
    ("train's fit", "taikai.training._train.cross_validate", lambda m, t, c: taikai.train(c, folds=2, test_size=0)),
    ("train's split", "taikai.training._split_rows.split_frame", lambda m, t, c: taikai.train(c, folds=0)),
    (
        "batch's xlsx output",
        "taikai.io.write_xlsx",
        lambda m, t, c: taikai.classify_file(c, t / "out.xlsx", "text", model=m, prefix="pred_"),
    ),
]


@pytest.mark.parametrize(("where", "call"), [c[1:] for c in SAID_WITHIN], ids=[c[0] for c in SAID_WITHIN])
def test_an_input_error_is_not_taken_for_a_librarys_value_error(
    tiny_model, tmp_path, tiny_csv, monkeypatch, where, call
):
    """Regression: an InputError raised where a block catches ValueError (scikit-learn's, a writer's) was caught
    there, once a ValueError, and said again wrapped (``cannot train on 40 rows: …``, ``could not be written``)."""
    monkeypatch.setattr(where, _raises_said)
    with pytest.raises(InputError) as caught:
        call(tiny_model, tmp_path, tiny_csv)
    assert str(caught.value) == "said already: what to do"
