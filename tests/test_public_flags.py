"""A flag of the public API takes a bool only: ``overwrite='no'`` or ``mask_pii='no'`` is refused with a
``TypeError`` naming the argument (regression: any truthy value turned the flag on, and replaced a model)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import taikai
import taikai.dask
from taikai.analysis import (
    ReportOptions,
    build_report,
    html_table,
    least_confident,
    period_label,
    representative_reviews,
    write_report,
)
from taikai.io import read_predictions, read_table
from taikai.privacy import PiiMasker
from taikai.text import check_text, normalize


@pytest.fixture(scope="module")
def files(tmp_path_factory, tiny_model, tiny_csv):
    root = tmp_path_factory.mktemp("flags")
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    predictions = tiny_model.predict_frame(labelled[["text"]])
    predictions.to_csv(root / "pred.csv", index=False)
    return {"root": root, "csv": tiny_csv, "labelled": labelled, "predictions": predictions}


TEXT = "手数料が高すぎて辞めた"
CASES = [
    # (id, flag, call(model, files, value))
    ("classify", "mask_pii", lambda m, f, v: m.classify([TEXT], mask_pii=v)),
    ("predict", "mask_pii", lambda m, f, v: m.predict(TEXT, mask_pii=v)),
    ("predict_frame", "mask_pii", lambda m, f, v: m.predict_frame(f["labelled"][["text"]], mask_pii=v)),
    ("save", "overwrite", lambda m, f, v: m.save(f["root"] / "saved", overwrite=v)),
    ("explain", "mask_pii", lambda m, f, v: taikai.explain(m, TEXT, mask_pii=v)),
    ("check_drift", "mask_pii", lambda m, f, v: taikai.check_drift(f["predictions"], m, mask_pii=v)),
    ("suggest mask_pii", "mask_pii", lambda m, f, v: taikai.suggest(f["predictions"], mask_pii=v)),
    ("suggest overwrite", "overwrite", lambda m, f, v: taikai.suggest(f["predictions"], overwrite=v)),
    ("evaluate", "free_labels", lambda m, f, v: taikai.evaluate(m, f["labelled"], free_labels=v)),
    ("evaluate_rules", "mask_pii", lambda m, f, v: taikai.evaluate_rules(f["root"] / "r.toml", "x.csv", mask_pii=v)),
    ("train overwrite", "overwrite", lambda m, f, v: taikai.train(f["csv"], overwrite=v)),
    ("train refit_all", "refit_all", lambda m, f, v: taikai.train(f["csv"], refit_all=v)),
    ("train free_labels", "free_labels", lambda m, f, v: taikai.train(f["csv"], free_labels=v)),
    ("classify_file", "mask_pii", lambda m, f, v: taikai.classify_file("in.csv", "o.csv", "text", mask_pii=v)),
    ("classify_file resume", "resume", lambda m, f, v: taikai.classify_file("in.csv", "o.csv", "text", resume=v)),
    ("classify_file progress", "progress", lambda m, f, v: taikai.classify_file("in.csv", "o.csv", "text", progress=v)),
    ("read_table", "mask_pii", lambda m, f, v: read_table(f["csv"], mask_pii=v)),
    ("read_predictions", "mask_pii", lambda m, f, v: read_predictions(f["root"] / "pred.csv", mask_pii=v)),
    ("build_report", "charts", lambda m, f, v: build_report(f["predictions"], model=m, charts=v)),
    ("build_report", "mask_pii", lambda m, f, v: build_report(f["predictions"], model=m, mask_pii=v)),
    ("write_report", "drift", lambda m, f, v: write_report(f["root"] / "pred.csv", f["root"] / "r.html", drift=v)),
    ("PiiMasker", "names", lambda m, f, v: PiiMasker(names=v)),
    # Regression (h112): these took any truthy value ("no" kept one text per row, drew the drift section, ...).
    ("least_confident", "one_per_text", lambda m, f, v: least_confident(f["predictions"], one_per_text=v)),
    ("representative", "one_per_text", lambda m, f, v: representative_reviews(f["predictions"], one_per_text=v)),
    ("ReportOptions drift", "drift", lambda m, f, v: ReportOptions(drift=v)),
    ("ReportOptions mask_pii", "mask_pii", lambda m, f, v: ReportOptions(mask_pii=v)),
    ("html_table", "index", lambda m, f, v: html_table(f["predictions"], index=v)),
    ("period_label", "short", lambda m, f, v: period_label(pd.Period("2026-03", "M"), short=v)),
    ("normalize", "references", lambda m, f, v: normalize("&amp;", references=v)),
    ("check_text", "references", lambda m, f, v: check_text("手数料&amp;", references=v)),
    ("dask classify", "mask_pii", lambda m, f, v: taikai.dask.classify(None, mask_pii=v)),
    ("dask read_input locate", "locate", lambda m, f, v: taikai.dask.read_input(f["csv"], locate=v)),
    ("dask read_input mask_pii", "mask_pii", lambda m, f, v: taikai.dask.read_input(f["csv"], mask_pii=v)),
]


@pytest.mark.parametrize("value", ["no", 1, None])
@pytest.mark.parametrize(("flag", "call"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_flag_that_is_not_a_bool_is_refused(tiny_model, files, flag, call, value):
    shown = "None" if value is None else f"{type(value).__name__} {value!r}"
    with pytest.raises(TypeError) as caught:
        call(tiny_model, files, value)
    assert str(caught.value) == f"{flag} must be a bool (True or False), not {shown}"


def test_overwrite_no_leaves_the_model_in_place(tiny_model_dir, tiny_csv):
    """Regression: taikai.train(..., overwrite='no') replaced the model in *out*."""
    before = (tiny_model_dir / "model.joblib").read_bytes()
    with pytest.raises(TypeError, match=r"^overwrite must be a bool \(True or False\), not str 'no'$"):
        taikai.train(tiny_csv, tiny_model_dir, overwrite="no")
    assert (tiny_model_dir / "model.joblib").read_bytes() == before


def test_a_numpy_bool_is_a_bool(tiny_model):
    assert tiny_model.predict(TEXT, mask_pii=np.bool_(True))[0].text == TEXT


MAP_MISSING = ": a row not classified has no reason; map a column with .map(reason_name, na_action='ignore')"
MAP_MANY = ": name one label, or map a column of them with df['reason'].map(reason_name, na_action='ignore')"


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        (3, "int 3"),
        (b"fees", "bytes b'fees'"),
        (None, "None" + MAP_MISSING),
        (float("nan"), "float nan" + MAP_MISSING),
        (pd.NA, "NAType <NA>" + MAP_MISSING),
        # regression: missing values of other kinds (a float32 column's NaN, a NaT) had no advice
        (np.float32("nan"), f"float32 {np.float32('nan')!r}" + MAP_MISSING),
        (pd.NaT, "NaTType NaT" + MAP_MISSING),
        # regression: a Series was shown over two lines ("not Series 0    fees\ndtype: str"), with no advice
        (pd.Series(["fees"]), "a Series" + MAP_MANY),
        (["fees"], "list ['fees']" + MAP_MANY),
    ],
)
def test_reason_name_refuses_what_is_no_label(label, shown):
    """Regression: taikai.reason_name(3) returned 3, as the name of a label outside the taxonomy; a missing value
    (out["reason"].map(taikai.reason_name) over a row not classified) was said as "not NoneType None" or "not float
    nan", with no way round it."""
    with pytest.raises(TypeError) as caught:
        taikai.reason_name(label)
    assert str(caught.value) == f"label must be a reason id (str) such as 'fees', not {shown}"


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        (3, "int 3"),
        (
            None,
            "None: a row not classified has no sentiment; map a column with .map(sentiment_name, na_action='ignore')",
        ),
        (
            pd.Series(["negative"]),
            "a Series: name one label, or map a column of them with df['sentiment'].map(sentiment_name, "
            "na_action='ignore')",
        ),
    ],
    ids=["int", "None", "Series"],
)
def test_sentiment_name_refuses_what_is_no_label_as_reason_name_does(label, shown):
    """Regression: sentiment_name(None) and sentiment_name(3) returned them as their own names, and a Series or a list
    raised "unhashable type: 'Series'"."""
    with pytest.raises(TypeError) as caught:
        taikai.labels.sentiment_name(label)
    assert str(caught.value) == f"label must be a sentiment (str) such as 'negative', not {shown}"


def test_the_advice_for_a_column_with_rows_not_classified_works(tiny_model):
    reasons = tiny_model.predict_frame(pd.DataFrame({"text": [TEXT, None]}))["reason"]
    named = reasons.map(taikai.reason_name, na_action="ignore")
    assert named.iloc[0] == taikai.reason_name(reasons.iloc[0]) and pd.isna(named.iloc[1])


def test_numpy_bools_are_kept_as_bools():
    options = ReportOptions(drift=np.bool_(False), mask_pii=np.bool_(True))
    assert (options.drift, options.mask_pii) == (False, True)
    assert type(options.drift) is bool
    assert normalize("&amp;", references=np.bool_(False)) == "&amp;"
