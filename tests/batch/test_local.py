"""taikai batch: resume after an interruption, parallel jobs, safe writes, the command line and its errors."""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from contextlib import nullcontext
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
import taikai.batch._local as batch_local
from taikai.batch import Interrupted
from taikai.cli import cli
from taikai.errors import DataWarning, InputError

RESUME = "resume=True (--resume on the command line)"
TEXTS = [
    "手数料が高すぎて続けられませんでした",
    "時給にすると200円くらい",
    "提案しても返事が来ない",
    "本業が忙しくなった",
]


@pytest.fixture
def dump(tmp_path):
    """Write a 60-row CSV (some texts empty) and return its path."""
    rows = [{"id": f"r{i:03d}", "text": "" if i % 9 == 4 else f"{TEXTS[i % 4]}（#{i}）", "n": i} for i in range(60)]
    path = tmp_path / "dump.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_interrupted_run_resumes_to_an_identical_file(stop_after, tmp_path, dump, tiny_model_dir, fmt):
    full, out = tmp_path / f"full.{fmt}", tmp_path / f"out.{fmt}"
    options = {"model": tiny_model_dir, "chunk_size": 7, "id_column": "id"}
    whole = taikai.classify_file(dump, full, "text", **options)
    with pytest.raises(Interrupted, match=re.escape(f"run it again with {RESUME} to continue")):
        taikai.classify_file(dump, out, "text", on_chunk=stop_after(3), **options)
    assert not out.exists()
    partial = tmp_path / f"out.{fmt}.taikai-partial"
    assert json.loads((partial / "state.json").read_text())["chunks"] == 3
    with pytest.raises(InputError, match=re.escape(f"run it again with {RESUME} to continue it, or delete")):
        taikai.classify_file(dump, out, "text", **options)
    # A chunk half-written when the process was killed is cut off again on resume.
    with open(partial / "output.part", "ab") as f:
        f.write(b"half a chunk")
    resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    assert out.read_bytes() == full.read_bytes()
    assert not partial.exists()
    assert (resumed.rows, resumed.resumed_rows, resumed.statuses) == (60, 21, whole.statuses)


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"chunk_size": 8}, "chunk_size (--chunk-size) changed: 7 → 8"),
        ({"id_column": "n"}, "id_column (--id-column) changed: 'id' → 'n'"),
        ({"on_bad_lines": "report"}, "on_bad_lines (--on-bad-lines) changed: 'error' → 'report'"),
        ({"encoding": "utf-8"}, "encoding (--encoding) changed: 'utf-8-sig' (detected) → 'utf-8'"),
        ({"output_encoding": "cp932"}, "output_encoding (--output-encoding) changed: 'utf-8' → 'cp932'"),
    ],
)
def test_resume_refusal_names_the_option_and_both_values(stop_after, tmp_path, dump, tiny_model_dir, changed, message):
    out = tmp_path / "out.csv"
    options = {"model": tiny_model_dir, "chunk_size": 7, "id_column": "id"}
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=stop_after(1), **options)
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        taikai.classify_file(dump, out, "text", resume=True, **(options | changed))
    assert str(caught.value).count("changed") == 1, caught.value  # only the option that changed


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ({"chunk_size": np.int64(7)}, {"chunk_size": 7}),  # a count taken from a frame, then typed
        ({"chunk_size": 7}, {"chunk_size": np.int32(7)}),
        ({"chunk_size": 7, "limit": np.int64(40)}, {"chunk_size": 7, "limit": 40}),
    ],
)
def test_a_numpy_integer_option_runs_and_resumes_as_its_value(stop_after, tmp_path, dump, tiny_model_dir, first, then):
    out, options = tmp_path / "out.csv", {"model": tiny_model_dir, "id_column": "id"}
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=stop_after(2), **options, **first)
    done = taikai.classify_file(dump, out, "text", resume=True, **options, **then)
    assert done.resumed_rows == 14 and done.rows == then.get("limit", 60)


def test_resume_refuses_a_changed_input_saying_what_changed(stop_after, tmp_path, dump, tiny_model_dir):
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, on_chunk=stop_after(1))
    size = dump.stat().st_size
    edited = dump.read_bytes().replace(b"r001,", b"r991,")  # a row edited, and one appended (tests/batch/test_grown)
    dump.write_bytes(edited + "r999,追加,999\n".encode())
    grown = re.escape(f"the input file changed (its size: {size} bytes")
    with pytest.raises(InputError, match=grown + r".* → " + str(dump.stat().st_size) + " bytes"):
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, resume=True)


@pytest.mark.parametrize(("seconds", "timespec"), [(3600.0, "seconds"), (0.25, "microseconds")])
def test_resume_refusal_shows_the_input_times_as_local_iso_times(
    stop_after, tmp_path, dump, tiny_model_dir, seconds, timespec
):
    # Seconds, unless the file was changed within the second (then the two times would read the same).
    out = tmp_path / "out.csv"
    start = datetime(2026, 5, 1, 9, 30, 15).astimezone()
    os.utime(dump, (start.timestamp(), start.timestamp()))
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, on_chunk=stop_after(1))
    dump.write_bytes(dump.read_bytes().replace(b"r059", b"r999"))  # another id: the same size, other bytes
    os.utime(dump, (start.timestamp() + seconds,) * 2)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, resume=True)
    was, now = (t.isoformat(timespec=timespec) for t in (start, start + timedelta(seconds=seconds)))
    size = dump.stat().st_size
    said = str(caught.value)
    assert f"the input file's content changed (the same size, {size} bytes, but other bytes: sha256 " in said, said
    assert said.endswith(
        f"…; modified {was} → {now}). The saved rows were read from the input as it was: start over "
        f"without resume (delete {out}.taikai-partial first)"
    ), said


def test_resume_accepts_the_same_input_copied_again(stop_after, tmp_path, dump, tiny_model_dir):
    out, whole = tmp_path / "out.csv", tmp_path / "whole.csv"
    taikai.classify_file(dump, whole, "text", model=tiny_model_dir, chunk_size=7)
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, on_chunk=stop_after(1))
    dump.write_bytes(dump.read_bytes())  # copied again: the same bytes, another modification time
    os.utime(dump, (dump.stat().st_atime, dump.stat().st_mtime + 60))
    done = taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, resume=True)
    assert done.resumed_rows == 7 and out.read_bytes() == whole.read_bytes()


def test_resume_without_partial_starts_fresh(tmp_path, dump, tiny_model):
    with pytest.warns(DataWarning, match="^nothing to resume: no unfinished run for "):
        summary = taikai.classify_file(dump, tmp_path / "out.csv", "text", model=tiny_model, resume=True)
    assert summary.rows == 60 and summary.resumed_rows == 0


def test_jobs_2_gives_the_same_file_as_jobs_1(tmp_path, dump, tiny_model_dir):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    taikai.classify_file(dump, one, "text", model=tiny_model_dir, chunk_size=4)
    summary = taikai.classify_file(dump, two, "text", model=tiny_model_dir, chunk_size=4, jobs=2)
    assert two.read_bytes() == one.read_bytes()
    frame = pd.read_csv(two, dtype=str, keep_default_na=False)
    assert frame["id"].tolist() == [f"r{i:03d}" for i in range(60)]
    assert summary.statuses == {"ok": 53, "empty": 7}


@pytest.mark.parametrize("jobs", [2, 3])
def test_workers_fork_with_the_model_out_of_the_collectors_sight(tmp_path, dump, tiny_model, monkeypatch, jobs):
    # Unfrozen at the fork, the parent's next full collection walks the model it shares with the workers, and the
    # kernel copies every page it touches: the first chunk read after the fork cost 5x its CPU, on the critical path.
    real_start, frozen = batch_local.start_pool, []

    def start_pool(job, n):
        frozen.append(gc.get_freeze_count() > 0)
        return real_start(job, n)

    monkeypatch.setattr(batch_local, "start_pool", start_pool)
    gc.unfreeze()
    try:
        taikai.classify_file(dump, tmp_path / "out.csv", "text", model=tiny_model, chunk_size=4, jobs=jobs)
        assert frozen == [True]
        assert gc.get_freeze_count() == 0  # given back to the collector once the run is over
    finally:
        gc.unfreeze()


def test_header_only_input_gives_header_only_output(tmp_path, tiny_model):
    (tmp_path / "in.csv").write_text("id,text\n", encoding="utf-8")
    summary = taikai.classify_file(tmp_path / "in.csv", tmp_path / "out.csv", "text", model=tiny_model)
    assert summary.rows == 0
    assert (tmp_path / "out.csv").read_text().splitlines() == [",".join(["id", "text", *tiny_model.output_columns()])]


def run(*args):
    return CliRunner().invoke(cli, ["batch", *map(str, args)])


def test_cli_batch_header_only_input_says_no_rows(tmp_path, tiny_model_dir):
    (tmp_path / "in.csv").write_text("id,text\n", encoding="utf-8")
    result = run(tmp_path / "in.csv", "-o", tmp_path / "out.csv", "--text-column", "text", "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "status: no rows"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_batch_summary_names_a_bad_row_by_its_input_line(tmp_path, tiny_model_dir, jobs):
    lines = [
        '{"id": 1, "text": "手数料が高い"}',
        "",
        '{"id": 2, "text": "oops"',
        '{"id": 3, "text": "サポートが遅い"}',
        '{"id": 4, "text": ""}',
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["--text-column", "text", "--id-column", "id", "--on-bad-lines", "report", "--chunk-size", "1"]
    result = run(tmp_path / "in.jsonl", "-o", tmp_path / "out.csv", "-m", tiny_model_dir, "--jobs", jobs, *args)
    assert result.exit_code == 0, result.output
    assert "  line 5 (id 4): empty: empty or whitespace-only text" in result.output.splitlines()
    bad = (tmp_path / "out.bad_lines.csv").read_text(encoding="utf-8").splitlines()
    assert bad[1].startswith("3,") and "at column 25, the end of the line" in bad[1]
    saved = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert [(e["row"], e["line"], e["id"]) for e in saved["examples"]] == [(3, 5, "4")]


def test_cli_batch_prints_a_summary(tmp_path, dump, tiny_model_dir):
    result = run(dump, "-o", tmp_path / "out.tsv", "--text-column", "text", "--id-column", "id", "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert "53 of 60 rows classified" in result.output and "empty 7" in result.output and "(id r004)" in result.output
    assert len((tmp_path / "out.tsv").read_text(encoding="utf-8").splitlines()) == 61
    quiet = run(dump, "-o", tmp_path / "q.csv", "--text-column", "text", "-m", tiny_model_dir, "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ["--text-column", "body"], "no column 'body'; the columns are ['id', 'text', 'n']"),
        (None, ["--text-column", "text", "--id-column", "key"], "no column 'key'"),
        ("missing", ["--text-column", "text"], "missing.csv: no such file"),
        ("garbage", ["--text-column", "text"], "cannot decode as UTF-8 or CP932"),
        ("broken", ["--text-column", "text"], "not a readable Parquet file"),
        (
            None,
            ["--text-column", "text", "--encoding", "foo"],
            "encoding='foo' (--encoding on the command line): unknown encoding",
        ),
        (None, ["--text-column", "text", "--encoding", "utf-16"], "convert the file to UTF-8 first"),
    ],
)
def test_cli_input_errors_exit_2(tmp_path, dump, tiny_model_dir, setup, args, message):
    source = dump
    if setup == "missing":
        source = tmp_path / "missing.csv"
    elif setup == "garbage":
        source = tmp_path / "garbage.csv"
        source.write_bytes(bytes(range(128, 256)) * 4)
    elif setup == "broken":
        source = tmp_path / "broken.parquet"
        source.write_bytes(b"not parquet at all")
    result = run(source, "-o", tmp_path / "out.csv", "-m", tiny_model_dir, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("extra", "example"),
    [([], "out.csv"), (["--output-format", "csv"], "out.csv"), (["--output-format", "jsonl"], "out.jsonl")],
)
def test_cli_batch_output_that_is_a_folder_says_so_whatever_the_options(tmp_path, dump, tiny_model_dir, extra, example):
    folder = tmp_path / "adir"
    folder.mkdir()
    result = run(dump, "-o", folder, "--text-column", "text", "-m", tiny_model_dir, *extra)
    assert result.exit_code == 2
    assert result.output == (
        f"taikai: error: {folder}: is a folder; give a file name such as {folder / example}, "
        "or use the Dask engine (taikai.dask.classify_files in Python, --engine dask on the command line) to "
        "write a folder of parts\n"
    )
    assert list(folder.iterdir()) == []


MODEL_DIRECTORY = "is a directory, not a file: a model directory (it holds model.joblib and metadata.json), not data"


@pytest.mark.parametrize(
    ("given", "extra", "said"),
    [
        # regression: "is a folder; the local engine reads one file … or use the Dask engine", which then failed
        ("model", ["--text-column", "text"], MODEL_DIRECTORY),
        ("model", ["--text-column", "text", "--engine", "dask"], MODEL_DIRECTORY),  # failed on metadata.json
        ("model", [], MODEL_DIRECTORY),  # asked for --text-column
        ("model", ["--engine", "dask"], MODEL_DIRECTORY),
        ("folder", [], "is a folder; the local engine reads one file"),  # asked for --text-column
    ],
)
def test_cli_batch_input_that_is_a_model_directory_says_so(tmp_path, dump, tiny_model_dir, given, extra, said):
    folder = tiny_model_dir if given == "model" else dump.parent
    result = run(folder, "-o", tmp_path / "out", "-m", tiny_model_dir, *extra)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"taikai: error: {folder}: {said}"), result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


@pytest.mark.parametrize("options", [{}, {"output_format": "csv"}])
def test_dash_as_the_output_of_classify_file_is_refused_as_such(tmp_path, dump, tiny_model, monkeypatch, options):
    """Regression (h153): classify_file(dump, "-") said to name the format with output_format=, which then said
    that - is not standard output: - is said first, whatever the options."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^-: taikai writes a file, not to standard output"):
        taikai.classify_file(dump, "-", "text", model=tiny_model, **options)
    assert not (tmp_path / "-").exists()


def test_cli_batch_input_that_is_a_folder_says_so(tmp_path, dump, tiny_model_dir):
    result = run(dump.parent, "-o", tmp_path / "out.csv", "--text-column", "text", "-m", tiny_model_dir)
    assert result.exit_code == 2
    assert f"{dump.parent}: is a folder; the local engine reads one file" in result.output
    assert (
        "or use the Dask engine (taikai.dask.classify_files in Python, --engine dask on the command line) to "
        "read every file of the folder" in result.output
    )
    assert not (tmp_path / "out.csv").exists()


def test_cli_batch_names_the_line_of_an_undecodable_file(tmp_path):
    path = tmp_path / "cp932bad.csv"
    path.write_bytes("id,text\n1,手数料が高い\n2,サポートが遅い\n".encode("cp932") + b"3,\x81 bad\n")
    result = CliRunner().invoke(cli, ["batch", str(path), "-o", str(tmp_path / "out.csv"), "--text-column", "text"])
    assert result.exit_code == 2
    assert re.match(rf"taikai: error: {re.escape(str(path))}:4: cannot decode as UTF-8 or CP932 \(", result.output)
    assert "--encoding-errors replace" in result.output and not (tmp_path / "out.csv").exists()


MANY = 40_000
"""Rows enough to put a line past the first MiB, which detection reads."""


@pytest.mark.parametrize(
    ("fmt", "encoding", "line"),
    [
        ("csv", None, MANY + 2),  # detected as UTF-8 from the first MiB; a CP932 line pasted in past it
        ("jsonl", None, MANY + 1),
        ("csv", "cp932", MANY + 2),  # given: a byte CP932 does not decode
    ],
)
def test_a_byte_the_encoding_does_not_decode_stops_the_run_before_any_row_is_classified(
    tmp_path, tiny_model, fmt, encoding, line
):
    # Regression (h391): a byte at line 900,000 stopped the run there, the rows before it classified in vain (and
    # the partial run removed); it is found as the input is read for its bytes, before the first row is classified
    path, out = tmp_path / f"in.{fmt}", tmp_path / "out.csv"
    rows = [(f"r{i:05d}", TEXTS[i % 4]) for i in range(MANY)]
    if fmt == "csv":
        data, last = "id,text\n" + "".join(f"{i},{t}\n" for i, t in rows), ("r99999,", "\n")
    else:
        data = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows)
        last = ('{"id": "r99999", "text": "', '"}\n')
    bad = "手数料".encode("cp932") if encoding is None else b"\x81\x7f"
    path.write_bytes(data.encode(encoding or "utf-8") + last[0].encode() + bad + last[1].encode())
    assert path.stat().st_size > 1 << 20
    classified: list[int] = []
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}:{line}: byte 0x[0-9a-f]+ is not valid"):
        taikai.classify_file(path, out, "text", model=tiny_model, encoding=encoding, on_chunk=classified.append)
    assert classified == []  # no chunk was classified


def test_cli_batch_help():
    result = run("--help")
    assert result.exit_code == 0
    for option in ("--text-column", "--jobs", "--resume", "--on-bad-lines", "--output-encoding", "'?'", "--sheet"):
        assert option in result.output


def start_big_run(tmp_path, model_dir, *extra) -> tuple[subprocess.Popen, list[str], Path, Path, Path]:
    """Start `taikai batch` on 1,500 rows in chunks of 10, wait until its first chunk is saved, and return it."""
    rows = [{"id": i, "text": f"{TEXTS[i % 4]}（#{i}）"} for i in range(1500)]
    src, out = tmp_path / "big.csv", tmp_path / "out.csv"
    pd.DataFrame(rows).to_csv(src, index=False)
    command = [sys.executable, "-m", "taikai", "batch", str(src), "-o", str(out), "--text-column", "text"]
    command += ["-m", str(model_dir), "--chunk-size", "10", *extra]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    state = tmp_path / "out.csv.taikai-partial" / "state.json"
    # no deadline: the command starts in seconds, in more than 30 on a loaded machine, which stopped the wait before
    # its first chunk was saved; were it never to save one, it ends (an error), which ends the wait too
    while not state.exists() and proc.poll() is None:
        time.sleep(0.02)
    return proc, command, src, out, state


@pytest.mark.slow
def test_killed_process_leaves_no_output_and_resumes(tmp_path, tiny_model_dir):
    proc, command, src, out, _ = start_big_run(tmp_path, tiny_model_dir, "--quiet")
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert not out.exists(), "the run finished before it could be killed"
    assert subprocess.run([*command, "--resume"], capture_output=True).returncode == 0
    taikai.classify_file(src, tmp_path / "whole.csv", "text", model=tiny_model_dir, chunk_size=10)
    assert out.read_bytes() == (tmp_path / "whole.csv").read_bytes()


@pytest.mark.slow
def test_workers_end_when_their_parent_is_killed(tmp_path, tiny_model_dir):
    import psutil

    proc, *_ = start_big_run(tmp_path, tiny_model_dir, "--quiet", "--jobs", "2")
    workers = psutil.Process(proc.pid).children()
    assert len(workers) == 2, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()  # not communicate(): workers left alive would hold its stderr open
    proc.stderr.close()
    _, alive = psutil.wait_procs(workers, timeout=10)
    for worker in alive:
        worker.kill()
    assert alive == [], "workers outlived their killed parent, each holding the model"


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "hang-up"])
def test_sigterm_exits_130_and_keeps_the_partial_run(tmp_path, tiny_model_dir, stop):
    """A hang-up (the ssh session dropped) stops the run as SIGTERM does: before, it was killed, 129, silent."""
    proc, _, _, out, state = start_big_run(tmp_path, tiny_model_dir)
    proc.send_signal(stop)
    _, err = proc.communicate(timeout=120)  # a bound to fail rather than hang, not a speed
    assert proc.returncode == 130, err
    assert "--resume" in err and state.exists() and not out.exists()


def test_resume_refuses_another_in_memory_model_with_the_same_labels(stop_after, tmp_path, dump, tiny_csv):
    from taikai.model import FeatureConfig

    def train(config):
        return taikai.train(tiny_csv, config=config, folds=0, test_size=0)

    one, other = train(FeatureConfig(min_df=1)), train(FeatureConfig(min_df=1, reason_c=1.0))
    assert repr(one) == repr(other)  # what the resume fingerprint used to compare
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=one, chunk_size=7, on_chunk=stop_after(1))
    with pytest.raises(InputError, match="the model changed"):
        taikai.classify_file(dump, out, "text", model=other, chunk_size=7, resume=True)
    # The same model trained again has the same key: the run goes on.
    resumed = taikai.classify_file(dump, out, "text", model=train(FeatureConfig(min_df=1)), chunk_size=7, resume=True)
    assert (resumed.rows, resumed.resumed_rows) == (60, 7)


def _edited(model_dir: Path, where: Path, edit) -> Path:
    """Copy the model directory *model_dir* to *where* with its metadata.json changed by *edit* (artifact kept)."""
    shutil.copytree(model_dir, where)
    metadata = json.loads((where / "metadata.json").read_text(encoding="utf-8"))
    edit(metadata)
    (where / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    return where


def _all_thresholds(value):
    return lambda m: m.update(reason_thresholds=dict.fromkeys(m["reason_thresholds"], value))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            _all_thresholds(0.9),
            r"the model's reason_thresholds changed \(\w+ [\d.]+ → 0\.9, \w+ [\d.]+ → 0\.9, \w+ [\d.]+ → 0\.9, "
            r"and \d+ more\) in its metadata\.json",
        ),
        (
            lambda m: m["reason_thresholds"].update(fees=0.05),
            r"the model's reason_thresholds changed \(fees [\d.]+ → 0\.05\) in its metadata\.json",
        ),
        (lambda m: m.update(max_chars=50), "the model's max_chars changed: 10000 → 50 in its metadata.json"),
    ],
    ids=["every threshold", "one threshold", "max_chars"],
)
def test_resume_refuses_a_model_whose_metadata_settings_were_edited(
    stop_after, tmp_path, dump, tiny_model_dir, edit, message
):
    """Regression: thresholds and max_chars live in metadata.json, outside the artifact's sha256 (the model's
    identity): a resumed run mixed rows of two threshold settings."""
    model = _edited(tiny_model_dir, tmp_path / "model", lambda m: None)
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=model, chunk_size=7, on_chunk=stop_after(1))
    edited = _edited(model, tmp_path / "edited", edit)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", model=edited, chunk_size=7, resume=True)
    said = str(caught.value)
    assert said.startswith(f"cannot resume {out}: since the interrupted run, ") and re.search(message, said), said
    assert "the model changed" not in said  # the same artifact: the setting is named instead
    resumed = taikai.classify_file(dump, out, "text", model=model, chunk_size=7, resume=True)
    assert (resumed.rows, resumed.resumed_rows) == (60, 7)


def test_cli_batch_defaults_are_the_library_constants():
    from taikai.batch import DEFAULT_CHUNK_SIZE
    from taikai.io import OUTPUT_ENCODINGS

    params = {p.name: p for p in cli.get_command(None, "batch").params}
    assert params["chunk_size"].default == DEFAULT_CHUNK_SIZE
    assert tuple(params["output_encoding"].type.choices) == OUTPUT_ENCODINGS


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_batch_writes_a_summary_beside_its_output(tmp_path, dump, tiny_model_dir, fmt):
    with dump.open("a", encoding="utf-8") as f:
        f.write("r999,a,b,c\n\nr998,手数料,3\n")
    out = tmp_path / f"out.{fmt}"
    done = taikai.classify_file(dump, out, "text", model=tiny_model_dir, on_bad_lines="report", chunk_size=16)
    written = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    meta = json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))
    assert written["format"] == 1 and written["rows"] == done.rows == 61
    assert (written["bad_lines"], written["blank_lines"]) == (1, 1)
    assert written["bad_lines_file"] == str(tmp_path / "out.bad_lines.csv")
    assert written["statuses"] == done.statuses
    assert written["model"]["sha256"] == meta["artifact"]["sha256"] and written["model"]["name"] == "tiny"
    assert written["model"]["created_at"] == meta["created_at"]
    summary = taikai.io.read_summary(out)
    assert summary.rows == 61 and summary.bad_lines == 1 and summary.model.sha256 == meta["artifact"]["sha256"]


@pytest.mark.parametrize(
    "content", ["not json", '{"format": 1}', '{"format": 1, "rows": 3, "model": {"name": "x"}}', "[1, 2]"]
)
def test_a_malformed_summary_is_named(tmp_path, content):
    (tmp_path / "out.summary.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"out\.summary\.json: not a taikai batch summary"):
        taikai.io.read_summary(tmp_path / "out.csv")


def test_the_partial_folder_says_what_it_holds(stop_after, tmp_path, dump, tiny_model_dir):
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, chunk_size=7, on_chunk=stop_after(1))
    readme = (tmp_path / "out.csv.taikai-partial" / "README.txt").read_text(encoding="utf-8")
    assert "unfinished batch run" in readme and "out.csv" in readme and str(dump) in readme
    assert "text_column: text" in readme
    assert readme.endswith(
        "Run it again with resume=True (--resume on the command line) to continue after the last saved chunk, or "
        "delete this folder to start over. The output file appears only when the run is complete.\n"
    ), readme


def test_a_failed_assembly_leaves_no_partial_folder_and_the_next_run_works(tmp_path, dump, tiny_model, monkeypatch):
    import taikai.io

    def broken(parts, schema, out):
        raise ValueError("the sheet cannot hold this")

    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(taikai.io, "write_xlsx", broken)
    with pytest.raises(InputError, match=r"out\.xlsx: the complete output could not be written \(the sheet cannot"):
        taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=20)
    assert not out.exists() and not list(tmp_path.glob("*.taikai-partial"))
    monkeypatch.undo()
    assert taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=20).rows == 60


def test_cli_batch_prefix_scores_a_labelled_file_next_to_its_labels(tmp_path, tiny_csv, tiny_model_dir):
    out = tmp_path / "scored.csv"
    args = ["batch", str(tiny_csv), "-o", str(out), "--text-column", "text", "--model", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "--prefix pred_" in result.stderr
    result = CliRunner().invoke(cli, [*args, "--prefix", "pred_"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(frame.columns[:5]) == ["text", "reasons", "sentiment", "pred_status", "pred_message"]
    assert frame["reasons"].tolist() == pd.read_csv(tiny_csv, dtype=str)["reasons"].tolist()
    assert (frame["pred_reason"] == frame["reasons"].str.split("|").str[0]).mean() > 0.5


def test_cli_batch_encoding_errors_replace_counts_rows_in_the_summary(tmp_path, tiny_model_dir):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(b"id,text\n1," + "単価".encode("cp932") + b"\x81\x20\n2," + "手数料".encode("cp932") + b"\n")
    args = ["batch", str(src), "-o", str(out), "--text-column", "text", "--model", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--encoding", "cp932"])
    assert result.exit_code == 2 and "--encoding-errors replace" in result.stderr
    assert "pass the file's encoding" not in result.stderr  # it was given
    result = CliRunner().invoke(cli, [*args, "--encoding", "cp932", "--encoding-errors", "replace"])
    assert result.exit_code == 0, result.output
    said = "rows not cleanly decoded: 1 (1 undecodable byte(s) read as U+FFFD): line 2; each row's message says so"
    assert said in result.stderr  # the row named as every list of rows names it (no --id-column: its line alone)
    assert pd.read_csv(out, dtype=str)["id"].tolist() == ["1", "2"]  # the Dask engine: test_dask.py


@pytest.mark.parametrize(
    ("text", "status", "said"),
    [
        (
            "元旦から何やってんだろ。こたつでクラウドワークスのアンケートに答え続けて12件、合計84円。",
            "error",
            "mostly U+FFFD",
        ),
        ("Upworkは英語のproposal書くのが地味にきつい。", "error", "no Japanese characters"),  # no kanji left by chance
        ("単価", "ok", ""),  # a UTF-8 review with one stray byte: still classified, the byte named in its message
    ],
)
def test_cp932_read_as_utf8_with_replace_is_not_labelled(tmp_path, tiny_model, text, status, said):
    """Regression: a CP932 file given --encoding utf-8 --encoding-errors replace had 12 of 20 rows ok, labelled
    from the few kanji U+FFFD left by chance; a row of more U+FFFD than Japanese is now an error, as no Japanese."""
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    raw = text.encode("cp932") if status == "error" else text.encode() + b"\x8c"
    src.write_bytes(b"id,text\n1," + raw + b"\n")
    likely = r"most likely in cp932 \(as detection reads it\); run again with encoding='cp932' \(--encoding cp932 "
    warned = pytest.warns(DataWarning, match=likely) if status == "error" else nullcontext()
    with warned:  # no row classified: said to be the encoding (the one it reads in), not another column
        taikai.classify_file(src, out, "text", model=tiny_model, encoding="utf-8", encoding_errors="replace")
    row = pd.read_csv(out, dtype=str, keep_default_na=False).iloc[0]
    assert row["status"] == status and (row["reason"] == "") == (status == "error")
    assert row["message"].startswith(said)
    assert row["message"].endswith("undecodable byte(s) read as U+FFFD in utf-8")  # the decode note stays


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def failing_rename(real, target: Path):
    """Return os.replace failing (no space) when it would rename onto *target*: the last step of a run."""

    def replace(src, dst):
        if Path(dst) == target:
            no_space()
        return real(src, dst)

    return replace


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_a_full_disk_at_the_last_step_keeps_the_classified_rows_for_resume(
    tmp_path, dump, tiny_model, monkeypatch, fmt
):
    import taikai.batch._workdir as workdir

    out, whole = tmp_path / f"out.{fmt}", tmp_path / f"whole.{fmt}"
    taikai.classify_file(dump, whole, "text", model=tiny_model, chunk_size=20)
    if fmt == "csv":
        monkeypatch.setattr(workdir.os, "replace", failing_rename(os.replace, out))
    else:

        def half_written(parts, schema, path, **_):
            path.write_bytes(b"PAR1 half")
            no_space()

        monkeypatch.setattr(taikai.io, f"write_{fmt}", half_written)
    with pytest.raises(taikai.TaikaiError) as caught:
        taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=20)
    message = str(caught.value)
    assert message.startswith(f"{out}: the complete output could not be written (")
    assert "No space left on device" in message and "the 60 classified rows are kept in" in message
    assert f"run it again with {RESUME} to write the output without classifying again" in message
    partial = tmp_path / f"out.{fmt}.taikai-partial"
    assert not out.exists() and (partial / "state.json").exists()
    assert not list(partial.glob("output.*.tmp")), "the half-built file was left taking space"
    monkeypatch.undo()
    done = taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=20, resume=True)
    assert (done.rows, done.resumed_rows) == (60, 60) and not partial.exists()
    if fmt == "xlsx":
        pd.testing.assert_frame_equal(pd.read_excel(out), pd.read_excel(whole))
    else:
        assert out.read_bytes() == whole.read_bytes()


def test_a_full_disk_mid_run_keeps_the_saved_chunks_and_says_to_resume(tmp_path, dump, tiny_model_dir, monkeypatch):
    import taikai.batch._workdir as workdir

    real = workdir.WorkDir.commit

    def commit(self, index, *args):
        if index == 3:
            no_space()
        return real(self, index, *args)

    out, whole = tmp_path / "out.csv", tmp_path / "whole.csv"
    monkeypatch.setattr(workdir.WorkDir, "commit", commit)
    result = run(dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--chunk-size", 10)
    assert result.exit_code == 2 and "Traceback" not in result.output
    partial = tmp_path / "out.csv.taikai-partial"
    assert result.output.startswith(
        f"taikai: error: {out}: the run stopped: No space left on device; the 20 rows saved so far are kept in "
        f"{partial}: fix the cause"
    ), result.output
    assert f"run it again with {RESUME} to continue" in result.output and not out.exists()
    monkeypatch.undo()
    resumed = run(dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--chunk-size", 10, "--resume")
    assert resumed.exit_code == 0, resumed.output
    taikai.classify_file(dump, whole, "text", model=tiny_model_dir, chunk_size=10)
    assert out.read_bytes() == whole.read_bytes()


def test_cli_batch_interrupted_while_starting_exits_130(tmp_path, dump, tiny_model_dir, monkeypatch):
    import taikai.batch

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(taikai.batch, "run_local", interrupted)
    result = run(dump, "-o", tmp_path / "out.csv", "--text-column", "text", "-m", tiny_model_dir)
    assert result.exit_code == 130
    assert result.output == "taikai: interrupted before any row was saved; run it again\n"


def test_an_interrupt_while_a_chunk_is_saved_counts_only_the_saved_rows(tmp_path, dump, tiny_model, monkeypatch):
    import taikai.batch._workdir as workdir

    real = workdir.WorkDir.commit

    def commit(self, index, *args):
        if index == 3:  # chunk 3 is classified and counted, and Ctrl-C comes while it is written
            raise KeyboardInterrupt
        return real(self, index, *args)

    monkeypatch.setattr(workdir.WorkDir, "commit", commit)
    with pytest.raises(Interrupted) as caught:
        taikai.classify_file(dump, tmp_path / "out.csv", "text", model=tiny_model, chunk_size=7)
    assert caught.value.message.startswith("interrupted after 14 rows saved; the partial result is kept in ")
    monkeypatch.undo()
    done = taikai.classify_file(dump, tmp_path / "out.csv", "text", model=tiny_model, chunk_size=7, resume=True)
    assert (done.rows, done.resumed_rows) == (60, 14)


@pytest.mark.parametrize(
    ("given", "named", "them"),
    [
        ({"scheduler": "tcp://127.0.0.1:1"}, "scheduler: an option of the Dask engine", "it"),
        (
            {"scheduler": "tcp://127.0.0.1:1", "partitions": 4},
            "scheduler, partitions: options of the Dask engine",
            "them",
        ),
        ({"partitions": 4}, "partitions: an option of the Dask engine", "it"),
    ],
)
def test_classify_file_refuses_the_dask_engines_options(tmp_path, dump, tiny_model, given, named, them):
    with pytest.raises(InputError, match=re.escape(named)) as caught:
        taikai.classify_file(dump, tmp_path / "out.csv", "text", model=tiny_model, **given)
    assert str(caught.value).endswith(f"call taikai.dask.classify_files with {them}")
    assert not (tmp_path / "out.csv").exists()


GLOB_SAID = (
    "g_*.csv: no such file; it is a glob that matches 2 file(s) (such as {first}), but the local engine reads one "
    "file and expands no glob: name one file, or use the Dask engine (taikai.dask.classify_files in Python, --engine "
    "dask on the command line) to read every file the glob matches"
)


@pytest.mark.parametrize(
    ("pattern", "args", "said"),
    [
        ("g_*.csv", ["--text-column", "text"], GLOB_SAID),
        ("g_*.csv", [], GLOB_SAID),  # said before the missing text column: giving one would not help
        ("g_?.csv", ["--text-column", "text"], GLOB_SAID.replace("g_*", "g_?")),
        ("x_*.csv", ["--text-column", "text"], "x_*.csv: no such file"),  # matches nothing
        ("g_3.csv", ["--text-column", "text"], "g_3.csv: no such file"),
    ],
)
def test_a_quoted_glob_that_matches_files_says_the_dask_engine_reads_it(tmp_path, tiny_model_dir, pattern, args, said):
    for k in (1, 2):
        (tmp_path / f"g_{k}.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    source = tmp_path / pattern
    expected = f"{tmp_path}/{said.format(first=tmp_path / 'g_1.csv')}"
    result = run(source, "-o", tmp_path / "out.csv", "-m", tiny_model_dir, *args)
    assert result.exit_code == 2
    assert result.output == f"taikai: error: {expected}\n"
    with pytest.raises(InputError) as caught:
        taikai.classify_file(source, tmp_path / "out.csv", "text", model=tiny_model_dir)
    assert str(caught.value) == expected
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("name", ["model.joblib", "metadata.json"])
def test_an_output_over_another_models_file_is_refused(dump, tmp_path, tiny_model_dir, name):
    """Regression: ``classify_file(..., model=m1)`` wrote its output over the files of another model."""
    other = tmp_path / "ow"
    shutil.copytree(tiny_model_dir, other)
    before = (other / name).read_bytes()
    with pytest.raises(InputError, match=re.escape(f"the output would overwrite {other / name}, a file of the model")):
        taikai.classify_file(dump, other / name, "text", model=tiny_model_dir, output_format="csv")
    assert (other / name).read_bytes() == before


@pytest.mark.parametrize(
    ("bad", "masks"),
    [
        ("bad,taro@example.com,two", {"email": 2}),  # the bad line's e-mail address counted with the row's
        ("bad,one,two", {"email": 1}),
    ],
)
def test_the_masks_of_bad_lines_set_aside_are_counted(tmp_path, tiny_model, bad, masks):
    """Personal data masked in a bad line written to the side file is counted in the summary's masks."""
    path = tmp_path / "dump.csv"
    lines = ["id,text", "r00,手数料が高い", "r01,連絡は hanako@example.com まで", bad, "r02,単価が安い"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = taikai.classify_file(path, out, "text", model=tiny_model, mask_pii=True, on_bad_lines="report")
    assert (done.rows, done.bad_lines, done.masks) == (3, 1, masks)
    assert "example.com" not in (tmp_path / "out.bad_lines.csv").read_text(encoding="utf-8")
