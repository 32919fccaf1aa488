"""taikai._whole_file: a file written whole or not at all; a write stopped midway leaves the file as it was."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from taikai._whole_file import write_whole, written_whole


def _stopped_write(path, data: bytes) -> None:
    with written_whole(path) as target:
        with open(target, "wb") as f:
            f.write(data[: len(data) // 2])
        raise KeyboardInterrupt  # Ctrl-C (or SIGTERM, on the command line) halfway through the write


@pytest.mark.parametrize("before", [None, b"the report there was\n"], ids=["new", "replaced"])
def test_a_write_stopped_midway_leaves_the_file_as_it_was(tmp_path, before):
    """A report, sheet or JSON report stopped while written left its first half (and the one replaced was lost)."""
    path = tmp_path / "report.html"
    if before is not None:
        path.write_bytes(before)
    with pytest.raises(KeyboardInterrupt):
        _stopped_write(path, b"<html>" + b"x" * 1000 + b"</html>\n")
    assert (path.read_bytes() if path.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if before is None else ["report.html"])  # no .tmp left


@pytest.mark.parametrize(
    ("data", "mode"),
    [("レポート\n", None), (b"PK\x03\x04", 0o640), ("{}\n", 0o600)],
    ids=["text-new", "bytes-replaced", "private-replaced"],
)
def test_a_whole_write_keeps_the_mode_and_leaves_nothing_beside(tmp_path, data, mode):
    path = tmp_path / "out.json"
    if mode is not None:
        path.write_bytes(b"old")
        path.chmod(mode)
    write_whole(path, data)
    assert path.read_bytes() == (data.encode() if isinstance(data, str) else data)
    if mode is not None:
        assert stat.S_IMODE(path.stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_link_is_followed_and_kept(tmp_path):
    real = tmp_path / "site" / "report.html"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(real)
    write_whole(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_written_in_place():
    write_whole(os.devnull, "nothing")  # not a file made in /dev and renamed over /dev/null
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_is_refused_as_before(tmp_path):
    """A file the user made read-only is not renamed over: writing it fails, naming it, as it did."""
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"labels")
    path.chmod(0o444)
    with pytest.raises(PermissionError) as refused:
        write_whole(path, "new")
    assert refused.value.filename == str(path) and path.read_bytes() == b"labels"


def test_a_failed_rename_names_the_file_asked_for(tmp_path, monkeypatch):
    path = tmp_path / "report.html"

    def refused(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(src), None, str(dst))

    monkeypatch.setattr(os, "replace", refused)  # as Windows refuses a file open in Excel
    with pytest.raises(PermissionError) as failed:
        write_whole(path, "new")
    assert failed.value.filename == str(path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/fd"), reason="needs /dev/fd")
def test_a_stream_redirected_to_a_file_is_written_in_place(tmp_path):
    """``--json /dev/stdout > out.json``: the file the stream writes to is written, not replaced by another."""
    path = tmp_path / "out.json"
    with open(path, "wb") as f:
        write_whole(f"/dev/fd/{f.fileno()}", "{}\n")
        before = os.fstat(f.fileno()).st_ino
    assert path.read_text(encoding="utf-8") == "{}\n" and path.stat().st_ino == before


@pytest.mark.skipif(not os.access("/dev/shm", os.W_OK), reason="needs a writable /dev/shm")
def test_a_file_in_dev_shm_is_written_whole():
    """Regression: every path under /dev was taken for a stream and written in place, so a report replaced in
    /dev/shm (a folder of files in memory, used for scratch output) by a run stopped midway was left half written."""
    folder = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        path = folder / "report.html"
        path.write_bytes(b"the report there was\n")
        with pytest.raises(KeyboardInterrupt):
            _stopped_write(path, b"<html>" + b"x" * 1000 + b"</html>\n")
        assert path.read_bytes() == b"the report there was\n"
        assert [p.name for p in folder.iterdir()] == ["report.html"]  # no .tmp left
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize("in_place", [False, True], ids=["beside", "in-place"])
def test_a_write_that_fails_naming_no_file_names_the_file_asked_for(tmp_path, monkeypatch, in_place):
    """Regression: a full disk or a quota fails a write naming no file, and the command said 'cannot read or write a
    file (No space left on device); check the paths' without saying which; now it names the report or JSON file."""
    path = tmp_path / "scores.json"
    if in_place:  # no file can be made beside it: written in place
        monkeypatch.setattr("taikai._whole_file._temporary", lambda target: None)
    with pytest.raises(OSError) as failed, written_whole(path) as target:
        target.write_text("{", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as a write to a full disk fails
    assert (failed.value.errno, failed.value.filename) == (errno.ENOSPC, str(path))
    assert [p.name for p in tmp_path.iterdir()] == (["scores.json"] if in_place else [])


def test_an_error_naming_another_file_is_left_as_it_is(tmp_path):
    other = tmp_path / "fonts" / "font.ttf"
    with pytest.raises(FileNotFoundError) as failed, written_whole(tmp_path / "report.html"):
        other.read_bytes()
    assert failed.value.filename == str(other)
