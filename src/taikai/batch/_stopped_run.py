"""A local run stopped before its end, by an output it could not build, an error of the system or Ctrl-C: what of
its work directory is kept for ``--resume`` (closed) or of no use (discarded), and the error that says so."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from taikai import errors as said
from taikai.batch._interrupted import Interrupted
from taikai.batch._workdir import STATE, SUFFIX, FinishError, WorkDir
from taikai.errors import InputError, TaikaiError
from taikai.io import summary_path


def finish_failure(
    exc: FinishError, work: WorkDir, output: Path, rows: int, bad_output: Path | None = None
) -> TaikaiError:
    """Return the error of a run whose complete *output* could not be built or put in place (*exc*), having kept
    *work* for ``--resume`` when the cause was the system's, else discarded it; *rows*: the rows classified. Once the
    output is in place (its side file of bad lines, *bad_output*, could not be), it is said as :func:`system_failure`
    says it."""
    if exc.kept and work.placed and isinstance(exc.__cause__, OSError):
        return system_failure(exc.__cause__, work, output, rows, bad_output)
    if exc.kept:  # a full disk, a read-only folder: once fixed, --resume builds the output from the chunks
        work.close()
        return TaikaiError(
            f"{output}: the complete output could not be written ({exc.__cause__}); nothing was written under "
            f"that name, and the {rows:,} classified rows are kept in {work.dir}: {_fix(exc.__cause__)} and "
            f"run it again with {said.RESUME.given(True)} to "
            "write the output without classifying again"
        )
    work.discard()  # the data cannot be written in this format: a resumed run would fail the same way
    return InputError(
        f"{output}: the complete output could not be written ({exc.__cause__ or exc}); nothing was written and the "
        f"partial run was removed"
    )


def system_failure(exc: OSError, work: WorkDir, output: Path, rows: int, bad_output: Path | None) -> TaikaiError:
    """Return the error of a run writing *output* the system stopped (*exc*: a full disk, a folder made read-only, an
    input gone), having kept *work*, whose saved chunks stay good, for ``--resume``; or discarded it when no chunk
    was saved (a ``--resume`` would find nothing to continue). Once the output, of *rows* rows, is in place, it says
    so, and what is left to write (its summary, *bad_output*) or to remove (the partial folder)."""
    where = f" ({exc.filename})" if exc.filename else ""
    stopped = f"{output}: the run stopped: {exc.strerror or exc}{where}"
    fix = f"{_fix(exc)} and run it again"
    if work.state is None:  # stopped before the first chunk was saved: nothing to resume
        work.discard()
        return TaikaiError(f"{stopped}, before any row was saved (nothing was kept): {fix}")
    work.close()
    if work.complete:  # the output and its summary are in place: the partial folder was being removed
        return TaikaiError(
            f"{stopped}; {output} is complete ({rows:,} rows) and so is its summary, but {work.dir} was left: delete it"
        )
    if work.placed:  # the output is in place: --resume writes the files beside it
        bad = bad_output if work.bad_path.exists() else None
        left = f"its summary {summary_path(output).name}"
        left += f" and its side file of bad lines {bad.name} are" if bad is not None else " is"
        return TaikaiError(
            f"{stopped}; {output} is complete ({rows:,} rows), but {left} not written: {fix} with "
            f"{said.RESUME.given(True)} to write {'them' if bad else 'it'} (no row is classified again)"
        )
    saved = work.state.totals.rows  # of the chunks saved: not *rows*, which counts the chunk the system stopped
    return TaikaiError(
        f"{stopped}; the {saved:,} rows saved so far are kept in {work.dir}: {fix} with {said.RESUME.given(True)} to "
        "continue"
    )


def _fix(cause: BaseException | None) -> str:
    """Return what to fix before the run's files can be written, given the *cause* of the failure: a file there
    already that could not be replaced (the output renamed onto it), likely open in Excel
    (:func:`taikai.errors.locked_fix`), else the disk or folder."""
    failed = getattr(cause, "filename2", None) or getattr(cause, "filename", None)
    if isinstance(failed, str | os.PathLike) and said.locked_output(cause, failed):
        return said.locked_fix(failed)
    return "fix the cause (free disk space, make the folder writable)"


def interruption(work: WorkDir, output: Path, rows: int, bad_output: Path | None) -> Interrupted:
    """Return the stop (Ctrl-C, SIGTERM) of a run writing *output*, of *rows* rows so far, saying what it left: the
    output complete, nothing saved (*work* discarded), or the partial result kept in *work* for ``--resume``;
    *bad_output*: the side file of bad lines the run writes, if any."""
    if work.complete:  # the output and its summary are in place: the partial folder was being removed
        work.discard()
        return Interrupted.complete(output, rows)
    if work.state is None:  # no chunk saved: nothing to resume
        work.discard()
        return Interrupted("interrupted before any row was saved; run it again")
    work.close()
    if work.placed:  # the output is in place: --resume writes the files beside it
        return Interrupted.placed(output, rows, bad_output if work.bad_path.exists() else None)
    return Interrupted(
        f"interrupted after {work.state.totals.rows:,} rows saved; the partial result is kept in {work.dir}: "
        f"run it again with {said.RESUME.given(True)} to continue"
    )


@contextmanager
def kept_at_start(output: Path, resume: bool) -> Iterator[None]:
    """Within the block (a local run writing *output*), a stop (Ctrl-C, SIGTERM) that no later step said
    (:class:`Interrupted`) came before the run was under way (the model loading, the input hashed): under *resume*,
    with chunks saved in the partial folder, it says they are kept for ``--resume``, not that nothing was saved."""
    try:
        yield
    except Interrupted:
        raise
    except KeyboardInterrupt:
        folder = output.with_name(output.name + SUFFIX)
        if not (resume and (folder / STATE).exists()):
            raise
        raise Interrupted(
            f"interrupted before the run continued; the rows saved earlier are kept in {folder}: run it again with "
            f"{said.RESUME.given(True)} to continue"
        ) from None
