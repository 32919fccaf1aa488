"""The sheet's id column when none is given nor recorded: a frame's index that names its rows, else the first column
named as ids are whose values name the rows, else row numbers."""

import warnings

import pytest

import taikai
from taikai.errors import DataWarning
from tests.suggestion.test_suggest import predictions


@pytest.mark.parametrize(
    ("columns", "shown", "warned"),
    [
        ({"回答ID": "a{}"}, "回答ID", None),  # before: a 'row' column, while the report showed 回答ID beside reviews
        ({"ID": "{}"}, "ID", None),
        ({"response_id": "r{}"}, "response_id", None),
        ({"user_id": "u{}", "回答ID": "a{}"}, "user_id", None),  # the first column named as ids
        ({"user_id": "same", "回答ID": "a{}"}, "回答ID", None),  # a user's id given to many reviews names no row
        ({"user_id": "same"}, "row", "its column 'user_id' is not taken as the sheet's id"),
        ({"paid": "{}"}, "row", None),  # not an id: the letters id end another word
        ({"ID": None, "response_id": "r{}"}, "response_id", None),  # an empty ID column names no row
    ],
)
def test_a_column_named_as_ids_is_the_sheet_s_id(columns, shown, warned):
    df = predictions().drop(columns="review_id")
    for position, (name, value) in enumerate(columns.items()):
        df.insert(position, name, [None if value is None else value.format(i) for i in range(len(df))])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chosen = taikai.suggest(df, n=5, text_column="body")
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert [warned in s for s in said] == ([True] if warned else [])
    assert chosen.rows.columns[0] == shown
    for at, text in zip(chosen.rows[shown], chosen.rows["text"], strict=True):
        row = at - 1 if shown == "row" else df.index[df[shown] == at][0]
        assert df["body"].iloc[row] == text


def test_a_given_id_column_wins_over_one_named_as_ids():
    df = predictions().rename(columns={"review_id": "回答ID"}).assign(no=lambda d: range(len(d)))
    assert taikai.suggest(df, n=3, text_column="body", id_column="no").rows.columns[0] == "no"
