"""``batch --engine dask`` stopped by Ctrl-C or SIGTERM: the run's tasks are cancelled, its partial parts and lock
removed, its cluster closed; the command says so in one line and exits 130; a second Ctrl-C or SIGTERM while it
stops adds nothing (as the local engine's, see test_interrupt.py)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from support_commands import ctrl_c_default

from taikai.cli import cli

STOPS = {"ctrl-c": signal.SIGINT, "sigterm": signal.SIGTERM}


@pytest.mark.parametrize("again", [None, "ctrl-c", "sigterm"])
@pytest.mark.parametrize("first", ["ctrl-c", "sigterm"])
def test_a_second_stop_while_the_dask_run_stops_adds_nothing(handlers, monkeypatch, tmp_path, first, again):
    """Regression: a second Ctrl-C or SIGTERM broke off the run's cleanup (cancelling its tasks, removing its
    partial parts, closing its cluster, releasing its lock) wherever it came."""
    import taikai.dask

    cleaned: list[str] = []

    def run(*args: object) -> None:
        try:
            signal.raise_signal(STOPS[first])
            time.sleep(5)  # the run, were the stop not to stop it
        finally:  # the run's cleanup, as the engine's
            if again is not None:
                signal.raise_signal(STOPS[again])
            cleaned.append("closed")

    monkeypatch.setattr(taikai.dask, "run_dask", run)
    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out"), "--text-column", "text", "-q"]
    result = CliRunner().invoke(cli, [*args, "--engine", "dask"])
    assert (result.exit_code, result.output) == (
        130,
        f"taikai: interrupted; nothing was written to {tmp_path / 'out'}; run the command again\n",
    )
    assert cleaned == ["closed"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("ctrl-c", None),
        ("ctrl-c", "ctrl-c"),
        ("sigterm", None),
        ("sigterm", "sigterm"),
        ("sigterm", "ctrl-c"),
        ("sigterm-group", None),
        ("sigterm-group", "sigterm-group"),
    ],
)
def test_stopping_a_dask_run_keeps_nothing_and_says_one_line(tmp_path, tiny_model_dir, first, again):
    """Regression, with real signals: SIGTERM was dropped in distributed's gc callback, the run went on to the end
    (exit 0, a traceback on stderr); Ctrl-C killed the local cluster's workers, each with a traceback, and the
    command waited 60 s for workers, then failed (exit 2); SIGTERM to the process group (a service manager,
    ``timeout``, ``kill -TERM -PGID``) killed the cluster's nannies under its scheduler, which printed asyncio's
    "Future exception was never retrieved" and a CommClosedError traceback above the command's line."""
    src, out = tmp_path / "big.csv", tmp_path / "parts"
    src.write_text(
        "id,text\n" + "".join(f"r{i},手数料が高すぎて続けられませんでした（#{i}）\n" for i in range(20_000)), "utf-8"
    )
    command = [sys.executable, "-m", "taikai", "batch", str(src), "-o", str(out), "--text-column", "text", "-m"]
    command += [str(tiny_model_dir), "--engine", "dask", "--partitions", "40", "--quiet"]
    proc = subprocess.Popen(  # Ctrl-C as a terminal's command has it, though a background job (CI) ignores SIGINT
        command, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=ctrl_c_default
    )

    def send(stop: str) -> None:
        with contextlib.suppress(ProcessLookupError):
            if stop == "ctrl-c":  # a terminal's Ctrl-C goes to the whole process group: the cluster's too
                os.killpg(proc.pid, signal.SIGINT)
            elif stop == "sigterm-group":  # as timeout or a service manager sends it: to the group, the cluster's too
                os.killpg(proc.pid, signal.SIGTERM)
            else:  # as a job scheduler or kill PID sends it: to the command alone
                os.kill(proc.pid, signal.SIGTERM)

    partial = tmp_path / "parts.taikai-dask-partial"  # made once the tasks are under way
    while not partial.exists() and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(0.3)
    send(first)
    if again is not None:
        time.sleep(0.1)
        send(again)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the command hung after it was stopped")
    assert (proc.returncode, err) == (
        130,
        f"taikai: interrupted; nothing was written to {out}; run the command again\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv"], "a part, folder or lock was left"
    deadline, left = time.monotonic() + 20, ["?"]
    while left and time.monotonic() < deadline:  # multiprocessing's resource tracker ends once it sees the command's
        time.sleep(0.2)
        ps = subprocess.run(["ps", "-o", "pid=,args=", "-s", str(proc.pid)], capture_output=True, text=True)
        left = ps.stdout.splitlines()
    assert left == [], "a process of the cluster was left"


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (KeyboardInterrupt(), "taikai: interrupted; nothing was written to {out}; run the command again\n"),
        ("complete", "taikai: interrupted while the Dask cluster closed; {out} is complete (3 rows)\n"),
    ],
)
def test_a_stop_after_the_output_is_in_place_says_so(handlers, monkeypatch, tmp_path, raised, said):
    """Regression: a stop while the cluster closed, after the output was in place, said nothing was written."""
    import taikai.dask
    from taikai.batch import Interrupted

    out = tmp_path / "out"

    def run(*args: object) -> None:
        if raised == "complete":
            raise Interrupted(f"interrupted while the Dask cluster closed; {out} is complete (3 rows)")
        raise raised

    monkeypatch.setattr(taikai.dask, "run_dask", run)
    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "in.csv"), "-o", str(out), "--text-column", "text", "-q", "--engine", "dask"]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.output) == (130, said.format(out=out))
