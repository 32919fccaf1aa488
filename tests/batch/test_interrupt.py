"""A batch run stopped by Ctrl-C or SIGTERM: before any row is saved (nothing to resume, no folder left) or after
(kept for --resume), a second Ctrl-C while it stops, and the progress line of a resumed run."""

from __future__ import annotations

import contextlib
import io
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from support_commands import ctrl_c_default

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


def _signal_at(where: str, stop: int, monkeypatch: pytest.MonkeyPatch) -> list:
    """Send *stop* *where* while the workers of ``jobs=2`` start; return the list their processes are added to."""
    from concurrent.futures.process import ProcessPoolExecutor

    import taikai.batch._worker as worker

    workers: list = []
    real_spawn, real_init = ProcessPoolExecutor._spawn_process, worker.init_worker

    def spawn(self):  # fork one worker
        import psutil

        real_spawn(self)
        workers.extend(psutil.Process(pid) for pid in self._processes if pid not in {p.pid for p in workers})
        if where == "the run, between two forks" and len(workers) == 1:
            signal.raise_signal(stop)

    def init(*args):  # in the worker, as it starts
        if where == "a worker, before it takes its job":
            signal.raise_signal(stop)
        real_init(*args)
        if where == "a worker, once it has its job":
            signal.raise_signal(stop)

    monkeypatch.setattr(ProcessPoolExecutor, "_spawn_process", spawn)
    monkeypatch.setattr(worker, "init_worker", init)
    return workers


@pytest.mark.parametrize(
    ("where", "stop", "outcome"),
    [
        # raised between the forks, the pool never stopped the worker started: the process waited for it at exit
        ("the run, between two forks", signal.SIGINT, "interrupted before any row was saved; run it again"),
        ("the run, between two forks", signal.SIGTERM, "interrupted before any row was saved; run it again"),
        # a worker forked with the run's handlers, reached by the terminal's Ctrl-C (or timeout's SIGTERM, which
        # reach the whole process group): it died with a traceback, and the run with BrokenProcessPool
        ("a worker, before it takes its job", signal.SIGINT, "30 rows"),
        ("a worker, before it takes its job", signal.SIGTERM, "30 rows"),
        ("a worker, once it has its job", signal.SIGTERM, "30 rows"),  # the parent stops the pool, not the worker
        # the terminal hung up (an ssh session dropped): the kernel's SIGHUP reaches the whole process group, and a
        # worker it killed broke the pool
        ("the run, between two forks", signal.SIGHUP, "interrupted before any row was saved; run it again"),
        ("a worker, before it takes its job", signal.SIGHUP, "30 rows"),
        ("a worker, once it has its job", signal.SIGHUP, "30 rows"),
    ],
)
def test_ctrl_c_while_the_workers_start_stops_the_run_as_later(
    tmp_path, fee_dump, tiny_model, monkeypatch, capfd, where, stop, outcome
):
    import psutil

    workers = _signal_at(where, stop, monkeypatch)
    stops = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {s: signal.signal(s, signal.default_int_handler) for s in stops}  # as the CLI
    try:
        try:
            done = taikai.classify_file(fee_dump, tmp_path / "out.csv", "text", model=tiny_model, jobs=2)
            said = f"{done.rows} rows"
        except BaseException as exc:  # what the run raised is the result
            said = exc.message if type(exc) is Interrupted else repr(exc)
        _, alive = psutil.wait_procs(workers, timeout=10)
        given_back = [signal.getsignal(s) for s in previous]
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for process in workers:  # what a run cut short left waiting
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
    assert said == outcome
    assert (len(workers), alive) == (2, []), "a worker was left waiting for work: the process would wait at exit"
    assert capfd.readouterr().err == "", "a worker said something (a traceback)"
    assert given_back == [signal.default_int_handler] * 3, "Ctrl-C, SIGTERM or SIGHUP was not given back"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dump.csv",
        *(["out.csv", "out.summary.json"] * (said == "30 rows")),
    ]


def _again_at(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C once chunk 1 is saved, and again *where*, once the run has stopped."""
    import click

    from taikai.batch._shield import Shield

    stopped = []
    real_save, real_down, real_echo, real_exit = workdir.WorkDir._save, Shield.down, click.echo, sys.exit

    def save(self, state):
        real_save(self, state)
        if state.chunks == 1 and not stopped:
            stopped.append(True)
            signal.raise_signal(signal.SIGINT)

    def down(self):
        real_down(self)
        if stopped and where == "as the run gives Ctrl-C back":
            signal.raise_signal(signal.SIGINT)

    def echo(message=None, *args, **kwargs):
        real_echo(message, *args, **kwargs)
        if str(message).startswith("taikai: interrupted after") and where == "as its message is printed":
            signal.raise_signal(signal.SIGINT)

    def exit(code=None):
        if where == "as the command exits":
            signal.raise_signal(signal.SIGINT)
        real_exit(code)

    monkeypatch.setattr(workdir.WorkDir, "_save", save)
    monkeypatch.setattr(Shield, "down", down)
    monkeypatch.setattr(click, "echo", echo)
    monkeypatch.setattr(sys, "exit", exit)


@pytest.mark.parametrize(
    "where",
    [
        "as the run gives Ctrl-C back",  # before: it replaced the run's message by 'interrupted before any row …'
        "as its message is printed",  # before: 'taikai: interrupted' after it
        "as the command exits",  # before: the same
    ],
)
def test_a_second_ctrl_c_once_the_run_has_stopped_adds_nothing(tmp_path, fee_dump, tiny_model_dir, monkeypatch, where):
    _again_at(where, monkeypatch)
    args = ["batch", str(fee_dump), "-o", str(tmp_path / "out.csv"), "--text-column", "text", "-m", str(tiny_model_dir)]
    previous = {s: signal.signal(s, signal.default_int_handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        result = CliRunner().invoke(cli, [*args, "--chunk-size", "10"])
    finally:
        for s, handler in previous.items():  # a command that stopped keeps ignoring them until the process ends
            signal.signal(s, handler)
    assert (result.exit_code, result.output) == (
        130,
        f"taikai: interrupted after 10 rows saved; the partial result is kept in {tmp_path / 'out.csv'}."
        "taikai-partial: run it again with resume=True (--resume on the command line) to continue\n",
    )


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
        command, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=ctrl_c_default
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
    assert re.fullmatch(r"taikai: interrupted after [\d,]+ rows saved; .*--resume.*\n", err), err  # and nothing more


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


def _stop_as_the_run_ends(where: str, out: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make Ctrl-C come *where*, once the output and its summary are in place: as the partial folder is removed, as
    the rows not classified are warned of, or as the command prints the summary."""
    from taikai.batch import BatchSummary

    if where == "removing the partial folder":
        rmtree, came = shutil.rmtree, []

        def removed(path, *args, **kwargs):
            rmtree(path, *args, ignore_errors=True)  # then the stop, as it would come halfway
            if out.exists() and not came:  # not as the run starts (an earlier run's); once
                came.append(path)
                raise KeyboardInterrupt

        monkeypatch.setattr(workdir.shutil, "rmtree", removed)
        return
    method = "warn_unclassified" if where == "warning" else "__str__"
    real = getattr(BatchSummary, method)

    def stopped(self):
        signal.raise_signal(signal.SIGINT)  # as the user's Ctrl-C, in the handler the run has there
        return real(self)

    monkeypatch.setattr(BatchSummary, method, stopped)


@pytest.mark.parametrize("where", ["removing the partial folder", "warning", "printing the summary"])
def test_a_stop_once_the_output_is_complete_says_so(handlers, tmp_path, fee_dump, tiny_model_dir, monkeypatch, where):
    """Regression: a Ctrl-C after the output and its summary were in place said "interrupted" alone (as the summary
    was printed), "interrupted before any row was saved; run it again" (as the rows not classified were warned of),
    or that the partial result was kept for --resume in a folder the run had removed. The output is complete: it says
    so, and exits 130 as any stopped command does."""
    out = tmp_path / "out.csv"
    _stop_as_the_run_ends(where, out, monkeypatch)
    args = ["batch", str(fee_dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, args)
    when = "as the summary was printed" if where == "printing the summary" else "as the run ended"
    assert (result.exit_code, result.output) == (130, f"taikai: interrupted {when}; {out} is complete (30 rows)\n")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 31
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.csv", "out.csv", "out.summary.json"]


@pytest.mark.parametrize(
    ("where", "bad_lines"),
    [("writing the summary", False), ("writing the summary", True), ("moving the bad lines", True)],
    ids=["summary", "summary-after-bad-lines", "bad-lines"],
)
def test_a_stop_once_the_output_is_in_place_says_what_resume_writes(
    handlers, tmp_path, fee_dump, tiny_model_dir, monkeypatch, where, bad_lines
):
    """Regression: a Ctrl-C once the output was renamed into place, as its summary was written (or its side file of
    bad lines moved beside it), said "interrupted after 30 rows saved; the partial result is kept …: run it again with
    --resume to continue", as if the output were not there. It says the output is complete and what --resume writes;
    which it does, classifying nothing again."""
    import taikai.io as tio

    out = tmp_path / "out.csv"
    if bad_lines:
        fee_dump.write_text(fee_dump.read_text(encoding="utf-8") + 'r99,"an unclosed quote\n', encoding="utf-8")
    if where == "writing the summary":
        monkeypatch.setattr(tio, "write_summary", _interrupt)
    else:
        replace = os.replace

        def moved(source, target):
            if pathlib.Path(source).name == "bad_lines.part":
                raise KeyboardInterrupt
            replace(source, target)

        monkeypatch.setattr(workdir.os, "replace", moved)
    args = ["batch", str(fee_dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    args += ["--on-bad-lines", "report"] if bad_lines else []
    result = CliRunner().invoke(cli, args)
    left = "its summary out.summary.json is"
    if where == "moving the bad lines":
        left = "its summary out.summary.json and its side file of bad lines out.bad_lines.csv are"
    said = (
        f"taikai: interrupted as the run ended; {out} is complete (30 rows), but {left} not written: run it again "
        f"with resume=True (--resume on the command line) to write {'it' if left.endswith('is') else 'them'} (no "
        "row is classified again)\n"
    )
    assert (result.exit_code, result.output) == (130, said)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 31
    monkeypatch.undo()
    monkeypatch.setattr(local, "run_chunk", _interrupt)  # nothing is classified again
    resumed = CliRunner().invoke(cli, [*args, "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))["rows"] == 30
    names = ["dump.csv", "out.csv", "out.summary.json", *(["out.bad_lines.csv"] if bad_lines else [])]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_stop_leaves_the_chunks_the_workers_run_and_resumes_as_one_run(tmp_path, tiny_model, monkeypatch, fmt):
    """A stop once chunk 1 is saved ends the run within one batch of rows of the workers' chunks (0.25 s here):
    it waited for the two chunks the workers ran and the one queued behind them (some five seconds here, more with
    a larger --chunk-size: past a container's stop grace period). The run resumes to the output of one run."""
    import taikai.batch._worker as worker

    src = tmp_path / "big.csv"
    src.write_text("id,text\n" + "".join(f"r{i},手数料が高すぎて続けられませんでした（#{i}）\n" for i in range(15000)))
    real = tiny_model.classify

    def classify(values, *args):  # 2.5 s a chunk, 0.25 s a batch of rows: the workers inherit it by fork
        time.sleep(len(values) / 1000)
        return real(values, *args)

    stopped: list[float] = []

    def stop(k):
        stopped.append(time.monotonic())
        raise KeyboardInterrupt

    monkeypatch.setattr(tiny_model, "classify", classify)
    monkeypatch.setattr(worker, "STOP_EVERY", 250)
    options = {"model": tiny_model, "chunk_size": 2500}
    with pytest.raises(Interrupted, match="interrupted after 2,500 rows saved"):
        taikai.classify_file(src, tmp_path / f"out.{fmt}", "text", jobs=2, on_chunk=stop, **options)
    took = time.monotonic() - stopped[0]
    monkeypatch.setattr(tiny_model, "classify", real)
    taikai.classify_file(src, tmp_path / f"out.{fmt}", "text", jobs=2, resume=True, **options)
    taikai.classify_file(src, tmp_path / f"whole.{fmt}", "text", jobs=1, **options)
    assert (tmp_path / f"out.{fmt}").read_bytes() == (tmp_path / f"whole.{fmt}").read_bytes()
    print(f"stopped in {took:.2f} s")
    assert took < 1.5, f"the run took {took:.1f} s to stop"
