"""The Dask engine's local cluster started deaf to Ctrl-C (taikai.batch._dask_signals.ctrl_c_held): its processes
ignore it, and a Ctrl-C that comes meanwhile reaches this process once the cluster is up."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from taikai.batch._dask_signals import ctrl_c_held

SAYS = "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"
"""Whether a child ignores SIGINT (else Python's default_int_handler raises KeyboardInterrupt there)."""


@pytest.fixture
def caught():
    """Catch SIGINT in a list for the test, as the command line's handler would."""
    came: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: came.append(signum))
    yield came
    signal.signal(signal.SIGINT, previous)


def _child_ignores() -> str:
    return subprocess.run([sys.executable, "-c", SAYS], capture_output=True, text=True, check=True).stdout.strip()


def test_processes_started_in_the_block_ignore_ctrl_c(caught):
    """Regression: a terminal's Ctrl-C reached the local cluster's workers too, and each printed a traceback as it
    died (67 lines on stderr under the command's one)."""
    with ctrl_c_held():
        inside = _child_ignores()
    assert inside == "True"
    assert _child_ignores() == "False"  # after the block, as before


def test_a_ctrl_c_within_the_block_comes_as_it_ends(caught):
    handler = signal.getsignal(signal.SIGINT)
    with ctrl_c_held():
        signal.raise_signal(signal.SIGINT)
        assert caught == []  # held, not dropped
    assert caught == [signal.SIGINT]
    assert signal.getsignal(signal.SIGINT) is handler
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == set()


class _Local:
    """A local cluster's close, recorded."""

    def __init__(self, calls: list[str]):
        self.calls = calls

    def close(self) -> None:
        self.calls.append("close")


@pytest.mark.parametrize(("abandoned", "calls"), [(True, ["stop workers", "close"]), (False, ["close"])])
def test_a_stopped_run_s_workers_are_not_waited_for(monkeypatch, abandoned, calls):
    """Regression: Ctrl-C took 4.5-5.7 s to end a Dask run, 4.2 s of it in LocalCluster.close, whose nannies waited
    4 s for each worker to end the partition it classified, then killed it."""
    from taikai.batch import _dask_cluster

    seen: list[str] = []
    monkeypatch.setattr(_dask_cluster, "stop_workers", lambda local: seen.append("stop workers"))
    _dask_cluster.Cluster(None, "here", local=_Local(seen), abandoned=abandoned).close()
    assert seen == calls


@pytest.mark.parametrize("raised", [KeyboardInterrupt(), RuntimeError("a task failed")])
def test_a_run_that_stops_short_abandons_its_cluster(monkeypatch, tmp_path, raised):
    from taikai.batch import _dask_run
    from taikai.batch._dask_cluster import Cluster
    from taikai.batch._options import BatchOptions

    closed: list[bool] = []

    class Client:
        status = "closed"  # nothing to cancel

    def connect(scheduler, client):
        cluster = Cluster(Client(), "here")
        monkeypatch.setattr(cluster, "close", lambda: closed.append(cluster.abandoned))
        return cluster

    def check_workers(cluster):
        raise raised

    monkeypatch.setattr(_dask_run, "connect", connect)
    monkeypatch.setattr(_dask_run, "check_workers", check_workers)
    options = BatchOptions(text_column="text")
    with pytest.raises(type(raised)):
        _dask_run.run_locked("in.csv", tmp_path / "out", None, None, options, None, None, ([], None, None, None), 0.0)
    assert closed == [True]


@pytest.mark.slow
def test_stop_workers_ends_a_busy_worker_without_restarting_it():
    import logging

    from distributed import Client, LocalCluster

    from taikai.batch._dask_signals import stop_workers

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.CRITICAL
    ) as local:
        client = Client(local, set_as_default=False)
        future = client.submit(_busy, 120)
        while not client.processing() or not any(client.processing().values()):
            time.sleep(0.05)
        [nanny] = local.workers.values()
        process = nanny.process.process
        client.cancel(future)
        client.close()
        stop_workers(local)
        assert process.exitcode is not None  # ended, told not to wait for its task
        time.sleep(1)
        assert nanny.process is None or nanny.process.process is process  # not started again


def _busy(seconds: float) -> None:
    """A task that runs for *seconds*, as a partition being classified does, whatever asks it to stop."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(1000))
