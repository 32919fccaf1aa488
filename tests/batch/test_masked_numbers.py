"""batch --mask-pii and a number in the text column: masked as its digits are written, in every format and engine.

Regression: a JSONL, Parquet or xlsx number of the text column (123456789018, a valid My Number) was copied to the
output unmasked, while the same digits as a string were masked.
"""

import json
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import taikai

MY_NUMBER = 123456789018


def _write(path, values):
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps({"id": n, "text": v}) + "\n" for n, v in enumerate(values)), "utf-8")
    elif path.suffix == ".parquet":
        pq.write_table(pa.table({"id": list(range(len(values))), "text": values}), path)
    elif path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        book.active.append(["id", "text"])
        for n, value in enumerate(values):
            book.active.append([n, value])
        book.save(path)
    else:
        path.write_text("id,text\n" + "".join(f"{n},{v}\n" for n, v in enumerate(values)), "utf-8")


def _texts(path):
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()], None
    if path.suffix == ".parquet":
        table = pq.read_table(path)
        return table.column("text").to_pylist(), table.schema.field("text").type
    if path.suffix == ".xlsx":
        rows = list(openpyxl.load_workbook(path).active.values)
        return [row[rows[0].index("text")] for row in rows[1:]], None
    lines = path.read_text("utf-8").splitlines()[1:]
    return [line.split(",")[1] for line in lines], None


@pytest.mark.filterwarnings("ignore:.*no row could be classified")  # a Parquet column of numbers only
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize(
    ("name", "values", "expected", "kind"),
    [
        ("in.jsonl", ["手数料が高い", MY_NUMBER, 12.5], ["手数料が高い", "[個人番号]", "12.5"], None),
        ("in.parquet", [MY_NUMBER, 5], ["[個人番号]", "5"], pa.string()),  # an int64 column: text now
        ("in.parquet", [float(MY_NUMBER), None], ["[個人番号]", None], pa.string()),
        # a NaN, left a float among the texts, stopped a Parquet or xlsx output ("holds string values in the first
        # rows but other values"): it is a missing text, as the Dask engine writes it
        ("in.parquet", [float(MY_NUMBER), float("nan")], ["[個人番号]", None], pa.string()),
        ("out.xlsx", [float(MY_NUMBER), float("nan")], ["[個人番号]", None], None),
        ("in.xlsx", ["手数料が高い", MY_NUMBER], ["手数料が高い", "[個人番号]"], None),
        ("in.csv", ["手数料が高い", MY_NUMBER], ["手数料が高い", "[個人番号]"], None),  # text already: as it was
    ],
)
def test_a_number_in_the_text_column_is_masked(tmp_path, tiny_model_dir, jobs, name, values, expected, kind):
    out = tmp_path / f"out{Path(name).suffix}"
    source = tmp_path / (name if name.startswith("in.") else "in.parquet")  # out.xlsx: Parquet in, xlsx out
    _write(source, values)
    summary = taikai.classify_file(source, out, "text", model=tiny_model_dir, mask_pii=True, jobs=jobs)
    texts, written = _texts(out)
    assert texts == expected
    assert written is None or written == kind
    assert summary.masks == {"my_number": 1}
    assert summary.statuses.get("error", 0) == sum(1 for v in expected if v is not None and v != "手数料が高い")


@pytest.mark.filterwarnings("ignore:.*no row could be classified")  # no cell is a text
@pytest.mark.parametrize(
    ("cells", "expected"),
    [  # a struct's field name holding an address was written as it was, its value lost (None)
        ([{"taro@example.com": "田中さんに090-1234-5678"}], [{"[メール]": "[人名]さんに[電話番号]"}]),
        ([{"tel": MY_NUMBER, "body": "田中さん"}], [{"tel": "[個人番号]", "body": "[人名]さん"}]),  # refused before
        ([[MY_NUMBER, 5]], [["[個人番号]", "5"]]),  # a list of numbers: refused before
        ([{"a@example.com": "x", "b@example.com": "y"}], [{"[メール]": "x", "[メール] (2)": "y"}]),
        ([[1.5, float("nan")]], [["1.5", None]]),  # a NaN among them: refused as "other values" before
    ],
)
def test_a_parquet_struct_or_list_cell_is_written_masked(tmp_path, tiny_model_dir, cells, expected):
    source, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(pa.table({"text": pa.array(cells)}), source)
    taikai.classify_file(source, out, "text", model=tiny_model_dir, mask_pii=True)
    texts, _ = _texts(out)
    assert texts == expected
    written = out.read_bytes() + json.dumps(texts, ensure_ascii=False).encode()
    for value in (b"taro@example.com", b"090-1234-5678", "田中".encode(), b"1234", b"a@example.com"):
        assert value not in written
