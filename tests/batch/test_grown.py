"""``--resume`` of an input that grew since its run was saved (taikai.batch._grown): the rows appended are classified
and the output is the one a fresh run of the grown input writes; anything else stays refused, saying why, with the
saved rows kept."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import Interrupted
from taikai.cli import cli
from taikai.errors import InputError

TEXTS = [
    "手数料が高すぎて続けられませんでした",
    "時給にすると200円くらい",
    "提案しても返事が来ない",
    "本業が忙しくなった",
    "",
]


def _rows(fmt: str, start: int, stop: int, newline: str = "\n", extra: bool = False) -> str:
    """Return rows *start* to *stop* of a dump in *fmt* (CSV and TSV with their header when *start* is 0), each
    line ended by *newline*; *extra*: JSONL objects with a key the others lack."""
    if fmt == "jsonl":
        return "".join(
            json.dumps({"id": f"r{i:03d}", "text": TEXTS[i % 5], **({"score": i} if extra else {})}, ensure_ascii=False)
            + newline
            for i in range(start, stop)
        )
    sep = "\t" if fmt == "tsv" else ","
    head = [f"id{sep}text"] if start == 0 else []
    return "".join(line + newline for line in [*head, *(f"r{i:03d}{sep}{TEXTS[i % 5]}" for i in range(start, stop))])


def _stop_after(k: int):
    def hook(index: int) -> None:
        if index == k:
            raise KeyboardInterrupt

    return hook


def _assert_stopped_keeping(message: str, dump, line: int, kept: int, partial) -> None:
    """Assert *message* is the stop at the bad row *dump*:*line* that keeps the *kept* rows saved in *partial*."""
    assert message.startswith(f"{dump}:{line}: malformed record ("), message
    assert message.endswith(
        f"; the {kept} rows saved are kept in {partial}: fix it and run it again with resume=True (--resume on the "
        "command line) to go on from them (to set such lines aside instead, start over with on_bad_lines='report' "
        f"(--on-bad-lines report on the command line): delete {partial} first)"
    ), message


@pytest.mark.parametrize(
    ("in_fmt", "out_fmt", "newline", "limit", "appended", "jobs"),
    [
        ("csv", "csv", "\n", None, 15, 1),
        ("csv", "tsv", "\n", None, 15, 1),
        ("csv", "jsonl", "\n", None, 15, 1),
        ("tsv", "csv", "\n", None, 15, 1),
        ("jsonl", "jsonl", "\n", None, 15, 1),
        ("jsonl", "csv", "\n", None, 15, 1),
        ("csv", "csv", "\r\n", None, 15, 1),  # Excel's line breaks
        ("csv", "csv", "\n", 30, 5, 1),  # --limit: its first 30 rows, 5 of them appended
        ("csv", "csv", "\n", None, 15, 2),  # --jobs 2: the rows appended counted as the chunks are read
    ],
)
def test_a_resume_after_rows_were_appended_writes_what_a_fresh_run_of_the_grown_input_writes(
    tmp_path, tiny_model, in_fmt, out_fmt, newline, limit, appended, jobs
):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{out_fmt}", tmp_path / f"fresh.{out_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "id_column": "id", "limit": limit, "jobs": jobs}
    dump.write_bytes(_rows(in_fmt, 0, 25, newline).encode())
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    with open(dump, "ab") as f:  # the next day's rows
        f.write(_rows(in_fmt, 25, 40, newline).encode())
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    whole = taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (limit or 40, 14, appended)
    assert (resumed.statuses, resumed.reasons) == (whole.statuses, whole.reasons)
    assert not (tmp_path / f"out.{out_fmt}.taikai-partial").exists()


@pytest.mark.parametrize(
    ("again", "appended"),
    [
        (0, 0),  # the resume saved chunks of the grown input: resumed again, nothing grew since
        (10, 10),  # and grew once more since: those rows appended too
    ],
)
def test_an_interrupted_resume_of_a_grown_input_resumes_again(tmp_path, tiny_model, again, appended):
    dump, out, fresh = tmp_path / "dump.csv", tmp_path / "out.csv", tmp_path / "fresh.csv"
    options = {"model": tiny_model, "chunk_size": 7}
    dump.write_text(_rows("csv", 0, 25), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    with open(dump, "a", encoding="utf-8") as f:
        f.write(_rows("csv", 25, 40))
    with pytest.raises(Interrupted, match="interrupted after 28 rows saved"):
        taikai.classify_file(dump, out, "text", resume=True, on_chunk=_stop_after(4), **options)
    with open(dump, "a", encoding="utf-8") as f:
        f.write(_rows("csv", 40, 40 + again))
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (40 + again, 28, appended)


def test_the_summary_of_the_command_says_how_many_rows_were_appended(tmp_path, tiny_model, tiny_model_dir):
    dump, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    dump.write_text(_rows("csv", 0, 25), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=7, on_chunk=_stop_after(2))
    with open(dump, "a", encoding="utf-8") as f:
        f.write(_rows("csv", 25, 40))
    args = ["batch", str(dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--chunk-size", "7", "--resume"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.endswith("; 15 rows appended to the input since the saved run"), first
    assert " 14 of the 40 rows before the resume (this run: 26 rows in " in first, first
    saved = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert (saved["rows"], saved["resumed_rows"], saved["appended_rows"]) == (40, 14, 15)


def _edited(dump):
    dump.write_bytes(dump.read_bytes().replace(b"r001", b"x001") + _rows("csv", 25, 40).encode())


def _removed(dump):
    dump.write_bytes(dump.read_bytes().rsplit(b"r024", 1)[0])


def _carried_on(dump):
    dump.write_bytes(dump.read_bytes().rstrip(b"\n"))  # as the run read it: its last line without a break


def _cr_then_lf(dump):
    dump.write_bytes(dump.read_bytes().replace(b"\n", b"\r\n")[:-1])  # ... its last CR LF cut after the CR


def _append(data: bytes):
    def append(dump):
        with open(dump, "ab") as f:
            f.write(data)

    return append


def _earlier_taikai(then):
    def edit(dump):
        state = dump.parent / "out.csv.taikai-partial" / "state.json"
        values = json.loads(state.read_text(encoding="utf-8"))
        del values["cut_short"]  # as a taikai before it saved the state
        state.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        then(dump)

    return edit


GREW = "since the interrupted run, the input file changed (its size: "


@pytest.mark.parametrize(
    ("in_fmt", "out_fmt", "first", "then", "stop", "said"),
    [
        (
            "csv",
            "csv",
            None,
            _edited,
            2,
            [
                GREW,
                "but its first ",
                " bytes, the ones the saved rows were read from, changed too (rows edited or removed, not only "
                "appended)",
            ],
        ),
        (
            "csv",
            "csv",
            None,
            _removed,
            2,
            [GREW, "The input is smaller than the saved rows were read from (rows removed"],
        ),
        (
            "csv",
            "csv",
            _carried_on,
            _append("（続き）\nr100,時給が低い\n".encode()),
            2,
            [GREW, "but its last line (line 26) went on in the bytes appended: it had no line break at its end"],
        ),
        (
            "csv",
            "csv",
            _cr_then_lf,
            _append(b"\n" + _rows("csv", 25, 40).encode()),
            2,
            [
                GREW,
                "but they begin with the line feed of a CR LF whose CR ended its last line (line 26) as the saved "
                "run read it",
            ],
        ),
        (
            "jsonl",
            "csv",
            None,
            _append(_rows("jsonl", 25, 40, extra=True).encode()),
            2,
            [GREW, "but the rows appended bring keys no row had before: the output's columns would change"],
        ),
        (
            "csv",
            "csv",
            _append('r025,"時給が低い\n'.encode()),  # a quote left open: read to the end, a bad record (set aside)
            _append(_rows("csv", 26, 40).encode()),
            4,
            [
                GREW,
                "but the saved rows reach the end of the input as it was, and they end with a record the file's end "
                "cut short (a quote left open, read to the end), which the bytes appended carry on",
            ],
        ),
        (
            "csv",
            "csv",
            None,
            _earlier_taikai(_append(_rows("csv", 25, 40).encode())),
            4,
            [
                GREW,
                "but the saved rows reach the end of the input as it was, and the taikai that saved them did not "
                "record whether the file's end cut their last record short",
            ],
        ),
        (
            "csv",
            "csv",
            None,
            _append(_rows("csv", 25, 40).encode("cp932")),
            2,
            [
                "the rows appended to the input since the saved run do not decode as the rows saved were read (",
                "dump.csv:27: byte 0x8e is not valid utf-8). The 14 rows saved are kept in ",
            ],
        ),
    ],
)
def test_a_resume_of_an_input_changed_otherwise_is_refused_and_keeps_the_saved_rows(
    tmp_path, tiny_model, in_fmt, out_fmt, first, then, stop, said
):
    dump, out = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{out_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "encoding": "utf-8", "on_bad_lines": "report"}
    dump.write_text(_rows(in_fmt, 0, 25), encoding="utf-8")
    if first is not None:
        first(dump)
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(stop), **options)
    then(dump)
    partial = tmp_path / f"out.{out_fmt}.taikai-partial"
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", resume=True, **options)
    message = str(caught.value)
    assert message.startswith(f"cannot resume {out}: "), message
    for part in said:
        assert part in message, message
    assert message.endswith(f"start over without resume (delete {partial} first)"), message
    assert json.loads((partial / "state.json").read_text(encoding="utf-8"))["chunks"] == stop, "the saved rows"
    assert not out.exists()


def test_a_parquet_input_written_again_with_more_rows_is_refused(tmp_path, tiny_model):
    dump, out = tmp_path / "dump.parquet", tmp_path / "out.csv"
    frame = pd.DataFrame({"id": [f"r{i:03d}" for i in range(40)], "text": [TEXTS[i % 5] for i in range(40)]})
    frame.head(25).to_parquet(dump)
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=7, on_chunk=_stop_after(2))
    frame.to_parquet(dump)
    said = re.escape(
        "but a parquet input is saved whole, not appended to: only a CSV, TSV or JSONL input that grew resumes: start "
        f"over without resume (delete {out}.taikai-partial first)"
    )
    with pytest.raises(InputError, match=said):
        taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=7, resume=True)


@pytest.mark.parametrize(
    ("in_fmt", "newline", "last"),
    [
        ("csv", "\n", ""),
        ("csv", "\r\n", ""),  # Excel's line breaks
        ("csv", "\n", 'r025,"時給が低い\n（続き）"\n'),  # a last record over two lines, its quote closed
        ("tsv", "\n", ""),
        ("jsonl", "\n", ""),
    ],
)
def test_a_run_saved_at_the_input_s_end_resumes_the_rows_appended_after_it(tmp_path, tiny_model, in_fmt, newline, last):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{in_fmt}", tmp_path / f"fresh.{in_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "id_column": "id"}
    dump.write_bytes((_rows(in_fmt, 0, 25, newline) + last).encode())
    with pytest.raises(Interrupted, match=f"interrupted after {25 + bool(last)} rows saved"):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(4), **options)  # every row saved
    with open(dump, "ab") as f:
        f.write(_rows(in_fmt, 26, 40, newline).encode())
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert (resumed.rows, resumed.appended_rows) == (25 + bool(last) + 14, 14)


@pytest.mark.parametrize(
    ("in_fmt", "bad", "line", "jobs", "kept"),
    [
        ("csv", 'r035,"時給が低い\n', 37, 1, 35),  # a quote left open: the record runs to the file's end
        ("csv", "r035,時給が低い,余分\n", 37, 1, 35),  # a field too many
        ("jsonl", '{"id": "r035", "text": \n', 36, 1, 35),
        ("csv", "r035,時給が低い,余分\n", 37, 2, 35),  # --jobs 2: the chunks read before it saved too
    ],
)
def test_a_bad_row_appended_stops_the_resume_and_keeps_the_rows_saved_to_resume_once_fixed(
    tmp_path, tiny_model, in_fmt, bad, line, jobs, kept
):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{in_fmt}", tmp_path / f"fresh.{in_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "jobs": jobs}
    dump.write_text(_rows(in_fmt, 0, 25), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    good = _rows(in_fmt, 35, 36)
    with open(dump, "a", encoding="utf-8") as f:
        f.write(_rows(in_fmt, 25, 35) + bad + _rows(in_fmt, 36, 40))
    partial = tmp_path / f"out.{in_fmt}.taikai-partial"
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", resume=True, **options)
    _assert_stopped_keeping(str(caught.value), dump, line, kept, partial)
    assert (partial / "state.json").is_file() and not out.exists()
    dump.write_bytes(dump.read_bytes().replace(bad.encode(), good.encode()))  # the row fixed
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert (resumed.rows, resumed.resumed_rows) == (40, kept)


def _scored(start: int, stop: int, score) -> str:
    return "".join(
        json.dumps({"id": f"r{i:03d}", "text": TEXTS[i % 5], "score": score(i)}, ensure_ascii=False) + "\n"
        for i in range(start, stop)
    )


@pytest.mark.parametrize(
    ("in_fmt", "out_fmt", "mask_pii"),
    [
        ("csv", "parquet", False),  # a CSV input's columns are text: the rows appended change no type
        ("csv", "xlsx", False),
        ("jsonl", "parquet", False),  # a JSONL input's types are of all its rows: the same here
        ("jsonl", "parquet", True),
    ],
)
def test_a_parquet_or_xlsx_output_resumes_after_rows_were_appended_when_they_change_no_type(
    tmp_path, tiny_model, in_fmt, out_fmt, mask_pii
):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{out_fmt}", tmp_path / f"fresh.{out_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "mask_pii": mask_pii}
    rows = (lambda a, b: _scored(a, b, lambda i: i)) if in_fmt == "jsonl" else (lambda a, b: _rows(in_fmt, a, b))
    dump.write_text(rows(0, 25), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    with open(dump, "a", encoding="utf-8") as f:
        f.write(rows(25, 40))
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    if out_fmt == "parquet":
        assert out.read_bytes() == fresh.read_bytes()
    else:  # a workbook holds the time it was written: its cells are compared
        pd.testing.assert_frame_equal(pd.read_excel(out), pd.read_excel(fresh))
    assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (40, 14, 15)


@pytest.mark.parametrize(
    ("score", "said"),
    [
        (lambda i: i + 0.5, "score: int64 → double"),
        (lambda i: f"n{i}", "score: int64 → string"),
    ],
)
def test_a_parquet_output_is_refused_when_the_rows_appended_change_a_column_s_type(tmp_path, tiny_model, score, said):
    dump, out = tmp_path / "dump.jsonl", tmp_path / "out.parquet"
    options = {"model": tiny_model, "chunk_size": 7}
    dump.write_text(_scored(0, 25, lambda i: i), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    with open(dump, "a", encoding="utf-8") as f:
        f.write(_scored(25, 40, score))
    partial = tmp_path / "out.parquet.taikai-partial"
    expected = (
        f"cannot resume {out}: the rows appended to the input since the saved run change the parquet output's column "
        f"types, which the whole input sets ({said}): the rows saved, kept in {partial}, hold them as they were. Start "
        f"over without resume (delete {partial} first)"
    )
    with pytest.raises(InputError, match=re.escape(expected)):
        taikai.classify_file(dump, out, "text", resume=True, **options)
    assert json.loads((partial / "state.json").read_text(encoding="utf-8"))["chunks"] == 2, "the saved rows"


@pytest.mark.parametrize(
    ("in_fmt", "bad", "line", "jobs", "resumed_first", "kept"),
    [
        ("csv", "r020,時給が低い,余分\n", 22, 1, False, 14),  # a field too many, in the third chunk of 7
        ("csv", 'r020,"時給が低い\n', 22, 1, False, 14),  # a quote left open: the record runs to the file's end
        ("jsonl", '{"id": "r020", "text": \n', 21, 1, False, 14),
        ("csv", "r020,時給が低い,余分\n", 22, 2, False, 14),  # --jobs 2: the chunks read before it saved first
        ("jsonl", '{"id": "r020", "text": \n', 21, 2, False, 14),
        ("csv", "r020,時給が低い,余分\n", 22, 1, True, 14),  # found by a resume of the same input
    ],
)
def test_a_bad_row_stops_a_run_and_keeps_the_rows_saved_before_it_to_resume_once_fixed(
    tmp_path, tiny_model, in_fmt, bad, line, jobs, resumed_first, kept
):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{in_fmt}", tmp_path / f"fresh.{in_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "jobs": jobs, "id_column": "id"}
    good = _rows(in_fmt, 20, 21)
    dump.write_text(_rows(in_fmt, 0, 20) + bad + _rows(in_fmt, 21, 40), encoding="utf-8")
    partial = tmp_path / f"out.{in_fmt}.taikai-partial"
    if resumed_first:  # interrupted before the bad row was read: the resume reads it
        with pytest.raises(Interrupted):
            taikai.classify_file(dump, out, "text", on_chunk=_stop_after(1), **options)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", resume=resumed_first, **options)
    _assert_stopped_keeping(str(caught.value), dump, line, kept, partial)
    assert (partial / "state.json").is_file() and not out.exists()
    with pytest.raises(InputError, match=re.escape(f"{dump}:{line}: malformed record (")):  # not fixed: again
        taikai.classify_file(dump, out, "text", resume=True, **options)
    dump.write_bytes(dump.read_bytes().replace(bad.encode(), good.encode()))  # the row fixed in place
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (40, kept, 0)
    assert not partial.exists()


def test_a_bad_row_in_the_first_chunk_keeps_nothing(tmp_path, tiny_model):
    dump, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    dump.write_text(_rows("csv", 0, 3) + "r003,時給が低い,余分\n" + _rows("csv", 4, 20), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("fix it, or pass on_bad_lines='report'")):
        taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=7)
    assert not (tmp_path / "out.csv.taikai-partial").exists()


def test_rows_appended_with_a_bad_row_fixed_are_counted_past_the_lines_the_stopped_run_read(tmp_path, tiny_model):
    dump, out, fresh = tmp_path / "dump.csv", tmp_path / "out.csv", tmp_path / "fresh.csv"
    options = {"model": tiny_model, "chunk_size": 7}
    bad = "r020,時給が低い,余分\n"
    dump.write_text(_rows("csv", 0, 20) + bad + _rows("csv", 21, 30), encoding="utf-8")
    with pytest.raises(InputError):
        taikai.classify_file(dump, out, "text", **options)
    fixed = dump.read_bytes().replace(bad.encode(), _rows("csv", 20, 21).encode())
    dump.write_bytes(fixed + _rows("csv", 30, 36).encode())  # fixed, and the next day's rows appended
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (36, 14, 6)


BOM = "\ufeff".encode()


@pytest.mark.parametrize(
    ("first", "then", "what", "how"),
    [
        ("", lambda b: BOM + b, "a UTF-8 byte order mark (BOM) added at its start", "without a BOM"),
        ("\ufeff", lambda b: b[len(BOM) :], "its UTF-8 BOM removed", "with a UTF-8 BOM"),
        ("", lambda b: b.replace(b"\n", b"\r\n"), "its line ends changed from LF to CR LF", "with LF line ends"),
        (
            "",
            lambda b: BOM + b.replace(b"\n", b"\r\n"),
            "added at its start, its line ends changed from LF to CR LF",
            "without a BOM and with LF line ends",
        ),
        (
            "",
            lambda b: b.replace(b"\n", b"\r\n") + _rows("csv", 25, 30, "\r\n").encode(),
            "its line ends changed from LF to CR LF and rows appended after them",
            "with LF line ends",
        ),
    ],
)
def test_an_input_saved_again_by_excel_is_refused_saying_so_and_what_to_do(
    tmp_path, tiny_model, first, then, what, how
):
    dump, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    options = {"model": tiny_model, "chunk_size": 7}
    dump.write_bytes((first + _rows("csv", 0, 25)).encode())
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    dump.write_bytes(then(dump.read_bytes()))
    partial = tmp_path / "out.csv.taikai-partial"
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", resume=True, **options)
    message = " ".join(str(caught.value).split())
    assert message.startswith(f"cannot resume {out}: since the interrupted run, the input file changed"), message
    assert "The input looks saved again by Excel or another program since the run was saved (" in message, message
    assert what + "): its rows may read the same" in message, message
    assert message.endswith(
        f"To resume, put back the input as it was (a copy from before, or saved again {how}) and run it again with "
        f"resume=True (--resume on the command line); to classify it as it is now: start over without resume (delete "
        f"{partial} first)"
    ), message
    assert json.loads((partial / "state.json").read_text(encoding="utf-8"))["chunks"] == 2, "the saved rows"


def test_an_input_saved_again_with_line_ends_changed_back_resumes(tmp_path, tiny_model):
    dump, out, fresh = tmp_path / "dump.csv", tmp_path / "out.csv", tmp_path / "fresh.csv"
    options = {"model": tiny_model, "chunk_size": 7}
    dump.write_text(_rows("csv", 0, 25), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=_stop_after(2), **options)
    dump.write_bytes(dump.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(InputError, match="saved again with LF line ends"):
        taikai.classify_file(dump, out, "text", resume=True, **options)
    dump.write_bytes(dump.read_bytes().replace(b"\r\n", b"\n"))  # as it says
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes() and resumed.resumed_rows == 14
