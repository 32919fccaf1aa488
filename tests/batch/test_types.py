"""taikai batch: the column types of a Parquet or xlsx output, and whether the run succeeds, do not depend on
--chunk-size or --jobs (they are read from the whole input, not from its first chunk)."""

from __future__ import annotations

import csv
import json

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import Interrupted
from taikai.cli import cli

TEXT = "報酬が安い"
# (name, the `score` values of 10 rows, the Parquet type a one-chunk run writes them as)
MIXED = [
    ("int then text", [*range(5), "abc", "abc", "x", "y", "z"], pa.string()),
    ("int then float", [*range(5), 5.5, 6.5, 7.0, 8, 9], pa.float64()),
    ("int then null", [*range(5), None, None, 7, 8, 9], pa.int64()),
    ("null then int", [None] * 5 + [*range(5)], pa.int64()),
    ("bool then int", [True, False] * 2 + [True, *range(5)], pa.string()),
    ("list then text", [[1]] * 5 + ["a"] * 5, pa.string()),
    ("objects with other keys", [{"a": 1}] * 5 + [{"b": "x"}] * 5, pa.string()),
    ("an int beyond 64 bits", [*range(5), 2**63 + 5, 1, 1, 1, 1], pa.string()),
]


def write_input(path, values):
    if path.suffix == ".xlsx":
        wb = openpyxl.Workbook()
        wb.active.append(["id", "text", "score"])
        for i, v in enumerate(values):
            wb.active.append([i, TEXT, v])
        wb.save(path)
    else:
        rows = ({"id": i, "text": TEXT, "score": v} for i, v in enumerate(values))
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_output(path):
    """Return the output as comparable values: a Parquet table (schema included), or the xlsx cells and kinds."""
    if path.suffix == ".parquet":
        return pq.read_table(path)
    return [[(c.value, c.data_type) for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]


def run_batch(src, out, model_dir, *options):
    args = ["batch", str(src), "--text-column", "text", "-o", str(out), "--model", str(model_dir), *options]
    return CliRunner().invoke(cli, args)


CASES = [(name, values, kind, "jsonl") for name, values, kind in MIXED] + [
    ("xlsx numbers then 'N/A'", [*range(5)] + ["N/A"] * 5, pa.string(), "xlsx")
]


@pytest.mark.parametrize("out_fmt", ["parquet", "xlsx"])
@pytest.mark.parametrize(("name", "values", "kind", "in_fmt"), CASES, ids=[c[0] for c in CASES])
def test_chunk_size_and_jobs_change_neither_success_nor_types(
    tmp_path, tiny_model_dir, name, values, kind, in_fmt, out_fmt
):
    src = tmp_path / f"in.{in_fmt}"
    write_input(src, values)
    outputs = {}
    for options in (
        ["--chunk-size", "100"],
        ["--chunk-size", "1"],
        ["--chunk-size", "3"],
        ["--chunk-size", "3", "--jobs", "2"],
    ):
        out = tmp_path / f"out{len(outputs)}.{out_fmt}"
        result = run_batch(src, out, tiny_model_dir, *options)
        assert result.exit_code == 0, (options, result.output)
        outputs[" ".join(options)] = read_output(out)
    one_chunk = outputs.pop("--chunk-size 100")
    if out_fmt == "parquet":
        assert one_chunk.schema.field("score").type == kind
    for options, output in outputs.items():
        assert output == one_chunk, options


def test_mixed_column_is_written_as_text_of_each_value(tmp_path, tiny_model_dir):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    write_input(src, [0, 1.5, "abc", None, [1, "x"], {"k": "値"}, True, 2**64, 3, "z"])
    result = run_batch(src, out, tiny_model_dir, "--chunk-size", "2")
    assert result.exit_code == 0, result.output
    scores = pq.read_table(out).column("score").to_pylist()
    assert scores == ["0", "1.5", "abc", None, '[1, "x"]', '{"k": "値"}', "true", str(2**64), "3", "z"]


def test_resumed_run_of_a_mixed_column_gives_the_same_file(stop_after, tmp_path, tiny_model_dir):
    src, full, out = tmp_path / "in.jsonl", tmp_path / "full.parquet", tmp_path / "out.parquet"
    write_input(src, MIXED[0][1])
    options = {"model": tiny_model_dir, "chunk_size": 3}
    taikai.classify_file(src, full, "text", **options)
    with pytest.raises(Interrupted, match="--resume"):
        taikai.classify_file(src, out, "text", on_chunk=stop_after(1), **options)
    taikai.classify_file(src, out, "text", resume=True, **options)
    assert out.read_bytes() == full.read_bytes()
    assert pq.read_table(out).column("score").to_pylist()[4:6] == ["4", "abc"]


OBJECTS = [{"platform": "CW"}, {}, {"tags": ["a", "値"]}, None]
LISTS = [["a", "値"], [], None, [1, 2]]


@pytest.mark.parametrize("out_fmt", ["csv", "jsonl", "parquet", "xlsx"])
@pytest.mark.parametrize("values", [OBJECTS, LISTS], ids=["objects", "lists"])
def test_objects_and_lists_are_their_json_text_in_every_format(tmp_path, tiny_model_dir, out_fmt, values):
    src, out = tmp_path / "in.jsonl", tmp_path / f"out.{out_fmt}"
    write_input(src, values)
    result = run_batch(src, out, tiny_model_dir, "--chunk-size", "2")
    assert result.exit_code == 0, result.output
    if out_fmt == "parquet":
        scores = pq.read_table(out).column("score").to_pylist()
    elif out_fmt == "xlsx":
        scores = [row[2].value for row in openpyxl.load_workbook(out).active.iter_rows(min_row=2)]
    elif out_fmt == "csv":
        with open(out, encoding="utf-8", newline="") as f:
            scores = [row["score"] or None for row in csv.DictReader(f)]
    else:
        scores = [json.loads(line)["score"] for line in out.read_text(encoding="utf-8").splitlines()]
        scores = [None if v is None else json.dumps(v, ensure_ascii=False) for v in scores]
    assert scores == [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]


def _typed_parquet(path, kind: str) -> None:
    """Write a Parquet input whose `score` column is of a type Excel has no cell for, or a nested one."""
    import datetime

    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    values = {
        "timestamp with a time zone": pa.array([datetime.datetime(2024, 1, 2, 3, 4, tzinfo=tokyo), None]),
        "struct": pa.array([{"platform": "CW", "n": 1}, None]),
        "map": pa.array([[("a", 1)], None], pa.map_(pa.string(), pa.int64())),
        "list": pa.array([["a", "値"], None]),
    }[kind]
    pq.write_table(pa.table({"id": [1, 2], "text": [TEXT, TEXT], "score": values}), path)


@pytest.mark.parametrize("kind", ["timestamp with a time zone", "struct", "map", "list"])
def test_parquet_values_excel_has_no_cell_for_are_written_to_xlsx_as_csv_writes_them(tmp_path, tiny_model_dir, kind):
    """Regression: a Parquet timestamp with a time zone (as most database exports write them) stopped an xlsx output
    after every row was classified ("Excel does not support timezones in datetimes"); a struct, map or list was
    written as Python's repr ({'platform': 'CW'}), not the JSON CSV writes."""
    src = tmp_path / "in.parquet"
    _typed_parquet(src, kind)
    for out in (tmp_path / "sheet.xlsx", tmp_path / "table.csv"):
        result = run_batch(src, out, tiny_model_dir)
        assert result.exit_code == 0, result.output
    sheet = [row[2].value for row in openpyxl.load_workbook(tmp_path / "sheet.xlsx").active.iter_rows(min_row=2)]
    with open(tmp_path / "table.csv", encoding="utf-8", newline="") as f:
        assert sheet == [row["score"] or None for row in csv.DictReader(f)]
    assert sheet[0] and sheet[0][0] in "2{[" and "'" not in sheet[0]


def test_a_binary_parquet_text_column_is_classified_and_written_back_as_its_bytes(tmp_path, tiny_model_dir):
    """Regression: every row of a binary text column was status=error ('not text: bytes; decode them first')."""
    src, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    texts = pa.array([TEXT.encode(), None, b"\xff"], pa.binary())
    pq.write_table(pa.table({"id": [1, 2, 3], "text": texts}), src)
    result = run_batch(src, out, tiny_model_dir)
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column("text").equals(pq.read_table(src).column("text"))  # the type and bytes as they were
    assert table.column("status").to_pylist() == ["ok", "empty", "error"]


@pytest.mark.parametrize(
    "values",
    [
        pa.array([b"\xff\xfe", None], pa.binary()),  # bytes of no UTF-8 text
        pa.array([b"\x83e\x83X\x83g", None], pa.large_binary()),  # CP932 bytes
        pa.array([b"\xff\xfe", None], pa.binary(2)),  # fixed size, no UTF-8 text
        pa.array([b"0123456789abcdef", None], pa.uuid()),  # a database's UUID column
    ],
    ids=["binary", "large_binary", "fixed_size_binary", "uuid"],
)
@pytest.mark.parametrize("column", ["text", "score"])
def test_parquet_bytes_and_uuids_are_written_to_xlsx_as_csv_writes_them(tmp_path, tiny_model_dir, values, column):
    """Regression: an xlsx output of a Parquet column of bytes that are no UTF-8 text, fixed-size bytes or UUIDs
    (the text column or another) stopped after every row was classified with "the complete output could not be
    written (); nothing was written" (openpyxl's ValueError, of no message): Excel has no cell for them."""
    src = tmp_path / "in.parquet"
    texts = pa.array([TEXT, TEXT])
    pq.write_table(pa.table({"id": [1, 2], "text": values if column == "text" else texts, "score": values}), src)
    for out in (tmp_path / "sheet.xlsx", tmp_path / "table.csv"):
        result = run_batch(src, out, tiny_model_dir)
        assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(tmp_path / "sheet.xlsx").active.values)
    with open(tmp_path / "table.csv", encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    for name in ("text", "score", "message"):
        j = table[0].index(name)
        assert [row[j] or None for row in rows[1:]] == [row[j] or None for row in table[1:]], name


@pytest.mark.parametrize("kind", [pa.binary(), pa.large_binary(), pa.binary(4), pa.binary_view()])
@pytest.mark.parametrize("masked", [False, True])
def test_every_parquet_type_of_bytes_is_written_to_csv_as_its_text(tmp_path, tiny_model_dir, kind, masked):
    """Regression: a Parquet column of fixed-size bytes or byte views was written to CSV as Python's ``b'abcd'``
    (masked or not), while binary and large binary columns were read as their UTF-8 text, ``abcd``."""
    src, out = tmp_path / "in.parquet", tmp_path / "out.csv"
    pq.write_table(pa.table({"text": [TEXT, TEXT], "code": pa.array([b"abcd", None], kind)}), src)
    result = run_batch(src, out, tiny_model_dir, *(["--mask-pii"] if masked else []))
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as f:
        assert [row["code"] for row in csv.DictReader(f)] == ["abcd", ""]


@pytest.mark.parametrize("out_name", ["out.parquet", "out.xlsx", "out.csv"])
def test_a_fixed_size_bytes_text_column_is_masked_to_any_length(tmp_path, tiny_model_dir, out_name):
    """Regression: a text column of fixed-size bytes (``binary(21)``) was never read as text: every row was an error
    and ``--mask-pii`` left its names in the output; read as text, a masked value is longer than the column's size,
    so a Parquet output writes the column as bytes of any size (``binary``)."""
    src, out = tmp_path / "in.parquet", tmp_path / out_name
    texts = pa.array(["田中さん辞めた".encode(), "手数料が高い！".encode()], pa.binary(21))
    pq.write_table(pa.table({"id": [1, 2], "text": texts}), src)
    result = run_batch(src, out, tiny_model_dir, "--mask-pii")
    assert result.exit_code == 0, result.output
    if out.suffix == ".parquet":
        table = pq.read_table(out)
        assert table.schema.field("text").type == pa.binary()
        written = [v.decode() for v in table.column("text").to_pylist()]
    elif out.suffix == ".xlsx":
        written = [row[1] for row in list(openpyxl.load_workbook(out).active.values)[1:]]
    else:
        with open(out, encoding="utf-8", newline="") as f:
            written = [row["text"] for row in csv.DictReader(f)]
    assert written == ["[人名]さん辞めた", "手数料が高い！"]
