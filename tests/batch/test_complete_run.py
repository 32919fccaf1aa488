"""``--resume`` of a complete output whose input then grew (taikai.batch._complete_run): only the rows appended are
classified, and the output is byte-identical to a fresh run of the grown input; an output changed since, or an input
changed otherwise, runs from the start as before."""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import DataWarning

from .test_grown import _rows


def _appended(dump, start: int, stop: int, encoding: str = "utf-8", newline: str = "\n") -> None:
    with open(dump, "ab") as f:  # the next day's rows
        f.write(_rows(dump.suffix[1:], start, stop, newline).encode(encoding))


@pytest.mark.parametrize(
    ("in_fmt", "out_fmt", "options", "encoding", "newline"),
    [
        ("csv", "csv", {}, "utf-8", "\n"),
        ("csv", "jsonl", {}, "utf-8", "\n"),
        ("jsonl", "tsv", {}, "utf-8", "\n"),
        ("csv", "csv", {"output_encoding": "cp932"}, "cp932", "\r\n"),  # Excel's CSV: CP932, CR LF
        ("csv", "csv", {"jobs": 2}, "utf-8", "\n"),
        ("csv", "csv", {"mask_pii": True}, "utf-8", "\n"),
        ("csv", "csv", {"on_bad_lines": "report"}, "utf-8", "\n"),  # its side file of bad lines goes on too
        ("csv", "csv", {"limit": 30}, "utf-8", "\n"),
    ],
)
def test_a_complete_output_whose_input_grew_is_resumed_with_the_rows_appended_only(
    tmp_path, tiny_model, in_fmt, out_fmt, options, encoding, newline
):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{out_fmt}", tmp_path / f"fresh.{out_fmt}"
    options = {"model": tiny_model, "chunk_size": 7, "id_column": "id", **options}
    text = _rows(in_fmt, 0, 25, newline)
    if "on_bad_lines" in options:
        text = text.replace("r003,", 'r003,"x",y,', 1)  # a field too many: set aside
    dump.write_bytes(text.encode(encoding))
    taikai.classify_file(dump, out, "text", **options)
    _appended(dump, 25, 40, encoding, newline)
    if "on_bad_lines" in options:
        with open(dump, "ab") as f:
            f.write(b"r040,a,b,c\n")  # and a bad line appended
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    whole = taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    limit = options.get("limit")
    assert (resumed.rows, resumed.resumed_rows) == (whole.rows, 24 if "on_bad_lines" in options else 25)
    assert resumed.appended_rows == (limit or 40) - 25
    assert (resumed.statuses, resumed.reasons, resumed.bad_lines) == (whole.statuses, whole.reasons, whole.bad_lines)
    if "on_bad_lines" in options:
        side = [tmp_path / f"{stem}.bad_lines.csv" for stem in ("out", "fresh")]
        assert side[0].read_bytes() == side[1].read_bytes()
    assert not (tmp_path / f"out.{out_fmt}.taikai-partial").exists()


def _touched_output(out, dump):
    os.utime(out, ns=(out.stat().st_atime_ns, out.stat().st_mtime_ns + 10**9))  # saved again (by Excel, say)


def _edited_input(out, dump):
    dump.write_bytes(dump.read_bytes().replace(b"r001", b"x001"))


def _summary_of_an_earlier_taikai(out, dump):
    summary = out.with_name("out.summary.json")
    values = json.loads(summary.read_text(encoding="utf-8"))
    del values["resume_state"]
    summary.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("out_fmt", "change"),
    [
        ("csv", _touched_output),
        ("csv", _edited_input),
        ("csv", _summary_of_an_earlier_taikai),
        ("parquet", None),  # built whole from its chunks, which are gone
    ],
)
def test_a_complete_output_that_cannot_be_reopened_is_run_again_from_the_start(tmp_path, tiny_model, out_fmt, change):
    dump, out, fresh = tmp_path / "dump.csv", tmp_path / f"out.{out_fmt}", tmp_path / f"fresh.{out_fmt}"
    options = {"model": tiny_model, "chunk_size": 7}
    dump.write_text(_rows("csv", 0, 25), encoding="utf-8")
    taikai.classify_file(dump, out, "text", **options)
    _appended(dump, 25, 40)
    if change is not None:
        change(out, dump)
    said = f"{out} is complete (its summary out.summary.json describes it): nothing to resume; running from the start"
    with pytest.warns(DataWarning, match=re.escape(said)):
        again = taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, fresh, "text", **options)
    assert (again.rows, again.resumed_rows, again.appended_rows) == (40, 0, 0)
    if out_fmt == "csv":
        assert out.read_bytes() == fresh.read_bytes()


def test_the_command_says_how_many_rows_were_appended_to_a_complete_output(tmp_path, tiny_model_dir):
    dump, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    dump.write_text(_rows("csv", 0, 25), encoding="utf-8")
    args = ["batch", str(dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    _appended(dump, 25, 40)
    result = CliRunner().invoke(cli, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.endswith("; 15 rows appended to the input since the saved run"), first
    assert " 25 of the 40 rows before the resume " in first, first
