"""read_predictions gives the same frame from every output format of one batch run: text columns of pandas'
``str`` dtype with empty cells missing (NaN), as the docs and ``Classified.to_frame`` state (regression: CSV and TSV
read back ``object`` columns, Parquet, JSONL and xlsx ``str``; a missing text read NaN from CSV, ``''`` from Parquet
and JSONL)."""

from __future__ import annotations

import pandas as pd
import pytest

import taikai
from taikai.errors import DataWarning
from taikai.io import read_predictions

ROWS = ["手数料が高すぎて辞めた", "", "hello", "時間がなくて続けられない"]  # an empty text: no message on an ok row
FORMATS = ["csv", "tsv", "jsonl", "parquet", "xlsx"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, tiny_model):
    root = tmp_path_factory.mktemp("formats")
    source = root / "in.csv"
    columns = {"review_id": ["r1", "r2", "r3", "r4"], "text": ROWS, "score": [1.5, 2.0, 3.25, 4.0]}
    columns |= {"bigid": [f"1234567890123456789{i}" for i in range(4)], "member": ["007", "008", "010", "011"]}
    columns |= {"code": ["1", "2", "3", "4"]}  # a text column of digits: classified below, text whatever it holds
    pd.DataFrame(columns).to_csv(source, index=False)
    paths = {}
    for fmt in FORMATS:
        paths[fmt] = root / f"out_{fmt}.{fmt}"
        taikai.classify_file(source, paths[fmt], "text", model=tiny_model)
    paths["code"] = root / "out_code.jsonl"
    with pytest.warns(DataWarning, match="no row could be classified"):  # digits: no Japanese, rows kept
        taikai.classify_file(source, paths["code"], "code", model=tiny_model)
    return paths


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_as_the_csv_does(outputs, fmt):
    expected = read_predictions(outputs["csv"])
    read = read_predictions(outputs[fmt])
    assert dict(read.dtypes.astype(str)) == dict(expected.dtypes.astype(str))
    pd.testing.assert_frame_equal(read, expected)


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_columns_are_str_with_empty_cells_missing(outputs, fmt):
    read = read_predictions(outputs[fmt])
    for column in ("review_id", "text", "status", "message", "reason", "reasons"):
        assert str(read[column].dtype) == "str", column
    assert read["text"].isna().tolist() == [False, True, False, False]  # the empty text
    assert read["message"].isna().tolist() == [True, False, False, True]  # no message: missing, not ''


@pytest.mark.parametrize("dtype", ["str", "category", "object"])
def test_predict_frame_keeps_the_dtype_of_its_text_column_when_masking(tiny_model, dtype):
    """Regression: mask_pii=True turned a category text column into object; without it the dtype was kept."""
    df = pd.DataFrame({"text": pd.Series(["山田太郎さんに090-1234-5678へ電話した", "手数料が高い"], dtype=dtype)})
    masked = tiny_model.predict_frame(df, mask_pii=True)
    assert str(masked["text"].dtype) == str(tiny_model.predict_frame(df)["text"].dtype) == dtype
    assert masked["text"].tolist() == ["[人名]さんに[電話番号]へ電話した", "手数料が高い"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("column", "dtype", "first"),
    [
        ("score", "float64", 1.5),  # an input's numbers, written as text by batch into JSONL, xlsx and Parquet
        ("bigid", "uint64", 12345678901234567890),  # a 20-digit id, exact as uint64
        ("member", "str", "007"),  # a code with a leading zero stays as written
        ("text", "str", "手数料が高すぎて辞めた"),
        ("status", "str", "ok"),
    ],
)
def test_input_columns_read_back_with_one_dtype_from_every_format(outputs, fmt, column, dtype, first):
    """Regression: ``score`` read float64 and ``bigid`` uint64 from CSV and TSV, but str from the other formats."""
    read = read_predictions(outputs[fmt])
    assert str(read[column].dtype) == dtype
    assert read[column].iloc[0] == first


def test_the_classified_column_is_text_whatever_it_holds(outputs):
    """The summary's --text-column is taikai's: its digits are reviews, not numbers (as ``text`` of the others)."""
    read = read_predictions(outputs["code"])
    assert str(read["code"].dtype) == "str"
    assert read["code"].tolist() == ["1", "2", "3", "4"]


@pytest.fixture(scope="module")
def typed_outputs(tmp_path_factory, tiny_model):
    """Each output format of one run of a Parquet input whose id columns are ints (one with a missing id)."""
    root = tmp_path_factory.mktemp("typed")
    source = root / "in.parquet"
    columns = {"review_id": [1, 2, 3, 4], "uid": pd.array([10, None, 30, 40], dtype="Int64"), "text": ROWS}
    pd.DataFrame(columns | {"store": [5, 6, 7, 8], "visits": [1, 2, 3, 4]}).to_parquet(source, index=False)
    paths = {}
    for fmt in FORMATS:
        paths[fmt] = root / fmt / f"out.{fmt}"
        paths[fmt].parent.mkdir()
        taikai.classify_file(source, paths[fmt], "text", id_column="uid", model=tiny_model)
    return paths


@pytest.mark.parametrize(
    ("column", "kept", "values"),
    [
        ("review_id", "an id column", ["1", "2", "3", "4"]),
        ("uid", "the summary's --id-column", ["10", None, "30", "40"]),
        ("store", "a text_columns one", ["5", "6", "7", "8"]),
        ("visits", None, [1, 2, 3, 4]),  # not kept: a number from every format
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_kept_column_is_text_from_every_format(typed_outputs, fmt, column, kept, values):
    """Regression: a kept column (an id) of ints came back as text from a CSV or TSV output but as ints from the
    Parquet, JSONL and xlsx outputs of the same run: code joining or comparing ids worked on one file and not on
    another. A kept column is ``str`` from every format, as written; the others are typed alike."""
    read = read_predictions(typed_outputs[fmt], text_columns=["store"])
    assert str(read[column].dtype) == ("str" if kept else "int64"), read.dtypes
    assert [None if pd.isna(v) else v for v in read[column]] == values


@pytest.mark.parametrize(
    ("column", "values", "read"),
    [
        ("回答ID", ["1e3", "1000", "2"], ["1e3", "1000", "2"]),  # before: 1000.0 twice, two ids made one
        ("ID", ["1e3", "1000", "2"], ["1e3", "1000", "2"]),
        ("response_id", ["1.50", "2", "3"], ["1.50", "2", "3"]),  # before: 1.5, 2.0, 3.0
        ("userId", ["10", "20", "30"], ["10", "20", "30"]),  # before: int64
        ("paid", ["10", "20", "30"], [10, 20, 30]),  # no id: the letters id end another word, read as numbers
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_column_named_as_ids_keeps_its_ids_as_written(tmp_path, column, values, read, fmt):
    """Regression: only review_id, id and the summary's --id-column were kept as text: a 回答ID column of a dump
    classified without --id-column read 1e3 as the number 1000.0, the same id as the row 1000 beside it."""
    path = tmp_path / f"p.{fmt}"
    frame = pd.DataFrame({column: values, "text": ["手数料が高い", "時間がない", "辞めた"]})
    if fmt == "csv":
        frame.to_csv(path, index=False)
    else:  # as Excel holds ids typed in: numbers (an id column is text from every format, as a CSV's cells are)
        frame.assign(**{column: [int(v) if v.isdigit() else v for v in values]}).to_excel(path, index=False)
    assert list(read_predictions(path)[column]) == read
