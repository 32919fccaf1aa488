"""What one chunk of a batch run gives the summary (taikai.batch._chunk): the rows not classified, named."""

import math

import pytest

import taikai
from taikai.batch import RowProblem, chunk_result
from taikai.text import Status


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (None, "line 2 (its id cell is blank)"),
        (math.nan, "line 2 (its id cell is blank)"),
        ("", "line 2 (its id cell is blank)"),
        ("  ", "line 2 (its id cell is blank)"),
        ("r07", "line 2 (id r07)"),
        (7, "line 2 (id 7)"),
    ],
)
def test_a_blank_id_is_said_blank_not_none_or_nan(cell, said):
    """Regression: a row whose id cell was blank was named ``(id None)`` (xlsx, Parquet), ``(id nan)`` (Dask) or
    ``(id )`` (CSV) in the summary."""
    result = chunk_result(["empty"], ["no text"], [None], [None], [cell], lambda i: i + 1, lines=[2])
    assert [e.where() for e in result.examples] == [said]


def test_a_run_without_an_id_column_names_no_id():
    result = chunk_result(["empty"], ["no text"], [None], [None], None, lambda i: i + 1, lines=[2])
    assert [e.where() for e in result.examples] == ["line 2"]
    assert RowProblem.from_dict(result.examples[0].to_dict()).where() == "line 2"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_a_batch_summary_says_a_blank_id_is_blank(tmp_path, tiny_model, fmt):
    import pandas as pd

    frame = pd.DataFrame({"id": ["a1", None, "a3"], "text": ["手数料が高い", "abc", "報酬が低い"]})
    data = tmp_path / f"in.{fmt}"
    {"csv": lambda: frame.to_csv(data, index=False), "xlsx": lambda: frame.to_excel(data, index=False)}.get(
        fmt, lambda: frame.to_parquet(data, index=False)
    )()
    summary = taikai.classify_file(data, tmp_path / "out.csv", "text", id_column="id", model=tiny_model)
    assert [(e.id, e.status) for e in summary.examples] == [("", Status.ERROR)]
    assert "(its id cell is blank)" in str(summary) and "(id None)" not in str(summary)
