"""The Dask engine's Parquet input: its files' columns must be alike, and Hive keys come from the folders below the
input only."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from taikai.errors import InputError
from taikai.io import open_reader

dask_input = pytest.importorskip("taikai.batch._dask_input")
dask_parquet = pytest.importorskip("taikai.batch._dask_parquet")

ROW = {"id": [1], "text": ["手数料が高い"]}
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")  # Dask's, pandas 3.1


def _write(root: Path, files: dict[str, dict[str, list[object]]]) -> None:
    for name, columns in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame(columns).to_parquet(root / name, index=False)


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({"a.parquet": ROW, "b.parquet": {**ROW, "x": [2]}}, "a.parquet: has no column 'x', which {in}/b.parquet has"),
        ({"a.parquet": {**ROW, "x": [2]}, "b.parquet": ROW}, "b.parquet: has no column 'x', which {in}/a.parquet has"),
        (
            {"year=2024/a.parquet": {**ROW, "year": [2024]}, "year=2025/b.parquet": {**ROW, "year": [2025]}},
            "year=2024/a.parquet: 'year' is both a column of the file and a key of its folders' names (year=...)",
        ),
    ],
    ids=["a-later-file-has-a-column-more", "a-later-file-lacks-a-column", "a-hive-key-is-a-column"],
)
def test_read_input_refuses_parquet_files_whose_columns_differ(tmp_path, files, said):
    """Regression: an extra column in a later file was dropped from the output unsaid; one the later file lacked
    stopped the run with a KeyError traceback; a Hive key that was also a column, with an ArrowTypeError's."""
    root = tmp_path / "in"
    _write(root, files)
    with pytest.raises(InputError) as caught:
        dask_input.read_input(root, text_column="text")
    assert str(caught.value).startswith(f"{root}/" + said.format(**{"in": root})), caught.value


@pytest.mark.parametrize(
    ("given", "columns", "keys"),
    [
        ("run=1/dump", ["id", "text"], None),
        ("run=1/dump/a.parquet", ["id", "text"], None),
        ("run=1/dump/*.parquet", ["id", "text"], None),
        ("run=1/hive", ["id", "text", "year"], ["2024", "2025"]),
        ("run=1/hive/year=*/*.parquet", ["id", "text", "year"], ["2024", "2025"]),
        ("run=1/hive/year=2024", ["id", "text"], None),  # one partition's folder: its key is above it
    ],
)
def test_read_input_reads_hive_keys_from_the_folders_below_the_input_only(tmp_path, monkeypatch, given, columns, keys):
    """Regression: /data/run=1/dump/ read a column 'run' (1 on every row) that no file holds, from a folder above
    the input; with a column 'run' in the files, it stopped with an ArrowTypeError traceback."""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "run=1", {"dump/a.parquet": ROW, "dump/b.parquet": ROW})
    _write(tmp_path / "run=1" / "hive", {"year=2024/a.parquet": ROW, "year=2025/a.parquet": ROW})
    ddf, schema = dask_input.read_input(given, text_column="text")
    frame = ddf.compute(scheduler="sync")
    assert schema.names == columns and list(frame.columns) == columns
    if keys is not None:
        assert frame["year"].tolist() == keys


@pytest.mark.parametrize(
    ("folders", "values"),
    [
        (["month=01", "month=12"], ["01", "12"]),
        # Dask orders the files naturally (007 is 7); the values were 1000.0, 2.0 and NaN: 007 lost
        (["shop=007", "shop=1e3", "shop=2"], ["1e3", "2", "007"]),
        (["day=2024-01-05", "day=2024-02-29"], ["2024-01-05", "2024-02-29"]),
        (["flag=no", "flag=true"], ["no", "true"]),
        (["year=2024/month=01", "year=2024/month=02"], ["01", "02"]),
        (["m=a%20b", "m=__HIVE_DEFAULT_PARTITION__"], [None, "a b"]),  # as Arrow reads them
        (["month=01", "other"], ["01", None]),  # a file whose folders lack the key
    ],
)
def test_read_input_keeps_hive_key_values_as_written(tmp_path, folders, values):
    """Regression: Arrow guessed each key's type from its values: ``month=01`` was the number 1, ``shop=1e3`` 1000.0
    and ``shop=007`` beside it null (lost), ``day=2024-01-05`` a date; a key is a label, kept as its folder says."""
    _write(tmp_path, {f"{folder}/a.parquet": ROW for folder in folders})
    ddf, schema = dask_input.read_input(tmp_path, text_column="text")
    key = folders[0].rpartition("/")[2].partition("=")[0]
    assert schema.field(key).type in (pa.string(), pa.large_string())
    assert [None if pd.isna(v) else v for v in ddf.compute(scheduler="sync")[key]] == values


@pytest.mark.parametrize(
    ("second", "column", "values"),
    [
        ({"id": [3], "text": [5]}, "text", ["手数料が高い", 5]),
        ({"id": ["x3"], "text": ["報酬が安い"]}, "id", [1, "x3"]),
        ({"id": [3.5], "text": ["報酬が安い"]}, "id", [1, 3.5]),
    ],
)
@pytest.mark.parametrize("first", ["a", "c"])
def test_read_input_reads_each_file_below_hive_folders_in_its_own_types(tmp_path, second, column, values, first):
    """Regression: below Hive folders Arrow read every file with the first file's schema: a column int64 in one
    file and text in another stopped the read ("Failed to parse string ... as int64", naming no file) or its ints
    were read as text ('5'); each file keeps its own types, as without Hive folders, and the keys are added."""
    _write(tmp_path / "month=01", {"b.parquet": ROW, f"{first}.parquet": second})
    frame = dask_input.read_input(tmp_path, text_column="text")[0].compute(scheduler="sync")
    got = frame[column].tolist()
    assert (got if first == "c" else got[::-1]) == values
    assert frame["month"].tolist() == ["01", "01"]


def _categories(values: list[str]) -> pd.Series:
    return pd.Series(values, dtype="category")


@pytest.mark.parametrize("column", ["text", "platform"])
@pytest.mark.parametrize("which", ["first", "second", "both"])
def test_read_input_reads_a_category_column_in_some_files_as_its_values(tmp_path, column, which):
    """Regression: a column pandas wrote as a category (a dictionary in Parquet) in one file and as text in another
    stopped the run: "the column 'platform' is dictionary<values=string, ...> in a.parquet but string in
    b.parquet", though every value is text in both."""
    root = tmp_path / "in"
    root.mkdir()
    texts, platforms = ["手数料が高い", "報酬が安い"], ["A社", "B社"]
    for k, name in enumerate(["a", "b"]):
        frame = pd.DataFrame({"text": [texts[k]], "platform": [platforms[k]]})
        if which in (["first", "second"][k], "both"):
            frame[column] = _categories(frame[column].tolist())
        frame.to_parquet(root / f"{name}.parquet", index=False)
    ddf, schema = dask_input.read_input(root, text_column="text")
    frame = ddf.compute(scheduler="sync")
    assert frame["text"].tolist() == texts and frame["platform"].tolist() == platforms
    kind = str(schema.field(column).type)
    assert kind.startswith("dictionary<values=string") if which == "both" else kind in ("string", "large_string")


@pytest.mark.parametrize(
    "index",
    [
        pytest.param(lambda df: df.set_index([df.index, "x"]).rename_axis([None, None]), id="unnamed-second-level"),
        pytest.param(lambda df: df.set_index([df.index, "x"]).rename_axis([None, "x"]), id="named-second-level"),
        pytest.param(lambda df: df.set_index("x").rename_axis(None), id="unnamed-index"),
        pytest.param(lambda df: df.set_index("x"), id="named-index"),
        pytest.param(lambda df: df.set_index(["x", "id"]), id="two-named-levels"),
        pytest.param(lambda df: df.iloc[1:], id="range-index"),
    ],
)
@pytest.mark.parametrize("files", [1, 2])
def test_read_input_reads_a_stored_pandas_index_as_the_local_engine_does(tmp_path, index, files):
    """Regression: a file whose pandas index has a named level beside an unstored one stopped the run with Dask's
    KeyError traceback; an unnamed level stored (``__index_level_1__``) was dropped from the output unsaid; a named
    index came first. The local engine reads them as the columns the file holds, in its order."""
    frame = pd.DataFrame({"id": ["a", "b", "c"], "x": [7, 3, 9], "text": ["手数料が高い", "報酬が安い", "時間"]})
    for k in range(files):
        index(frame).to_parquet(tmp_path / f"{k}.parquet")
    local = open_reader(tmp_path / "0.parquet", "parquet")
    rows = [row for chunk in local.chunks(100) for row in zip(*chunk.data, strict=True)]
    ddf, schema = dask_input.read_input(tmp_path, text_column="text")
    read = ddf.compute(scheduler="sync")
    assert schema.names == local.columns and list(read.columns) == local.columns
    assert [tuple(r) for r in read.astype(object).values.tolist()] == rows * files


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ([[0, 1], [0, 1, 3]], "it is the index pandas writes of a frame whose index is not 0, 1, 2, ... (a filtered "),
        ([[0, 1, 3], [0, 1]], "write the files with df.to_parquet(path, index=False), or classify the files apart"),
    ],
)
def test_a_pandas_index_some_files_hold_says_how_to_write_them_alike(tmp_path, rows, said):
    """Regression: a column '__index_level_0__' that one file lacked was said as one the user made ("give every
    file the same columns (null where one has no value)"), though pandas wrote it, of a filtered frame's index."""
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": ["手数料が高い", "報酬が安い", "時間", "x"]})
    for k, kept in enumerate(rows):
        frame.iloc[kept].to_parquet(tmp_path / f"{k}.parquet")
    with pytest.raises(InputError, match="has no column '__index_level_0__'") as caught:
        dask_input.read_input(tmp_path, text_column="text")
    assert said in str(caught.value)


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (pa.array(["報酬が安い"], pa.string_view()), "string_view"),
        (pa.array([b"x"], pa.binary_view()), "binary_view"),
        (pa.array([["a"]], pa.list_(pa.string_view())), "list<element: string_view>"),
        (pa.array([{"a": b"x"}], pa.struct([("a", pa.binary_view())])), "struct<a: binary_view>"),
    ],
)
@pytest.mark.parametrize("column", ["text", "x"])
def test_a_column_of_an_arrow_view_type_is_refused_before_the_cluster_naming_it(tmp_path, values, said, column):
    """Regression: a string_view or binary_view column (Polars and DuckDB write them), the text column or another,
    stopped the Dask engine with a traceback on the cluster ("ArrowNotImplementedError: Function 'array_take' has
    no kernel matching input types (string_view, int32)"); the local engine reads it."""
    from taikai.dask import classify_files

    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": ["報酬が安い"], "x": ["a"], column: values}), path)
    with pytest.raises(InputError, match=rf"in\.parquet: the column '{column}' is {re.escape(said)}, .*local engine"):
        classify_files(path, tmp_path / "out", "text", scheduler="tcp://127.0.0.1:9")  # never reached


@pytest.mark.parametrize(
    "values",
    [pa.array([["a"]], pa.list_view(pa.string())), pa.array(["a"]).dictionary_encode(), pa.array([[("k", "v")]])],
)
def test_a_list_view_a_dictionary_and_a_list_of_pairs_are_read(tmp_path, values):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"x": values}), path)
    dask_parquet.check_no_views(dask_parquet.file_types([path]))
