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
