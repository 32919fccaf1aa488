"""``EvaluationReport.predictions``: the rows ``evaluate`` classified, as ``predict_frame(rows, prefix="pred_")`` gives
them, so that a notebook lists the errors without classifying the rows again (regression: the report held no row's
prediction, and the notebook classified the test split a second time)."""

import json
import warnings

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.evaluation import evaluate

BLANK = "　"  # a text of nothing to read: unscored, with its row kept in the predictions


def _labelled(tiny_csv) -> pd.DataFrame:
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame.loc[3, "text"] = BLANK
    frame.loc[5, "text"] = "連絡は taro@example.com まで。単価が安すぎる"
    return frame.assign(split=["test" if i % 3 else "train" for i in range(len(frame))])


def _evaluated(model, data, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", taikai.DataWarning)  # rows it was trained on: not what is checked here
        return evaluate(model, data, **options)


# (what is evaluated, the evaluate options, the rows of the labelled frame evaluated, the index they get)
CASES = {
    "file": ("file", {}, slice(None), None),
    "file, test split": ("file", {"split": "test"}, "test", None),
    "frame with its own index": ("indexed", {}, slice(None), "review_id"),
    "frame, test split": ("indexed", {"split": "test"}, "test", "review_id"),
}


@pytest.mark.parametrize(("given", "options", "chosen", "index"), CASES.values(), ids=list(CASES))
def test_the_predictions_are_the_rows_evaluated_as_predict_frame_gives_them(
    tiny_model, tiny_csv, tmp_path, given, options, chosen, index
):
    frame = _labelled(tiny_csv)
    path = tmp_path / "labelled.csv"
    frame.to_csv(path, index=False)
    if given == "indexed":
        frame.index = pd.Index([f"r{i:02}" for i in range(len(frame))], name="review_id")
    report = _evaluated(tiny_model, path if given == "file" else frame, **options)
    rows = frame[frame["split"] == "test"] if chosen == "test" else frame[chosen]
    expected = tiny_model.predict_frame(rows, prefix="pred_")
    if index is None:  # a file's rows: their data row, from 0
        expected.index = pd.RangeIndex(len(frame))[frame["split"] == "test"] if chosen == "test" else frame.index
    pd.testing.assert_frame_equal(report.predictions, expected, check_index_type=False)
    assert report.predictions.index.name == index
    assert (report.predictions["pred_status"] != "ok").sum() == len(report.unscored)


def test_the_errors_are_listed_from_the_report_as_from_a_second_classification(tiny_model, tiny_csv):
    frame = _labelled(tiny_csv)
    report = _evaluated(tiny_model, frame)
    wrong = analysis.misclassified(report.predictions, gold_column="reasons", prefix="pred_")
    again = analysis.misclassified(tiny_model.predict_frame(frame, prefix="pred_"), "reasons", prefix="pred_")
    pd.testing.assert_frame_equal(wrong, again)
    assert len(wrong) == round((1 - report.reason.accuracy) * report.n_reason)


@pytest.mark.parametrize(("mask_pii", "text"), [(False, "taro@example.com"), (True, "[メール]")])
def test_the_predictions_hold_the_text_the_model_read(tiny_model, tiny_csv, mask_pii, text):
    report = _evaluated(tiny_model, _labelled(tiny_csv), mask_pii=mask_pii)
    assert text in report.predictions.loc[5, "text"]
    assert "taro@example.com" not in json.dumps(report.to_dict(), ensure_ascii=False)


def test_a_column_named_as_a_prediction_is_kept_and_the_model_s_take_another_prefix(tiny_model, tiny_csv):
    frame = _labelled(tiny_csv).assign(pred_reason="someone's guess")
    report = _evaluated(tiny_model, frame)
    assert (report.predictions["pred_reason"] == "someone's guess").all()
    again = tiny_model.predict_frame(frame, prefix="pred2_")
    assert report.predictions["pred2_reason"].tolist() == again["pred2_reason"].tolist()


def test_the_json_report_is_unchanged(tiny_model, tiny_csv):
    keys = set(_evaluated(tiny_model, _labelled(tiny_csv)).to_dict())
    assert "predictions" not in keys and "rows" not in keys
