"""Fixtures shared by the batch tests: another process holding a run's lock file, a small dump, and a Dask client."""

import contextlib
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


class _SharedCluster:
    """A 2-process Dask cluster on loopback, started when a batch test first asks for it and closed once the batch
    tests are done (``pytest_runtest_teardown``): starting and closing one took seconds, and test_dask.py,
    test_dask_arrow_types.py and test_formula_output.py each started their own. The tests leave it as they found it:
    each run unregisters its model and frees its results, and a worker a test kills is restarted by its nanny and
    waited for (``_workers_present``)."""

    def __init__(self) -> None:
        self._open: contextlib.ExitStack | None = None
        self._client = None

    def client(self):
        if self._client is None:
            distributed = pytest.importorskip("distributed")
            with contextlib.ExitStack() as stack:
                cluster = stack.enter_context(
                    distributed.LocalCluster(
                        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0"
                    )
                )
                self._client = stack.enter_context(distributed.Client(cluster, set_as_default=False))
                self._open = stack.pop_all()
        return self._client

    @property
    def shared(self):
        """The shared cluster's client once started, else ``None``."""
        return self._client

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
        self._open = self._client = None


_CLUSTER = _SharedCluster()


@pytest.fixture(scope="module")
def client():
    """Return the client of the batch tests' shared 2-process Dask cluster (:class:`_SharedCluster`)."""
    return _CLUSTER.client()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Close the shared cluster after the last batch test before one elsewhere (or the last test of all)."""
    if nextitem is None or Path(__file__).parent not in Path(nextitem.path).parents:
        _CLUSTER.close()


@pytest.fixture(autouse=True)
def _workers_present(request):
    """Before a test that uses the shared cluster, wait until both workers are registered: on a loaded machine a
    worker that missed its heartbeats is dropped and rejoins (and one a test killed is restarted), and the engine's
    "no worker yet" warning (an error under the suite's filterwarnings) would fail a test that has nothing to do with
    it."""
    if "client" in request.fixturenames:
        client = request.getfixturevalue("client")  # a test's own parameter named client (a fake) is no cluster's
        if client is _CLUSTER.shared:
            client.wait_for_workers(2, timeout=120)
