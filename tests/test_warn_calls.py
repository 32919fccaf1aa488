"""(Kept from h146 beside tests/test_warn.py, whose warn_user replaced its user_stacklevel.) A warning of taikai's
Python API points at the user's line that called into taikai (here, a lambda of this file),
not at a line of taikai (``taikai/_argument_order.py``, the wrapper of ``evaluate``, ``train``, ``suggest``…) nor
past the user's line (``reasons_over_time`` pointed at its caller's caller: in a notebook, IPython's own code)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import taikai
from taikai import analysis


def _labelled(tiny_csv):
    return pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)


def _predictions(tiny_model, tiny_csv, date="2025-01-01"):
    frame = _labelled(tiny_csv)[["text"]]
    frame["posted_at"] = ["2025-03-01"] * (len(frame) - 1) + [date]
    return tiny_model.predict_frame(frame)


CALLS = {  # each call warns once, from deep inside taikai
    "evaluate: rows the model was trained on": lambda model, csv: taikai.evaluate(model, csv),
    "train: test_size ignored beside a split column": lambda model, csv: taikai.train(
        _labelled(csv).assign(split=["train"] * 30 + ["test"] * 10),
        folds=0,
        test_size=0.3,
        config=taikai.FeatureConfig(),
    ),
    "suggest: exclude= matches no row": lambda model, csv: taikai.suggest(
        _predictions(model, csv), n=2, exclude=pd.DataFrame({"text": ["どの行にもない文章です"]})
    ),
    "reasons_over_time: a date far outside the others": lambda model, csv: analysis.reasons_over_time(
        _predictions(model, csv, date="1970-01-01"), "posted_at"
    ),
    "check_drift: a date far outside the others": lambda model, csv: taikai.check_drift(
        _predictions(model, csv, date="1970-01-01"), model, date_column="posted_at"
    ),
}


@pytest.mark.parametrize("call", list(CALLS.values()), ids=list(CALLS))
def test_a_warning_points_at_the_line_that_called_taikai(tiny_model, tiny_csv, call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(tiny_model, tiny_csv)
    said = [w for w in caught if issubclass(w.category, taikai.DataWarning)]
    assert said, "the call no longer warns: give it another case"
    lines = {line for _, _, line in call.__code__.co_lines() if line}  # the lambda's: the call into taikai
    assert all(w.filename == __file__ and w.lineno in lines for w in said), [(w.filename, w.lineno) for w in said]
