"""The Dask engine's local cluster started deaf to Ctrl-C and SIGTERM (taikai.batch._dask_signals.stops_held): its
processes ignore them, and a stop that comes meanwhile reaches this process once the cluster is up."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from taikai.batch._dask_signals import stops_held

STOPS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]  # SIGHUP: the terminal hung up (an ssh session dropped)


@pytest.fixture
def caught():
    """Catch SIGINT, SIGTERM and SIGHUP in a list for the test, as the command line's handler would."""
    came: list[int] = []
    previous = {stop: signal.signal(stop, lambda signum, frame: came.append(signum)) for stop in STOPS}
    yield came
    for stop, handler in previous.items():
        signal.signal(stop, handler)


def _child_ignores(stop: signal.Signals) -> str:
    says = f"import signal; print(signal.getsignal({int(stop)}) is signal.SIG_IGN)"
    return subprocess.run([sys.executable, "-c", says], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("stop", STOPS, ids=lambda stop: stop.name)
def test_processes_started_in_the_block_ignore_the_stops(caught, stop):
    """Regression: a terminal's Ctrl-C reached the local cluster's workers too, and each printed a traceback as it
    died (67 lines on stderr under the command's one); SIGTERM to the process group killed its nannies under the
    scheduler, which printed "Future exception was never retrieved" and a CommClosedError traceback."""
    with stops_held():
        inside = _child_ignores(stop)
    assert inside == "True"
    assert _child_ignores(stop) == "False"  # after the block, as before


@pytest.mark.parametrize("stop", STOPS, ids=lambda stop: stop.name)
def test_a_stop_within_the_block_comes_as_it_ends(caught, stop):
    handler = signal.getsignal(stop)
    with stops_held():
        signal.raise_signal(stop)
        assert caught == []  # held, not dropped
    assert caught == [stop]
    assert signal.getsignal(stop) is handler
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
        read = ([], None, None, None)
        _dask_run.run_locked("in.csv", tmp_path / "out", None, None, options, None, None, read, 0.0, [])
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
