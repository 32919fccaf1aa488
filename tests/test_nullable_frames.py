"""Frames whose missing cells are ``pandas.NA`` (nullable and pyarrow string columns: ``df.convert_dtypes()``,
``read_csv(dtype_backend=...)``, a Dask frame computed) are read as the same frames with ``None`` or NaN: a missing
label is no label, not the label ``'<NA>'``, and a missing id, text, date or status is missing, not a
``TypeError: boolean value of NA is ambiguous``."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import taikai

NULLABLE = ["string", "string[pyarrow]"]


def _as(frame: pd.DataFrame, dtype: str | None) -> pd.DataFrame:
    """*frame* with its object columns as *dtype* (``None``: as it is, missing cells ``None``)."""
    if dtype is None:
        return frame
    return frame.astype({c: dtype for c in frame.columns if frame[c].dtype == object})


@pytest.fixture(scope="module")
def labelled(tiny_csv) -> pd.DataFrame:
    """The tiny fixture with two rows missing their sentiment and one its reasons, as ``None``."""
    frame = pd.read_csv(tiny_csv, dtype=object, keep_default_na=False)
    frame.loc[[0, 1], "sentiment"] = None
    frame.loc[2, "reasons"] = None
    return frame


@pytest.fixture(scope="module")
def predictions(tiny_model, tiny_csv) -> pd.DataFrame:
    """Predictions of the fixture's texts with a date and an id column, as object columns."""
    frame = pd.read_csv(tiny_csv, dtype=object, keep_default_na=False)[["text"]]
    frame.insert(0, "review_id", [f"R{i:03d}" for i in range(len(frame))])
    frame.insert(1, "posted_at", [f"2025-0{1 + i % 3}-1{i % 10}" for i in range(len(frame))])
    frame = tiny_model.predict_frame(frame)
    return frame.astype({c: object for c in frame.columns if not c.startswith("p_")})


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", taikai.DataWarning)  # rows the tiny model was trained on
        return call()


@pytest.mark.parametrize("dtype", NULLABLE)
def test_evaluate_reads_a_missing_label_as_none(tiny_model, labelled, dtype):
    expected = _quiet(lambda: taikai.evaluate(tiny_model, labelled))
    report = _quiet(lambda: taikai.evaluate(tiny_model, _as(labelled, dtype)))
    counts = ("n_rows", "n_scored", "n_blank", "n_sentiment", "n_reason")
    assert [getattr(report, c) for c in counts] == [getattr(expected, c) for c in counts]
    assert (report.n_sentiment, report.n_reason) == (len(labelled) - 2, len(labelled) - 1)


@pytest.mark.parametrize("dtype", NULLABLE)
def test_train_reads_a_missing_label_as_none(labelled, dtype):
    config = taikai.FeatureConfig()  # words only: no vector table needed
    expected = taikai.train(labelled, folds=0, test_size=0, config=config).metadata.trained_on()
    trained = taikai.train(_as(labelled, dtype), folds=0, test_size=0, config=config).metadata.trained_on()
    assert (trained.rows, trained.reason_rows, trained.sentiment_rows, trained.skipped_rows) == (
        expected.rows,
        expected.reason_rows,
        expected.sentiment_rows,
        0,
    )


@pytest.mark.parametrize("dtype", NULLABLE)
@pytest.mark.parametrize("id_column", ["review_id", None])
def test_suggest_reads_a_missing_id_or_text_of_exclude_as_none(predictions, dtype, id_column):
    handed_out = pd.DataFrame({"review_id": ["R000", None], "text": [predictions["text"][0], None]}, dtype=object)
    expected = taikai.suggest(predictions, n=5, id_column=id_column, exclude=handed_out)
    chosen = taikai.suggest(predictions, n=5, id_column=id_column, exclude=_as(handed_out, dtype))
    assert chosen.excluded == expected.excluded
    pd.testing.assert_frame_equal(chosen.rows, expected.rows)


@pytest.mark.parametrize("dtype", NULLABLE)
@pytest.mark.parametrize("column", ["posted_at", "status"])
def test_check_drift_reads_a_missing_date_or_status_as_none(tiny_model, predictions, dtype, column):
    frame = predictions.copy()
    frame.loc[[0, 1], column] = None
    expected = taikai.check_drift(frame, tiny_model, date_column="posted_at")
    report = taikai.check_drift(_as(frame, dtype), tiny_model, date_column="posted_at")
    assert report.to_dict()["overall"] == expected.to_dict()["overall"]
    assert (report.verdict, report.undated) == (expected.verdict, expected.undated)
