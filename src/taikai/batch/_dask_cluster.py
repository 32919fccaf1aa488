"""The Dask file engine's dealings with its cluster: connect, check the workers, ship the model for one run and take
it back, and collect the tasks' results, turning what a cluster does wrong into taikai errors.

Before any task is sent, the workers are checked: a scheduler without workers is waited for (``WORKER_WAIT``
seconds, with a warning that says so), and a worker that cannot import taikai's Dask engine, or has another
version of taikai, stops the run by name (a task sent to it would end the worker and the run would wait for
ever). While the tasks run, a cluster left with no worker is waited for in the same way before it stops the run,
a lost scheduler says so, and a file a worker could not read or write is named as the worker's.
"""

from __future__ import annotations

import errno
import logging
import time
import uuid
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from distributed import KilledWorker
from distributed.comm.core import CommClosedError

from taikai._warn import warn_user
from taikai.batch._dask_damage import damaged_parquet
from taikai.batch._dask_models import ship_model
from taikai.batch._dask_signals import stop_workers, stops_held
from taikai.batch._dask_versions import check_versions
from taikai.batch._worker import worker_count
from taikai.errors import PARTITIONS, Argument, DataWarning, InputError, TaikaiError
from taikai.model import Model

WORKER_WAIT = 60.0
"""Seconds a run waits for a worker (at its start, or when every worker has left) before it stops."""
LOOK = 1.0
"""Seconds between two looks at the cluster's workers while a run waits for its tasks."""
DASK_EXTRA = "taikai[dask]"
SCHEDULER = Argument("scheduler", "--scheduler")
ADDRESS = "tcp://HOST:PORT, the port the scheduler listens on (8786 unless it was started with another --port)"
SLOW_SCRATCH = "Creating scratch directories is taking a surprisingly long time"
"""The start of distributed's warning that a server's scratch folder took over a second to make."""


@dataclass
class Cluster:
    """A client of the cluster a run uses, and what the run started itself (closed by :meth:`close`)."""

    client: Any
    where: str
    """The scheduler, as messages name it: ``the scheduler at tcp://…``."""
    own_client: bool = False
    local: Any = None
    """The engine's own :class:`distributed.LocalCluster`, if it started one."""
    log_level: int | None = None
    """The level of the ``distributed.client`` log before this run silenced it (its own client only)."""
    abandoned: bool = False
    """The run stopped short (Ctrl-C, SIGTERM, an error): its tasks are cancelled and their parts discarded, so the
    local cluster's workers are not waited for to end the partition each is classifying (``stop_workers``)."""

    def close(self) -> None:
        """Close the client and the local cluster this run started (a caller's client stays open)."""
        if self.own_client:
            with suppress(Exception):
                self.client.close()
        if self.local is not None:
            if self.abandoned:
                stop_workers(self.local)
            self.local.close()
        if self.log_level is not None:
            logging.getLogger("distributed.client").setLevel(self.log_level)


def check_scheduler(scheduler: str | None) -> None:
    """Raise :class:`InputError` unless *scheduler* (if given) is an address a Dask client connects to: a known scheme
    (``tcp://``, ``tls://``, …) or none (``HOST:PORT``, read as ``tcp://``), then a host and a port. A dashboard's
    ``http://`` URL is named as such. Checked before any work: a client given another scheme, or no host or port,
    raises a traceback and then waits 60 s to close."""
    from distributed.comm.registry import backends

    if not scheduler:
        return
    scheme, _, where = scheduler.rpartition("://")  # as distributed reads it
    scheme = scheme or "tcp"
    what: str | None
    if scheme.lower() in ("http", "https"):
        what = f"is a web address: the address must be {ADDRESS}, not the dashboard's web page (8787 by default)"
    elif scheme not in backends:
        what = f"has the scheme {scheme!r}, which Dask does not know: the address must be {ADDRESS}"
    else:  # inproc: a process's own address, not HOST:PORT
        what = None if scheme == "inproc" else _host_port_problem(where)
    if what is None:
        return
    raise InputError(f"{SCHEDULER.given(scheduler)} {what}; nothing was written")


def _host_port_problem(where: str) -> str | None:
    """Say what is wrong with *where*, the part of a scheduler address after its scheme, unless it is HOST:PORT (an
    IPv6 host in brackets: ``[::1]:8786``)."""
    if where.startswith("["):
        host, closed, tail = where[1:].partition("]")
        port = tail[1:] if closed and tail.startswith(":") else tail
        if not closed or (tail and not tail.startswith(":")):
            return f"has an IPv6 host without its brackets: the address must be {ADDRESS}, as tcp://[::1]:8786"
    else:
        host, _, port = where.rpartition(":") if ":" in where else (where, "", "")
        if ":" in host:
            return f"has an IPv6 host without its brackets: the address must be {ADDRESS}, as tcp://[::1]:8786"
    missing = [name for name, value in (("host", host), ("port", port)) if not value]
    if missing:
        return f"has no {' or '.join(missing)}: the address must be {ADDRESS}"
    if not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        return f"has the port {port!r}, not a number from 1 to 65535: the address must be {ADDRESS}"
    return None


def connect(scheduler: str | None, client: Any = None) -> Cluster:
    """Return *client*, else a client of the scheduler at *scheduler*, else of a new local cluster sized to this
    machine.

    The local cluster's own log lines (a worker's "Compute Failed" with its traceback, a restarted worker) are
    silenced, in its worker processes and, until it closes, in this one: what went wrong reaches the caller as
    the task's exception (a bad line names its file and line) or as :func:`failure` says.
    """
    from distributed import Client, LocalCluster

    if client is not None:
        return Cluster(client, f"the scheduler at {client.scheduler.address}")
    if scheduler:
        try:
            client = Client(scheduler, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise InputError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); nothing was written. Check the address "
                f"({ADDRESS}) and that the scheduler runs (dask scheduler), then run again"
            ) from exc
        log = logging.getLogger("distributed.client")  # "Failed to reconnect to scheduler": the run's error says so
        level = log.level
        log.setLevel(logging.CRITICAL)
        return Cluster(client, f"the scheduler at {scheduler}", own_client=True, log_level=level)
    # The scheduler always serves HTTP (health, metrics), by default at port 8787, which another cluster on this
    # machine may hold: distributed then retries on a free port but leaks the socket of the failed bind (a
    # ResourceWarning) and warns on stderr. Asking for a free port (0) at the start never collides; no dashboard.
    with warnings.catch_warnings(), stops_held():  # its processes leave the stops to this one, which closes them
        warnings.filterwarnings("ignore", SLOW_SCRATCH, UserWarning)  # a slow disk or a loaded machine: not for users
        local = LocalCluster(
            n_workers=worker_count(0),  # one per core this process may run on, as --jobs 0
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.CRITICAL,
        )
    return Cluster(Client(local, set_as_default=False), "the engine's local cluster", own_client=True, local=local)


def lost(where: str) -> TaikaiError:
    """Say that the connection to the scheduler at *where* is lost."""
    return TaikaiError(f"lost the connection to {where}; nothing was written. Check that it runs, then run again")


def _workers(cluster: Cluster) -> list[str] | None:
    """Return the addresses of the cluster's workers, or ``None`` when the scheduler did not answer: not known, not
    none (``Client.scheduler_info`` then gives its periodic cache, which holds no worker: a loaded run was told its
    cluster "has no worker left")."""
    if cluster.client.status not in ("running", "connecting", "newly-created"):
        raise lost(cluster.where)
    try:
        return list(cluster.client.nthreads())
    except OSError:
        return None


def no_workers(where: str, wait: float) -> TaikaiError:
    """Say that the cluster at *where* had no worker for *wait* seconds."""
    return TaikaiError(
        f"{where} has no workers (waited {wait:.0f} s); nothing was written. Start workers with {DASK_EXTRA} "
        "installed (the same version as here), then run again"
    )


def check_workers(cluster: Cluster, wait: float | None = None) -> None:
    """Wait up to *wait* seconds (default :data:`WORKER_WAIT`) for a worker, then check that every worker imports
    taikai's Dask engine of this version; raise :class:`TaikaiError` naming the workers that do not."""
    wait = WORKER_WAIT if wait is None else wait
    deadline = time.monotonic() + wait
    if (seen := _workers(cluster)) is not None and not seen:
        warn_user(f"{cluster.where} has no worker yet; waiting up to {wait:.0f} s for one", DataWarning)
    while not seen:  # none, or not known: the run needs one it can see
        if time.monotonic() > deadline:
            raise no_workers(cluster.where, wait)
        time.sleep(LOOK / 2)
        seen = _workers(cluster)
    check_versions(cluster.client, cluster.where, DASK_EXTRA)


def ship(cluster: Cluster, model: Model) -> str:
    """Ship *model* to the workers under a name of this run's (see :func:`unship`) and return the name."""
    return ship_model(model, cluster.client, f"taikai-model-{uuid.uuid4().hex[:12]}")


def unship(cluster: Cluster, name: str) -> None:
    """Unregister the plugin *name*: the scheduler forgets the model and the workers free it (best effort: the
    scheduler may be gone)."""
    if cluster.client.status == "running":
        with suppress(Exception):
            cluster.client.unregister_worker_plugin(name)


def collect(
    cluster: Cluster,
    futures: Sequence[Any],
    on_result: Callable[[Any], None] | None = None,
    wait: float | None = None,
) -> list[Any]:
    """Return the results of *futures* in order, calling *on_result* with each as it arrives.

    A task's error is raised as soon as it is known; a cluster left without workers warns that it waits, and
    after *wait* seconds (default :data:`WORKER_WAIT`) raises :func:`no_workers`.
    """
    wait = WORKER_WAIT if wait is None else wait
    pending, alone, looked = list(futures), None, time.monotonic()
    while pending:
        done = [f for f in pending if f.done()]  # not distributed.wait: it needs a default client, which is not ours
        if not done:
            time.sleep(0.05)
            if time.monotonic() - looked >= LOOK:
                looked = time.monotonic()
                workers = _workers(cluster)
                if workers:
                    alone = None
                elif workers is None:  # not known: neither starts nor ends a wait
                    continue
                elif alone is None:
                    alone = looked
                    warn_user(f"{cluster.where} has no worker left; waiting up to {wait:.0f} s for one", DataWarning)
                elif looked - alone > wait:
                    raise no_workers(cluster.where, wait)
            continue
        for future in done:
            try:
                result = future.result()
            except Exception as exc:
                translated = failure(exc, cluster.where, from_task=True)
                if translated is None:
                    raise
                raise translated from exc
            if on_result is not None:
                on_result(result)
        pending = [f for f in pending if f not in done]
    return [f.result() for f in futures]


_FULL = (errno.ENOSPC, errno.EDQUOT)
"""A full disk, or a full quota: a write failed for want of space."""


def failure(exc: BaseException, where: str, from_task: bool = False) -> BaseException | None:
    """Return the taikai error that says what *exc*, raised while the cluster at *where* ran the tasks (*from_task*:
    raised by a task, on a worker), means; or ``None`` when *exc* says it well enough already."""
    if isinstance(exc, KilledWorker):
        return TaikaiError(
            f"the Dask engine stopped: {exc.allowed_failures + 1} worker(s) died in turn while running task "
            f"{exc.task!r} (often out of memory); nothing was written. Give the workers more memory, split the "
            f"input into more parts with {PARTITIONS}, or run the local engine"
        )
    if isinstance(exc, (CancelledError, CommClosedError)):
        return lost(where)
    if not from_task:
        return None
    if isinstance(exc, InputError) and ": no such file" in str(exc):  # its hint (the folder missing) after it
        return InputError(
            f"{exc} on a worker of {where}, though this machine sees it: INPUT and OUTPUT must be on a filesystem "
            "shared with the workers"
        )
    damaged = damaged_parquet(exc)  # Arrow's OSError, raised reading a Parquet part: no filesystem's matter
    if damaged is not None:
        return damaged
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else "a file"
        if exc.errno in _FULL or any(f"[errno {code}]" in str(exc) for code in _FULL):  # Arrow's: no errno of its own
            return TaikaiError(  # not a filesystem the workers do not share: the engine's own cluster shares this one
                f"a worker of {where} could not write {name}: the disk is full ({exc.strerror or exc}); nothing was "
                "written: free space on OUTPUT's disk, or choose an OUTPUT on another, and run the command again"
            )
        return TaikaiError(
            f"a worker of {where} could not read or write {name} ({exc.strerror or exc}): INPUT and OUTPUT must be "
            "on a filesystem shared with the workers, and the workers may write to OUTPUT's folder"
        )
    return None
