"""What the model is given to classify: a str is one text, an iterable one text per item; bytes, frames, mappings
and tables are refused, not classified piece by piece; a frame's column is found by its label or as written."""

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from taikai.errors import TEXT_COLUMN, InputError
from taikai.model._inputs import find_column, text_values


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ("手数料が高い", ["手数料が高い"]),
        (["手数料", None], ["手数料", None]),
        (("a", "b"), ["a", "b"]),
        (pd.Series(["手数料", "単価"]), ["手数料", "単価"]),
        (np.array(["手数料", "単価"]), ["手数料", "単価"]),
        ((t for t in ["手数料"]), ["手数料"]),
        ({"手数料": 1, "単価": 2}.keys(), ["手数料", "単価"]),
        ([], []),
        # regression: a pyarrow array (table["text"], pq.read_table(...).column("text")) gave pyarrow scalars, every
        # one classified as an error ("not text: a value of type StringScalar"), its nulls too
        (pa.array(["手数料", None]), ["手数料", None]),
        (pa.chunked_array([["手数料"], [None, "単価"]]), ["手数料", None, "単価"]),
        (pa.array(["手数料"], pa.large_string()), ["手数料"]),
    ],
)
def test_text_values_are_one_text_per_item_and_a_str_is_one_text(values, expected):
    assert text_values("texts", values) == expected


@pytest.mark.parametrize(
    "value", [None, np.nan, float("nan"), pd.NA, pd.NaT, np.float32("nan"), np.datetime64("NaT")], ids=repr
)
def test_a_missing_value_is_one_text(value):
    assert text_values("texts", value) == [value]


TEXTS = "texts must be a str or an iterable of texts (a list, a pandas Series, …), not "

REFUSED = [
    ("bytes", "手数料".encode(), TEXTS + r"bytes b'\xe6\x89\x8b\xe6\x95\xb0\xe6\x96\x99': decode them first"),
    ("bytearray", bytearray(b"abc"), TEXTS + "bytearray(b'abc'): decode them first (.decode('utf-8')"),
    (
        "DataFrame",
        pd.DataFrame({"id": [1], "text": ["手数料"]}),
        TEXTS + "a DataFrame: classify a frame with model.predict_frame(df, text_column=…)",
    ),
    ("dict", {"a": "手数料"}, TEXTS + "dict {'a': '手数料'}: pass its values (list(d.values()))"),
    ("2-d array", np.array([["手数料"]]), "pass a one-dimensional array (one text per item)"),
    ("set", {"手数料"}, TEXTS + "set {'手数料'}: a set has no order; pass a list of its texts (sorted(s))"),
    ("frozenset", frozenset({"手数料"}), "a set has no order; pass a list of its texts (sorted(s))"),
    (
        "path",
        Path("dump.csv"),
        f"{TEXTS}{Path('dump.csv')!r}: classify a file with taikai.classify_file(path, out), or read it with "
        "taikai.io.read_table(path).frame",
    ),
    ("int", 5, TEXTS + "int 5"),
    ("float", 1.5, TEXTS + "float 1.5"),
]


@pytest.mark.parametrize(("values", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_what_would_be_classified_piece_by_piece_is_refused(values, message):
    with pytest.raises(TypeError, match=re.escape(message)):
        text_values("texts", values)


@pytest.mark.parametrize(
    ("columns", "name", "expected"),
    [
        (["id", "text"], "text", "text"),
        ([0, 1, 2, 3], 3, 3),  # pd.read_csv(header=None)
        ([0, 1, 2, 3], "3", 3),  # the label as written on the command line
        (["0", "1", "2", "3"], 3, "3"),
        ([3, "3"], "3", "3"),  # the label itself first
        ([3, "3"], 3, 3),
    ],
)
def test_find_column_takes_the_label_or_the_label_as_written(columns, name, expected):
    found = find_column(columns, name, TEXT_COLUMN)
    assert found == expected and type(found) is type(expected)


@pytest.mark.parametrize(
    ("columns", "name", "error", "message"),
    [
        ([0, 1, 2, 3], 7, InputError, "no column 7; the columns are [0, 1, 2, 3]; give the right one to text_column"),
        (["id", "review"], "text", InputError, "no column 'text'; the columns are ['id', 'review']; give"),
        ([3, "3"], 3.5, InputError, "no column 3.5"),
        ([3, "3"], "03", InputError, "no column '03'"),
        ([0, 1], ["text"], TypeError, "text_column must be a column label (a str, or an int for a frame read with"),
        ([0, 1], True, TypeError, "text_column must be a column label"),
    ],
)
def test_find_column_names_the_argument_and_the_labels(columns, name, error, message):
    with pytest.raises(error, match=re.escape(message)):
        find_column(columns, name, TEXT_COLUMN)


@pytest.mark.parametrize(
    ("columns", "name", "message"),
    [
        (["text", "text"], "text", "2 columns are named 'text' (['text', 'text']); rename them so that text_column="),
        ([3, 3], "3", "2 columns are named '3' ([3, 3]); rename them"),
        ([3, 3.0], 3, "2 columns are named 3 ([3, 3.0])"),
    ],
)
def test_a_label_that_names_several_columns_is_refused(columns, name, message):
    with pytest.raises(InputError, match=re.escape(message)):
        find_column(columns, name, TEXT_COLUMN)


def test_a_pyarrow_column_is_classified_as_its_texts(tiny_model):
    """Regression: model.classify(table["text"]) of a pyarrow table said every row 'error', its null too."""
    column = pa.chunked_array([["手数料が高い", None], ["時間がない"]])
    classified = tiny_model.classify(column)
    assert [s.value for s in classified.statuses] == ["ok", "empty", "ok"]
    assert classified.to_frame().equals(tiny_model.classify(["手数料が高い", None, "時間がない"]).to_frame())
    assert [p.status for p in tiny_model.predict(pa.array(["手数料が高い"]))] == ["ok"]
