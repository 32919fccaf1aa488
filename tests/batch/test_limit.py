"""taikai batch --limit N: the first N rows of the input only, the reader stopped there, said in the summary."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import BatchOptions, Interrupted
from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import read_summary

# Before the limit of 3 rows: a text over two lines, a bad record set aside and a blank record (neither counts);
# after it, a bad record that stops an --on-bad-lines error run if read, and more rows.
CSV = 'id,text\n1,単価が安い\n2,"手数料が\n高い"\n3,x,extra\n\n4,提案が通らない\n5,"閉じない引用\n6,最後\n'
JSONL = (
    '{"id": "1", "text": "単価が安い"}\n{"id": 3\n\n{"id": "2", "text": "手数料が\\n高い"}\n'
    '{"id": "4", "text": "提案が通らない"}\n[5]\n{"id": "6", "text": "最後"}\n'
)
BEFORE_BAD = {"csv": 2, "jsonl": 1, "xlsx": 2}
"""The rows before the first bad record."""
ROWS = [("1", "単価が安い"), ("2", "手数料が\n高い"), ("3", "提案が通らない"), ("4", "時間"), ("5", "最後")]


def write_input(path: Path) -> None:
    """Write the rows above to *path* in the format its suffix names."""
    fmt = path.suffix[1:]
    if fmt in ("csv", "jsonl"):
        path.write_text(CSV if fmt == "csv" else JSONL, encoding="utf-8")
    elif fmt == "parquet":
        pq.write_table(pa.table({"id": [r[0] for r in ROWS], "text": [r[1] for r in ROWS]}), path)
    else:  # xlsx: a cell past the header is a bad record, an empty row a blank one
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        for row in (["id", "text"], ["1", "単価が安い"], ["2", "手数料が\n高い"], ["3", "x", "extra"], []):
            sheet.append(row)
        for row in (["4", "提案が通らない"], ["5", "y", "extra"], ["6", "最後"]):
            sheet.append(row)
        book.save(path)


def run(*args: object):
    return CliRunner().invoke(cli, ["batch", *map(str, args)])


def ids(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return [row["id"] for row in csv.DictReader(f)]


@pytest.mark.parametrize("chunk_size", ["1", "2", "5000"])
@pytest.mark.parametrize(
    ("fmt", "expected", "bad", "blank"),
    [
        ("csv", ["1", "2", "4"], 1, 1),
        ("jsonl", ["1", "2", "4"], 1, 1),
        ("parquet", ["1", "2", "3"], 0, 0),
        ("xlsx", ["1", "2", "4"], 1, 1),
    ],
)
def test_the_first_n_output_rows_are_classified_and_the_rest_is_not_read(
    tmp_path, tiny_model_dir, fmt, expected, bad, blank, chunk_size
):
    src, out = tmp_path / f"in.{fmt}", tmp_path / "out.csv"
    write_input(src)
    args = ["--text-column", "text", "-m", tiny_model_dir, "--chunk-size", chunk_size, "--limit", "3"]
    result = run(src, "-o", out, "--on-bad-lines", "report", *args)
    assert result.exit_code == 0, result.output
    assert ids(out) == expected
    assert f"first 3 rows of {src} classified (--limit 3) into {out} in " in result.output.splitlines()[0]
    saved = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert (saved["rows"], saved["bad_lines"], saved["blank_lines"], saved["limit"]) == (3, bad, blank, 3)
    # the bad record after the limit is never read: a run that stops at bad records goes through
    if bad:
        (tmp_path / "out.csv").unlink()
        (tmp_path / "out.bad_lines.csv").unlink()
        limit = BEFORE_BAD[fmt]
        result = run(src, "-o", tmp_path / "strict.csv", *args[:-1], limit)
        assert result.exit_code == 0, result.output
        assert ids(tmp_path / "strict.csv") == expected[:limit]


ROW = '{"id": "1", "text": "単価が安い"}\n'.encode()
"""A JSONL record with both keys."""


@pytest.mark.parametrize(
    ("lines", "limit", "header"),
    [
        # past the limit, a record with a key the first rows lack: not read for it (no column of it, all empty)
        ([ROW, ROW, b'{"text": "x", "extra": 1}\n'], 2, "id,text,status"),
        # past the limit (and past the first blocks read), bytes no encoding reads: never read
        ([ROW, ROW, b" " * (3 << 20) + b"\n", b'{"id": "9", "text": "\xff\xfe"}\n'], 2, "id,text,status"),
        # a limit past the end: every record's keys
        ([ROW, ROW, b'{"text": "x", "extra": 1}\n'], 3, "id,text,extra,status"),
        # the first rows have no key: the keys of the first record that has some
        ([b"{}\n", ROW, b'{"text": "x", "extra": 1}\n'], 1, "id,text,status"),
    ],
)
def test_a_jsonl_limit_reads_the_keys_of_the_first_rows_only(tmp_path, tiny_model_dir, lines, limit, header):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    src.write_bytes(b"".join(lines))
    result = run(src, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--limit", limit, "--encoding", "utf-8")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(header + ",")
    assert len(ids(out)) == limit


def test_a_limit_past_the_end_classifies_every_row_and_says_so(tmp_path, tiny_model_dir):
    src, out = tmp_path / "in.parquet", tmp_path / "out.csv"
    write_input(src)
    result = run(src, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--limit", "50")
    assert result.exit_code == 0, result.output
    assert ids(out) == ["1", "2", "3", "4", "5"]
    assert result.output.startswith(f"5 rows classified, all of {src} (it ended before --limit 50) into {out} in ")
    run_summary = read_summary(out)
    assert run_summary is not None and run_summary.limit == 50


def test_without_a_limit_the_summary_records_none(tmp_path, tiny_model_dir):
    src, out = tmp_path / "in.parquet", tmp_path / "out.csv"
    write_input(src)
    summary = taikai.classify_file(src, out, "text", model=tiny_model_dir)
    assert (summary.rows, summary.limit) == (5, None)
    assert json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))["limit"] is None
    assert str(summary).startswith(f"5 rows classified into {out} in ")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_two_jobs_give_the_output_of_one(tmp_path, tiny_model_dir, fmt):
    src = tmp_path / f"in.{fmt}"
    write_input(src)
    args = ["--text-column", "text", "-m", tiny_model_dir, "--chunk-size", "1", "--limit", "3"]
    for jobs in ("1", "2"):
        result = run(src, "-o", tmp_path / f"out{jobs}.{fmt}", "--on-bad-lines", "report", "--jobs", jobs, *args)
        assert result.exit_code == 0, result.output
    assert (tmp_path / f"out1.{fmt}").read_bytes() == (tmp_path / f"out2.{fmt}").read_bytes()


def test_the_progress_is_a_percentage_of_the_limit(tmp_path, tiny_model_dir, capsys):
    from taikai.batch import run_local

    src = tmp_path / "in.parquet"
    write_input(src)
    options = BatchOptions(text_column="text", chunk_size=2, limit=4, progress=True)
    run_local(src, tmp_path / "out.csv", tiny_model_dir, options)
    shown = capsys.readouterr().err
    assert "2 rows" in shown and " 50.0%" in shown, shown  # the first chunk: 2 rows of 4, not 2 of 5


@pytest.mark.parametrize(
    ("changed", "message"),
    [({"limit": 4}, "limit (--limit) changed: 3 → 4"), ({"limit": None}, "limit (--limit) changed: 3 → (none)")],
)
def test_resuming_with_another_limit_is_refused(stop_after, tmp_path, tiny_model_dir, changed, message):
    src, out, full = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "full.csv"
    write_input(src)
    options = {"model": tiny_model_dir, "chunk_size": 1, "limit": 3, "on_bad_lines": "report"}
    with pytest.raises(Interrupted):
        taikai.classify_file(src, out, "text", on_chunk=stop_after(1), **options)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(src, out, "text", resume=True, **(options | changed))
    assert str(caught.value) == (
        f"cannot resume {out}: since the interrupted run, {message}. Run it again as it was (the values before the "
        f"arrows), or start over without resume (delete {out}.taikai-partial first)"
    )
    resumed = taikai.classify_file(src, out, "text", resume=True, **options)
    taikai.classify_file(src, full, "text", **options)
    assert (resumed.rows, resumed.limit, ids(out)) == (3, 3, ["1", "2", "4"])
    assert out.read_bytes() == full.read_bytes()


@pytest.mark.parametrize(
    ("given", "error", "message"),
    [
        ({"limit": 0}, InputError, "the limit must be at least 1 row, not 0; leave it out to read every row"),
        ({"limit": "3"}, TypeError, "limit"),
    ],
)
def test_a_bad_limit_is_refused(given, error, message):
    with pytest.raises(error, match=re.escape(message)):
        BatchOptions.make(text_column="text", **given)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "0"], "taikai: error: batch: invalid value for --limit: 0 is not 1 or more ("),
        (["--limit", "3", "--engine", "dask"], "--limit applies to the local engine only, not to --engine dask"),
    ],
)
def test_the_command_line_refuses_a_bad_limit(tmp_path, args, message):
    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    result = run(tmp_path / "in.csv", "-o", tmp_path / "out", "--text-column", "text", *args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_the_dask_engine_refuses_a_limit():
    with pytest.raises(InputError, match="limit: an option of the local engine, not of the Dask engine; leave it out"):
        BatchOptions(text_column="text", limit=3).refuse_other_engine("dask")


@pytest.mark.parametrize(
    ("limit", "refused"),
    [
        (None, "in.parquet: 5 rows do not fit in one xlsx sheet (3 at most)"),
        (4, "in.parquet: 4 rows do not fit"),
        (3, None),
    ],
)
def test_the_xlsx_row_limit_counts_the_rows_the_limit_reads(tmp_path, tiny_model_dir, monkeypatch, limit, refused):
    monkeypatch.setattr("taikai.io.XLSX_MAX_ROWS", 4)  # 3 rows under the header
    src, out = tmp_path / "in.parquet", tmp_path / "out.xlsx"
    write_input(src)
    if refused is None:
        assert taikai.classify_file(src, out, "text", model=tiny_model_dir, limit=limit).rows == 3
        return
    with pytest.raises(InputError, match=re.escape(refused)):
        taikai.classify_file(src, out, "text", model=tiny_model_dir, limit=limit)
    assert not out.exists()


HEAD = {
    "csv": "id,text\n1,単価が安い\n2,手数料が高い\n",
    "jsonl": '{"id": "1", "text": "単価が安い"}\n{"id": "2", "text": "x"}\n',
}
PAST = {
    "nothing": ({"csv": "", "jsonl": ""}, False),
    "a blank line": ({"csv": "\n", "jsonl": "\n"}, False),
    "a row": ({"csv": "3,最後\n", "jsonl": '{"id": "3", "text": "最後"}\n'}, True),
    "a bad record": ({"csv": "3,x,extra\n", "jsonl": "[3]\n"}, True),  # input left, never read as a row
    "undecodable bytes": ({"csv": "3,\udcff\n", "jsonl": '{"id": "3", "text": "\udcff"}\n'}, True),
}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("past", list(PAST))
def test_the_summary_records_whether_the_input_held_more_than_the_limit(tmp_path, tiny_model_dir, fmt, past):
    # Regression: a --limit 2 run of an input of exactly 2 rows read as a trial run (the summary could not tell)
    from taikai.io import trial_run

    src, out = tmp_path / f"in.{fmt}", tmp_path / "out.csv"
    tails, more = PAST[past]
    src.write_bytes((HEAD[fmt] + tails[fmt]).encode("utf-8", "surrogateescape"))
    options = {
        "model": tiny_model_dir,
        "limit": 2,
        "encoding": "utf-8",
    }  # strict: the bad record stops a run reading it
    summary = taikai.classify_file(src, out, "text", **options)
    assert (summary.rows, summary.more_rows) == (2, more)
    headline = f"first 2 rows of {src} classified (--limit 2)" if more else f"all of {src} (it ended at --limit 2)"
    assert headline in str(summary)
    saved = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert saved["more_rows"] is more
    assert (trial_run(read_summary(out)) is not None) is more
    del saved["more_rows"]  # a summary written before it was recorded: read as a trial run, as before
    (tmp_path / "out.summary.json").write_text(json.dumps(saved), encoding="utf-8")
    assert trial_run(read_summary(out)) is not None


@pytest.mark.parametrize(
    ("fmt", "limit", "more"), [("parquet", 5, False), ("parquet", 4, True), ("xlsx", 4, False), ("xlsx", 3, True)]
)
def test_the_rows_past_the_limit_are_found_in_tables_too(tmp_path, tiny_model_dir, fmt, limit, more):
    src = tmp_path / f"in.{fmt}"
    write_input(src)  # xlsx: 4 rows, a bad one after the third
    options = {"model": tiny_model_dir, "limit": limit, "on_bad_lines": "report"}
    summary = taikai.classify_file(src, tmp_path / "out.csv", "text", **options)
    assert (summary.rows, summary.more_rows) == (limit, more)
