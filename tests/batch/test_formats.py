"""Formats and encodings of taikai batch: round trips, CP932 and BOM, bad lines, empty texts, the xlsx limit."""

from __future__ import annotations

import codecs
import csv
import json
import re

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import taikai
from taikai.errors import InputError
from taikai.io import FORMATS

EXCEL_NOTE = "ignore:.*which Excel shows garbled.*:taikai.errors.DataWarning"
"""The note that a CP932 input's plain UTF-8 CSV output opens garbled in Excel (tests/batch/test_excel.py)."""

TEXTS = [
    "手数料が高すぎて続けられませんでした",
    "時給にすると200円くらい",
    "提案しても返事が来ない",
    "本業が忙しくなった",
]


def make_rows(n: int) -> list[dict]:
    """Return *n* rows with an id, a text (some empty or missing) and an extra column."""
    rows = []
    for i in range(n):
        text = None if i % 7 == 5 else ("" if i % 7 == 6 else f"{TEXTS[i % len(TEXTS)]}（{i}）")
        rows.append({"id": f"r{i:03d}", "text": text, "note": f"メモ{i}"})
    return rows


def write_input(path, rows: list[dict], fmt: str) -> None:
    """Write *rows* to *path* in *fmt* (missing texts as empty cells in CSV/TSV, null elsewhere)."""
    frame = pd.DataFrame(rows)
    if fmt in ("csv", "tsv"):
        frame.to_csv(path, index=False, sep="\t" if fmt == "tsv" else ",", encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif fmt == "parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    else:
        frame.to_excel(path, index=False)


def read_output(path, fmt: str) -> pd.DataFrame:
    """Read an output file back with every cell as text ('' for missing)."""
    if fmt in ("csv", "tsv"):
        return pd.read_csv(path, sep="\t" if fmt == "tsv" else ",", dtype=str, keep_default_na=False)
    if fmt == "jsonl":
        frame = pd.read_json(path, lines=True, dtype=False)
    elif fmt == "parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_excel(path, dtype=str)
    return frame.astype(object).where(frame.notna(), "").astype(str)


@pytest.mark.parametrize(("in_fmt", "out_fmt"), [(f, "csv") for f in FORMATS] + [("csv", f) for f in FORMATS[1:]])
def test_round_trip_keeps_every_row_column_and_order(tmp_path, tiny_model, in_fmt, out_fmt):
    rows = make_rows(23)
    src, out = tmp_path / f"in.{in_fmt}", tmp_path / f"out.{out_fmt}"
    write_input(src, rows, in_fmt)
    summary = taikai.classify_file(src, out, "text", id_column="id", model=tiny_model, chunk_size=5)
    frame = read_output(out, out_fmt)
    assert list(frame.columns) == ["id", "text", "note", *tiny_model.output_columns()]
    assert frame["id"].tolist() == [r["id"] for r in rows]
    assert frame["note"].tolist() == [r["note"] for r in rows]
    assert frame["text"].tolist() == [r["text"] or "" for r in rows]
    expected = ["empty" if not r["text"] else "ok" for r in rows]
    assert frame["status"].tolist() == expected
    assert summary.rows == 23 and summary.statuses == {"ok": expected.count("ok"), "empty": expected.count("empty")}
    assert sum(summary.reasons.values()) == summary.statuses["ok"]
    assert not list(tmp_path.glob("*.taikai-partial"))


def test_predictions_match_predict_frame(tmp_path, tiny_model):
    rows = make_rows(12)
    write_input(tmp_path / "in.csv", rows, "csv")
    taikai.classify_file(tmp_path / "in.csv", tmp_path / "out.jsonl", "text", model=tiny_model, chunk_size=4)
    got = pd.read_json(tmp_path / "out.jsonl", lines=True, dtype=False)
    want = tiny_model.predict_frame(pd.DataFrame(rows), "text")
    assert got["reasons"].tolist() == want["reasons"].tolist()
    assert got["p_reason_fees"].fillna(-1).round(12).tolist() == want["p_reason_fees"].fillna(-1).round(12).tolist()


@pytest.mark.filterwarnings(EXCEL_NOTE)
@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
def test_input_encoding_is_detected(tmp_path, tiny_model, encoding):
    src = tmp_path / "in.csv"
    pd.DataFrame(make_rows(9)).to_csv(src, index=False, encoding=encoding)
    taikai.classify_file(src, tmp_path / "out.csv", "text", model=tiny_model, chunk_size=4)
    frame = read_output(tmp_path / "out.csv", "csv")
    assert frame.columns[0] == "id"
    assert frame["note"].tolist() == [f"メモ{i}" for i in range(9)]


@pytest.mark.parametrize(
    ("out_encoding", "text", "starts", "replaced"),
    [
        ("cp932", "絵文字🙂と𠮷野家が好き", b"id,", 2),
        ("utf-8-sig", "絵文字🙂と𠮷野家が好き", b"\xef\xbb\xbfid,", 0),
        ("utf-8", "絵文字🙂と𠮷野家が好き", b"id,", 0),
    ],
)
def test_output_encoding(tmp_path, tiny_model, out_encoding, text, starts, replaced):
    rows = [{"id": str(i), "text": text} for i in range(5)]
    pd.DataFrame(rows).to_csv(tmp_path / "in.csv", index=False)
    out = tmp_path / "out.csv"
    summary = taikai.classify_file(
        tmp_path / "in.csv", out, "text", model=tiny_model, chunk_size=2, output_encoding=out_encoding
    )
    data = out.read_bytes()
    assert data.startswith(starts) and data.count(b"\xef\xbb\xbf") == (1 if out_encoding == "utf-8-sig" else 0)
    assert summary.replaced_characters == replaced * 5
    frame = pd.read_csv(out, dtype=str, encoding=out_encoding, keep_default_na=False)
    assert frame["text"].tolist() == [text if not replaced else "絵文字?と?野家が好き"] * 5
    assert (frame["status"] == "ok").all()


BAD_CSV = 'id,text\n1,単価が安い\n2,"手数料,高い",extra\n\n3,提案が通らない\n4,"閉じない引用\n5,最後\n'


@pytest.mark.parametrize(
    ("fmt", "content", "good", "bad_lines", "blank"),
    [
        ("csv", BAD_CSV, ["1", "3"], [3, 6], 1),
        ("tsv", "id\ttext\n1\t単価\n2\t手数料\textra\n3\t時間\n", ["1", "3"], [3], 0),
        (
            "jsonl",
            '{"id": "1", "text": "単価"}\n{"id": 2\n[1]\n\n{"id": "3", "x": 1}\n{"id": "4", "text": null}\n',
            ["1", "3", "4"],  # a key the first object lacks is a column (exports leave out null values)
            [2, 3],
            1,
        ),
    ],
)
def test_bad_lines_report_and_error(tmp_path, tiny_model, fmt, content, good, bad_lines, blank):
    src, out = tmp_path / f"in.{fmt}", tmp_path / "out.csv"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"in\.{fmt}:{bad_lines[0]}: .*--on-bad-lines report"):
        taikai.classify_file(src, out, "text", model=tiny_model)
    assert not out.exists() and not list(tmp_path.glob("*.taikai-partial"))
    summary = taikai.classify_file(src, out, "text", model=tiny_model, on_bad_lines="report", chunk_size=1)
    assert read_output(out, "csv")["id"].tolist() == good
    with open(tmp_path / "out.bad_lines.csv", encoding="utf-8") as f:
        side = list(csv.DictReader(f))
    assert [int(r["line"]) for r in side] == bad_lines and all(r["raw"] and r["error"] for r in side)
    assert (summary.rows, summary.bad_lines, summary.blank_lines) == (len(good), len(bad_lines), blank)
    assert summary.records == summary.rows + summary.bad_lines + summary.blank_lines


@pytest.mark.parametrize(
    ("given", "bom", "says"),
    [
        (
            "utf-8",
            b"",
            "utf-8, the encoding given with encoding= (--encoding on the command line); if that is the file's "
            "encoding, the file is damaged there: fix that line, ",
        ),
        (  # named utf-8, not utf-8-sig, when the file has no BOM
            None,
            b"",
            "utf-8, the encoding detected from the file's first MiB; pass the file's encoding (utf-8, utf-8-sig "
            "or cp932) with encoding= (--encoding on the command line), ",
        ),
        (
            None,
            codecs.BOM_UTF8,
            "utf-8-sig, the encoding detected from the file's first MiB; pass the file's encoding (utf-8, utf-8-sig "
            "or cp932) with encoding= (--encoding on the command line), ",
        ),
    ],
)
def test_undecodable_line_is_named_with_advice_for_a_given_or_detected_encoding(tmp_path, tiny_model, given, bom, says):
    src = tmp_path / "in.csv"  # the first MiB is UTF-8 Japanese: detection says utf-8, the CP932 line comes later
    src.write_bytes(bom + b"id,text\n" + f"1,{'単価' * 200_000}\n".encode() + "2,手数料\n".encode("cp932"))
    with pytest.raises(InputError, match=r"in\.csv:3: byte 0x8e is not valid utf-8") as caught:
        taikai.classify_file(src, tmp_path / "out.csv", "text", model=tiny_model, encoding=given)
    message = str(caught.value)
    assert message == (
        f"{src}:3: byte 0x8e is not valid {says}or pass encoding_errors='replace' (--encoding-errors replace on the "
        "command line) to read such bytes as U+FFFD and go on (each such row keeps its place, its message says so, "
        "and the summary counts them)"
    )


def test_xlsx_row_limit_is_checked_before_writing(tmp_path, tiny_model, monkeypatch):
    monkeypatch.setattr("taikai.io.XLSX_MAX_ROWS", 6)
    write_input(tmp_path / "in.csv", make_rows(8), "csv")
    with pytest.raises(InputError, match="xlsx sheet"):
        taikai.classify_file(tmp_path / "in.csv", tmp_path / "out.xlsx", "text", model=tiny_model, chunk_size=3)
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize(
    "text", ["=1+1 手数料が高い", "==== 感想 ==== 本業が忙しい", '=HYPERLINK("http://x","手数料")']
)
@pytest.mark.filterwarnings("ignore:.*no row could be classified:taikai.errors.DataWarning")  # the HYPERLINK row
def test_an_xlsx_text_starting_with_an_equals_sign_stays_text(tmp_path, tiny_model, text):
    """Regression: openpyxl wrote it as a formula, which reads back empty (data_only): the review was lost."""
    import openpyxl

    write_input(tmp_path / "in.csv", [{"id": "r0", "text": text}], "csv")
    taikai.classify_file(tmp_path / "in.csv", tmp_path / "out.xlsx", "text", model=tiny_model)
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx")["taikai"]["B2"]
    assert (cell.value, cell.data_type) == (text, "s")
    assert read_output(tmp_path / "out.xlsx", "xlsx")["text"].tolist() == [text]


def test_xlsx_sheet_by_name(tmp_path, tiny_model):
    with pd.ExcelWriter(tmp_path / "in.xlsx") as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="cover", index=False)
        pd.DataFrame(make_rows(4)).to_excel(writer, sheet_name="reviews", index=False)
    taikai.classify_file(tmp_path / "in.xlsx", tmp_path / "out.csv", "text", model=tiny_model, sheet="reviews")
    assert read_output(tmp_path / "out.csv", "csv")["id"].tolist() == ["r000", "r001", "r002", "r003"]
    with pytest.raises(InputError, match="no sheet 'nope'"):
        taikai.classify_file(tmp_path / "in.xlsx", tmp_path / "o.csv", "text", model=tiny_model, sheet="nope")


@pytest.mark.parametrize(
    ("out_fmt", "missing"),
    [
        ("parquet", None),  # regression: NaN (null_count 0) while the row's labels were null
        ("xlsx", None),  # an empty cell
        ("jsonl", None),
        ("csv", ""),
    ],
)
def test_the_probabilities_of_a_row_not_classified_are_empty(tmp_path, tiny_model, out_fmt, missing):
    rows = [{"id": "a", "text": TEXTS[0]}, {"id": "b", "text": ""}, {"id": "c", "text": "abc"}]
    write_input(tmp_path / "in.csv", rows, "csv")
    taikai.classify_file(tmp_path / "in.csv", tmp_path / f"out.{out_fmt}", "text", model=tiny_model, chunk_size=2)
    out = tmp_path / f"out.{out_fmt}"
    if out_fmt == "parquet":
        table = pq.read_table(out)
        columns = {name: table.column(name).to_pylist() for name in table.column_names}
        assert all(table.column(name).null_count == 2 for name in columns if name.startswith("p_"))
    elif out_fmt == "xlsx":
        sheet = list(openpyxl.load_workbook(out)["taikai"].iter_rows(values_only=True))
        columns = {name: [row[j] for row in sheet[1:]] for j, name in enumerate(sheet[0])}
    elif out_fmt == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        columns = {name: [r[name] for r in records] for name in records[0]}
    else:
        columns = {name: list(values) for name, values in read_output(out, "csv").items()}
    assert columns["status"] == ["ok", "empty", "error"]
    probabilities = [name for name in columns if name.startswith("p_")]
    assert len(probabilities) > 3
    for name in probabilities:
        assert isinstance(columns[name][0], float if out_fmt != "csv" else str)
        assert columns[name][1:] == [missing, missing], name


@pytest.mark.parametrize("in_fmt", ["csv", "jsonl"])
def test_chunk_size_does_not_change_the_parquet_file(tmp_path, tiny_model, monkeypatch, in_fmt):
    """Regression: a Parquet output had one row group per chunk (12 of 5000 rows, or 60 of 1000), so --chunk-size
    changed its bytes; row groups now hold PARQUET_ROW_GROUP rows each, the last the rest."""
    import taikai.io._assemble as assemble

    monkeypatch.setattr(assemble, "PARQUET_ROW_GROUP", 8)
    write_input(tmp_path / f"in.{in_fmt}", make_rows(30), in_fmt)
    outputs = {}
    for chunk_size in (1, 3, 8, 11, 5000):
        out = tmp_path / f"out{chunk_size}.parquet"
        taikai.classify_file(tmp_path / f"in.{in_fmt}", out, "text", model=tiny_model, chunk_size=chunk_size)
        outputs[chunk_size] = out.read_bytes()
        groups = pq.ParquetFile(out).metadata
        assert [groups.row_group(k).num_rows for k in range(groups.num_row_groups)] == [8, 8, 8, 6]
    assert len(set(outputs.values())) == 1


@pytest.mark.parametrize(("rows", "groups"), [(0, [0]), (16, [8, 8]), (17, [8, 8, 1])])
def test_parquet_row_groups_are_full_but_the_last(tmp_path, tiny_model, monkeypatch, rows, groups):
    import taikai.io._assemble as assemble

    monkeypatch.setattr(assemble, "PARQUET_ROW_GROUP", 8)
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("note", pa.string())])
    pq.write_table(pa.Table.from_pylist(make_rows(rows), schema=schema), tmp_path / "in.parquet")
    out = tmp_path / "out.parquet"
    taikai.classify_file(tmp_path / "in.parquet", out, "text", model=tiny_model, chunk_size=5)
    meta = pq.ParquetFile(out).metadata
    assert [meta.row_group(k).num_rows for k in range(meta.num_row_groups)] == groups
    assert pq.read_table(out)["id"].to_pylist() == [f"r{i:03d}" for i in range(rows)]


@pytest.mark.parametrize("name", ["in", "in.csv", "in.xls", "in.dat"])
def test_a_workbook_under_any_name_is_read_with_input_format_xlsx(tmp_path, tiny_model, name):
    """Regression: openpyxl refused a workbook whose name is not .xlsx ("does not support .csv file format")."""
    with pd.ExcelWriter(tmp_path / "in.xlsx") as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="cover", index=False)
        pd.DataFrame(make_rows(4)).to_excel(writer, sheet_name="reviews", index=False)
    (tmp_path / "in.xlsx").rename(tmp_path / name)
    summary = taikai.classify_file(
        tmp_path / name, tmp_path / "out.csv", "text", model=tiny_model, input_format="xlsx", sheet="reviews"
    )
    assert summary.rows == 4
    assert read_output(tmp_path / "out.csv", "csv")["id"].tolist() == ["r000", "r001", "r002", "r003"]


def _two_sheets(path) -> None:
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"text": [TEXTS[0]]}).to_excel(writer, sheet_name="cover", index=False)
        pd.DataFrame(make_rows(6)).to_excel(writer, sheet_name="reviews", index=False)


@pytest.mark.parametrize(
    ("first", "then", "saved_by_earlier_taikai"),
    [
        ("reviews", "2", False),  # regression: "sheet (--sheet) changed: 'reviews' → '2'"
        ("2", "reviews", False),
        ("2", "reviews", True),  # a partial folder that saved --sheet as given, and no sheet names
        ("reviews", "2", True),
    ],
)
def test_a_run_resumes_with_the_same_sheet_named_by_name_or_number(
    tmp_path, tiny_model, stop_after, first, then, saved_by_earlier_taikai
):
    src, out, full = tmp_path / "in.xlsx", tmp_path / "out.csv", tmp_path / "full.csv"
    _two_sheets(src)
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=2, on_chunk=stop_after(1), sheet=first)
    if saved_by_earlier_taikai:
        state_file = tmp_path / "out.csv.taikai-partial" / "state.json"
        state = json.loads(state_file.read_text(encoding="utf-8"))
        options, notes = (json.loads(state["fingerprint"][key]) for key in ("options", "notes"))
        options["sheet"], notes = first, {k: v for k, v in notes.items() if k != "sheets"}
        state["fingerprint"]["options"], state["fingerprint"]["notes"] = json.dumps(options), json.dumps(notes)
        state_file.write_text(json.dumps(state), encoding="utf-8")
    from click.testing import CliRunner

    from taikai.cli import cli

    common = ["--text-column", "text", "-m", str(tiny_model.path), "--chunk-size", "2", "--quiet"]
    result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(out), "--resume", "--sheet", then, *common])
    assert result.exit_code == 0, result.output
    taikai.classify_file(src, full, "text", model=tiny_model, chunk_size=2, sheet="reviews")
    assert out.read_bytes() == full.read_bytes()


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [
        ("reviews", "1", "sheet (--sheet) changed: 'reviews' → 'cover'"),
        ("2", "cover", "sheet (--sheet) changed: 'reviews' → 'cover'"),
    ],
)
def test_a_run_resumed_with_another_sheet_is_refused_naming_both(tmp_path, tiny_model, stop_after, first, then, said):
    src, out = tmp_path / "in.xlsx", tmp_path / "out.csv"
    _two_sheets(src)
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=2, on_chunk=stop_after(1), sheet=first)
    with pytest.raises(InputError, match=re.escape(said)):
        taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=2, resume=True, sheet=then)


@pytest.mark.parametrize(("first", "then"), [(2, "2"), ("2", 2), (2, 2)])
def test_a_run_of_sheet_2_resumes_with_the_sheet_as_a_str_or_an_int(tmp_path, tiny_model, stop_after, first, then):
    """sheet=2 and --sheet 2 (sheet="2") choose one sheet, so a run of one resumes with the other."""
    src, out, full = tmp_path / "in.xlsx", tmp_path / "out.csv", tmp_path / "full.csv"
    with pd.ExcelWriter(src) as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="cover", index=False)
        pd.DataFrame(make_rows(6)).to_excel(writer, sheet_name="reviews", index=False)
    options = {"model": tiny_model, "chunk_size": 2}
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", on_chunk=stop_after(1), sheet=first, **options)
    resumed = taikai.classify_file(src, out, "text", resume=True, sheet=then, **options)
    taikai.classify_file(src, full, "text", sheet=2, **options)
    assert resumed.rows == 6 and out.read_bytes() == full.read_bytes()


@pytest.mark.parametrize(
    ("name", "kwargs", "message"),
    [
        ("in.dat", {}, "cannot tell the format"),
        ("in.csv", {"output_encoding": "latin-1"}, "not supported"),
        (
            "in.csv",
            {"output_format": "jsonl", "output_encoding": "cp932"},
            r"^output_encoding= \(--output-encoding on the command line\) applies to CSV and TSV output; jsonl output "
            "is always Unicode$",
        ),
        (
            "in.csv",
            {"output_encoding": "foo"},
            r"output_encoding='foo' \(--output-encoding on the command line\): unknown encoding",
        ),
        ("in.csv", {"encoding": "foo"}, r"encoding='foo' \(--encoding on the command line\): unknown encoding"),
        (
            "in.csv",
            {"encoding": "utf-16"},
            r"encoding='utf-16' \(--encoding on the command line\): .*line breaks are single bytes",
        ),
        (
            "in.jsonl",
            {"encoding": "utf_16_le"},
            r"encoding='utf_16_le' \(--encoding on the command line\): .*convert the file to UTF-8",
        ),
    ],
)
def test_option_errors(tmp_path, tiny_model, name, kwargs, message):
    content = '{"id": "1", "text": "単価"}\n' if name.endswith(".jsonl") else "id,text\n1,単価\n"
    (tmp_path / name).write_text(content, encoding="utf-16" if "utf" in kwargs.get("encoding", "") else "utf-8")
    with pytest.raises(InputError, match=message):
        out = tmp_path / f"out.{kwargs.get('output_format', 'csv')}"  # a name that says the format given
        taikai.classify_file(tmp_path / name, out, "text", model=tiny_model, **kwargs)


@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_detect_encoding_with_a_character_cut_at_the_sample_end(tmp_path, encoding):
    from taikai.io import detect_encoding

    path = tmp_path / "in.csv"
    path.write_bytes("id,text\n1,手数料が高すぎて続けられません\n".encode(encoding))
    found = {detect_encoding(path, sample_bytes=n) for n in range(13, 40)}  # past the ASCII-only start
    assert found == {"utf-8-sig" if encoding == "utf-8" else "cp932"}


@pytest.mark.parametrize("on_bad_lines", ["error", "report"])
def test_a_field_longer_than_the_csv_module_limit_is_one_row(tmp_path, tiny_model, on_bad_lines):
    # 200,009 characters on 10 lines, one of which looks like a row of its own: past csv's 131,072 default.
    long = "\n".join(["3,手数料が高すぎて、続けられませんでした。" * 1000] * 10)
    src, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    with open(src, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([["id", "text"], ["1", TEXTS[0]], ["2", long], ["3", TEXTS[1]]])
    summary = taikai.classify_file(src, out, "text", model=tiny_model, on_bad_lines=on_bad_lines, chunk_size=2)
    frame = pd.read_json(out, lines=True, dtype=False)
    assert frame["id"].tolist() == ["1", "2", "3"] and frame["text"].iloc[1] == long
    assert frame["status"].tolist() == ["ok"] * 3
    assert frame["message"].iloc[1] == "text longer than 10000 characters: only the first 10000 were classified"
    assert (summary.rows, summary.bad_lines, summary.blank_lines) == (3, 0, 0)


def test_a_malformed_record_is_named_once(tmp_path, tiny_model):
    src = tmp_path / "in.csv"
    src.write_text('id,text\n1,単価\n2,"手数料"が高い\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        taikai.classify_file(src, tmp_path / "out.csv", "text", model=tiny_model)
    assert str(caught.value).startswith(f"{src}:3: malformed record (',' expected after '\"'): ")


@pytest.mark.parametrize(
    ("fmt", "content"), [("csv", "id,text\n1,単価が安い\n"), ("jsonl", '{"id": "1", "text": "単価が安い"}\n')]
)
@pytest.mark.parametrize("encoding", [None, "utf-8", "UTF8", "utf-8-sig"])
def test_a_bom_is_skipped_whichever_utf8_is_named(tmp_path, tiny_model, fmt, content, encoding):
    src, out = tmp_path / f"in.{fmt}", tmp_path / "out.csv"
    src.write_bytes(codecs.BOM_UTF8 + content.encode("utf-8"))
    summary = taikai.classify_file(src, out, "text", model=tiny_model, encoding=encoding)
    frame = read_output(out, "csv")
    assert list(frame.columns[:2]) == ["id", "text"] and frame["id"].tolist() == ["1"]
    assert (summary.rows, summary.bad_lines, frame["status"].tolist()) == (1, 0, ["ok"])


SURROGATE = (  # line 2 holds a lone surrogate; line 3 a valid pair (an emoji)
    '{"id": "1", "text": "単価が安い"}\n'
    '{"id": "2", "text": "手数料\\ud800が高い"}\n'
    '{"id": "3", "text": "絵\\ud83d\\ude00"}\n'
)


@pytest.mark.parametrize(
    ("content", "bad_lines", "good"),
    [
        (SURROGATE, [2], ["1", "3"]),
        ('{"id": "0", "text": "\\udc80"}\n' + SURROGATE, [1, 3], ["1", "3"]),  # also when it is the first object
        ('{"id": "0", "text": ["a", "\\udc80"]}\n' + SURROGATE, [1, 3], ["1", "3"]),  # and inside a list
    ],
)
@pytest.mark.parametrize("out_fmt", ["jsonl", "parquet", "xlsx", "csv"])
def test_a_lone_surrogate_is_a_bad_line(tmp_path, tiny_model, content, bad_lines, good, out_fmt):
    src, out = tmp_path / "in.jsonl", tmp_path / f"out.{out_fmt}"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"in\.jsonl:{bad_lines[0]}: malformed record \(lone surrogate"):
        taikai.classify_file(src, out, "text", model=tiny_model)
    assert not out.exists() and not list(tmp_path.glob("*.taikai-partial"))
    summary = taikai.classify_file(src, out, "text", model=tiny_model, on_bad_lines="report", chunk_size=1)
    frame = read_output(out, out_fmt)
    assert frame["id"].tolist() == good and frame["text"].iloc[-1] == "絵😀"
    with open(tmp_path / "out.bad_lines.csv", encoding="utf-8") as f:
        side = list(csv.DictReader(f))
    error = "lone surrogate (invalid Unicode escape)"
    assert [(int(r["line"]), r["error"]) for r in side] == [(n, error) for n in bad_lines]
    assert (summary.rows, summary.bad_lines) == (len(good), len(bad_lines))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_rows_not_classified_have_empty_model_cells(tmp_path, tiny_model, fmt):
    src, out = tmp_path / "in.csv", tmp_path / f"out.{fmt}"
    src.write_text("id,text\n1,手数料が高い\n2,\n3,english only\n", encoding="utf-8")
    taikai.classify_file(src, out, "text", model=tiny_model)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t" if fmt == "tsv" else ","))
    header, first, *others = rows
    start = header.index("reason")
    assert all(first[start:]) and float(first[header.index("p_reason_fees")]) > 0
    for row in others:  # no 'nan', no None: empty cells
        assert row[start:] == [""] * (len(header) - start), row


CR_DUMP = 'id,text\r1,単価が安い\r2,手数料が高い,extra\r\r3,"改行\rあり"\r4,本業が忙しい\r5\r6,提案が通らない'
"""Bare-CR line endings: 4 rows (one spans lines 5-6), 2 bad records (lines 3 and 8), 1 blank line (4)."""


@pytest.mark.filterwarnings(EXCEL_NOTE)
@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
def test_bare_cr_records_are_counted_exactly_under_report(tmp_path, tiny_model, chunk_size):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(CR_DUMP.encode("cp932"))
    summary = taikai.classify_file(src, out, "text", model=tiny_model, on_bad_lines="report", chunk_size=chunk_size)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == ["1", "3", "4", "6"]
    assert rows[1]["text"] == "改行\rあり"  # a line break inside quotes is kept as written
    with open(tmp_path / "out.bad_lines.csv", encoding="utf-8") as f:
        assert [int(r["line"]) for r in csv.DictReader(f)] == [3, 8]
    assert (summary.rows, summary.bad_lines, summary.blank_lines) == (4, 2, 1)
    assert summary.records == 7  # the 8 lines after the header, one of them inside a quoted field


@pytest.mark.filterwarnings(EXCEL_NOTE)
def test_bare_cr_dump_resumes_to_identical_bytes(tmp_path, tiny_model):
    src, full, out = tmp_path / "in.csv", tmp_path / "full.csv", tmp_path / "out.csv"
    src.write_bytes((CR_DUMP + "\r" + "\r".join(f"{i},{TEXTS[i % 4]}" for i in range(7, 30))).encode("cp932"))
    options = {"model": tiny_model, "on_bad_lines": "report", "chunk_size": 3}
    taikai.classify_file(src, full, "text", **options)

    def stop(index):
        if index == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", on_chunk=stop, **options)
    resumed = taikai.classify_file(src, out, "text", resume=True, **options)
    assert out.read_bytes() == full.read_bytes()
    assert resumed.records == resumed.rows + 3  # the bad and blank lines of the first chunks were saved too
    assert (resumed.bad_lines, resumed.blank_lines) == (2, 1)


BROKEN_CP932 = b"id,text\n1," + "単価が安い".encode("cp932") + b"\n2,\x81\x20" + "手数料".encode("cp932") + b"\n"
PRIVATE_USE = b"id,text\n1," + "単価".encode("cp932") + b"\xff\n2," + "本業".encode("cp932") + b"\xf0\x40\n3,ok\n"


@pytest.mark.filterwarnings(EXCEL_NOTE)
@pytest.mark.parametrize(
    ("content", "row", "value", "message", "counted"),
    [
        (BROKEN_CP932, 1, "\ufffd 手数料", "line 3: 1 undecodable byte(s) read as U+FFFD in cp932", "1 undecodable"),
        (PRIVATE_USE, 0, "単価\uf8f3", "line 2: 1 private-use character(s)", "2 private-use"),
    ],
)
def test_encoding_errors_replace_keeps_rows_in_place_and_says_so(
    tmp_path, tiny_model, content, row, value, message, counted
):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(content)
    if content is BROKEN_CP932:
        with pytest.raises(
            InputError,
            match=r"in\.csv:3: byte 0x81 is not valid cp932.*encoding_errors='replace' \(--encoding-errors replace",
        ):
            taikai.classify_file(src, out, "text", model=tiny_model, encoding="cp932")
    summary = taikai.classify_file(src, out, "text", model=tiny_model, encoding="cp932", encoding_errors="replace")
    frame = read_output(out, "csv")
    assert frame["id"].tolist() == [str(i) for i in range(1, len(frame) + 1)]
    assert frame["text"][row] == value and message in frame["message"][row]
    assert summary.decode_rows == (1 if content is BROKEN_CP932 else 2)
    assert "rows not cleanly decoded" in str(summary) and counted in str(summary)


@pytest.mark.filterwarnings(EXCEL_NOTE)
@pytest.mark.parametrize(("after", "messages"), [("", ["", ""]), ("3,本業\n", ["", "", ""])], ids=["last", "a-row"])
def test_a_repeated_header_s_private_use_character_is_no_row_s(tmp_path, tiny_model, after, messages):
    """Regression: two CP932 exports joined, their header holding a user-defined character, stopped batch with an
    IndexError traceback (the header repeated last) or said the next row was not cleanly decoded (on the header's
    line)."""
    header = b"id,text" + "\ue000".encode("cp932") + b"\n"
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(header + "1,単価が安い\n2,手数料\n".encode("cp932") + header + after.encode("cp932"))
    summary = taikai.classify_file(src, out, "text\ue000", model=tiny_model, encoding="cp932", on_bad_lines="report")
    assert read_output(out, "csv")["message"].fillna("").tolist() == messages
    assert (summary.bad_lines, summary.decode_rows) == (1, 0)


def test_encoding_errors_replace_detects_the_likelier_encoding(tmp_path, tiny_model):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(b"id,text\n1,\x81 " + "単価が安い".encode() + b"\n")  # neither UTF-8 nor CP932 decodes it all
    # ... but all its other non-ASCII bytes are UTF-8: it is UTF-8 damaged on line 2
    with pytest.raises(
        InputError,
        match=r"in\.csv:2: byte 0x81 is not valid UTF-8, but .*encoding_errors='replace' \(--encoding-errors replace",
    ):
        taikai.classify_file(src, out, "text", model=tiny_model)
    summary = taikai.classify_file(src, out, "text", model=tiny_model, encoding_errors="replace")
    assert read_output(out, "csv")["text"].tolist() == ["\ufffd 単価が安い"]
    assert (summary.decode_rows, summary.undecodable_bytes) == (1, 1)


def test_xlsx_column_limit_is_checked_before_writing(tmp_path, tiny_model):
    src, out = tmp_path / "wide.csv", tmp_path / "out.xlsx"
    names = ["text", *(f"c{j}" for j in range(16_380))]
    src.write_text(",".join(names) + "\n単価が安い" + "," * (len(names) - 1) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"16,381 columns and the model's \d+ make 16,\d+, more than one xlsx"):
        taikai.classify_file(src, out, "text", model=tiny_model)
    assert not out.exists() and not list(tmp_path.glob("*.taikai-partial"))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_field_with_a_bare_cr_is_quoted_in_csv_output(tmp_path, tiny_model, fmt):
    src, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    rows = [{"id": "1", "text": "単価が\r安い", "n": 'a"b'}, {"id": "2", "text": "手数料\r\nが高い", "n": "x,y\ty"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    taikai.classify_file(src, out, "text", model=tiny_model)
    with open(out, encoding="utf-8", newline="") as f:
        back = list(csv.DictReader(f, delimiter="\t" if fmt == "tsv" else ","))
    assert [(r["id"], r["text"], r["n"]) for r in back] == [(r["id"], r["text"], r["n"]) for r in rows]
    assert taikai.io.read_table(out).frame["text"].tolist() == [r["text"] for r in rows]  # taikai reads it back


@pytest.mark.parametrize("chunk_size", [1, 1000])
def test_the_side_file_gives_the_lines_a_bad_record_swallowed(tmp_path, tiny_model, chunk_size):
    rows = [f"{i},時間がない{i}" for i in range(2, 56)]
    rows[11 - 2], rows[45 - 2] = '11,"手数料が高い', '45,単価"が安い'  # a quote opened on line 11, closed on 45
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    summary = taikai.classify_file(src, out, "text", model=tiny_model, on_bad_lines="report", chunk_size=chunk_size)
    with open(tmp_path / "out.bad_lines.csv", encoding="utf-8", newline="") as f:
        side = list(csv.DictReader(f))
    assert [(r["line"], r["last_line"]) for r in side] == [("11", "45")]
    assert side[0]["raw"].count("\n") == 34 and side[0]["raw"].endswith('45,単価"が安い')
    assert (summary.rows, summary.bad_lines) == (54 - 35, 1)
