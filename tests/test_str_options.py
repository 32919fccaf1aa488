"""A public function's str option (a choice, a column label) given a pandas Series, a DataFrame or ``pd.NA``: a
TypeError naming the option and what it takes (:func:`taikai.errors.check_str`), not pandas' "truth value of a Series
is ambiguous" nor a Series' repr."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import taikai
import taikai.analysis
import taikai.drift
import taikai.suggestion
from taikai.errors import check_str

PREDICTIONS = pd.DataFrame(
    {"text": ["手数料が高い"], "reason": ["fees"], "sentiment": ["negative"], "status": ["ok"], "p_reason_fees": [0.9]}
)
Call = Callable[[object, Path, Path], object]


def _dump(folder: Path) -> Path:
    path = folder / "dump.csv"
    path.write_text("text\n手数料が高い\n", encoding="utf-8")
    return path


CALLS: list[tuple[str, str, Call]] = [
    ("reason_distribution", "prefix", lambda v, d, m: taikai.analysis.reason_distribution(PREDICTIONS, prefix=v)),
    ("plain_predictions", "prefix", lambda v, d, m: taikai.analysis.plain_predictions(PREDICTIONS, prefix=v)),
    ("distinctive_words", "prefix", lambda v, d, m: taikai.analysis.distinctive_words(PREDICTIONS, prefix=v)),
    ("build_report", "prefix", lambda v, d, m: taikai.analysis.build_report(PREDICTIONS, model=m, prefix=v)),
    ("build_report", "source", lambda v, d, m: taikai.analysis.build_report(PREDICTIONS, model=m, source=v)),
    ("build_report", "source_path", lambda v, d, m: taikai.analysis.build_report(PREDICTIONS, model=m, source_path=v)),
    ("keywords", "kind", lambda v, d, m: taikai.analysis.keywords(m, kind=v)),
    ("suggest", "prefix", lambda v, d, m: taikai.suggestion.suggest(PREDICTIONS, prefix=v)),
    ("suggest", "encoding", lambda v, d, m: taikai.suggestion.suggest(_dump(d), encoding=v)),
    (
        "suggest",
        "output_encoding",
        lambda v, d, m: taikai.suggestion.suggest(PREDICTIONS, d / "o.csv", output_encoding=v),
    ),
    ("evaluate", "split", lambda v, d, m: taikai.evaluate(m, _dump(d), split=v)),
    ("evaluate", "encoding", lambda v, d, m: taikai.evaluate(m, _dump(d), encoding=v)),
    ("check_drift", "input_format", lambda v, d, m: taikai.drift.check_drift(_dump(d), m, input_format=v)),
    ("check_drift", "encoding_errors", lambda v, d, m: taikai.drift.check_drift(_dump(d), m, encoding_errors=v)),
    ("check_drift", "prefix", lambda v, d, m: taikai.drift.check_drift(PREDICTIONS, m, prefix=v)),
    ("write_report", "encoding", lambda v, d, m: taikai.analysis.write_report(_dump(d), d / "r.html", encoding=v)),
    ("classify_file", "prefix", lambda v, d, m: taikai.classify_file(_dump(d), d / "o.csv", model=m, prefix=v)),
    (
        "classify_file",
        "prefix",  # no text column given: the advice about the input's columns reads the prefix
        lambda v, d, m: taikai.classify_file(_dump(d), d / "o.csv", model=m, text_column=None, prefix=v),
    ),
    (
        "classify_file",
        "on_bad_lines",
        lambda v, d, m: taikai.classify_file(_dump(d), d / "o.csv", model=m, text_column="text", on_bad_lines=v),
    ),
    # a choice among named values (check_choice, parse_choice, check_freq, RulesMode.parse): before, a Series'
    # repr of several lines in an InputError, and pd.NA as "<NA>"
    ("reason_name", "lang", lambda v, d, m: taikai.reason_name("fees", lang=v)),
    ("segment_breakdown", "lang", lambda v, d, m: taikai.analysis.segment_breakdown(PREDICTIONS, "text", lang=v)),
    ("suggest", "strategy", lambda v, d, m: taikai.suggestion.suggest(PREDICTIONS, strategy=v)),
    ("reasons_over_time", "freq", lambda v, d, m: taikai.analysis.reasons_over_time(PREDICTIONS, "text", freq=v)),
    ("check_drift", "freq", lambda v, d, m: taikai.drift.check_drift(_dump(d), m, date_column="text", freq=v)),
    ("explain", "rules_mode", lambda v, d, m: taikai.explain(m, "手数料が高い", rules_mode=v)),
    ("predict_frame", "rules_mode", lambda v, d, m: taikai.load_model(m).predict_frame(PREDICTIONS, rules_mode=v)),
    # a column label: before, pd.NA stopped with pandas' "boolean value of NA is ambiguous"
    ("predict_frame", "text_column", lambda v, d, m: taikai.load_model(m).predict_frame(PREDICTIONS, text_column=v)),
    ("least_confident", "text_column", lambda v, d, m: taikai.analysis.least_confident(PREDICTIONS, text_column=v)),
    ("evaluate", "text_column", lambda v, d, m: taikai.evaluate(m, PREDICTIONS, text_column=v)),
    ("evaluate", "sentiment_column", lambda v, d, m: taikai.evaluate(m, PREDICTIONS, sentiment_column=v)),
]
VALUES = [pd.Series(["pred_"]), pd.DataFrame({"a": ["pred_"]}), pd.NA]
GIVEN = {pd.Series: "not a Series", pd.DataFrame: "not a DataFrame", type(pd.NA): "not NAType <NA>"}


@pytest.mark.parametrize("value", VALUES, ids=["Series", "DataFrame", "NA"])
@pytest.mark.parametrize(("function", "option", "call"), CALLS, ids=[f"{f}-{o}" for f, o, _ in CALLS])
def test_a_str_option_given_a_frame_or_na_is_named(tiny_model_dir, tmp_path, function, option, call, value):
    """Before: ``ValueError: The truth value of a Series is ambiguous`` or ``TypeError: boolean value of NA is
    ambiguous``, naming neither the option nor what it takes; build_report's source_path pathlib's TypeError."""
    with pytest.raises(TypeError) as raised:
        call(value, tmp_path, tiny_model_dir)
    message = str(raised.value)
    assert message.startswith(f"{option} must be ") and message.endswith(GIVEN[type(value)]), message


@pytest.mark.parametrize(
    ("value", "none", "given"),
    [("pred_", False, None), ("", False, None), (None, True, None), (None, False, "None"), (3, True, "int 3")],
)
def test_check_str_takes_a_str_and_none_when_told(value, none, given):
    if given is None:
        assert check_str("prefix", value, "a str", none=none) == value
    else:
        with pytest.raises(TypeError, match=f"^prefix must be a str, not {given}$"):
            check_str("prefix", value, "a str", none=none)
