"""Finding the predicted columns that ``taikai batch --prefix`` wrote, and giving them their plain names back."""

import re

import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.model import find_prefix, prediction_prefixes, predictions_frame, unprefixed
from taikai.model._prefixed import checked_probabilities

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
            "f.csv: 2 sets of predicted columns, with the prefixes '', 'pred_'; choose one with "
            "prefix= (--prefix on the command line) "
            "('' for the columns without a prefix)",
        ),
        (
            [*USER, *PRED],
            "x_",
            "f.csv: no predicted columns with the prefix 'x_' (x_reason, x_sentiment, x_p_reason_*); the predicted "
            "columns found have the prefixes 'pred_'. Pass one of them with prefix= (--prefix on the command line)",
        ),
        (["id", "text"], "pred_", "f.csv: no predicted columns with the prefix 'pred_' (pred_reason, "),
        # regression: "it has none. Pass one of them with prefix=": there were none to pass
        (
            ["id", "text"],
            "pred_",
            "pred_p_reason_*); it has no predicted columns at all (a raw dump, not a taikai batch output): leave out "
            "prefix= (--prefix on the command line)",
        ),
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


def _predictions(**cells: object) -> pd.DataFrame:
    """Two rows as batch writes them, read as text (an ok row and one set aside), with *cells* changed in row 2."""
    frame = pd.DataFrame(
        {
            "status": ["ok", "empty"],
            "reason": ["fees", None],
            "reasons": ["fees|time", None],
            "sentiment": ["negative", None],
            "p_reason_fees": ["0.9", ""],
            "p_reason_time": ["0.1", ""],
            "p_sentiment_negative": ["1.0", ""],
        },
        dtype=object,
    )
    for column, value in cells.items():
        frame.loc[1, column] = value
    return frame


@pytest.mark.parametrize(
    ("cells", "prefix", "message"),
    [
        (
            {"p_reason_fees": "abc"},
            "",
            "column p_reason_fees, data row 2 (after the header): 'abc' is not a probability",
        ),
        # a number out of range written as text is quoted as a number, as a file read with numbers shows it
        ({"p_sentiment_negative": "1.5"}, "", "column p_sentiment_negative, data row 2 (after the header): 1.5 is"),
        ({"p_reason_time": "-0.2"}, "", "column p_reason_time, data row 2 (after the header): -0.2 is not"),
        ({"p_reason_time": "nan"}, "", "column p_reason_time, data row 2 (after the header): 'nan' is not"),
        ({"p_reason_fees": "abc"}, "pred_", "column pred_p_reason_fees, data row 2 (after the header): 'abc' is"),
        (
            {"reason": "trouble"},
            "",
            "column reason, data row 2 (after the header): the reason 'trouble' has no "
            "column p_reason_trouble (the reasons' columns are p_reason_fees, p_reason_time)",
        ),
        ({"reasons": "time|low_pay"}, "", "column reasons, data row 2 (after the header): the reason 'low_pay'"),
        (
            {"model_reason": "other"},
            "pred_",
            "column pred_model_reason, data row 2 (after the header): the reason "
            "'other' has no column pred_p_reason_other (the reasons' columns are pred_p_reason_fees, "
            "pred_p_reason_time)",
        ),
        (  # regression: an edited sentiment was shown as a sentiment by report and suggest
            {"sentiment": "taro.yamada@example.com"},
            "pred_",
            "column pred_sentiment, data row 2 (after the header): the sentiment 'taro.yamada@example.com' has no "
            "column pred_p_sentiment_taro.yamada@example.com (the sentiments' columns are pred_p_sentiment_negative)",
        ),
        ({"sentiment": 1.0}, "", "column sentiment, data row 2 (after the header): the sentiment '1' has no column"),
        (  # regression: an edited status was shown, unmasked under --mask-pii, among the rows left out
            {"status": "taro.yamada@example.com"},
            "",
            "column status, data row 2 (after the header): the status 'taro.yamada@example.com' is none of empty, "
            "error, ok (the statuses taikai batch writes)",
        ),
        ({"status": "OK"}, "pred_", "column pred_status, data row 2 (after the header): the status 'OK' is none of"),
        ({"status": 7}, "", "column status, data row 2 (after the header): the status '7' is none of"),
        # regression: an ok row whose reason was cleared was ok in the report's status table, and missing from the
        # count of classified rows and every table after it
        ({"status": "ok"}, "", "column reason, data row 2 (after the header): blank in a row of status 'ok'"),
        (
            {"status": "ok", "reason": "", "p_reason_fees": "0.4", "p_reason_time": "0.6"},
            "pred_",
            "column pred_reason, data row 2 (after the header): blank in a row of status 'ok'",
        ),
    ],
)
def test_predictions_frame_refuses_edited_probabilities(cells, prefix, message):
    """Regression: 'abc' in a probability was a traceback in report and suggest, and a dropped row in drift; a
    deleted p_reason_fees column counted the fees rows as another reason."""
    frame = _predictions(**cells).add_prefix(prefix)
    with pytest.raises(InputError) as caught:
        predictions_frame(frame, "p.csv")
    assert str(caught.value).startswith(f"p.csv: {message}")
    assert str(caught.value).endswith("; the file seems edited: re-run taikai batch on the raw dump")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, [0.9, None]),  # the row set aside keeps its empty cells
        ({"p_reason_fees": " "}, [0.9, None]),
        ({"p_reason_fees": "0.25"}, [0.9, 0.25]),
        ({"p_reason_fees": 1}, [0.9, 1.0]),
        ({"p_reason_fees": "1.0000001"}, [0.9, 1.0000001]),  # rounding as written
    ],
)
def test_predictions_frame_makes_the_probabilities_numbers(cells, expected):
    out = predictions_frame(_predictions(**cells), "p.csv")
    assert out["p_reason_fees"].dtype == float
    assert [None if pd.isna(v) else v for v in out["p_reason_fees"]] == expected
    assert out["p_reason_time"].tolist()[0] == 0.1


@pytest.mark.parametrize(
    ("column", "message"),
    [
        (pd.Series([0.5, float("nan"), 0.25]), None),  # read as numbers (Parquet): no cell is looked at one by one
        (pd.Series([0.5, None, 0.25], dtype="Float64"), None),
        (pd.Series([1, None, 0], dtype="Int64"), None),
        (pd.Series([0.5, 1.5, 0.25]), "data row 2 (after the header; index 7): 1.5 is not a probability"),
        (pd.Series([0.5, -0.5, 0.25], dtype="float32"), "data row 2 (after the header; index 7): -0.5 is not"),
        (
            pd.Series(["0.5", None, "abc"], dtype="string"),
            "data row 3 (after the header; index 3): 'abc' is not a probability",
        ),
    ],
)
def test_checked_probabilities_of_typed_columns(column, message):
    """Columns a Parquet file or a frame holds as numbers: their range is checked; text ones cell by cell."""
    frame = pd.DataFrame({"reason": ["fees", None, "fees"], "p_reason_fees": column.array}, index=[7, 7, 3])
    if message is None:
        out = checked_probabilities(frame, "p.parquet")
        assert out["p_reason_fees"].dtype == float
        assert list(out.index) == [7, 7, 3]
        assert [None if pd.isna(v) else round(v, 6) for v in out["p_reason_fees"]] == [
            None if pd.isna(v) else round(float(v), 6) for v in column
        ]
    else:
        with pytest.raises(InputError, match=re.escape(f"p.parquet: column p_reason_fees, {message}")):
            checked_probabilities(frame, "p.parquet")


def test_an_unknown_reason_is_found_at_its_row_under_a_repeated_index():
    frame = pd.DataFrame({"reasons": ["fees", "fees|time", "fees"], "p_reason_fees": [0.5, 0.5, 0.5]}, index=[0, 0, 0])
    with pytest.raises(
        InputError, match=re.escape("column reasons, data row 2 (after the header; index 0): the reason 'time'")
    ):
        checked_probabilities(frame, "p.csv")


@pytest.mark.parametrize(
    "reasons",
    [
        [["fees"], ["fees", "time"], []],  # a frame's reasons split into lists: not checked, as before
        ["fees", None, float("nan")],
        pd.Categorical(["fees", "fees", None]),
    ],
)
def test_the_reasons_check_takes_cells_that_are_not_text(reasons):
    """Regression: a reasons column of lists made the check raise TypeError (unhashable type: 'list')."""
    frame = pd.DataFrame({"reasons": reasons, "p_reason_fees": [0.5, 0.5, 0.5], "p_reason_time": [0.1, 0.1, 0.1]})
    out = checked_probabilities(frame, "frame")
    assert out["p_reason_fees"].tolist() == [0.5, 0.5, 0.5]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"sentiment": "taro.yamada@example.com"}, "the sentiment '[メール]' has no column p_sentiment_[メール] ("),
        ({"status": "taro.yamada@example.com"}, "the status '[メール]' is none of empty, error, ok"),
        ({"reason": "taro.yamada@example.com"}, "the reason '[メール]' has no column p_reason_[メール] ("),
    ],
)
def test_an_edited_label_or_status_is_quoted_masked_under_mask_pii(cells, message):
    with pytest.raises(InputError) as caught:
        predictions_frame(_predictions(**cells), "p.csv", mask_pii=True)
    assert f"data row 2 (after the header): {message}" in str(caught.value)
    assert "taro.yamada" not in str(caught.value)


@pytest.mark.parametrize(
    ("cells"),
    [
        {},  # the row set aside: no sentiment
        {"sentiment": " ", "status": "error"},
        {"status": None},  # a missing status: not an edit that could show a value
        {"sentiment": "negative"},
    ],
)
def test_the_labels_and_statuses_batch_writes_pass(cells):
    out = predictions_frame(_predictions(**cells), "p.csv")
    assert out["sentiment"].tolist()[0] == "negative"
