"""Files taikai does not read as they are (an old Excel workbook, a JSON array) are named as what they are, and a
data file given where texts are expected is told from a file of text lines."""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import json
import lzma
import shlex

import openpyxl
import pytest
from support_commands import InShell

from taikai.errors import INPUT_FORMAT, InputError
from taikai.io import binary_data_format, data_format, delimited_format, format_of, open_reader
from taikai.io._sniff import OLE2

ROWS = [{"id": 1, "text": "手数料が高い"}, {"id": 2, "text": "単価が安い"}]
ARRAY = json.dumps(ROWS, ensure_ascii=False).encode()  # as pandas to_json(orient="records") writes it
PRETTY = json.dumps(ROWS, ensure_ascii=False, indent=2).encode()
# one record per line between [ and ] (a script's or a console's export): the last record's line reads as an object
LINED = b"[\n" + b",\n".join(json.dumps(row, ensure_ascii=False).encode() for row in ROWS) + b"\n]\n"
XLS = OLE2 + bytes(504)


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["id", "text"])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


XLSX = _xlsx()
PARQUET = b"PAR1" + bytes(60)
GZIP = gzip.compress("手数料が高い\n".encode())
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
        # regression: "arr.jsonl:1: malformed record (invalid JSON: Expecting value …: is a closing }, ] or " missing?)"
        (
            "arr.jsonl",
            LINED,
            None,
            rf"arr\.jsonl: line 1 holds a JSON array, which taikai does not read; .*{JSONL_HINT}",
        ),
        ("arr.jsonl", codecs.BOM_UTF8 + LINED.replace(b"\n", b"\r\n"), None, r"arr\.jsonl: line 1 holds a JSON array"),
        ("arr.jsonl", b"\n\n" + LINED, None, r"arr\.jsonl: line 3 holds a JSON array"),
        ("arr.jsonl", codecs.BOM_UTF8 + b"\n" + ARRAY, None, r"arr\.jsonl: line 2 holds a JSON array"),
        ("arr.json", ARRAY, "jsonl", r"arr\.json: line 1 holds a JSON array"),
        # regression: "cannot tell the format from the extension '.json'", which led to the message above
        ("arr.json", ARRAY, None, rf"arr\.json: holds a JSON array, which taikai does not read; .*{JSONL_HINT}"),
        # regression: newline-delimited JSON named .json (BigQuery's, Snowflake's exports) got "cannot tell the format
        # from the extension '.json'" and the list of every format: it is named as JSON Lines, with how to read it
        (
            "arr.json",
            b'{"id": 1}\n',
            None,
            r"arr\.json: holds JSON Lines \(one object per line, as BigQuery's newline-delimited JSON export writes "
            r"it\), which the extension '\.json' does not say; read it with input_format='jsonl' \(--input-format "
            r"jsonl on the command line\), or name the file \.jsonl$",
        ),
        ("arr.json", codecs.BOM_UTF8 + b'\n{"id": 1}\r\n{"id": 2}\r\n', None, r"arr\.json: holds JSON Lines"),
        ("arr.json", b'{\n  "id": 1\n}\n', None, r"cannot tell the format from the extension '\.json'"),  # pretty
        ("arr.json", b'"id"\n', None, r"cannot tell the format from the extension '\.json'"),
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
        # regression: read as CSV (a line of binary as the header, or bytes that do not decode)
        (
            "old.csv",
            XLS,
            None,
            r"old\.csv: an \.xls \(Excel 97–2003\) workbook, whatever its name, is not read: save it as \.xlsx or CSV",
        ),
        ("old.tsv", XLS, "tsv", r"old\.tsv: an \.xls \(Excel 97–2003\) workbook, whatever its name, is not read"),
        (
            "book.csv",
            XLSX,
            None,
            r"book\.csv is an \.xlsx \(Excel\) workbook, whatever its name, not a CSV file; rename it \.xlsx, or save "
            r"it as CSV from Excel$",
        ),
        (
            "book.jsonl",
            XLSX,
            None,
            r"book\.jsonl is an \.xlsx \(Excel\) workbook, whatever its name, not a JSON Lines",
        ),
        (
            "book.xlsx",
            XLSX,
            "csv",
            r"book\.xlsx is an \.xlsx \(Excel\) workbook, not a CSV file; read it as xlsx, not",
        ),
        (
            "book.xls",
            XLSX,
            None,
            r"book\.xls is an \.xlsx \(Excel\) workbook, whatever its name, not an \.xls \(Excel",
        ),
        (
            "data.csv",
            PARQUET,
            None,
            r"data\.csv is a Parquet file, whatever its name, not a CSV file; rename it \.parquet$",
        ),
        (
            "data.zip.csv",
            b"PK\x03\x04rest",
            None,
            r"data\.zip\.csv is a zip archive, not a CSV file; extract the file",
        ),
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
        ("dump", "review_id,posted_at,text\nR1,2025-01-01,手数料が高い\nR2,2025-01-02,安い\n".encode(), "csv"),
        ("dump", "id\ttext\n1\t手数料が高い\n2\t安い\n".encode(), "tsv"),
        ("dump", codecs.BOM_UTF8 + "id,text\n1,高い\n".encode(), "csv"),
        ("dump", "id,text\n1,高い\n".encode("cp932"), "csv"),
        ("dump", b'{"text": "x"}\n', "jsonl"),
        ("dump", ARRAY, "json"),
        ("dump.txt", XLSX, "xlsx"),  # a binary file, whatever its name
        ("dump.txt", b"PK\x03\x04rest", "zip"),
        ("dump.txt", b"PAR1rest", "parquet"),
        ("dump.txt", XLS, "xls"),
        ("old.xlsx", XLS, "xls"),
        ("book.csv", XLSX, "xlsx"),  # regression: "csv", by its extension
        ("old.csv", XLS, "xls"),
        # regression: a .txt file was a table when its first lines held as many commas or tabs: never one
        ("dump.txt", "review_id,posted_at,text\nR1,2025-01-01,手数料が高い\nR2,2025-01-02,安い\n".encode(), None),
        ("dump.txt", "id\ttext\n1\t手数料が高い\n2\t安い\n".encode(), None),
        ("dump.txt", b'{"text": "x"}\n', None),
        ("dump.txt", ARRAY, None),
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


@pytest.mark.parametrize(
    ("option", "table"),
    [
        (None, "give it the extension .csv or .tsv"),
        (INPUT_FORMAT, "name its format with input_format= (--input-format on the command line): csv or tsv"),
    ],
)
def test_a_txt_file_is_said_to_be_plain_text_whatever_it_holds(tmp_path, option, table):
    """Regression: "cannot tell the format from the extension '.txt'", saying nothing of one review per line."""
    path = tmp_path / "reviews.txt"
    path.write_text("手数料が高い,辞めた\n単価が安い\t遅い\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        format_of(path, None, option)
    assert str(caught.value) == (
        f"{path}: a .txt file is plain text, not a table: to classify its lines, one review per line, give them to "
        f"predict (taikai predict < {path} on the command line, model.predict(lines) in Python); if it holds a table "
        f"(a header, then one row per line), {table}"
    )
    assert format_of(path, "csv", option) == "csv"  # a table named .txt, read as its format is named


@pytest.mark.parametrize(
    ("content", "option", "message"),
    [
        (
            XLSX,
            None,
            " is an .xlsx (Excel) workbook, whatever its name, not a plain text file; rename it .xlsx, or save it as "
            "CSV from Excel",
        ),
        (
            XLSX,
            INPUT_FORMAT,
            " is an .xlsx (Excel) workbook, whatever its name, not a plain text file; name its format with "
            "input_format= (--input-format on the command line): xlsx, or rename it .xlsx, or save it as CSV from "
            "Excel",
        ),
        (PARQUET, None, " is a Parquet file, whatever its name, not a plain text file; rename it .parquet"),
        (b"PK\x03\x04rest", None, " is a zip archive, not a plain text file; extract the file it holds and give that"),
        (
            XLS,
            None,
            ": an .xls (Excel 97–2003) workbook, whatever its name, is not read: save it as .xlsx or CSV from Excel",
        ),
        (
            GZIP,
            None,
            " is gzip-compressed data (by its first bytes), not a plain text file; decompress it first "
            "(gunzip -c {quoted} > {sh[OUT.txt]}) and give the file that makes",
        ),
    ],
    ids=["xlsx", "xlsx-option", "parquet", "zip", "xls", "gzip"],
)
def test_a_txt_file_holding_a_binary_data_file_is_named_as_such(tmp_path, content, option, message):
    """Regression: a workbook or Parquet file named .txt got the plain-text advice (give its lines to predict)."""
    path = tmp_path / "book.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        format_of(path, None, option)
    assert str(caught.value) == f"{path}{message.format(quoted=shlex.quote(str(path)), sh=InShell(tmp_path))}"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (XLSX, "xlsx"),
        (PARQUET, "parquet"),
        (XLS, "xls"),
        (b"PK\x03\x04rest", "zip"),
        ("手数料".encode(), None),
        (GZIP, "gzip"),
        (bz2.compress(b"x"), "bzip2"),
        (lzma.compress(b"x"), "xz"),
        (b"\x28\xb5\x2f\xfd" + bytes(12), "zstd"),
        (b"BZh9 is how a review may begin\n", None),  # no bzip2 block after BZh9
    ],
    ids=["xlsx", "parquet", "xls", "zip", "text", "gzip", "bzip2", "xz", "zstd", "BZh-text"],
)
def test_binary_data_format_tells_piped_bytes_as_a_file_s(data, fmt):
    assert binary_data_format(data) == fmt


def test_a_txt_output_is_refused_as_before():
    from taikai.errors import OUTPUT_FORMAT

    with pytest.raises(InputError, match=r"out\.txt: cannot tell the format from the extension '\.txt'; name the"):
        format_of("out.txt", None, OUTPUT_FORMAT)


@pytest.mark.parametrize(
    ("lines", "fmt"),
    [
        (["id,text", "1,手数料が高い"], "csv"),
        (["id\ttext", "1\t手数料が高い", "2\t単価が安い"], "tsv"),
        (["手数料が高い、でも,まあ", "本業,時間"], None),  # a sentence mark: a review, not a header
        (["id,text"], None),  # a header alone: nothing under it says it is one
        (["手数料が高い", "単価が安い"], None),
        (["投稿日,お名前,本文", "2025-01-01,田中,手数料が高い"], "csv"),  # Japanese column names
    ],
)
def test_delimited_format_judges_lines_as_a_file_s_first_lines_are_judged(tmp_path, lines, fmt):
    assert delimited_format(lines) == fmt
    path = tmp_path / "lines.dat"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (data_format(path) if fmt else None) == fmt


@pytest.mark.parametrize(
    "lines",
    [
        ["時給換算で300円,やめました", "修正依頼が多すぎて,心が折れた"],  # the reviewer's two reviews
        ["単価が安い,辞めた", "手数料,高い", "本業,忙しい"],
        ["単価が安い\t辞めた", "手数料\t高い"],
    ],
)
def test_reviews_with_a_comma_each_are_no_table_on_standard_input(lines):
    """Regression: two reviews holding one comma each were said to look like a CSV table."""
    assert delimited_format(lines) is None
