"""A batch output keeps the types of the columns it was given: a column of whole numbers with a missing value
(pandas' ``Int64``, a JSONL id with a null) reads back as whole numbers from every output format, by
``pd.read_parquet`` and by ``read_predictions`` (regression: Parquet output read back ``1.0``, and the report's
segments, its quoted rows and the suggest sheet showed a store code 1 as ``1.0``)."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import taikai
from taikai.io import read_predictions

TEXTS = ["手数料が高すぎて辞めた", "時間がなくて続けられない", "報酬が安い"]
GIVEN = {
    "store": pd.array([1, None, 3], dtype="Int64"),
    "flag": pd.array([True, None, False], dtype="boolean"),
    "code": pd.array(["a", None, "c"], dtype="string"),
}
"""The input columns of a pandas frame written to Parquet, with the pandas dtype each must read back as."""


def _source(tmp_path, fmt: str):
    path = tmp_path / f"in.{fmt}"
    frame = pd.DataFrame({**GIVEN, "text": TEXTS})
    if fmt == "parquet":
        frame.to_parquet(path)
    else:
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("in_fmt", "column", "dtype"),
    [
        ("parquet", "store", "Int64"),
        ("parquet", "flag", "boolean"),
        ("parquet", "code", "string"),  # the dtype the input's pandas metadata names, kept
        ("jsonl", "store", "Int64"),  # ints and a null of JSON: no 1.0
        ("jsonl", "flag", "boolean"),
    ],
)
def test_a_parquet_output_reads_back_with_the_types_it_was_given(tmp_path, tiny_model, in_fmt, column, dtype):
    out = tmp_path / "out.parquet"
    taikai.classify_file(_source(tmp_path, in_fmt), out, "text", model=tiny_model)
    read = pd.read_parquet(out)
    assert str(read[column].dtype) == dtype
    assert read[column].tolist() == list(GIVEN[column])


@pytest.mark.parametrize("in_fmt", ["parquet", "jsonl"])
@pytest.mark.parametrize("out_fmt", ["parquet", "csv", "tsv", "jsonl", "xlsx"])
def test_whole_numbers_with_a_missing_one_read_back_as_whole_numbers(tmp_path, tiny_model, in_fmt, out_fmt):
    out = tmp_path / f"out.{out_fmt}"
    taikai.classify_file(_source(tmp_path, in_fmt), out, "text", model=tiny_model)
    store = read_predictions(out)["store"]
    assert str(store.dtype) == "Int64"
    assert store.tolist() == [1, pd.NA, 3]
    if out_fmt == "csv":
        with open(out, encoding="utf-8", newline="") as f:
            assert [row["store"] for row in csv.DictReader(f)] == ["1", "", "3"]
    if out_fmt == "jsonl":
        assert [json.loads(line)["store"] for line in out.read_text(encoding="utf-8").splitlines()] == [1, None, 3]


@pytest.mark.parametrize(
    ("cells", "expected", "dtype"),
    [
        (["1", "", "3"], [1, pd.NA, 3], "Int64"),
        (["1", "", "-3"], [1, pd.NA, -3], "Int64"),
        (["1", "", "3.0"], [1.0, None, 3.0], "float64"),  # written as a float: stays one
        (["1", "2", "3"], [1, 2, 3], "int64"),  # none missing: ints already
        (["1", "", "10000000000000000000"], [1.0, None, 1e19], "float64"),  # beyond 64 bits
    ],
)
def test_a_csv_column_of_whole_numbers_with_a_blank_reads_as_int64(tmp_path, cells, expected, dtype):
    path = tmp_path / "p.csv"
    path.write_text("review_id,n\n" + "".join(f"r{i},{c}\n" for i, c in enumerate(cells)), encoding="utf-8")
    read = read_predictions(path)["n"]
    assert str(read.dtype) == dtype
    assert [None if v is not pd.NA and v != v else v for v in read.tolist()] == expected


def _schema(**entries: str | None) -> pa.Schema:
    """An Arrow schema of int64 columns whose pandas metadata names each column's pandas dtype (``None``: no
    entry), as ``df.to_parquet`` writes it."""
    columns = [
        {"name": n, "field_name": n, "pandas_type": "int64", "numpy_type": t, "metadata": None}
        for n, t in entries.items()
        if t is not None
    ]
    metadata = {b"pandas": json.dumps({"index_columns": [], "columns": columns}).encode()}
    return pa.schema([(n, pa.int64()) for n in entries], metadata=metadata)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([{"a": "Int64"}, {"a": "Int64"}], "Int64"),
        ([{"a": "int64"}, {"a": "int64"}], "int64"),  # every file's numpy ints: no missing value, kept
        ([{"a": "int64"}, {"a": "Int64"}], "Int64"),  # the files disagree: nullable, a missing value read as one
        ([{"a": "int64"}, {"a": None}], "Int64"),  # a file written by another tool names none
        ([{"a": "UInt8"}], "UInt8"),
    ],
)
def test_the_output_names_the_pandas_type_the_input_files_agree_on(tmp_path, files, expected):
    from taikai.io import agreed_entries, with_pandas_types

    schema = with_pandas_types(pa.schema([("a", pa.int64())]), agreed_entries(_schema(**f) for f in files))
    path = tmp_path / "out.parquet"
    pq.write_table(pa.table({"a": [1, 2]}, schema=schema), path)
    assert str(pd.read_parquet(path)["a"].dtype) == expected


@pytest.mark.parametrize("out_fmt", ["parquet", "jsonl", "csv"])
def test_the_report_and_the_suggest_sheet_show_a_code_as_written(tmp_path, tiny_model_dir, out_fmt):
    """Regression: a store code 1 of a Parquet or JSONL predictions file was the segment ``1.0`` of the report, its
    quoted rows' ``1.0``, and the suggest sheet's id ``1.0``."""
    import re

    from click.testing import CliRunner

    from taikai.cli import cli

    out, page, sheet = tmp_path / f"out.{out_fmt}", tmp_path / "r.html", tmp_path / "s.csv"
    taikai.classify_file(_source(tmp_path, "parquet"), out, "text", model=tiny_model_dir)
    report = ["report", str(out), "-o", str(page), "--by", "store", "--no-drift", "--model", str(tiny_model_dir)]
    suggest = ["suggest", str(out), "-o", str(sheet), "--id-column", "store", "--n", "3"]
    for args in (report, suggest):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
    segments = re.search(r'<section id="segments">(.*?)</section>', page.read_text(encoding="utf-8"), re.S)
    assert segments is not None
    assert set(re.findall(r"<tr><th>([^<]*)</th>", segments.group(1))[1:]) == {"1", "3", "(空欄)"}
    with open(sheet, encoding="utf-8-sig", newline="") as f:
        assert sorted(row["store"] for row in csv.DictReader(f)) == ["", "1", "3"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"id_column": None}, {"row": "int64", "store": "Int64", "flag": "boolean"}),
        ({"id_column": "store"}, {"store": "Int64", "flag": "boolean"}),
    ],
    ids=["row numbers", "an id column"],
)
def test_the_dask_engine_s_row_numbers_read_back_as_int64_from_parquet(tmp_path, tiny_model, given, expected):
    """Regression: the Dask engine's Parquet parts read back their ``row`` column, which no row leaves empty, as the
    nullable ``Int64`` of an input's ints, where its CSV, TSV and JSONL parts read it back as ``int64``."""
    from taikai.batch import BatchOptions
    from taikai.batch._dask_manifest import parts_spec

    schema = pa.schema([("store", pa.int64()), ("flag", pa.bool_()), ("text", pa.string())])
    spec = parts_spec(schema, tiny_model, BatchOptions(text_column="text", **given), "parquet", "utf-8")
    assert spec.schema is not None
    empty = {f.name: pa.array([], f.type) for f in spec.schema}
    pq.write_table(pa.table(empty, schema=spec.schema), tmp_path / "part.parquet")
    read = pd.read_parquet(tmp_path / "part.parquet")
    assert {c: str(read[c].dtype) for c in expected} == expected
    assert ("row" in read) is (given["id_column"] is None)
