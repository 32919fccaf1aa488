"""The Dask engine on Parquet columns of nested and odd Arrow types, the text column or another, with and without
mask_pii: the same rows as the local engine, in Parquet, CSV and JSONL parts, never a traceback."""

import datetime
import decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import taikai
from taikai.dask import classify_files

pytestmark = [
    pytest.mark.slow,  # a 2-process cluster
    pytest.mark.filterwarnings("ignore:.*has no worker yet.*:taikai.errors.DataWarning"),
    pytest.mark.filterwarnings("ignore:.*no row could be classified"),  # a text column of no text
]

T = "報酬が安いので田中さんに taro@example.com で連絡"
U = "本業が忙しくなり時間がなくなった"
KINDS = {
    "map": pa.array([[("a", T), (T, "b")], None, [], [("k", U)]], pa.map_(pa.string(), pa.string())),
    "list<map>": pa.array([[[("a", T)]], None, [], [None]], pa.list_(pa.map_(pa.string(), pa.string()))),
    "map<list>": pa.array([[("a", [1, 2])], None, [], [(T, None)]], pa.map_(pa.string(), pa.list_(pa.int64()))),
    "list<struct>": pa.array(
        [[{"a": T, "n": 1}], None, [], [{"a": None, "n": 2}]],
        pa.list_(pa.struct([("a", pa.string()), ("n", pa.int64())])),
    ),
    "struct<list>": pa.array([{"l": [T, U]}, None, {"l": []}, {"l": None}]),
    "large_string": pa.array([T, None, U, ""], pa.large_string()),
    "dictionary": pa.array([T, None, U, T]).dictionary_encode(),
    "large_list": pa.array([[T, U], None, [], [None]], pa.large_list(pa.string())),
    "fixed_size_list": pa.array([[T, U], None, [U, None], ["a", "b"]], pa.list_(pa.string(), 2)),
    "binary": pa.array([T.encode(), None, U.encode(), b"\xff"], pa.binary()),
    "decimal": pa.array([decimal.Decimal("123456789018.00"), None, decimal.Decimal("1.50"), decimal.Decimal("-2")]),
    "timestamp tz": pa.array(
        [datetime.datetime(2024, 1, 2, 3, 4, 5), None, datetime.datetime(2024, 6, 1), datetime.datetime(1999, 1, 1)],
        pa.timestamp("us", tz="Asia/Tokyo"),
    ),
    "timestamp ns": pa.array([1_700_000_000_123_456_789, None, 0, 1], pa.timestamp("ns", tz="UTC")),
    "duration": pa.array([datetime.timedelta(seconds=90), None, datetime.timedelta(days=1), None], pa.duration("s")),
    "null": pa.array([None] * 4, pa.null()),
    "float nan": pa.array([1.5, None, float("nan"), 123456789018.0]),
}


def _outputs(client, model, src, tmp_path, fmt, mask):
    """Run both engines on *src*; return the local output and the Dask parts, each as one thing to compare."""
    options = {"id_column": "id", "model": model, "mask_pii": mask, "output_format": fmt}
    local, folder = tmp_path / f"local.{fmt}", tmp_path / "out"
    expected = taikai.classify_file(src, local, "text", progress=False, **options)
    summary = classify_files(src, folder, "text", client=client, partitions=3, **options)
    assert summary.statuses == expected.statuses and summary.masks == expected.masks
    parts = sorted(folder.glob(f"part.*.{fmt}"))
    if fmt == "parquet":
        return pq.read_table(local), pa.concat_tables([pq.read_table(p) for p in parts])
    skip = 1 if fmt == "csv" else 0  # a CSV part's header
    lines = [line for k, p in enumerate(parts) for line in p.read_bytes().splitlines(True)[(k > 0) * skip :]]
    return local.read_bytes(), b"".join(lines)


def _same(local, dask) -> None:
    if isinstance(local, bytes):
        assert dask == local  # byte for byte
        return
    assert dask.schema.equals(local.schema, check_metadata=False)
    for name in local.column_names:  # a dictionary column's dictionary is each part's own
        assert str(dask.column(name).to_pylist()) == str(local.column(name).to_pylist()), name  # NaN as NaN


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
@pytest.mark.parametrize("mask", [False, True], ids=["plain", "mask_pii"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_text_column_of_each_arrow_type_gives_the_local_engine_s_rows(
    client, tiny_model_dir, tmp_path, kind, mask, fmt
):
    """Regression: with mask_pii, a map text column (or a list of maps, a map of lists) stopped the Dask engine with
    a traceback ("ArrowNotImplementedError: Unsupported cast from list<list<string>> to map"), as Arrow read the
    masked cells, lists of (key, value) tuples, as lists of lists; a nanosecond timestamp lost its nanoseconds; a
    date-and-time or duration text was "not text: a value of type Timestamp" (Timedelta), not datetime (timedelta)
    as in a local run."""
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": [1, 2, 3, 4], "text": KINDS[kind]}), src)
    _same(*_outputs(client, tiny_model_dir, src, tmp_path, fmt, mask))


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize("mask", [False, True], ids=["plain", "mask_pii"])
def test_other_columns_of_every_arrow_type_give_the_local_engine_s_rows(client, tiny_model_dir, tmp_path, mask, fmt):
    src = tmp_path / "in.parquet"
    columns = {f"x {kind}": values for kind, values in KINDS.items()}
    pq.write_table(pa.table({"id": [1, 2, 3, 4], "text": [T, None, U, ""], **columns}), src)
    _same(*_outputs(client, tiny_model_dir, src, tmp_path, fmt, mask))
