"""The Dask engine's dealings with its cluster, with a fake client: the workers checked before a run, the results
collected (a cluster without workers, a lost scheduler, a worker's file error), the parts kept, Ctrl-C."""

import os
import re
import warnings
from concurrent.futures import CancelledError
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import KilledWorker
from distributed.client import FutureCancelledError
from distributed.comm.core import CommClosedError

from taikai.batch import _dask_cluster, _dask_versions
from taikai.batch._dask_cluster import Cluster, check_workers, collect, connect, failure
from taikai.batch._dask_output import keep_parts
from taikai.cli import cli
from taikai.errors import DataWarning, InputError, TaikaiError

WHERE = "the scheduler at tcp://10.0.0.5:8786"
VERSION = _dask_versions.taikai_version
HERE = "/w/taikai/__init__.py"
LOST = f"lost the connection to {WHERE}; nothing was written. Check that it runs, then run again"


class FakeClient:
    """What the engine asks of a distributed client: its status, its workers, and a function run on each."""

    def __init__(self, workers=(), found=None, status="running", bare=None, unanswered=0):
        self.workers, self.found, self.status, self.bare = list(workers), found or {}, status, bare or {}
        self.looked, self.unanswered = 0, unanswered

    def nthreads(self):
        """The workers, as the scheduler says them; its first *unanswered* looks fail as on a loaded machine."""
        self.looked += 1
        if self.looked <= self.unanswered:
            raise OSError("Timed out during handshake while connecting to tcp://10.0.0.5:8786")
        return {w: 1 for w in self.workers}

    def scheduler_info(self, n_workers=-1):
        """As distributed's: a look that fails gives the client's periodic cache, which holds no worker."""
        try:
            return {"workers": {w: {} for w in self.nthreads()}}
        except OSError:
            return {"workers": {}}

    def run(self, function, *args, workers=None, on_error="raise"):
        """The first probe's results (*found*); the bare import of taikai's (*bare*) on the *workers* that failed it."""
        assert function is eval and on_error == "return"
        if workers is None:
            return self.found
        assert args[0] == _dask_versions._BARE_PROBE
        return {w: self.bare.get(w, ModuleNotFoundError("No module named 'taikai'")) for w in workers}


class FakeFuture:
    """A future that is done after *after* looks, with *result* or raising *error*."""

    def __init__(self, result=None, error=None, after=0):
        self.value, self.error, self.after = result, error, after

    def done(self):
        self.after -= 1
        return self.after < 0

    def result(self):
        if self.error is not None:
            raise self.error
        return self.value


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    monkeypatch.setattr(_dask_cluster, "LOOK", 0.01)
    monkeypatch.setattr(_dask_cluster.time, "sleep", lambda seconds: None)


def test_a_scheduler_without_workers_is_waited_for_then_refused():
    """It waited for ever, silently (the run hung with no output)."""
    client = FakeClient()
    waiting = re.escape(f"{WHERE} has no worker yet; waiting up to 0 s for one")
    with pytest.warns(DataWarning, match=waiting), pytest.raises(TaikaiError) as raised:
        check_workers(Cluster(client, WHERE), wait=0.0)
    assert str(raised.value) == (
        f"{WHERE} has no workers (waited 0 s); nothing was written. Start workers with taikai[dask] installed "
        "(the same version as here), then run again"
    )


@pytest.mark.parametrize(
    ("found", "named"),
    [
        (
            {"tcp://a:1": (VERSION, HERE), "tcp://b:2": ModuleNotFoundError("No module named 'taikai'")},
            "the worker tcp://b:2 cannot import taikai (ModuleNotFoundError: No module named 'taikai')",
        ),
        (
            {"tcp://a:1": ("0.0.1", HERE), "tcp://b:2": ModuleNotFoundError("No module named 'dask'")},
            f"the worker tcp://a:1 has taikai 0.0.1 (imported from {HERE}); the worker tcp://b:2 cannot import taikai "
            "(ModuleNotFoundError: No module named 'dask')",
        ),
        (
            {"tcp://a:1": (VERSION, HERE), "tcp://b:2": ("9.9.9", "/copy/taikai/__init__.py")},
            "the worker tcp://b:2 has taikai 9.9.9 (imported from /copy/taikai/__init__.py)",
        ),
    ],
    ids=["no-taikai", "old-and-no-dask", "another-copy-first-on-the-path"],
)
def test_workers_that_cannot_run_taikai_are_named(found, named):
    """A worker without taikai failed deep in register_plugin (a raw ModuleNotFoundError), or left the cluster
    at its first task and the run hung."""
    with pytest.raises(TaikaiError) as raised:
        check_workers(Cluster(FakeClient(found, found), WHERE), wait=0.0)
    assert str(raised.value) == (
        f"{WHERE}: {named}; nothing was written. Install taikai[dask]=={VERSION} (the version here) on every "
        "worker, with no other copy of taikai first on its path, or stop those workers, and run again"
    )


def test_a_worker_whose_taikai_lacks_the_dask_engine_names_the_taikai_it_imports():
    """It said only "cannot import taikai (ModuleNotFoundError: No module named 'taikai.batch')"."""
    found = {"tcp://a:1": (VERSION, HERE), "tcp://b:2": ModuleNotFoundError("No module named 'taikai.batch'")}
    client = FakeClient(found, found, bare={"tcp://b:2": ("0.1.0", "/old/taikai/__init__.py")})
    with pytest.raises(TaikaiError) as raised:
        check_workers(Cluster(client, WHERE), wait=0.0)
    assert str(raised.value) == (
        f"{WHERE}: the worker tcp://b:2 has taikai 0.1.0 (imported from /old/taikai/__init__.py) without its Dask "
        "engine (ModuleNotFoundError: No module named 'taikai.batch'); nothing was written. Install "
        f"taikai[dask]=={VERSION} (the version here) on every worker, with no other copy of taikai first on its path, "
        "or stop those workers, and run again"
    )


def test_workers_of_this_version_pass():
    found = {"tcp://a:1": (VERSION, HERE), "tcp://b:2": (VERSION, HERE)}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_workers(Cluster(FakeClient(found, found), WHERE), wait=0.0)


def test_results_come_in_order_and_each_is_told_as_it_arrives():
    told = []
    futures = [FakeFuture("a", after=3), FakeFuture("b"), FakeFuture("c", after=1)]
    assert collect(Cluster(FakeClient(["w"]), WHERE), futures, told.append) == ["a", "b", "c"]
    assert told == ["b", "c", "a"]


@pytest.mark.parametrize("unanswered", [1, 3])
def test_a_scheduler_slow_to_answer_is_not_a_cluster_without_workers(monkeypatch, unanswered):
    """Regression (CI, at load 15): a look at the workers that the scheduler did not answer in time gave the client's
    cache, which holds no worker: the run warned that its cluster "has no worker left", and one unanswered for the
    whole wait would have stopped it. A look not answered is not a look that saw none."""
    monkeypatch.setattr(_dask_cluster, "LOOK", 0.0)  # a look at each turn of the wait
    client = FakeClient(["w"], found={"w": (VERSION, HERE)}, unanswered=unanswered)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        check_workers(Cluster(client, WHERE), wait=60.0)
        client.looked, client.unanswered = 0, unanswered
        assert collect(Cluster(client, WHERE), [FakeFuture("a", after=5)]) == ["a"]
    assert client.looked > unanswered


def test_a_cluster_left_without_workers_stops_the_run():
    """The run waited for ever when its last worker left (or could not run the tasks); then it waited 60 s in
    silence before it stopped."""
    left = re.escape(f"{WHERE} has no worker left; waiting up to 0 s for one")
    with (
        pytest.warns(DataWarning, match=left) as warned,
        pytest.raises(TaikaiError, match=re.escape(f"{WHERE} has no workers (waited 0 s); nothing was written")),
    ):
        collect(Cluster(FakeClient([]), WHERE), [FakeFuture(after=10**9)], wait=0.0)
    assert len(warned) == 1


@pytest.mark.parametrize(
    ("client", "future"),
    [
        (FakeClient(["w"]), FakeFuture(error=FutureCancelledError("k", "scheduler-connection-lost"))),
        (FakeClient(["w"]), FakeFuture(error=CommClosedError("in <TCP (closed)>"))),
        (FakeClient(["w"], status="closed"), FakeFuture(after=10**9)),
    ],
    ids=["cancelled", "comm-closed", "client-closed"],
)
def test_a_lost_scheduler_is_said_in_one_line(client, future):
    """A killed scheduler ended the run with a traceback ending FutureCancelledError."""
    with pytest.raises(TaikaiError) as raised:
        collect(Cluster(client, WHERE), [future])
    assert (
        str(raised.value) == f"lost the connection to {WHERE}; nothing was written. Check that it runs, then run again"
    )


@pytest.mark.parametrize(
    ("error", "from_task", "message"),
    [
        (
            PermissionError(13, "Permission denied", "/data/out.taikai-dask-partial/.part.00000.parquet.7.tmp"),
            True,
            f"a worker of {WHERE} could not read or write /data/out.taikai-dask-partial/.part.00000.parquet.7.tmp "
            "(Permission denied): INPUT and OUTPUT must be on a filesystem shared with the workers, and the workers "
            "may write to OUTPUT's folder",
        ),
        (PermissionError(13, "Permission denied", "/data/out"), False, None),
        # a full disk was said as a filesystem the workers do not share, though the engine's own cluster shares it
        (
            OSError(28, "No space left on device", "/data/out.taikai-dask-partial/.part.00000.csv.7.tmp"),
            True,
            f"a worker of {WHERE} could not write /data/out.taikai-dask-partial/.part.00000.csv.7.tmp: the disk is "
            "full (No space left on device); nothing was written: free space on OUTPUT's disk, or choose an OUTPUT "
            "on another, and run the command again",
        ),
        (  # Arrow's, as a Parquet part is written on a full disk: the errno is only in its text
            OSError("Error writing bytes to file. Detail: [errno 28] No space left on device"),
            True,
            f"a worker of {WHERE} could not write a file: the disk is full (Error writing bytes to file. Detail: "
            "[errno 28] No space left on device); nothing was written: free space on OUTPUT's disk, or choose an "
            "OUTPUT on another, and run the command again",
        ),
        (
            InputError("/data/in/a.csv: no such file"),
            True,
            f"/data/in/a.csv: no such file on a worker of {WHERE}, though this machine sees it: INPUT and OUTPUT "
            "must be on a filesystem shared with the workers",
        ),
        (  # with the hint of the folder the worker does not have (h390)
            InputError("/data/in/a.csv: no such file (no folder /data)"),
            True,
            f"/data/in/a.csv: no such file (no folder /data) on a worker of {WHERE}, though this machine sees it: "
            "INPUT and OUTPUT must be on a filesystem shared with the workers",
        ),
        (InputError("/data/in/a.csv:3: malformed record"), True, None),
        (
            CancelledError(),
            False,
            f"lost the connection to {WHERE}; nothing was written. Check that it runs, then run again",
        ),
        (
            KilledWorker("write-part-0", "tcp://w:1", 3),
            False,
            "the Dask engine stopped: 4 worker(s) died in turn while running task 'write-part-0' (often out of "
            "memory); nothing was written. Give the workers more memory, split the input into more parts with "
            "partitions= (--partitions on the command line), or run the local engine",
        ),
    ],
    ids=[
        "worker-write",
        "driver-write",
        "worker-full-disk",
        "worker-full-disk-arrow",
        "worker-missing-input",
        "worker-missing-folder",
        "bad-line",
        "cancelled",
        "killed",
    ],
)
def test_failures_say_where_they_happened(error, from_task, message):
    """A file a worker could not read or write was reported as if this machine could not."""
    got = failure(error, WHERE, from_task)
    assert (None if got is None else str(got)) == message


def test_a_worker_s_file_error_is_named_as_the_worker_s_when_collected():
    future = FakeFuture(error=FileNotFoundError(2, "No such file or directory", "/data/out/part.00000.parquet"))
    with pytest.raises(TaikaiError, match=re.escape(f"a worker of {WHERE} could not read or write /data/out/part")):
        collect(Cluster(FakeClient(["w"]), WHERE), [future])


@pytest.mark.parametrize(
    ("rows", "asked", "kept", "warned"),
    [
        ([0, 3, 0, 2], None, [1, 3], None),
        ([2, 0, 0, 1], None, [0, 3], None),
        ([0, 0, 0], None, [0], None),
        (
            [1, 0, 1, 0, 0],
            5,
            [0, 2],
            "partitions=5 (--partitions on the command line): the input has 2 rows; 3 partitions held none and were "
            "not written, so the output has 2 parts",
        ),
    ],
    ids=["first-empty", "first-full", "no-rows", "asked-too-many"],
)
def test_parts_without_rows_are_not_kept(tmp_path, rows, asked, kept, warned):
    """--partitions 100 on 8 rows wrote 100 part files, 92 of them empty."""
    names = [tmp_path / f"part.{k:05d}.csv" for k in range(len(rows))]
    for k, (name, n) in enumerate(zip(names, rows)):
        if n or k == 0:  # as _write_part writes them
            name.write_text(f"part {k}\n")
    (tmp_path / ".part.00001.csv.99.tmp").write_text("left by a killed worker")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parts = keep_parts(tmp_path, names, rows, asked)
    assert parts == [f"part.{k:05d}.csv" for k in range(len(kept))]
    assert sorted(p.name for p in tmp_path.iterdir()) == parts
    assert [(tmp_path / p).read_text() for p in parts] == [f"part {k}\n" for k in kept]
    assert [str(w.message) for w in caught] == ([warned] if warned else [])


def test_ctrl_c_on_a_dask_run_exits_130_with_one_line(monkeypatch, tmp_path):
    """Ctrl-C exited 1 with 122 lines of 'Task exception was never retrieved' and no taikai line."""
    import taikai.dask

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(taikai.dask, "run_dask", interrupted)
    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out"), "--text-column", "text"]
    result = CliRunner().invoke(cli, [*args, "--engine", "dask", "--scheduler", "tcp://10.0.0.5:8786"])
    assert result.exit_code == 130, result.output
    assert result.output == f"taikai: interrupted; nothing was written to {tmp_path / 'out'}; run the command again\n"
    assert not Path(tmp_path / "out").exists()


MUST = (
    "the address must be tcp://HOST:PORT, the port the scheduler listens on (8786 unless it was started with another "
    "--port)"
)
IPV6 = f"has an IPv6 host without its brackets: {MUST}, as tcp://[::1]:8786"


@pytest.mark.parametrize(
    ("address", "what"),
    [
        ("http://127.0.0.1:8799", f"is a web address: {MUST}, not the dashboard's web page (8787 by default)"),
        (
            "https://dask.example.com/status",
            f"is a web address: {MUST}, not the dashboard's web page (8787 by default)",
        ),
        ("tpc://127.0.0.1:8786", f"has the scheme 'tpc', which Dask does not know: {MUST}"),
        ("TCP://127.0.0.1:8786", f"has the scheme 'TCP', which Dask does not know: {MUST}"),
        ("tcp://scheduler-host", f"has no port: {MUST}"),
        ("scheduler-host", f"has no port: {MUST}"),
        ("localhost", f"has no port: {MUST}"),
        ("tcp://localhost", f"has no port: {MUST}"),
        ("tcp://[::1]", f"has no port: {MUST}"),
        ("tcp://localhost:", f"has no port: {MUST}"),
        ("tcp://", f"has no host or port: {MUST}"),
        ("tcp://:8786", f"has no host: {MUST}"),
        ("tls://scheduler-host", f"has no port: {MUST}"),
        ("tcp://localhost:dask", f"has the port 'dask', not a number from 1 to 65535: {MUST}"),
        ("tcp://localhost:87860", f"has the port '87860', not a number from 1 to 65535: {MUST}"),
        ("tcp://localhost:8786/", f"has the port '8786/', not a number from 1 to 65535: {MUST}"),
        ("tcp://::1:8786", IPV6),
        ("tcp://[::1:8786", IPV6),
    ],
)
def test_a_scheduler_address_dask_cannot_use_is_refused_at_once_in_one_line(tmp_path, tiny_model_dir, address, what):
    """An http:// dashboard URL gave a traceback, then a 60 s wait for the client to close, and exit 1; so did an
    address without a port (ValueError: missing port number in address 'scheduler-host') or without a host."""
    from taikai.dask import classify_files

    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        classify_files(tmp_path / "in.csv", tmp_path / "out", "text", model=tiny_model_dir, scheduler=address)
    assert str(raised.value) == (f"scheduler={address!r} (--scheduler on the command line) {what}; nothing was written")
    args = ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out"), "--text-column", "text"]
    result = CliRunner().invoke(cli, [*args, "--engine", "dask", "--scheduler", address])
    assert result.exit_code == 2, result.output
    assert result.output == f"taikai: error: {raised.value}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize(
    "address", ["tcp://10.0.0.5:8786", "10.0.0.5:8786", "tcp://[::1]:8786", "tls://dask.example.com:8786", "inproc://x"]
)
def test_a_scheduler_address_of_host_and_port_passes_the_check(address):
    assert _dask_cluster.check_scheduler(address) is None


def test_a_scheduler_nobody_answers_at_says_nothing_was_written_and_what_to_check():
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}), pytest.raises(InputError) as raised:
        connect("tcp://127.0.0.1:9")
    assert re.fullmatch(
        r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9 \(.+\); nothing was written\. Check the address "
        r"\(tcp://HOST:PORT, the port the scheduler listens on \(8786 unless it was started with another --port\)\) "
        r"and that the scheduler runs \(dask scheduler\), then run again",
        str(raised.value),
    ), str(raised.value)


@pytest.mark.slow
@pytest.mark.filterwarnings("error::UserWarning")  # over the suite's ignoring of it: as a user's -W error would
def test_the_engines_own_cluster_starts_when_its_scratch_folder_is_slow_to_make(monkeypatch):
    """distributed warns when a server's scratch folder takes over 1 s to make (a loaded machine, a slow disk): the
    warning stopped the run with "Cluster failed to start" under -W error, and is noise on stderr otherwise."""
    from contextlib import contextmanager

    import distributed.core

    @contextmanager
    def slow(duration, msg):
        yield
        warnings.warn(msg.format(duration=1.27), UserWarning, stacklevel=2)

    monkeypatch.setattr(distributed.core, "warn_on_duration", slow)
    cluster = connect(None)
    try:
        assert cluster.local is not None and cluster.client.status == "running"
    finally:
        cluster.close()


def _read_damaged(tmp_path) -> BaseException:
    """Return what Dask's Parquet reader raises on a file whose footer is whole but whose pages are overwritten, as
    a worker raises it (its traceback within the reader)."""
    import dask.dataframe as dd
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "dump.parquet"
    pq.write_table(pa.table({"text": [f"手数料{i}" for i in range(5000)]}), path, row_group_size=100)
    data = bytearray(path.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 2000] = b"A" * 2000
    path.write_bytes(bytes(data))
    with pytest.raises(Exception) as caught:
        dd.read_parquet([str(path)], dtype_backend="pyarrow", index=False).compute(scheduler="sync")
    return caught.value


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (
            _read_damaged,
            "a Parquet file of the input could not be read (MESSAGE): it is damaged, or was cut short or changed while "
            "it was written; write it again (the local engine, taikai.classify_file or --engine local, given one file "
            "at a time, names the file and the rows where reading it stops)",
        ),
        (  # raised elsewhere than in the reader: the filesystem's matter, as before
            lambda tmp_path: OSError("Couldn't deserialize thrift"),
            f"a worker of {WHERE} could not read or write a file (Couldn't deserialize thrift): INPUT and OUTPUT must "
            "be on a filesystem shared with the workers, and the workers may write to OUTPUT's folder",
        ),
    ],
    ids=["damaged-page", "not-in-the-reader"],
)
def test_a_parquet_file_a_worker_cannot_read_is_said_damaged_not_unshared(tmp_path, error, said):
    """Regression: a damaged Parquet page (footer whole) stopped the run with 'INPUT and OUTPUT must be on a
    filesystem shared with the workers', advice that does not help; the message spanned three lines."""
    exc = error(tmp_path)
    got = failure(exc, WHERE, from_task=True)
    assert got is not None and str(got) == said.replace("MESSAGE", " ".join(str(exc).split()))
    assert "\n" not in str(got) and isinstance(got, InputError) == (error is _read_damaged)


class _Started(Exception):
    """Raised by the fake LocalCluster once it has seen how it was asked to start."""


@pytest.mark.parametrize(("affinity", "machine"), [({0}, 8), ({0, 3}, 8), ({0, 1, 2, 3}, 4)])
def test_the_engine_s_own_cluster_starts_one_worker_per_core_the_process_may_run_on(monkeypatch, affinity, machine):
    """Before: the local cluster started os.cpu_count() workers, every core of the machine, also under taskset or a
    container's cpuset (each worker holding the model); now as many as ``--jobs 0`` counts."""
    import distributed

    asked = {}

    def started(**kwargs):
        asked.update(kwargs)
        raise _Started

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: affinity, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: machine)
    monkeypatch.setattr(distributed, "LocalCluster", started)
    with pytest.raises(_Started):
        connect(None)
    assert asked["n_workers"] == len(affinity)
