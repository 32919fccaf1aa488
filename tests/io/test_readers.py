"""The readers, driven directly (no model): what each format yields, line numbers, bad and blank records."""

from __future__ import annotations

import codecs
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from taikai.errors import InputError
from taikai.io import format_of, open_reader, read_labelled, read_predictions, read_table
from tests.support_workbooks import sheets_workbook

# (file name, bytes, columns, rows as read, file line of each row, bad lines, blank lines)
CASES = [
    ("a.csv", b"id,text\n1,x\n2,y\n", ["id", "text"], [["1", "x"], ["2", "y"]], [2, 3], [], 0),
    ("a.csv", b"id,text\r\n1,x\r\n", ["id", "text"], [["1", "x"]], [2], [], 0),
    ("bom.csv", codecs.BOM_UTF8 + b"id,text\n1,x\n", ["id", "text"], [["1", "x"]], [2], [], 0),
    # a BOM file's text written with a BOM of its own (read as utf-8, written as utf-8-sig): the column was '\ufeffid'
    ("bom2.csv", codecs.BOM_UTF8 * 2 + "本文,id\nx,1\n".encode(), ["本文", "id"], [["x", "1"]], [2], [], 0),
    ("bom2.csv", codecs.BOM_UTF8 * 2 + b'"text","id"\n"x",1\n', ["text", "id"], [["x", "1"]], [2], [], 0),
    ("bom2.jsonl", codecs.BOM_UTF8 * 2 + b'{"text": "x"}\n', ["text"], [["x"]], [1], [], 0),
    ("a.csv", b'id,text\n1,"two\nlines"\n2,y\n', ["id", "text"], [["1", "two\nlines"], ["2", "y"]], [2, 4], [], 0),
    ("a.csv", b"id,text\n1,x\n\n2,y\n", ["id", "text"], [["1", "x"], ["2", "y"]], [2, 4], [], 1),
    ("a.csv", b"id,text\n1,x,extra\n2,y\n", ["id", "text"], [["2", "y"]], [3], [2], 0),
    ("a.csv", b"id,text\n1\n", ["id", "text"], [], [], [2], 0),
    # one column: a blank line is a blank line, as a sheet's empty row is in xlsx (it was an empty review)
    ("one.csv", b"text\nx\n\n", ["text"], [["x"]], [2], [], 1),
    ("one_quoted.csv", b'text\nx\n""\n', ["text"], [["x"]], [2], [], 1),
    # a sheet's blank row saved as CSV/TSV (,, / tabs) is a blank line, as it is in the xlsx: not an empty review
    ("sheet.csv", b"id,text\n1,a\n,\n2,b\n", ["id", "text"], [["1", "a"], ["2", "b"]], [2, 4], [], 1),
    ("sheet.tsv", b"id\ttext\tdate\n\t\t\n1\ta\t\n", ["id", "text", "date"], [["1", "a", ""]], [3], [], 1),
    ("sheet_quoted.csv", b'id,text\n"",""\n1,\n', ["id", "text"], [["1", ""]], [3], [], 1),  # an empty text: a row
    ("a.csv", "id,text\n1,手数料\n".encode("cp932"), ["id", "text"], [["1", "手数料"]], [2], [], 0),
    ("a.tsv", b"id\ttext\n1\ta,b\n", ["id", "text"], [["1", "a,b"]], [2], [], 0),
    ("a.jsonl", b'{"id": 1, "text": "x"}\n\n{"id": 2}\n', ["id", "text"], [[1, "x"], [2, None]], [1, 3], [], 1),
    # a key the first object lacks is a column too (exports that leave out null values: BigQuery, jq)
    (
        "a.jsonl",
        b'{"id": 1, "text": "x"}\n[1]\n{"id": 2, "z": 0}\n',
        ["id", "text", "z"],
        [[1, "x", None], [2, None, 0]],
        [1, 3],
        [2],
        0,
    ),
    # a line of JSON null is a bad line, not a blank one (regression: counted among the blank lines skipped)
    ("a.jsonl", b'{"id": 1, "text": "x"}\nnull\n\n', ["id", "text"], [[1, "x"]], [1], [2], 1),
    # files that each began with a BOM, joined (cat a.jsonl b.jsonl): the second BOM is no bad line
    ("cat.jsonl", (codecs.BOM_UTF8 + b'{"id": 1, "text": "x"}\r\n') * 2, ["id", "text"], [[1, "x"]] * 2, [1, 2], [], 0),
    # a lone surrogate (an escape no UTF-8 can write), its hex in either case, in a value, a list or a key: a bad line
    ("s.jsonl", b'{"text": "x"}\n{"text": "\\ud800"}\n{"text": "\\uD800"}\n', ["text"], [["x"]], [1], [2, 3], 0),
    ("s.jsonl", b'{"text": "x"}\n{"text": ["\\uDC80"]}\n{"\\uDBFF": 1}\n', ["text"], [["x"]], [1], [2, 3], 0),
    ("s.jsonl", b'{"text": "\\uD83D\\uDE00"}\n', ["text"], [["\U0001f600"]], [1], [], 0),  # a pair: an emoji
    # an empty first object names no column: the next one does, and {} is a row of missing values
    ("a.jsonl", b'{}\n{"id": 1, "text": "x"}\n', ["id", "text"], [[None, None], [1, "x"]], [1, 2], [], 0),
    # bare CR line endings (old Mac, some Excel exports), alone or mixed with LF and CR LF: one line each
    ("cr.csv", b"id,text\r1,x\r2,y\r", ["id", "text"], [["1", "x"], ["2", "y"]], [2, 3], [], 0),
    ("cr.csv", b"id,text\r1,x\n2,y\r\n3,z", ["id", "text"], [["1", "x"], ["2", "y"], ["3", "z"]], [2, 3, 4], [], 0),
    ("cr.csv", b'id,text\r1,"two\rlines"\r2,y\r', ["id", "text"], [["1", "two\rlines"], ["2", "y"]], [2, 4], [], 0),
    ("cr.csv", b"id,text\r1,x\r\r2,y\r", ["id", "text"], [["1", "x"], ["2", "y"]], [2, 4], [], 1),
    ("cr.csv", b"id,text\r1,x,extra\r2,y\r3\r", ["id", "text"], [["2", "y"]], [3], [2, 4], 0),
    ("cr.tsv", "id\ttext\r1\t手数料\r".encode("cp932"), ["id", "text"], [["1", "手数料"]], [2], [], 0),
    (
        "cr.jsonl",
        b'{"id": 1, "text": "x"}\r{"id": 2, "text": "y"}\r',
        ["id", "text"],
        [[1, "x"], [2, "y"]],
        [1, 2],
        [],
        0,
    ),
]


@pytest.mark.parametrize(("name", "content", "columns", "rows", "lines", "bad", "blank"), CASES)
@pytest.mark.parametrize("chunk_size", [1, 1000])
def test_text_readers(tmp_path, name, content, columns, rows, lines, bad, blank, chunk_size):
    path = tmp_path / name
    path.write_bytes(content)
    reader = open_reader(path)
    assert reader.columns == columns
    chunks = list(reader.chunks(chunk_size))
    got = [list(row) for chunk in chunks for row in zip(*chunk.data, strict=True)]
    assert got == rows
    assert [line for chunk in chunks for line in chunk.lines] == lines
    assert [b.line for chunk in chunks for b in chunk.bad] == bad
    assert sum(chunk.blank for chunk in chunks) == blank
    assert sum(chunk.rows for chunk in chunks) == len(rows)


@pytest.mark.parametrize(("name", "content"), [(c[0], c[1]) for c in CASES])
def test_reading_resumes_from_any_saved_position(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    reader = open_reader(path)
    whole = [row for chunk in reader.chunks(1) for row in zip(*chunk.data, strict=True)]
    first = next(iter(reader.chunks(1)), None)
    if first is None:
        return
    rest = [row for chunk in open_reader(path).chunks(1, first.position) for row in zip(*chunk.data, strict=True)]
    assert [*zip(*first.data, strict=True), *rest] == whole


def test_parquet_and_xlsx_readers(tmp_path):
    import openpyxl

    pq.write_table(pa.table({"id": [1, 2, 3], "text": ["x", None, "z"]}), tmp_path / "a.parquet")
    reader = open_reader(tmp_path / "a.parquet")
    chunks = list(reader.chunks(2))
    assert reader.columns == ["id", "text"] and reader.total == 3 and [c.rows for c in chunks] == [2, 1]
    assert chunks[0].data == [[1, 2], ["x", None]] and chunks[1].position == {"records": 3, "done": 3}
    wb = openpyxl.Workbook()
    wb.active.append(["id", "text"])
    for row in ([1, "x"], [None, None], [2, "y", "beyond"], [3, "z"]):
        wb.active.append(row)
    wb.save(tmp_path / "a.xlsx")
    [chunk] = list(open_reader(tmp_path / "a.xlsx").chunks(10))
    assert chunk.data == [[1, 3], ["x", "z"]] and chunk.lines == [2, 5]
    assert chunk.blank == 1 and [b.line for b in chunk.bad] == [4]


@pytest.mark.parametrize(
    ("done", "sizes"),
    [(0, [2, 2, 1]), (1, [1, 2, 1]), (2, [2, 1]), (4, [1]), (5, [])],  # a saved position at a batch's end too
)
def test_a_parquet_file_resumed_yields_the_rows_left_in_no_empty_chunk(tmp_path, done, sizes):
    pq.write_table(pa.table({"id": [1, 2, 3, 4, 5]}), tmp_path / "a.parquet")
    chunks = list(open_reader(tmp_path / "a.parquet").chunks(2, {"records": done, "done": done}))
    assert [c.rows for c in chunks] == sizes
    assert [v for c in chunks for v in c.data[0]] == [1, 2, 3, 4, 5][done:]


@pytest.mark.parametrize(
    ("name", "content", "kwargs", "message"),
    [
        ("a.dat", b"x", {}, r"cannot tell the format from the extension '\.dat'"),
        ("missing.csv", None, {}, "missing.csv: no such file"),
        ("empty.csv", b"", {}, "the file is empty"),
        ("dup.csv", b"a,a\n1,2\n", {}, r"repeated column name\(s\) \['a'\]"),
        # no name on line 1 (a spreadsheet's empty first row): it was read as columns [] or [''], then 'no column'
        (
            "a.csv",
            b"\nid,text\n1,x\n",
            {},
            r"a\.csv:1: the header line is blank; if line 2 \('id', 'text'\) is the head",
        ),
        (
            "a.csv",
            b",,\nid,text,d\n1,x,2\n",
            {},
            r"a\.csv:1: the header line names no column \(its 3 cells are empty\); if",
        ),
        (
            "a.csv",
            b",\n",
            {},
            r"a\.csv:1: the header line names no column \(its 2 cells are empty\); the first line must",
        ),
        ("a.tsv", b"\t\nid\ttext\n", {}, r"a\.tsv:1: .* \(its 2 cells are empty\); if line 2 \('id', 'text'\) is"),
        ("garbage.csv", bytes(range(128, 256)) * 4, {}, "cannot decode as UTF-8 or CP932"),
        ("a.csv", b"id\n1\n", {"encoding": "utf-16"}, "convert the file to UTF-8 first"),
        (
            "a.csv",
            b"id\n1\n",
            {"sheet": "2"},
            r"sheet= \(--sheet on the command line\) applies to xlsx input, not to csv",
        ),
        (
            "a.parquet",
            b"id\n",
            {"encoding": "cp932"},
            r"encoding= \(--encoding on the command line\) applies to CSV, TSV and JSONL input",
        ),
        ("a.jsonl", b"\n[1]\n", {}, r"a\.jsonl: line 2 holds a JSON array, which taikai does not read"),
        ("a.jsonl", b"1\n", {}, "no JSON object with keys found"),
        ("a.jsonl", b"", {}, r"a\.jsonl: the file is empty \(it holds no JSON line\), so there is no row to read"),
        ("a.jsonl", b"\n \n\r\n", {}, r"a\.jsonl: the file is empty \(it holds no JSON line\)"),
        ("a.jsonl", b"\xef\xbb\xbf", {}, r"a\.jsonl: the file is empty \(it holds no JSON line\)"),
        ("a.jsonl", b"{}\n\n{}\n", {}, "no JSON object with keys found"),
        (
            "text.xlsx",
            b"id\n1\n",
            {},
            r"text\.xlsx: not a readable xlsx workbook \(an xlsx file is a zip archive, and ",
        ),
        ("text.parquet", b"id\n1\n", {}, r"text\.parquet: not a readable Parquet file \(.*\); write it again, or "),
    ],
)
def test_unreadable_files_are_named(tmp_path, name, content, kwargs, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        open_reader(path, **kwargs)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.CSV", "csv"), ("a.tab", "tsv"), ("a.ndjson", "jsonl"), ("a.pq", "parquet"), ("a.xlsm", "xlsx")],
)
def test_format_of_the_extension(name, fmt):
    assert format_of(name) == fmt


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet", ".xlsx"])
def test_labelled_files_of_every_format_give_the_same_frame(tmp_path, suffix):
    import pandas as pd

    frame = pd.DataFrame(
        {"text": ["手数料が高い", "単価が安い"], "reasons": ["fees", "low_pay|fees"], "sentiment": ["negative"] * 2}
    )
    path = tmp_path / f"labels{suffix}"
    if suffix in (".csv", ".tsv"):
        frame.to_csv(path, sep="\t" if suffix == ".tsv" else ",", index=False)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records")), "utf-8")
    elif suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_excel(path, index=False)
    got = read_labelled(path)
    assert got["primary"].tolist() == ["fees", "low_pay"] and got["label_set"].tolist() == [
        ["fees"],
        ["low_pay", "fees"],
    ]


def test_a_malformed_record_stops_reading_a_whole_file_at_its_line(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("text,reasons,sentiment\n手数料,fees,negative\n単価,low_pay,negative,extra\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"labels.csv:3: malformed record \(expected 3 fields, found 4\)"):
        read_table(path)


@pytest.mark.parametrize(
    ("content", "spans"),
    [
        (b"id,text\n1,x,extra\n2,y\n", [(2, 2)]),  # one line
        (b'id,text\n1,"open\n2,y\n3,z"tail\n4,w\n', [(2, 4)]),  # a quote left open runs to where it closes
        (b'id,text\r1,"open\r2,y\r3,z\r4,w"tail\r5,v\r', [(2, 5)]),  # bare CR: the record's lines, counted alike
        (b'id,text\n1,"two\nlines",extra\n2,y\n', [(2, 3)]),  # too many fields, over two lines
    ],
)
def test_a_bad_record_knows_the_file_lines_it_covers(tmp_path, content, spans):
    path = tmp_path / "a.csv"
    path.write_bytes(content)
    bad = [b for chunk in open_reader(path).chunks(1000) for b in chunk.bad]
    assert [(b.line, b.last_line) for b in bad] == spans


def test_a_malformed_record_over_several_lines_says_where_it_ends(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text('id,text\n1,"open\n2,y\n3,z"tail\n4,w\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"dump.csv:2: malformed record \(.*, running to line 4\): "):
        read_table(path)


def test_predictions_csv_reads_numbers_and_missing_cells(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,status,reason,p_reason_fees,n\nr1,ok,fees,0.5,1\nr2,empty,,,2\n", encoding="utf-8")
    frame = read_predictions(path)
    assert frame["p_reason_fees"].dtype == "float64" and frame["n"].tolist() == [1, 2]
    assert frame["reason"].tolist()[0] == "fees" and frame["reason"].isna().tolist() == [False, True]
    assert frame["id"].tolist() == ["r1", "r2"]


@pytest.mark.parametrize(
    ("line", "ending", "problem"),
    [
        # the closing } is missing: the column is just past the line's end, not column 1 of its line ending
        (
            '{"id": 2, "text": "oops"',
            b"\n",
            "Expecting ',' delimiter at column 25, the end of the line: is a closing }",
        ),
        ('{"id": 2, "text": "oops"', b"\r\n", "Expecting ',' delimiter at column 25, the end of the line"),
        ('{"id": 2, "text": "oops"', b"", "Expecting ',' delimiter at column 25, the end of the line"),
        ('{"id": 2 "text": "x"}', b"\n", "Expecting ',' delimiter at column 10"),
        ('{"id": 2, "text": "x}', b"\n", "Unterminated string starting at column 19"),
        ('{"id": 2, "text": "x"}}', b"\n", "Extra data at column 23"),
        # regression: "Extra data at column 23" alone, for a comma left after a record (an array's line)
        ('{"id": 2, "text": "x"},', b"\n", "Extra data at column 23, a comma after the object: JSONL puts none"),
        ('{"id": 2, "text": "x"} , ', b"\r\n", "Extra data at column 24, a comma after the object"),
        ('{"id": 2, "text": "手数料"', b"\n", "Expecting ',' delimiter at column 24, the end of the line"),
    ],
)
def test_invalid_json_is_reported_at_its_column_of_its_line(tmp_path, line, ending, problem):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": 1, "text": "x"}\n' + line.encode() + ending)
    [chunk] = list(open_reader(path).chunks(10))
    [bad] = chunk.bad
    assert bad.line == 2 and bad.error.startswith(f"invalid JSON: {problem}"), bad.error
    assert bad.error.endswith("missing?") == ("end of the line" in problem)


@pytest.mark.parametrize(("name", "content"), [("text.xlsx", b"id\n1\n"), ("text.parquet", b"id\n1\n")])
def test_damaged_binary_files_are_described_without_exception_names(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as caught:
        open_reader(tmp_path / name)
    assert "BadZipFile" not in str(caught.value) and "Error:" not in str(caught.value)


def test_predictions_csv_keeps_the_text_of_the_columns_asked_for(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,plan,n,p_reason_fees\n007,1,1,0.5\n010,,2,0.25\n", encoding="utf-8")
    frame = read_predictions(path, text_columns=["id", "plan"])
    assert frame["id"].tolist() == ["007", "010"] and frame["plan"].tolist()[0] == "1"
    assert frame["plan"].isna().tolist() == [False, True]  # an empty cell is still missing
    assert frame["n"].tolist() == [1, 2] and frame["p_reason_fees"].dtype == "float64"


@pytest.mark.parametrize(
    ("header", "rows", "summary", "column", "expected"),
    [
        # review_id and id are kept as written, as taikai report keeps them
        ("review_id,p_reason_fees", ["007,0.5", "7,0.25", "0007,0.1"], None, "review_id", ["007", "7", "0007"]),
        ("id,p_reason_fees", ["1,0.5", ",0.25"], None, "id", ["1", None]),
        # a code written with a leading zero keeps its text (01 and 1 are two stores, not 1.0 twice)
        ("store,p_reason_fees", ["01,0.5", "1,0.25", "001,0.1", ",0.2"], None, "store", ["01", "1", "001", None]),
        # the --id-column batch recorded in the summary beside the file
        ("投稿ID,p_reason_fees", ["12,0.5", "3,0.25"], {"id_column": "投稿ID"}, "投稿ID", ["12", "3"]),
        # a column of plain numbers stays numbers
        ("n,p_reason_fees", ["12,0.5", "3,0.25"], None, "n", [12, 3]),
    ],
    ids=["review_id", "id with a blank", "store codes", "summary id column", "numbers"],
)
def test_read_predictions_keeps_ids_and_codes_as_written(tmp_path, header, rows, summary, column, expected):
    path = tmp_path / "p.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    if summary is not None:
        path.with_name("p.summary.json").write_text(json.dumps({"rows": len(rows), **summary}), encoding="utf-8")
    frame = read_predictions(path)
    assert frame[column].astype(object).where(frame[column].notna(), None).tolist() == expected
    assert frame["p_reason_fees"].dtype == "float64"


BIG_IDS = [str(20260301000012345678 + 7 * i) for i in range(300)]
"""300 distinct 20-digit ids, as a float64 holds 2 of them (and 20260301000012345678 as 2.0260301000012345e+19)."""


@pytest.mark.parametrize("summary", [None, {"id_column": "投稿ID"}], ids=["no summary", "summary"])
@pytest.mark.parametrize(
    ("suffix", "sep", "ids", "expected"),
    [
        (".csv", ",", BIG_IDS, BIG_IDS),
        (".tsv", "\t", BIG_IDS, BIG_IDS),
        (".csv", ",", [*BIG_IDS[:2], ""], [*BIG_IDS[:2], None]),  # a blank one: no int64 either
        (".csv", ",", ["12345678901234567", ""], ["12345678901234567", None]),  # 17 digits: past a float's 15-16
    ],
    ids=["csv", "tsv", "csv with a blank id", "17 digits"],
)
def test_read_predictions_never_loses_the_digits_of_a_long_whole_number(tmp_path, summary, suffix, sep, ids, expected):
    """Regression: without a batch summary, a 20-digit id column read as float64: 300 ids became 2 values."""
    path = tmp_path / f"p{suffix}"
    rows = [f"{i}{sep}{0.5}" for i in ids]
    path.write_text("\n".join([f"投稿ID{sep}p_reason_fees", *rows]) + "\n", encoding="utf-8")
    if summary is not None:
        path.with_name("p.summary.json").write_text(json.dumps({"rows": len(rows), **summary}), encoding="utf-8")
    column = read_predictions(path)["投稿ID"]
    assert [None if v != v else v for v in column.astype(object)] == expected


@pytest.mark.parametrize(
    ("values", "dtype"),
    [(["9007199254740993", "1"], "int64"), (["18446744073709551615", "1"], "uint64"), (["1.5", "2.25"], "float64")],
    ids=["int64", "uint64", "float"],
)
def test_read_predictions_keeps_numbers_that_read_exactly(tmp_path, values, dtype):
    path = tmp_path / "p.csv"
    path.write_text("\n".join(["n,p_reason_fees", *(f"{v},0.5" for v in values)]) + "\n", encoding="utf-8")
    column = read_predictions(path)["n"]
    assert column.dtype == dtype and [str(v) for v in column] == values


@pytest.mark.parametrize(
    ("name", "text", "column", "expected"),
    [
        # rule_conflict as taikai batch writes it to CSV: True/False, empty for rows not classified
        (
            "p.csv",
            "status,rule_conflict,p_reason_fees\nok,True,0.5\nok,False,0.25\nempty,,\n",
            "rule_conflict",
            [True, False, None],
        ),
        ("p.tsv", "pred_rule_conflict\tp\ntrue\t0.5\nFALSE\t0.25\n", "pred_rule_conflict", [True, False]),
        # text that is not only True/False stays text; an id column is kept as written
        ("p.csv", "flag,p\nTrue,0.5\nmaybe,0.25\n", "flag", ["True", "maybe"]),
        ("p.csv", "id,p\nTrue,0.5\nFalse,0.25\n", "id", ["True", "False"]),
    ],
    ids=["rule_conflict", "prefixed tsv", "mixed text", "id kept"],
)
def test_read_predictions_reads_true_false_columns_as_booleans(tmp_path, name, text, column, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    values = read_predictions(path)[column].tolist()
    assert [None if v is None or v is pd.NA or v != v else v for v in values] == expected
    assert [type(v) for v in values if v is not None and v is not pd.NA] == [type(e) for e in expected if e is not None]


@pytest.mark.parametrize("missing", [False, True], ids=["all classified", "a row not classified"])
@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet", ".xlsx"])
def test_read_predictions_gives_rule_conflict_one_dtype_from_every_format(tmp_path, suffix, missing):
    conflicts = [True, False, None if missing else True, False]
    frame = pd.DataFrame({"text": ["a", "b", "c", "d"], "rule_conflict": pd.array(conflicts, dtype=object)})
    path = tmp_path / f"p{suffix}"
    if suffix in (".csv", ".tsv"):
        frame.to_csv(path, index=False, sep="," if suffix == ".csv" else "\t")
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_excel(path, index=False)
    read = read_predictions(path)["rule_conflict"]
    assert str(read.dtype) == ("boolean" if missing else "bool")
    assert read_predictions(path)[~read]["text"].tolist() == ["b", "d"]  # ~ is logical, missing rows left out
    assert read_predictions(path)[read]["text"].tolist() == (["a"] if missing else ["a", "c"])


def test_read_predictions_rule_conflict_selects_rows_as_parquet_does(tmp_path):
    frame = pd.DataFrame({"text": ["a", "b", "c"], "rule_conflict": [True, False, True]})
    frame.to_csv(tmp_path / "p.csv", index=False)
    frame.to_parquet(tmp_path / "p.parquet")
    from_csv, from_parquet = read_predictions(tmp_path / "p.csv"), read_predictions(tmp_path / "p.parquet")
    assert from_csv[from_csv["rule_conflict"]]["text"].tolist() == ["a", "c"]
    assert (from_csv["rule_conflict"] == True).sum() == (from_parquet["rule_conflict"] == True).sum() == 2  # noqa: E712


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # the value that decides is in the third chunk of two rows: the whole column is decided, as in one chunk
        (["1", "2", "3", "4", "01"], ["1", "2", "3", "4", "01"]),  # a leading-zero code keeps the column text
        (["1", "2", "3", "4", "x"], ["1", "2", "3", "4", "x"]),  # a single non-number keeps it text
        (["1", "2", "3", "4", "nan"], ["1", "2", "3", "4", "nan"]),  # text that pandas would read as missing
        (["1", "2.5", "", "4", "5"], [1.0, 2.5, None, 4.0, 5.0]),  # numbers, missing where empty
        (["1", "2", "3", "4", "5"], [1, 2, 3, 4, 5]),
        (["", "", "", "", "7"], [None, None, None, None, 7]),  # only the last chunk holds a number: a whole one
        (["True", "false", "", "TRUE", "maybe"], ["True", "false", None, "TRUE", "maybe"]),
        (["", "", "", "True", "False"], [None, None, None, True, False]),
        (["", "", "", "", ""], [None, None, None, None, None]),
    ],
    ids=[
        "late code",
        "late text",
        "late nan",
        "floats",
        "ints",
        "late number",
        "late text after booleans",
        "late booleans",
        "all empty",
    ],
)
def test_read_predictions_decides_a_column_over_every_chunk(tmp_path, monkeypatch, cells, expected):
    monkeypatch.setattr("taikai.io._frames._CHUNK_ROWS", 2)
    monkeypatch.setattr("taikai.io._column_types._FIRST", 2)  # the first values of a column tell text early: not these
    path = tmp_path / "p.csv"
    path.write_text("review_id,c\n" + "".join(f"{i},{c}\n" for i, c in enumerate(cells)), encoding="utf-8")
    values = [None if v is pd.NA else v for v in read_predictions(path)["c"].tolist()]
    assert [None if v is None or v != v else v for v in values] == expected
    assert [type(v) for v in values if v == v and v is not None] == [type(e) for e in expected if e is not None]
    assert read_predictions(path)["review_id"].tolist() == [str(i) for i in range(len(cells))]


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 50_000])
def test_read_table_joins_its_chunks_in_order(tmp_path, monkeypatch, chunk_rows):
    monkeypatch.setattr("taikai.io._frames._CHUNK_ROWS", chunk_rows)
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,a\n\n2,\n3,"c\nd"\n4,e\n', encoding="utf-8")
    table = read_table(path)
    assert table.frame["id"].tolist() == ["1", "2", "3", "4"]
    assert table.frame["text"].tolist() == ["a", "", "c\nd", "e"]
    assert table.lines == [2, 4, 5, 7]
    assert str(table.frame["text"].dtype) == str(pd.Series(["a"], dtype="str").dtype)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("null", "a JSON null, not an object"),  # regression: counted as a blank line
        ("[1, 2]", "a JSON list, not an object"),
        ('"x"', "a JSON string, not an object"),  # regression: "a JSON str"
        ("3.5", "a JSON number, not an object"),
        ("true", "a JSON true or false, not an object"),
    ],
)
def test_a_jsonl_line_that_is_no_object_is_named_as_json_names_it(tmp_path, line, error):
    path = tmp_path / "a.jsonl"
    path.write_text(f'{{"id": 1, "text": "x"}}\n{line}\n', encoding="utf-8")
    [chunk] = list(open_reader(path).chunks(10))
    assert [(b.line, b.error) for b in chunk.bad] == [(2, error)] and chunk.blank == 0


REPEATED = "fix it: each export joined after the first repeats the header, so delete every record that does"


@pytest.mark.parametrize(
    ("name", "content", "advice"),
    [
        ("a.jsonl", '{"text": "手数料"}\n{"text": broken\n', "fix it (every line must hold one JSON object)"),
        ("a.csv", 'text\n手数料\n"a","b"\n', "fix it (every record needs one field per column)"),
        # regression (h414): a header repeated (two exports joined) got the CSV advice in every format
        ("a.csv", "id,text\n1,手数料\nid,text\n", REPEATED),
        ("a.jsonl", '{"id": "1", "text": "手数料"}\n{"id": "id", "text": "text"}\n', REPEATED),
        ("a.parquet", {"id": ["1", "id"], "text": ["手数料", "text"]}, REPEATED),
        ("a.xlsx", [["id", "text"], ["1", "手数料", "x"]], "fix it in the sheet and save it again"),
    ],
)
def test_read_table_advises_on_a_malformed_record_as_its_format_needs(tmp_path, name, content, advice):
    """Regression: a malformed JSONL line (evaluate, report, suggest, train) got the CSV advice, as did a Parquet row
    repeating the header and an xlsx row with cells past the named columns (h414)."""
    path = tmp_path / name
    if name.endswith(".parquet"):
        pq.write_table(pa.table(content), path)
    elif name.endswith(".xlsx"):
        sheets_workbook(path, {"Sheet1": content})
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"\.(jsonl|csv|parquet|xlsx):[23]: malformed record") as caught:
        read_table(path)
    assert str(caught.value).endswith(advice)
    assert ("one field per column" in str(caught.value)) is (advice != REPEATED and name.endswith(".csv"))


def _damaged_parquet(path, rows: int = 5000) -> None:
    """Write a Parquet file of many row groups and overwrite bytes in its middle, leaving its footer whole."""
    pq.write_table(pa.table({"id": range(rows), "text": [f"手数料{i}" for i in range(rows)]}), path, row_group_size=100)
    data = bytearray(path.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 2000] = b"A" * 2000
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("chunk_size", [100, 50_000])
def test_a_parquet_file_damaged_past_its_start_is_an_input_error(tmp_path, chunk_size):
    """Regression: a damaged row group raised a bare OSError ("Unexpected end of stream"), which batch said was a
    full disk or a read-only folder, to be fixed and resumed, and report, evaluate and suggest a path to check."""
    path = tmp_path / "dump.parquet"
    _damaged_parquet(path)
    reader = open_reader(path)
    with pytest.raises(InputError, match=r"dump\.parquet: reading it stopped after [\d,]+ of its 5,000 rows \(") as e:
        list(reader.chunks(chunk_size))
    assert str(e.value).endswith("damaged, or was cut short or changed while it was written; write it again")
    assert "\n" not in str(e.value)  # Arrow's message spans lines ("…thrift: …\nDeserializing page header failed.\n")
    with pytest.raises(InputError, match="reading it stopped after"):
        read_table(path)


@pytest.mark.parametrize("kind", [pa.binary(), pa.large_binary()])
def test_a_binary_parquet_column_is_read_as_the_text_its_bytes_hold_in_utf8(tmp_path, kind):
    """Regression: a column of bytes (text written without Parquet's UTF-8 mark, as older Hive and Impala do) gave
    every row 'not text: bytes; decode them first (.decode('utf-8'))', advice the command line cannot follow."""
    values = ["手数料が高い".encode(), None, b"", b"\xff\xfe", "ok".encode("cp932")]
    pq.write_table(pa.table({"text": pa.array(values, kind), "id": [1, 2, 3, 4, 5]}), tmp_path / "a.parquet")
    [chunk] = list(open_reader(tmp_path / "a.parquet").chunks(10))
    assert chunk.data == [["手数料が高い", None, "", b"\xff\xfe", "ok"], [1, 2, 3, 4, 5]]
    assert read_table(tmp_path / "a.parquet").frame["text"].tolist() == chunk.data[0]


@pytest.mark.parametrize("kind", [pa.binary(2), pa.binary_view()])
def test_fixed_size_bytes_and_byte_views_are_read_as_text_as_binary_is(tmp_path, kind):
    """Regression: a Parquet column of fixed-size bytes or byte views was read as bytes (``b'ab'`` in a CSV output,
    a text column's every row an error), while binary and large binary columns were read as their UTF-8 text."""
    pq.write_table(pa.table({"text": pa.array([b"ab", None, b"\xff\xfe"], kind)}), tmp_path / "a.parquet")
    [chunk] = list(open_reader(tmp_path / "a.parquet").chunks(10))
    assert chunk.data == [["ab", None, b"\xff\xfe"]]


@pytest.mark.parametrize(
    ("value", "read"),
    [(b"\xe6\x89\x8b\xe6\x95\xb0\xe6\x96\x99", "手数料"), (b"\x82\xa0", b"\x82\xa0"), (None, None), (b"", "")],
    ids=["utf-8", "not utf-8", "missing", "empty"],
)
def test_utf8_text_reads_bytes_as_the_text_they_are_or_keeps_them(value, read):
    from taikai.io import utf8_text

    assert utf8_text(value) == read


@pytest.mark.parametrize(
    ("content", "bad_lines", "rows"),
    [
        (b'[{"id": 1, "text": "x"}]\n{"id": 2, "text": "y"}\n', [1], 1),  # a whole list on line 1: one bad line
        (b'{"id": 1, "text": "x"}\n[{"id": 2, "text": "y"}]\n', [2], 1),
        (b'{"id": 1, "text": "x"}\n[\n{"id": 2, "text": "y"}\n]\n', [2, 4], 2),  # an array opened after line 1
    ],
)
def test_a_list_that_is_a_whole_line_is_a_bad_line(tmp_path, content, bad_lines, rows):
    path = tmp_path / "a.jsonl"
    path.write_bytes(content)
    chunks = list(open_reader(path).chunks(10))
    assert [bad.line for chunk in chunks for bad in chunk.bad] == bad_lines
    assert sum(chunk.rows for chunk in chunks) == rows


GAIJI_HEADER = "id,本文".encode("cp932") + b"\xf0\x40"  # a user-defined character (gaiji): private use in CP932
GAIJI_ROWS = ["1,単価が安い", "2,手数料が高い"]


def _exports(*parts: list[str]) -> bytes:
    """CP932 exports joined (cat a.csv b.csv), each beginning with the header of a user-defined character."""
    return b"".join(GAIJI_HEADER + b"\r\n" + b"".join(r.encode("cp932") + b"\r\n" for r in rows) for rows in parts)


@pytest.mark.parametrize(
    ("content", "noted"),
    [
        (_exports(GAIJI_ROWS, ["3,時間がない"]), {}),  # the repeated header's note was the next row's (line 5)
        (_exports(GAIJI_ROWS, []), {}),  # the header repeated last: its note was a row past the chunk's rows
        (_exports(GAIJI_ROWS, ["3,時間\ue000", "4,本業"]), {5: 1}),  # a row's own note stays its own
    ],
    ids=["repeated-header-before-a-row", "repeated-header-last", "a-row-s-own-note"],
)
@pytest.mark.parametrize("chunk_size", [1, 1000])
def test_a_decode_note_belongs_to_the_row_it_was_read_in(tmp_path, content, noted, chunk_size):
    """Regression: a record read with a private-use character (or a U+FFFD) that is no row, the header repeated
    where two CP932 exports were joined, left its note on the next row (whose message then named a line it is not
    on), or, read last, on a row past the chunk's rows (batch stopped with an IndexError traceback)."""
    path = tmp_path / "joined.csv"
    path.write_bytes(content)
    reader = open_reader(path, encoding="cp932")
    chunks = list(reader.chunks(chunk_size))
    assert [b.line for chunk in chunks for b in chunk.bad] == [4]  # the repeated header, set aside
    assert all(set(chunk.notes) <= set(range(chunk.rows)) for chunk in chunks)
    found = {chunk.lines[i]: note.private_use for chunk in chunks for i, note in chunk.notes.items()}
    assert found == noted
