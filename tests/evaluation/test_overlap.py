"""How much of an evaluated file the model trained on (taikai.evaluation._overlap): the very texts, and near-copies
of them (another comma, an added 。, other spacing)."""

import warnings

import pandas as pd
import pytest

import taikai
from taikai.evaluation import TrainingOverlap

UNSEEN = ["登録して一年、結局一件も受注できずに終わりました", "家族の介護が始まって作業どころではなくなった"]


@pytest.mark.parametrize(
    ("edit", "seen", "near", "said"),
    [
        (lambda t: t, 2, 0, "2 of 4 rows (50 %) were in this model's training data. Such scores"),
        (lambda t: t + "。", 0, 2, "2 of 4 row(s) (50 %) are near-copies of rows in this model's training data"),
        (lambda t: t.replace("、", ","), 1, 1, "1 of 4 rows (25 %) were in this model's training data. 1 more row(s)"),
        (lambda t: " " + t + "！！", 0, 2, "2 of 4 row(s) (50 %) are near-copies"),
    ],
)
def test_rows_that_near_copy_training_rows_are_counted_and_warned_of(tiny_model, tiny_csv, edit, seen, near, said):
    """Regression: a held-back row that was a training row with an added 。 or another comma was not counted as
    seen, and its scores were taken for scores on new reviews."""
    fitted = pd.read_csv(tiny_csv).iloc[[0, 1]]  # 単価が安すぎて、… (a comma), 時給にすると200円くらい。…
    frame = pd.DataFrame(
        {"text": [edit(t) for t in fitted["text"]] + UNSEEN, "reasons": ["low_pay"] * 2 + ["rejection", "time"]}
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = taikai.evaluate(tiny_model, frame, sentiment_column=None)
    assert (report.overlap.seen, report.overlap.near) == (seen, near)
    assert report.overlap.to_dict()["near_copies_of_training"] == near
    told = [str(w.message) for w in caught if "training data" in str(w.message)]
    assert len(told) == 1 and told[0].startswith(f"<frame>: {said}")


@pytest.mark.parametrize(
    ("unscored", "said"),
    [
        ([], "2 of 2 rows (100 %) were in this model's training data"),
        ([""], "2 of 2 rows (100 %) were in this model's training data"),  # an empty text: not scored
        (["12345", "   "], "2 of 2 rows (100 %) were in this model's training data"),  # no Japanese; blank
    ],
)
def test_the_rows_counted_against_training_data_are_the_rows_scored(tiny_model, tiny_csv, unscored, said):
    """Regression: rows left unscored (an empty text, one without Japanese) counted among the rows evaluated, so
    "2 of 3 rows (67 %)" were training rows where both rows scored were."""
    fitted = pd.read_csv(tiny_csv).iloc[[0, 1]]
    frame = pd.DataFrame({"text": [*fitted["text"], *unscored], "reasons": ["low_pay"] * (2 + len(unscored))})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = taikai.evaluate(tiny_model, frame, sentiment_column=None)
    assert report.overlap.rows == report.n_scored == 2 and report.overlap.seen == 2
    told = [str(w.message) for w in caught if "training data" in str(w.message)]
    assert len(told) == 1 and told[0].startswith(f"<frame>: {said}")


def test_a_model_that_records_no_near_copies_says_only_what_it_saw():
    overlap = TrainingOverlap(rows=4, seen=1, near=None)
    assert overlap.warning().startswith("1 of 4 rows (25 %) were in this model's training data. Such scores")
    assert TrainingOverlap(rows=4, seen=0, near=None).warning() is None
