"""Files taikai does not read as they are (an old Excel workbook, a JSON array) are named as what they are, and a
data file given where texts are expected is told from a file of text lines."""

from __future__ import annotations

import codecs
import json

import pytest

from taikai.errors import InputError
from taikai.io import data_format, format_of, open_reader
from taikai.io._sniff import OLE2

ROWS = [{"id": 1, "text": "手数料が高い"}, {"id": 2, "text": "単価が安い"}]
ARRAY = json.dumps(ROWS, ensure_ascii=False).encode()  # as pandas to_json(orient="records") writes it
PRETTY = json.dumps(ROWS, ensure_ascii=False, indent=2).encode()
XLS = OLE2 + bytes(504)
JSONL_HINT = r"write one object per line \(pandas: to_json\(orient='records', lines=True\)\)"


@pytest.mark.parametrize(
    ("name", "content", "fmt", "message"),
    [
        # regression: "no JSON object found; JSONL needs one object per line"
        (
            "arr.jsonl",
            ARRAY,
            None,
            rf"arr\.jsonl: line 1 holds a JSON array, which taikai does not read; .*{JSONL_HINT}",
        ),
        ("arr.jsonl", PRETTY, None, r"arr\.jsonl: line 1 holds a JSON array"),
        ("arr.jsonl", codecs.BOM_UTF8 + b"\n" + ARRAY, None, r"arr\.jsonl: line 2 holds a JSON array"),
        ("arr.json", ARRAY, "jsonl", r"arr\.json: line 1 holds a JSON array"),
        # regression: "cannot tell the format from the extension '.json'", which led to the message above
        ("arr.json", ARRAY, None, rf"arr\.json: holds a JSON array, which taikai does not read; .*{JSONL_HINT}"),
        ("arr.json", b'{"id": 1}\n', None, r"cannot tell the format from the extension '\.json'"),
        # regression: "cannot tell the format", then openpyxl's advice to use xlrd under input_format="xlsx"
        ("old.xls", XLS, None, r"old\.xls: \.xls \(Excel 97–2003\) is not read: save it as \.xlsx or CSV from Excel$"),
        (
            "old.xls",
            XLS,
            "xlsx",
            r"old\.xls: \.xls \(Excel 97–2003\) is not read: save it as \.xlsx or CSV from Excel$",
        ),
        (
            "old.xlsx",
            XLS,
            None,
            r"old\.xlsx: an \.xls \(Excel 97–2003\) workbook, whatever its name, is not read: save",
        ),
        ("old.xls", None, None, r"old\.xls: \.xls \(Excel 97–2003\) is not read"),  # missing: the name says enough
    ],
)
def test_a_json_array_or_an_old_workbook_is_named_as_such(tmp_path, name, content, fmt, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        open_reader(path, fmt)
    assert "xlrd" not in str(caught.value)


def test_an_xls_output_is_refused_as_one_not_written():
    with pytest.raises(InputError, match=r"out\.xls: taikai does not write \.xls \(Excel 97–2003\) workbooks: name"):
        from taikai.errors import OUTPUT_FORMAT

        format_of("out.xls", None, OUTPUT_FORMAT)


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.csv", b"", "csv"),  # the extension first
        ("a.TSV", b"", "tsv"),
        ("a.xls", b"", "xls"),
        ("a.json", b"", "json"),
        ("dump.txt", "review_id,posted_at,text\nR1,2025-01-01,手数料が高い\nR2,2025-01-02,安い\n".encode(), "csv"),
        ("dump.txt", "id\ttext\n1\t手数料が高い\n2\t安い\n".encode(), "tsv"),
        ("dump.txt", codecs.BOM_UTF8 + "id,text\n1,高い\n".encode(), "csv"),
        ("dump.txt", "id,text\n1,高い\n".encode("cp932"), "csv"),
        ("dump.txt", b'{"text": "x"}\n', "jsonl"),
        ("dump.txt", ARRAY, "json"),
        ("dump.txt", b"PK\x03\x04rest", "xlsx"),
        ("dump.txt", b"PAR1rest", "parquet"),
        ("dump.txt", XLS, "xls"),
        ("old.xlsx", XLS, "xls"),
        # one review per line: plain text, even with commas in it
        ("reviews.txt", "手数料が高い\n単価が安い\n".encode(), None),
        ("reviews.txt", "高い, 安い\n遅い, 少ない, 悪い\n".encode(), None),
        ("reviews.txt", "手数料が高い、単価も安い,辞めた\n案件が少ない,報酬も遅い\n".encode(), None),  # 、: no header
        ("reviews.txt", ("a" * 65 + ",b\nc,d\n").encode(), None),  # a field too long to be a column's name
        ("reviews.txt", b"", None),
        ("missing.txt", None, None),
    ],
)
def test_data_format_tells_a_data_file_from_text_lines(tmp_path, name, content, fmt):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert data_format(path) == fmt
