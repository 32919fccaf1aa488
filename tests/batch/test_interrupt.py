"""A batch run stopped by Ctrl-C or SIGTERM: before any row is saved (nothing to resume, no folder left) or after
(kept for --resume), a second Ctrl-C while it stops, and the progress line of a resumed run."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import taikai
import taikai.batch._local as local
import taikai.batch._workdir as workdir
from taikai.batch import Interrupted
from taikai.batch._progress import Progress
from taikai.cli import cli


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


def _interrupt_at(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make Ctrl-C come *where*: while the input is hashed, chunk 1 classified, or chunk 1 saved."""
    if where == "hashing":
        monkeypatch.setattr(workdir, "input_fingerprint", _interrupt)
    elif where == "classifying":
        monkeypatch.setattr(local, "run_chunk", _interrupt)
    else:
        real = workdir.WorkDir._save

        def save(self, state):
            if state.chunks == 1:
                raise KeyboardInterrupt
            real(self, state)

        monkeypatch.setattr(workdir.WorkDir, "_save", save)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("where", ["hashing", "classifying", "saving"])
def test_an_interrupt_before_any_row_is_saved_leaves_nothing_to_resume(
    tmp_path, fee_dump, tiny_model_dir, monkeypatch, where, fmt
):
    out = tmp_path / f"out.{fmt}"
    _interrupt_at(where, monkeypatch)
    args = [
        "batch",
        str(fee_dump),
        "-o",
        str(out),
        "--text-column",
        "text",
        "-m",
        str(tiny_model_dir),
        "--chunk-size",
        "10",
    ]
    result = CliRunner().invoke(cli, [*args, "--jobs", "1"])
    assert result.exit_code == 130, result.output
    assert result.output == "taikai: interrupted before any row was saved; run it again\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.csv"], "a folder or file was left"
    monkeypatch.undo()
    done = taikai.classify_file(fee_dump, out, "text", model=tiny_model_dir, chunk_size=10)
    assert (done.rows, done.resumed_rows) == (30, 0)


def test_an_interrupt_after_a_chunk_is_saved_keeps_the_run(tmp_path, fee_dump, tiny_model, stop_after):
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted) as caught:
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, on_chunk=stop_after(1))
    assert caught.value.message == (
        f"interrupted after 10 rows saved; the partial result is kept in {out}.taikai-partial: run it again with "
        "resume=True (--resume on the command line) to continue"
    )


@pytest.mark.parametrize(
    ("base", "resumed", "rows", "done", "shown"),
    [
        (0, 0, 5_000, 50, "5,000 rows"),  # a fresh run
        (100, 10_000, 15_000, 150, "15,000 rows"),  # resumed: the count holds the resumed rows, as the percent does
    ],
)
def test_the_progress_line_counts_the_rows_its_percentage_counts(base, resumed, rows, done, shown):
    stream = io.StringIO()
    bar = Progress(200 if base else 100, True, base=base, stream=stream, resumed=resumed)
    bar.update(rows, done)
    line = stream.getvalue()
    assert line.startswith(f"\r{shown}  "), line
    assert f"  {done / bar.total:.1%}  " in line, line


def test_a_resumed_run_s_progress_line_counts_the_resumed_rows(tmp_path, fee_dump, tiny_model, stop_after, capsys):
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, on_chunk=stop_after(1))
    capsys.readouterr()
    taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, resume=True, progress=True)
    first = capsys.readouterr().err.split("\r")[1]  # the first line is shown at once; the next ones within 0.2 s not
    rows, percent = re.match(r"([\d,]+) rows .* ([\d.]+)%", first).groups()
    assert rows == "20", first  # 10 resumed and 10 of this run
    assert abs(float(percent) - 100 * 20 / 30) < 5, first


@pytest.mark.parametrize(
    ("setup", "said"),
    [
        (None, "nothing to resume: no unfinished run for {out}; running from the start"),
        # kill -9 while the finished run removed its folder: the output and its summary are complete
        (
            "complete",
            "nothing to resume: {out} is complete (its summary out.summary.json describes it) and "
            "{out}.taikai-partial, left by the end of that run, holds no saved chunk (removed); running from the "
            "start: stop with Ctrl-C to keep out.csv as it is",
        ),
        ("no-output", "nothing to resume: no unfinished run for {out}; running from the start"),
        # a retry loop running a finished command again: the output and its summary are complete, no folder
        (
            "complete-no-folder",
            "{out} is complete (its summary out.summary.json describes it): nothing to resume; running from the "
            "start: stop with Ctrl-C to keep out.csv as it is",
        ),
        ("no-folder-output-edited", "nothing to resume: no unfinished run for {out}; running from the start"),
        ("output-edited", "nothing to resume: no unfinished run for {out}; running from the start"),
    ],
)
def test_resume_with_nothing_to_resume_says_so_and_runs(tmp_path, fee_dump, tiny_model_dir, setup, said):
    out, partial = tmp_path / "out.csv", tmp_path / "out.csv.taikai-partial"
    if setup is not None:
        taikai.classify_file(fee_dump, out, "text", model=tiny_model_dir)
        (partial / "chunks").mkdir(parents=True)  # what a kill -9 at the end of the removal leaves
        (partial / "output.part").write_bytes(b"")
        if setup == "no-output":
            out.unlink()
        elif setup.endswith("output-edited"):
            out.write_text("id,text\n", encoding="utf-8")
        if setup.startswith("complete-no-folder") or setup.startswith("no-folder"):
            shutil.rmtree(partial)
    args = ["batch", str(fee_dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), "--resume"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    said_first = " ".join(result.output.split())
    assert said_first.startswith(f"taikai: warning: {said.format(out=out)}"), said_first
    assert not partial.exists()
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert (summary["rows"], summary["resumed_rows"]) == (30, 0)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("again", [signal.SIGINT, signal.SIGTERM])
def test_a_second_interrupt_while_the_run_stops_is_ignored(
    tmp_path, fee_dump, tiny_model, stop_after, monkeypatch, jobs, again
):
    import psutil

    pools, workers = [], []
    real_start, real_release = local.start_pool, local.release

    def start_pool(*args):
        pools.append(real_start(*args))  # its own workers: not every child (multiprocessing's resource tracker, …)
        workers.extend(psutil.Process(pid) for pid in pools[-1]._processes)
        return pools[-1]

    def release():  # the first step of stopping: Ctrl-C (or SIGTERM) comes again
        os.kill(os.getpid(), again)
        real_release()

    monkeypatch.setattr(local, "start_pool", start_pool)
    monkeypatch.setattr(local, "release", release)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # as the command line: SIGTERM stops
    # Ctrl-C as a terminal's process has it: a job run in the background (CI, nohup) inherits SIGINT ignored
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(BaseException) as caught:
            taikai.classify_file(
                fee_dump,
                tmp_path / "out.csv",
                "text",
                model=tiny_model,
                chunk_size=10,
                jobs=jobs,
                on_chunk=stop_after(1),
            )
        _, alive = psutil.wait_procs(workers, timeout=10)
        given_back = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        for pool in pools:  # what a run cut short left
            pool.shutdown(wait=True, cancel_futures=True)
    assert type(caught.value) is Interrupted, repr(caught.value)
    assert caught.value.message.startswith("interrupted after 10 rows saved; the partial result is kept in ")
    assert alive == [], "the workers were left waiting for work: the process would wait for them at exit"
    assert given_back is signal.default_int_handler, "Ctrl-C was not given back"
    assert (len(workers), (tmp_path / "out.csv.taikai-partial" / "state.json").exists()) == (
        jobs if jobs > 1 else 0,
        True,
    )


def _ctrl_c_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Python then installs its KeyboardInterrupt handler


@pytest.mark.slow
@pytest.mark.parametrize("gap", [0.05, 0.1])
def test_ctrl_c_twice_ends_the_command_with_the_rows_saved(tmp_path, tiny_model_dir, gap):
    src, out = tmp_path / "big.csv", tmp_path / "out.csv"
    src.write_text(
        "id,text\n" + "".join(f"r{i},手数料が高すぎて続けられませんでした（#{i}）\n" for i in range(4000)), "utf-8"
    )
    command = [sys.executable, "-m", "taikai", "batch", str(src), "-o", str(out), "--text-column", "text", "-m"]
    command += [str(tiny_model_dir), "--chunk-size", "400", "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(  # Ctrl-C as a terminal's command has it, though a background job (CI) ignores SIGINT
        command, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_ctrl_c_default
    )
    state = tmp_path / "out.csv.taikai-partial" / "state.json"
    while not state.exists() and proc.poll() is None:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C goes to the whole process group: the workers too
    time.sleep(gap)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the command hung after a second Ctrl-C")
    assert proc.returncode in (130, -signal.SIGINT), err  # -2: Ctrl-C again as it exits, which shells say as 130
    first, *then = err.splitlines()
    assert re.fullmatch(r"taikai: interrupted after [\d,]+ rows saved; .*--resume.*", first), err
    assert all(line == "taikai: interrupted" for line in then), err  # Ctrl-C again once the run has stopped


@pytest.mark.parametrize(("chunk", "saved"), [(1, 10), (2, 20), (3, 30)])
def test_an_interrupt_just_after_a_chunk_is_saved_counts_it(tmp_path, fee_dump, tiny_model, monkeypatch, chunk, saved):
    real = workdir.WorkDir._save

    def save(self, state):  # Ctrl-C comes as state.json has just been written
        real(self, state)
        if state.chunks == chunk and state.finished is None:
            raise KeyboardInterrupt

    monkeypatch.setattr(workdir.WorkDir, "_save", save)
    with pytest.raises(Interrupted) as caught:
        taikai.classify_file(fee_dump, tmp_path / "out.csv", "text", model=tiny_model, chunk_size=10)
    assert caught.value.message.startswith(f"interrupted after {saved} rows saved; the partial result is kept in ")
    state = json.loads((tmp_path / "out.csv.taikai-partial" / "state.json").read_text(encoding="utf-8"))
    assert state["totals"]["rows"] == saved
