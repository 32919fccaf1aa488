"""``id_column_by_name``: the id column of a table none was given for, the one rule of ``suggest``, ``evaluate``,
``train`` and ``rules test`` — the first column named as ids are whose values name the rows; never the text column;
one that gives a value to rows of different texts passed over with a warning."""

import warnings

import pandas as pd
import pytest

from taikai.errors import DataWarning
from taikai.io import id_column_by_name

TEXTS = ["手数料が高い", "単価が安い", "時間がない"]


@pytest.mark.parametrize(
    ("columns", "text", "found", "warned"),
    [
        ({"review_id": ["a", "b", "c"], "text": TEXTS}, "text", "review_id", None),
        ({"回答ID": ["1", "2", "3"], "text": TEXTS}, "text", "回答ID", None),
        ({"user_id": ["u", "u", "v"], "回答ID": ["1", "2", "3"], "text": TEXTS}, "text", "回答ID", None),
        ({"user_id": ["u", "u", "v"], "text": TEXTS}, "text", None, "column 'user_id' is not taken as the rows' id"),
        ({"id": ["1", "1", "2"], "text": TEXTS}, "text", None, "gives one value to rows of different texts (e.g. '1')"),
        ({"ID": [None, None, None], "text": TEXTS}, "text", None, None),  # an empty column names nothing
        ({"ID": ["", " ", ""], "text": TEXTS}, "text", None, None),  # as a file read as text holds it
        ({"review_id": ["a", "", ""], "text": TEXTS}, "text", "review_id", None),  # a blank id names no row
        ({"paid": ["1", "2", "3"], "text": TEXTS}, "text", None, None),  # not named as ids are
        ({"id": TEXTS}, "id", None, None),  # the texts themselves: the text column names no rows
        ({"review_id": ["a", "b", "c"]}, "text", None, None),  # no text column (an error said later)
    ],
    ids=[
        "review_id",
        "回答ID",
        "after-a-shared-one",
        "shared",
        "id-shared",
        "empty",
        "empty-text",
        "blank-cells",
        "paid",
        "text-column",
        "no-text",
    ],
)
def test_the_id_column_is_found_by_its_name(columns, text, found, warned):
    frame = pd.DataFrame(columns if text in columns else {**columns, "body": TEXTS})  # "body": no text column
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert id_column_by_name(frame, text, "team.csv") == found
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert [warned in message for message in said] == ([True] if warned else [])
    assert all(message.startswith("team.csv: ") for message in said)
