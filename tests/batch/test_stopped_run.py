"""A local run stopped before its end by the system (taikai.batch._stopped_run)."""

import errno
import os

import pytest

import taikai
import taikai.batch._workdir as workdir
from taikai.errors import RESUME, TaikaiError


def _no_space(path):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


@pytest.mark.parametrize(
    ("failing", "saved", "kept"),
    [
        (1, 0, False),  # the first chunk's write fails: nothing saved, nothing to resume
        (2, 10, True),  # one chunk saved: kept for --resume
    ],
)
def test_a_full_disk_says_what_was_kept_and_its_advice_works(
    tmp_path, fee_dump, tiny_model, monkeypatch, failing, saved, kept
):
    """Regression: a full disk at the first chunk said "the chunks saved so far are kept in …: run it again with
    resume=True", though none was: that --resume then warned "nothing to resume"."""
    real = workdir.WorkDir.commit

    def commit(self, index, *args):
        if index == failing:
            _no_space(self.data_path)
        return real(self, index, *args)

    out = tmp_path / "out.csv"
    monkeypatch.setattr(workdir.WorkDir, "commit", commit)
    with pytest.raises(TaikaiError) as caught:
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10)
    message, partial = str(caught.value), tmp_path / "out.csv.taikai-partial"
    assert message.startswith(f"{out}: the run stopped: No space left on device")
    assert (f"run it again with {RESUME.given(True)} to continue" in message) is kept
    assert (f"; the {saved:,} rows saved so far are kept in {partial}: " in message) is kept  # how many, as a stop says
    assert ("before any row was saved (nothing was kept)" in message) is not kept
    assert (partial / "state.json").exists() is kept and partial.exists() is kept
    monkeypatch.undo()
    with_resume = {"resume": True} if kept else {}  # as the message says: with resume=True, or as it was
    done = taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, **with_resume)
    assert (done.rows, done.resumed_rows) == (30, saved)


@pytest.mark.parametrize(
    ("saved_before", "resume", "said"),
    [
        (
            True,
            True,
            "interrupted before the run continued; the rows saved earlier are kept in {partial}: run it again "
            "with {resume} to continue",
        ),
        (False, True, "interrupted before any row was saved; run it again"),
        (False, False, "interrupted before any row was saved; run it again"),
    ],
)
def test_a_stop_as_a_resumed_run_starts_says_the_saved_rows_are_kept(
    tmp_path, fee_dump, tiny_model_dir, stop_after, monkeypatch, saved_before, resume, said
):
    """Regression: Ctrl-C while a --resume loaded its model (or hashed its input) said "interrupted before any row
    was saved; run it again", though the rows saved earlier were kept; run again as told (without --resume), the
    run was refused for the partial folder it holds."""
    from click.testing import CliRunner

    import taikai.batch._local as local
    from taikai.cli import cli

    out, partial = tmp_path / "out.csv", tmp_path / "out.csv.taikai-partial"
    if saved_before:
        with pytest.raises(taikai.batch.Interrupted):
            taikai.classify_file(fee_dump, out, "text", model=tiny_model_dir, chunk_size=10, on_chunk=stop_after(1))

    def loading(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(local, "resolve_model", loading)
    given = [fee_dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--chunk-size", 10]
    result = CliRunner().invoke(cli, ["batch", *map(str, given), *(["--resume"] if resume else [])])
    assert result.exit_code == 130
    assert result.output == f"taikai: {said.format(partial=partial, resume=RESUME.given(True))}\n", result.output
    monkeypatch.undo()
    if saved_before:  # as it says: continued by --resume
        done = taikai.classify_file(fee_dump, out, "text", model=tiny_model_dir, chunk_size=10, resume=True)
        assert (done.rows, done.resumed_rows) == (30, 10)


def _denied(path):
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


@pytest.mark.parametrize(
    ("step", "said"),
    [
        (
            "summary",
            "out.csv is complete (31 rows), but its summary out.summary.json is not written: fix the cause (free disk "
            "space, make the folder writable) and run it again with {resume} to write it (no row is classified again)",
        ),
        (
            "bad lines",
            "out.csv is complete (30 rows), but its summary out.summary.json and its side file of bad lines "
            "out.bad_lines.csv are not written: fix the cause (free disk space, make the folder writable) and run it "
            "again with {resume} to write them (no row is classified again)",
        ),
        ("cleanup", "out.csv is complete (31 rows) and so is its summary, but {partial} was left: delete it"),
    ],
)
def test_a_system_error_once_the_output_is_in_place_says_it_is_complete(
    tmp_path, fee_dump, tiny_model, monkeypatch, step, said
):
    """Regression: a folder made read-only as the summary was written, the bad lines moved beside the output or the
    partial folder removed said "the chunks saved so far are kept …: run it again with resume=True to continue", or
    "nothing was written under that name", though the output was complete, in place."""
    import shutil

    import taikai.io as tio

    with fee_dump.open("a", encoding="utf-8") as f:
        f.write('r99,"手数料\n' if step == "bad lines" else "r99,手数料が高い\n")  # an unclosed quote: a bad line
    out, partial = tmp_path / "out.csv", tmp_path / "out.csv.taikai-partial"
    real_replace = os.replace

    def replace(source, target):
        if str(source).endswith("bad_lines.part"):
            _denied(target)
        real_replace(source, target)

    if step == "summary":
        monkeypatch.setattr(tio, "write_summary", lambda path, *a: _denied(tio.summary_path(path)))
    elif step == "bad lines":
        monkeypatch.setattr(workdir.os, "replace", replace)
    else:
        monkeypatch.setattr(workdir.shutil, "rmtree", lambda path, *a, **k: _denied(path))
    options = {"model": tiny_model, "chunk_size": 10, "on_bad_lines": "report"}
    with pytest.raises(TaikaiError) as caught:
        taikai.classify_file(fee_dump, out, "text", **options)
    assert str(caught.value).startswith(f"{out}: the run stopped: Permission denied (")
    expected = said.format(resume=RESUME.given(True), partial=partial)
    assert str(caught.value).endswith(f"; {out.parent}/{expected}"), str(caught.value)
    assert out.is_file()
    monkeypatch.undo()
    if step == "cleanup":  # as it says
        shutil.rmtree(partial)
    else:  # as it says: --resume writes what is left, classifying nothing again
        done = taikai.classify_file(fee_dump, out, "text", resume=True, **options)
        assert done.rows == done.resumed_rows and tio.summary_path(out).is_file()
        assert (done.bad_lines == 1) is (step == "bad lines") and (tmp_path / "out.bad_lines.csv").is_file()
    assert not partial.exists()


@pytest.mark.parametrize(("there", "said"), [(True, "close {out} if it is open in Excel"), (False, "free disk space")])
def test_an_output_that_could_not_be_replaced_is_said_to_be_likely_open_in_excel(
    tmp_path, fee_dump, tiny_model, monkeypatch, there, said
):
    """Regression (h390): on Windows, an out.csv open in Excel cannot be replaced ("Access is denied"), and the run
    said "fix the cause (free disk space, make the folder writable)"; the rows kept, --resume writes it once closed."""
    out = tmp_path / "out.csv"
    if there:
        out.write_text("old\n", encoding="utf-8")
    real = os.replace

    def replace(source, target):
        if os.fspath(target) == os.fspath(out):  # as Windows refuses a file open in Excel (WinError 5)
            raise PermissionError(errno.EACCES, "Access is denied", os.fspath(source), 5, os.fspath(target))
        return real(source, target)

    monkeypatch.setattr(workdir.os, "replace", replace)
    with pytest.raises(TaikaiError) as caught:
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10)
    message = str(caught.value)
    assert message.startswith(f"{out}: the complete output could not be written ([Errno 13] Access is denied")
    assert said.format(out=out) in message
    assert f"and run it again with {RESUME.given(True)} to write the output without classifying again" in message
    assert out.read_text(encoding="utf-8") == "old\n" if there else not out.exists()
    monkeypatch.undo()
    done = taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, resume=True)
    assert (done.rows, done.resumed_rows) == (30, 30)


@pytest.mark.parametrize(
    ("fmt", "failing", "saved"),
    [
        ("csv", 2, 10),
        ("csv", 3, 20),
        ("tsv", 3, 20),
        ("jsonl", 2, 10),
    ],
)
def test_a_disk_that_fills_as_a_chunk_is_written_says_how_many_rows_are_kept(
    tmp_path, fee_dump, tiny_model_dir, monkeypatch, fmt, failing, saved
):
    """Regression: a full disk writing a CSV output said "the chunks saved so far are kept", not how many rows they
    hold, as a stop (Ctrl-C) and a full disk at the last step say. The chunk's bytes are half on the disk: its flush
    fails, as a disk that fills does."""
    from click.testing import CliRunner

    from taikai.cli import cli

    real, written = workdir._sync, []

    def sync(f):
        written.append(f)
        if len(written) == failing:
            _no_space(f.name)
        real(f)

    out, whole = tmp_path / f"out.{fmt}", tmp_path / f"whole.{fmt}"
    args = ["batch", str(fee_dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    monkeypatch.setattr(workdir, "_sync", sync)
    result = CliRunner().invoke(cli, [*args, "--chunk-size", "10"])
    partial = tmp_path / f"out.{fmt}.taikai-partial"
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert result.output == (
        f"taikai: error: {out}: the run stopped: No space left on device ({partial / 'output.part'}); the {saved} "
        f"rows saved so far are kept in {partial}: fix the cause (free disk space, make the folder writable) and run "
        f"it again with {RESUME.given(True)} to continue\n"
    )
    monkeypatch.undo()
    resumed = CliRunner().invoke(cli, [*args, "--chunk-size", "10", "--resume"])
    assert resumed.exit_code == 0, resumed.output
    taikai.classify_file(fee_dump, whole, "text", model=tiny_model_dir, chunk_size=10)
    assert out.read_bytes() == whole.read_bytes()
