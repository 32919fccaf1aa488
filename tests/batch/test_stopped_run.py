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
