"""Finding the predicted columns that ``taikai batch --prefix`` wrote, and giving them their plain names back."""

import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.model import find_prefix, prediction_prefixes, predictions_frame, unprefixed

PLAIN = ["status", "reason", "reasons", "sentiment", "p_reason_fees", "p_sentiment_negative"]
PRED = ["pred_" + c for c in PLAIN]
USER = ["id", "text", "reason", "sentiment"]  # a labelled file's own columns: not a set of predictions


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["id", "text"], []),
        (PLAIN, [""]),
        (["id", "text", *PRED], ["pred_"]),
        ([*USER, *PRED], ["pred_"]),
        ([*PLAIN, *PRED], ["", "pred_"]),
        (["pred_reason", "pred_sentiment"], []),  # no probabilities: not what batch writes
        ([*PLAIN, "model_reason"], [""]),  # --rules-mode override's column is not a prefix model_
    ],
)
def test_prediction_prefixes(columns, expected):
    assert prediction_prefixes(columns) == expected


@pytest.mark.parametrize(
    ("columns", "chosen", "recorded", "expected"),
    [
        (["id", "text"], None, None, ""),
        (PLAIN, None, None, ""),
        ([*USER, *PRED], None, None, "pred_"),
        ([*USER, *PRED], None, "", "pred_"),  # a recorded prefix the columns do not hold is passed over
        ([*PLAIN, *PRED], None, "pred_", "pred_"),
        ([*PLAIN, *PRED], None, "", ""),
        ([*PLAIN, *PRED], "", None, ""),
        ([*PLAIN, *PRED], "pred_", "", "pred_"),
    ],
)
def test_find_prefix(columns, chosen, recorded, expected):
    assert find_prefix(columns, "f.csv", chosen, recorded) == expected


@pytest.mark.parametrize(
    ("columns", "chosen", "message"),
    [
        (
            [*PLAIN, *PRED],
            None,
            "f.csv: 2 sets of predicted columns, with the prefixes '', 'pred_'; choose one with --prefix "
            "('' for the columns without a prefix)",
        ),
        (
            [*USER, *PRED],
            "x_",
            "f.csv: no predicted columns with the prefix 'x_' (x_reason, x_sentiment, x_p_reason_*); the predicted "
            "columns found have the prefixes 'pred_'. Pass one of them with --prefix",
        ),
        (["id", "text"], "pred_", "f.csv: no predicted columns with the prefix 'pred_' (pred_reason, "),
    ],
)
def test_find_prefix_errors(columns, chosen, message):
    with pytest.raises(InputError) as caught:
        find_prefix(columns, "f.csv", chosen)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("columns", "prefix", "expected"),
    [
        (["id", *PRED], "pred_", ["id", *PLAIN]),
        ([*USER, *PRED], "pred_", ["id", "text", "input_reason", "input_sentiment", *PLAIN]),
        (["input_reason", "reason", "pred_reason"], "pred_", ["input_reason", "input_input_reason", "reason"]),
        (["pred_id", "pred_reason"], "pred_", ["pred_id", "reason"]),  # only the columns batch adds
        ([*PLAIN, *PRED], "", [*PLAIN, *PRED]),
    ],
)
def test_unprefixed(columns, prefix, expected):
    assert unprefixed(columns, prefix) == expected


def test_predictions_frame_keeps_the_values_under_the_plain_names():
    frame = pd.DataFrame({"reason": ["mine"], "pred_reason": ["fees"], "pred_sentiment": ["negative"]})
    frame["pred_p_reason_fees"] = 0.9
    out = predictions_frame(frame, "f.csv")
    assert list(out.columns) == ["input_reason", "reason", "sentiment", "p_reason_fees"]
    assert out.loc[0, "reason"] == "fees" and out.loc[0, "input_reason"] == "mine"
    assert frame.columns[0] == "reason"  # the caller's frame is left as it was
