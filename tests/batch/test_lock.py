"""The lock of a live batch run: held by another process, by another thread of this one, or not available."""

from __future__ import annotations

import errno
import os

import pytest

import taikai
import taikai._flock as flock_module
from taikai.batch._lock import DaskLock, FileLock, RunLock
from taikai.errors import DataWarning, InputError


@pytest.mark.parametrize("holder_engine", ["dask", "local"])
def test_a_dask_run_on_the_output_of_a_live_run_is_refused_before_the_cluster_is_reached(
    tmp_path, tiny_model_dir, holder, holder_engine
):
    """A live Dask run or a live local run: both hold OUTPUT.taikai-partial/lock."""
    from taikai.dask import classify_files

    src, out = tmp_path / "in.csv", tmp_path / "dk.parquet"
    src.write_text("text\n手数料が高い\n", encoding="utf-8")
    lock = tmp_path / "dk.parquet.taikai-partial" / "lock"
    pid = holder(lock, "dask" if holder_engine == "dask" else "")
    where = (
        f"a run of the Dask engine; its lock is {lock}"
        if holder_engine == "dask"
        else f"its partial output is {lock.parent}"
    )
    with pytest.raises(InputError) as caught:  # no scheduler answers there: refused before connecting
        classify_files(src, out, "text", model=tiny_model_dir, scheduler="tcp://127.0.0.1:9")
    assert str(caught.value) == (
        f"another taikai batch (pid {pid}) is writing {out}; wait for it to end or choose another output= (-o on "
        f"the command line) ({where})"
    )
    assert not out.exists() and not (tmp_path / "dk.parquet.taikai-dask-partial").exists()
    assert lock.read_text().split("\n")[0] == f"{pid}", "the live run's lock file was changed"


def test_a_local_run_on_the_output_of_a_live_dask_run_is_refused_and_says_whose_lock_it_is(tmp_path, tiny_model):
    src, out = tmp_path / "in.csv", tmp_path / "race.csv"
    src.write_text("text\n手数料が高い\n", encoding="utf-8")
    dask_run = DaskLock(tmp_path / "race.csv.taikai-partial", out)
    dask_run.acquire()
    try:
        with pytest.raises(InputError) as caught:
            taikai.classify_file(src, out, "text", model=tiny_model)
    finally:
        dask_run.release(remove=True)
    assert str(caught.value) == (
        f"another taikai batch in this process (pid {os.getpid()}, another thread) is writing {out}; wait for it "
        "to end or choose another output= (-o on the command line) (a run of the Dask engine; its lock is "
        f"{dask_run.path})"
    )
    assert not out.exists() and not (tmp_path / "race.summary.json").exists()
    assert not dask_run.path.parent.exists(), "the Dask run's lock folder was left"


def test_a_dask_run_leaves_a_local_run_s_interrupted_partial_folder_alone(tmp_path, tiny_model_dir, stop_after):
    from taikai.dask import classify_files

    src, out = tmp_path / "in.csv", tmp_path / "race.csv"
    src.write_text("text\n" + "手数料が高い\n" * 30, encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", model=tiny_model_dir, chunk_size=10, on_chunk=stop_after(1))
    partial = tmp_path / "race.csv.taikai-partial"
    with pytest.raises(InputError) as caught:
        classify_files(src, out, "text", model=tiny_model_dir, scheduler="tcp://127.0.0.1:9")
    assert str(caught.value) == (
        f"{partial} holds an interrupted local run for {out}; finish it with the local engine "
        "and resume=True (--resume on the command line), or delete that folder, then run again (nothing was "
        "written)"
    )
    assert (partial / "state.json").is_file() and not (partial / "lock").exists()


class _Interrupted:
    """A cluster that an interrupt (Ctrl-C) stops while it closes."""

    where = "the scheduler at tcp://127.0.0.1:9"
    status = "running"

    def __init__(self) -> None:
        self.client = self

    def close(self) -> None:
        raise KeyboardInterrupt


def test_an_interrupted_dask_run_removes_its_lock_even_when_its_cleanup_is_interrupted(
    tmp_path, tiny_model_dir, monkeypatch
):
    import taikai.batch._dask_run as run
    from taikai.dask import classify_files

    def interrupted(cluster, wait=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "connect", lambda scheduler, client: _Interrupted())
    monkeypatch.setattr(run, "check_workers", interrupted)
    src, out = tmp_path / "in.csv", tmp_path / "intr.parquet"
    src.write_text("text\n手数料が高い\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        classify_files(src, out, "text", model=tiny_model_dir, scheduler="tcp://127.0.0.1:9")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"], "the run left its lock or partial folder"


def test_a_failed_dask_run_removes_its_lock_and_a_stale_lock_is_taken_over(tmp_path, tiny_model_dir):
    """The stale lock does not stop the run: it goes on to the scheduler (none answers there), fails saying so, and
    removes the lock it took. Dask's connect timeout is made short: by default the test waited 30 s for it."""
    import dask

    from taikai.dask import classify_files

    src, out = tmp_path / "in.csv", tmp_path / "dk.parquet"
    src.write_text("text\n手数料が高い\n", encoding="utf-8")
    lock = tmp_path / "dk.parquet.taikai-partial" / "lock"
    lock.parent.mkdir()
    lock.write_text("999999999\n")  # left by a killed run: nobody holds it
    with dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}), pytest.raises(InputError) as caught:
        classify_files(src, out, "text", model=tiny_model_dir, scheduler="tcp://127.0.0.1:9")
    said = str(caught.value)  # the cause in brackets is Dask's: "Timed out trying to connect to … after 0.5 s"
    assert said.startswith("cannot reach the Dask scheduler at tcp://127.0.0.1:9 ("), said
    assert "nothing was written" in said and "another taikai batch" not in said, said
    assert not lock.parent.exists()
    assert not out.exists() and not (tmp_path / "dk.parquet.taikai-dask-partial").exists()


def test_a_second_lock_in_this_process_is_refused_as_this_process_s(tmp_path):
    out = tmp_path / "th.csv"
    partial = tmp_path / "th.csv.taikai-partial"
    first, second = RunLock(partial, out), RunLock(partial, out)
    first.acquire()
    try:
        with pytest.raises(InputError) as caught:
            second.acquire()
    finally:
        first.release()
    assert str(caught.value) == (
        f"another taikai batch in this process (pid {os.getpid()}, another thread) is writing {out}; wait for it to "
        f"end or choose another output= (-o on the command line) (its partial output is {partial})"
    )
    second.acquire()  # free again once the first is released
    second.release()


def test_classify_file_in_two_threads_on_one_output_refuses_the_second(tmp_path, tiny_model):
    """The second call starts while the first is in its chunks (on_chunk) and is refused as this process's."""
    src, out = tmp_path / "in.csv", tmp_path / "th.csv"
    src.write_text("text\n" + "手数料が高い\n" * 30, encoding="utf-8")
    refused: list[str] = []

    def on_chunk(k: int) -> None:
        if k == 1:
            with pytest.raises(InputError) as caught:
                taikai.classify_file(src, out, "text", model=tiny_model)
            refused.append(str(caught.value))

    taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=10, on_chunk=on_chunk)
    assert len(refused) == 1 and refused[0].startswith(
        f"another taikai batch in this process (pid {os.getpid()}, another thread) is writing {out}; wait for it"
    )


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL])
def test_a_filesystem_without_locks_warns_and_the_run_goes_on(tmp_path, tiny_model, monkeypatch, code):
    def flock(fd, op):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(flock_module.fcntl, "flock", flock)
    src, out = tmp_path / "in.csv", tmp_path / "nfs.csv"
    src.write_text("text\n手数料が高い\n", encoding="utf-8")
    with pytest.warns(DataWarning) as caught:
        done = taikai.classify_file(src, out, "text", model=tiny_model)
    assert done.rows == 1 and out.exists() and not (tmp_path / "nfs.csv.taikai-partial").exists()
    messages = [str(w.message) for w in caught if "locks" in str(w.message)]
    assert messages == [
        f"{tmp_path / 'nfs.csv.taikai-partial'}: its filesystem does not support locks ({os.strerror(code)}): a "
        "second run on the same output would not be refused; do not start one while this run lives"
    ]


def test_another_flock_error_is_not_taken_for_missing_locks(tmp_path, monkeypatch):
    def flock(fd, op):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(flock_module.fcntl, "flock", flock)
    with pytest.raises(OSError, match="Input/output error"):
        FileLock(tmp_path / "x.lock", tmp_path / "x").acquire()
