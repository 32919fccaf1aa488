"""Fixtures shared by the batch tests: another process holding a run's lock file, a small dump, and a Dask client."""

import subprocess
import sys
from pathlib import Path

import pytest

HOLD = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)  # as a run does: a longer pid left by an earlier run would spoil "494\\n" into "494\\n5\\n"
os.write(fd, f"{os.getpid()}\\n{sys.argv[2]}".encode())
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def holder():
    """Return ``hold(path, note="")``: hold the lock file *path* (its folder made if missing) in another process
    until the test ends, as a live run would, its pid and *note* written in it; it returns that process's pid."""
    procs: list[subprocess.Popen[str]] = []

    def hold(path: Path, note: str = "") -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(path), note], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline() == "held\n"
        return proc.pid

    yield hold
    for proc in procs:
        proc.communicate()


def _stop_after(k: int):
    """Return an ``on_chunk`` hook that interrupts the run (as Ctrl-C would) once chunk *k* is saved."""

    def hook(index: int) -> None:
        if index == k:
            raise KeyboardInterrupt

    return hook


@pytest.fixture(scope="session")
def stop_after():
    """Return ``stop_after(k)``: an ``on_chunk`` hook that interrupts a run once chunk *k* is saved."""
    return _stop_after


@pytest.fixture
def fee_dump(tmp_path):
    """Write a 30-row CSV of one fee complaint, numbered, as dump.csv; return its path."""
    lines = ["id,text", *(f"r{i:02d},手数料が高すぎて続けられませんでした（#{i}）" for i in range(30))]
    path = tmp_path / "dump.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client():
    """Start a 2-process Dask cluster on loopback, once for each test module that asks for it."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as c,
    ):
        yield c
