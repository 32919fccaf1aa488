"""A keyword a public function does not take: a TypeError as Python raises, naming the one meant and what it takes."""

from __future__ import annotations

import inspect

import pytest

import taikai
import taikai.analysis
from taikai._keywords import meant, named_keywords

PUBLIC = [
    *(getattr(taikai, name) for name in taikai.__all__ if inspect.isfunction(getattr(taikai, name))),
    taikai.analysis.build_report,
    taikai.analysis.write_report,
    *(getattr(taikai.Model, name) for name in ("classify", "predict", "predict_frame", "save")),
]
"""The public functions that take keywords: those of ``taikai``, the report's, and Model's methods."""
CASES = [
    (function, keyword)
    for function in PUBLIC
    if any(p.default is not inspect.Parameter.empty for p in inspect.signature(function).parameters.values())
    for keyword in named_keywords(function)
]
"""Every keyword of every one of them that takes options (``mask_pii(text)`` takes none)."""


def misspelt(name: str) -> str:
    """Return *name* with its last letter doubled: a typo close to it alone."""
    return name + name[-1]


def test_the_table_holds_every_keyword():
    assert len(CASES) > 140 and {f.__name__ for f, _ in CASES} >= {"classify_file", "train", "load_model", "predict"}


@pytest.mark.parametrize(("function", "keyword"), CASES, ids=[f"{f.__name__}-{k}" for f, k in CASES])
def test_every_public_function_names_the_keyword_meant(tiny_model, tmp_path, function, keyword):
    """Before: a bare ``f() got an unexpected keyword argument`` (Python before 3.13), or an order error that named
    no keyword (``train(data, output=…)``: "it was given no out")."""
    parameters = list(inspect.signature(function).parameters.values())
    required = [p for p in parameters if p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD]
    args = [tiny_model if p.name == "self" else tmp_path / f"{p.name}.csv" for p in required]
    bad = misspelt(keyword)
    with pytest.raises(TypeError) as caught:
        function(*args, **{bad: 1})
    assert f"got an unexpected keyword argument {bad!r} (did you mean {keyword!r}?)" in str(caught.value)
    assert not list(tmp_path.iterdir())  # refused before anything is read or written


@pytest.mark.parametrize(
    ("call", "bad", "meaning", "takes"),
    [
        # h324: listed the options, without "did you mean"
        ("classify_file", "on_bad_rows", "on_bad_lines", "and the batch options chunk_size, "),
        ("classify_file", "on-bad-lines", "on_bad_lines", "input, output, text_column, model, options, on_chunk"),
        ("classify_file", "text_col", "text_column", "(of the local engine); to run on a Dask cluster"),
        ("classify_file", "modle", "model", "and the batch options"),
        ("train", "output", "out", "it takes data, out, config,"),  # before: "it was given no out"
        ("suggest", "output", "out", "it takes predictions, out, n,"),
        ("evaluate", "text_col", "text_column", "it takes model, data, text_column,"),
        ("explain", "--mask-pii", "mask_pii", "it takes model, text, top,"),
        ("write_report", "output", "out", "encoding_errors, sheet and its options"),
        ("write_report", "date-column", "date_column", "its options are date_column, by,"),
        ("predict_frame", "text_col", "text_column", "Model.predict_frame() got"),
        ("predict", "mask-pii", "mask_pii", "it takes texts, rules, rules_mode, mask_pii"),
        ("reason_name", "language", "lang", "it takes label, lang, labels"),
        ("load_rules", "label", "labels", "it takes path, labels"),
    ],
)
def test_a_keyword_of_another_spelling_names_the_one_meant(tiny_model, tmp_path, call, bad, meaning, takes):
    functions = {
        "classify_file": lambda **kw: taikai.classify_file(tmp_path / "in.csv", tmp_path / "out.csv", **kw),
        "train": lambda **kw: taikai.train(tmp_path / "in.csv", **kw),
        "suggest": lambda **kw: taikai.suggest(tmp_path / "in.csv", **kw),
        "evaluate": lambda **kw: taikai.evaluate(tiny_model, tmp_path / "in.csv", **kw),
        "explain": lambda **kw: taikai.explain(tiny_model, "手数料が高い", **kw),
        "write_report": lambda **kw: taikai.analysis.write_report(tmp_path / "in.csv", **kw),
        "predict_frame": lambda **kw: tiny_model.predict_frame(None, **kw),
        "predict": lambda **kw: tiny_model.predict("手数料が高い", **kw),
        "reason_name": lambda **kw: taikai.reason_name("fees", **kw),
        "load_rules": lambda **kw: taikai.load_rules(tmp_path / "rules.toml", **kw),
    }
    given = {bad: "x"} if call != "write_report" or bad == "output" else {"out": tmp_path / "r.html", bad: "x"}
    with pytest.raises(TypeError) as caught:
        functions[call](**given)
    said = str(caught.value)
    assert f"got an unexpected keyword argument {bad!r} (did you mean {meaning!r}?)" in said, said
    assert takes in said, said
    assert not list(tmp_path.iterdir())  # refused before anything is read or written


@pytest.mark.parametrize(
    ("name", "accepted", "said"),
    [
        ("bogus", ["text_column", "model"], ""),  # nothing close: no guess
        ("--text-column", ["text_column", "model"], " (did you mean 'text_column'?)"),
        ("Model", ["text_column", "model"], " (did you mean 'model'?)"),
        ("sentence", ["sentiment_column"], ""),
    ],
)
def test_meant(name, accepted, said):
    assert meant(name, accepted) == said


def test_several_unknown_keywords_are_each_named():
    with pytest.raises(TypeError) as caught:
        taikai.reason_name("fees", language="en", label_set=None)
    assert str(caught.value).startswith(
        "reason_name() got unexpected keyword arguments 'language' (did you mean 'lang'?) and 'label_set' (did you "
        "mean 'labels'?): it takes label, lang, labels"
    ), caught.value
