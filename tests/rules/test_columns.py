"""The one rule that types a column of booleans (rule_conflict): bool, or nullable boolean where one is missing."""

import numpy as np
import pandas as pd
import pytest

from taikai.rules import boolean_column


@pytest.mark.parametrize(
    ("values", "dtype", "selected"),
    [
        ([True, False], "bool", [0]),
        ([True, None, False], "boolean", [0]),
        ([False, np.nan], "boolean", []),
        (pd.Series([True, pd.NA], dtype=object), "boolean", [0]),
        ([], "bool", []),
    ],
    ids=["none missing", "None", "NaN", "pandas.NA in objects", "empty"],
)
def test_boolean_column_is_bool_or_nullable_boolean(values, dtype, selected):
    column = boolean_column(values)
    assert str(column.dtype) == dtype
    assert column[column].index.tolist() == selected
    assert column[~column].index.tolist() == [i for i, v in enumerate(values) if v is False or v is np.False_]


def test_boolean_column_takes_an_index():
    assert boolean_column([True, None], pd.Index([5, 7])).index.tolist() == [5, 7]
