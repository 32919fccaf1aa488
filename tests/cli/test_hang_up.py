"""Standard error on a terminal that hangs up (taikai.cli._hang_up): the words are lost, not the work nor the exit
code; a ``batch`` whose terminal hung up (an ssh session that dropped) ends as a stop does, or goes on under nohup."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.cli import _hang_up

pty = pytest.importorskip("pty")  # POSIX only


@pytest.mark.parametrize(
    ("error", "raised"),
    [
        (errno.EIO, False),  # the terminal hung up: nobody reads it any more
        (errno.ENOSPC, True),  # any other failure is said as before
        (errno.EBADF, True),
    ],
)
def test_a_write_to_a_terminal_that_hung_up_is_dropped(monkeypatch, error, raised):
    terminal = _hang_up._Terminal(2)

    def fail(fd: int, data: bytes) -> int:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(_hang_up.os, "write", fail)
    if raised:
        with pytest.raises(OSError, match=os.strerror(error)):
            terminal.write(b"12,000 rows")
    else:
        assert terminal.write(b"12,000 rows") == len(b"12,000 rows")
        assert terminal.write(b"\n") == 1 and terminal.hung_up and not terminal.isatty()
    assert terminal.hung_up is not raised


@pytest.mark.parametrize("kind", ["terminal", "pipe"])
def test_only_a_terminal_is_written_through_the_guard(monkeypatch, kind):
    master, slave = pty.openpty() if kind == "terminal" else os.pipe()
    err = io.TextIOWrapper(io.FileIO(slave, "w", closefd=False), encoding="utf-8", errors="backslashreplace")
    monkeypatch.setattr(sys, "stderr", err)
    try:
        _hang_up.outlive_the_terminal()
        guarded = sys.stderr is not err
        os.close(master)  # the terminal hangs up (or the pipe's reader goes away)
        if guarded:
            sys.stderr.write("taikai: interrupted after 10 rows saved\n")  # lost, and said to no one
            sys.stderr.flush()
            assert (sys.stderr.encoding, sys.stderr.errors) == ("utf-8", "backslashreplace")
    finally:
        os.close(slave)
    assert guarded is (kind == "terminal")


CHILD = """
import os, signal, sys
from taikai.batch import _workdir

real_save = _workdir.WorkDir._save
ready, go, nohup = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "nohup"
if nohup:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def save(self, state):
    real_save(self, state)
    if state.chunks == 1:  # the parent hangs the terminal up meanwhile
        os.write(ready, b"1")
        os.read(go, 1)


_workdir.WorkDir._save = save
sys.argv = ["taikai", *sys.argv[4:]]
from taikai.cli import main

main()
"""


def _batch_on_a_terminal_that_hangs_up(command: list[str], how: str) -> int:
    """Run ``taikai batch`` with its standard error on a terminal, hang the terminal up once its first chunk is
    saved (and send SIGHUP, as the kernel does to the terminal's foreground, unless *how* is ``nohup``), and return
    its exit code."""
    master, slave = pty.openpty()
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    args = [sys.executable, "-c", CHILD, str(ready_w), str(go_r), how, *command]
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, pass_fds=(ready_w, go_r))
    for fd in (slave, ready_w, go_r):
        os.close(fd)
    try:
        assert os.read(ready_r, 1) == b"1", "the run ended before its first chunk was saved"
        os.set_blocking(master, False)
        while True:  # what it said so far (its progress line)
            try:
                if not os.read(master, 1 << 16):
                    break
            except BlockingIOError:
                break
        os.close(master)  # the ssh session dropped: writes to the terminal now fail with EIO
        if how == "hang-up":
            proc.send_signal(signal.SIGHUP)
        os.write(go_w, b"1")
        return proc.wait(timeout=300)  # a bound to fail rather than hang, not a speed
    finally:
        os.close(ready_r)
        os.close(go_w)
        if proc.poll() is None:
            proc.kill()


@pytest.mark.slow
@pytest.mark.parametrize(("how", "code"), [("hang-up", 130), ("nohup", 0)])
def test_a_batch_whose_terminal_hangs_up_stops_as_a_stop_or_goes_on(tmp_path: Path, tiny_model_dir, how, code):
    """Regression: a run stopped by the hang-up (SIGHUP) could not say so on the terminal gone and ended 1, not 130;
    one that ignored SIGHUP (nohup, disown) died on its next progress line (exit 1). Either way, --resume (or the run
    itself) then gives the bytes an uninterrupted run gives."""
    src, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    texts = ["手数料が高すぎて稼げない", "提案が通らない"] * 100
    pd.DataFrame({"id": range(200), "text": texts}).to_csv(src, index=False)
    command = ["batch", str(src), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    command += ["--chunk-size", "10"]
    assert _batch_on_a_terminal_that_hangs_up(command, how) == code
    if code == 130:
        assert not out.exists() and (tmp_path / "out.csv.taikai-partial" / "state.json").exists()
        resume = [sys.executable, "-m", "taikai", *command, "--resume"]
        done = subprocess.run(resume, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
    taikai.classify_file(src, tmp_path / "whole.csv", "text", model=tiny_model_dir, chunk_size=10)
    assert out.read_bytes() == (tmp_path / "whole.csv").read_bytes()
