"""Keep a batch run's partial output next to the output, commit it chunk by chunk, and rename it when complete.

``OUTPUT.taikai-partial/`` holds ``output.part`` (CSV/TSV/JSONL bytes) or ``chunks/*.arrow`` (Parquet/xlsx),
``bad_lines.part`` and ``state.json``: the chunks done, where the input was left, the totals so far, and a
fingerprint of input, model, options and rules; ``README.txt`` says so to whoever finds the folder
(:mod:`taikai.batch._partial_readme`). The output name is only ever written by an atomic rename.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import IO

from taikai.batch._complete_run import reopen
from taikai.batch._fingerprint import as_saved, input_fingerprint, refusal
from taikai.batch._grown import Grown, growth, read_so_far
from taikai.batch._lock import LOCK, RunLock, SideLock
from taikai.batch._partial_readme import write_readme
from taikai.batch._saved_run import read_saved, refuse_unresumed, say_nothing_to_resume
from taikai.batch._side_files import bad_lines_path, stale_bad_lines
from taikai.batch._state import Finished, ResumeState
from taikai.errors import InputError
from taikai.io import CellLosses, same_path, summary_path

SUFFIX = ".taikai-partial"
STATE = "state.json"
"""The file of a partial folder that holds a run's saved state: its chunks can be resumed."""


class FinishError(Exception):
    """Building or renaming the complete output failed (its cause is chained).

    ``kept``: the failure was the system's (a full disk, a folder made read-only), so the partial run is kept for
    ``--resume`` to build the output again; otherwise (the data cannot be written in the format) it is of no use.
    """

    def __init__(self, message: str, kept: bool = False):
        super().__init__(message)
        self.kept = kept


def _sync(f: IO[bytes]) -> None:
    f.flush()
    os.fsync(f.fileno())


class WorkDir:
    """The partial state of one run writing *output*."""

    def __init__(self, output: Path, table: bool):
        self.output, self.table = output, table
        self.dir = output.with_name(output.name + SUFFIX)
        self.state_path = self.dir / STATE
        self.data_path = self.dir / "output.part"
        self.chunks_dir = self.dir / "chunks"
        self.bad_path = self.dir / "bad_lines.part"
        self._data: IO[bytes] | None = None
        self._bad: IO[bytes] | None = None
        self.fingerprint: dict[str, str | None] = {}
        self.input_file: Path | None = None
        """The input file read (never removed, whatever the side files named beside the output)."""
        self.state: ResumeState | None = None
        """The last state saved (the one resumed from, until a chunk is committed); ``None`` before any."""
        self.complete = False
        """Whether the output and its summary are in place (:meth:`finish`): only this directory is left to remove."""
        self.placed = False
        """Whether the output is in place (:meth:`finish`), not yet its summary: ``--resume`` writes it."""
        self.grown: Grown | None = None
        """The input as a resumed run finds it when it only grew since the run was saved: the rows appended are read
        on from the saved rows."""
        self.kept = False
        """Whether an input error stopped the run with its saved rows kept (:meth:`keep_read`)."""
        self.lock = RunLock(self.dir, output)
        self.side_lock = SideLock(summary_path(output), output)

    def open(
        self,
        fingerprint: dict[str, str | None],
        resume: bool,
        run: dict[str, object] | None = None,
        input_file: Path | None = None,
    ) -> ResumeState | None:
        """Lock the directory and prepare it; return the saved state to continue from, or ``None`` for a fresh start.

        A directory another live run holds is refused (:class:`InputError`) before anything in it is touched, and so
        is a run while another live run writes an output sharing this one's summary (``x.csv``, ``x.parquet``). *run*
        (input, options) is written into the directory's README.txt, which says what it holds. *input_file* is
        fingerprinted into *fingerprint*'s ``input`` once the saved state is read: a resumed input whose size and
        modification time are unchanged is not read again (:func:`~taikai.batch.input_fingerprint`).
        """
        self.input_file = input_file
        self.lock.acquire()
        try:
            self.side_lock.acquire()
            return self._open(fingerprint, resume, run, input_file)
        except BaseException:  # refused, or Ctrl-C while the input is hashed
            if not self.state_path.exists():  # no chunk saved: the folder holds nothing of a run
                self._close_files()
                shutil.rmtree(self.dir, ignore_errors=True)
            self.close()
            raise

    def _open(
        self,
        fingerprint: dict[str, str | None],
        resume: bool,
        run: dict[str, object] | None,
        input_file: Path | None,
    ) -> ResumeState | None:
        state = read_saved(self.state_path)
        reopened = None
        if state is None and resume and input_file is not None:  # a complete output whose input then grew
            state = reopened = reopen(self.output, self.dir, fingerprint, input_file, self.table)
        if state is not None:
            if not resume:
                refuse_unresumed(self.output, self.dir, state)
            if input_file is not None:
                fingerprint = {
                    "input": input_fingerprint(input_file, state.fingerprint.get("input")),
                    **fingerprint,
                }
            fingerprint = as_saved(state.fingerprint, fingerprint)  # rules an earlier taikai hashed as written
            grown = growth(input_file, state.fingerprint, fingerprint, state) if input_file else None
            compared = {**fingerprint, "input": state.fingerprint.get("input")} if isinstance(grown, Grown) else None
            why = grown if isinstance(grown, str) else None
            refused = refusal(self.output, self.dir, state.fingerprint, compared or fingerprint, why)
            if refused is not None:
                raise InputError(refused)
            self.grown = grown if isinstance(grown, Grown) else None
        elif input_file is not None:
            fingerprint = {"input": input_fingerprint(input_file), **fingerprint}
        if state is None:
            if resume:
                say_nothing_to_resume(self.output, self.dir, fingerprint)
            for stale in self.dir.iterdir():  # a run stopped before its first chunk was saved, or while cleaning up
                if stale.is_dir() and not stale.is_symlink():
                    shutil.rmtree(stale)
                elif stale.name != LOCK:
                    stale.unlink()
            write_readme(self.dir, self.output, run)
            self.chunks_dir.mkdir()
            self.data_path.write_bytes(b"")
            self.bad_path.write_bytes(b"")
        elif state.finished:  # the output is built: finish() does the steps left, the files are not needed
            self.fingerprint, self.state = fingerprint, state
            return state
        else:
            if reopened is not None:  # the partial folder of a complete output, put back
                write_readme(self.dir, self.output, run)
            os.truncate(self.data_path, state.output_bytes)
            os.truncate(self.bad_path, state.bad_bytes)
            for part in self.chunks_dir.iterdir():
                if not part.name.endswith(".arrow") or int(part.stem) > state.chunks:
                    part.unlink()
        self._data = open(self.data_path, "ab")  # noqa: SIM115 - closed in close()
        self._bad = open(self.bad_path, "ab")  # noqa: SIM115
        self.fingerprint, self.state = fingerprint, state
        return state

    def restart(self, fingerprint: dict[str, str | None], run: dict[str, object] | None) -> None:
        """Drop the rows saved, the folder kept locked, to classify every row again as :meth:`open`'s *run* did."""
        self._close_files()
        self.state_path.unlink()
        self.grown = None  # *fingerprint* with the input's as opened: it is not read again
        self._open({"input": self.fingerprint.get("input"), **fingerprint}, False, run, None)

    def part(self, index: int) -> Path:
        """Return the chunk file of chunk *index* (1-based)."""
        return self.chunks_dir / f"{index:07d}.arrow"

    def commit(self, index: int, payload: bytes, bad: bytes, state: ResumeState) -> None:
        """Write chunk *index* and its bad lines durably, then record *state* (its position, totals and schema) as the
        point to resume from, with this run's fingerprint, the chunks saved and the bytes written."""
        assert self._data is not None and self._bad is not None, "open() first"
        if self.table:
            tmp = self.part(index).with_suffix(".tmp")
            with open(tmp, "wb") as f:
                f.write(payload)
                _sync(f)
            os.replace(tmp, self.part(index))
        else:
            self._data.write(payload)
            _sync(self._data)
        if bad:
            self._bad.write(bad)
            _sync(self._bad)
        state = replace(
            state,
            fingerprint=self.fingerprint,
            chunks=index,
            output_bytes=self._data.tell(),
            bad_bytes=self._bad.tell(),
        )
        self._save(state)

    def _save(self, state: ResumeState) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(state.to_json(), ensure_ascii=False))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.state_path)
        self.state = state

    def _close_files(self) -> None:
        for f in (self._data, self._bad):
            if f is not None and not f.closed:
                f.close()

    def close(self) -> None:
        """Close the open files and release the locks (the directory stays, for --resume)."""
        self._close_files()
        self.side_lock.release(remove=True)
        self.lock.release()

    def _built(self) -> Path:
        """Return the complete output as built in the directory, before it is renamed into place."""
        return self.dir / ("output" + self.output.suffix + ".tmp") if self.table else self.data_path

    def finish(
        self,
        assemble: Callable[[list[Path], Path], CellLosses],
        bad_output: Path | None,
        write_summary: Callable[[CellLosses], object],
    ) -> CellLosses:
        """Build the output (``assemble(parts, tmp)`` for Parquet/xlsx), remove the summary of the output it replaces,
        rename it into place, write the summary (``write_summary(losses)``) and clean up; return what the output
        could not hold (for xlsx: characters removed, cells cut).

        The state records when the output is built (``finished``: its size, the losses), so that a run killed at
        any later step is completed by ``--resume``: the renames not yet done are done, the summary written.
        """
        self._close_files()
        source = self._built()
        assert self.state is not None, "a chunk is committed first"
        done = self.state.finished
        try:
            if done is None:
                losses = CellLosses()
                if self.table:
                    parts = sorted(p for p in self.chunks_dir.iterdir() if p.suffix == ".arrow")
                    losses = assemble(parts, source)
                stale = bad_output is None and stale_bad_lines(self.output) is not None
                done = Finished(source.stat().st_size, losses, stale)
                self._save(replace(self.state, finished=done))
            # the summary beside the output is the previous run's: gone before the new output takes its name, so
            # that a kill between the two renames never pairs them (the report would use it silently); so is the
            # side file of bad lines it names, when this run writes none (a new one replaces it below)
            summary_path(self.output).unlink(missing_ok=True)
            earlier = bad_lines_path(self.output)
            if done.stale and not (self.input_file is not None and same_path(earlier, self.input_file)):
                earlier.unlink(missing_ok=True)
            if source.exists():
                os.replace(source, self.output)
            elif not self.output.is_file() or self.output.stat().st_size != done.size:
                raise FinishError(
                    f"{source} is gone and {self.output} is not the output this run built; start over without "
                    f"resume (delete {self.dir} first)"
                )
            self.placed = True
            if bad_output is not None and self.bad_path.exists():
                os.replace(self.bad_path, bad_output)
        except OSError as exc:  # the chunks are whole: drop the half-built file, keep them for --resume
            if self.table and (self.state is None or self.state.finished is None):
                with contextlib.suppress(OSError):
                    source.unlink(missing_ok=True)
            raise FinishError(str(exc), kept=True) from exc
        except InputError:  # a ValueError too, but the user's to fix as it says (not a failure to finish)
            raise
        except (ValueError, TypeError) as exc:
            raise FinishError(str(exc)) from exc
        write_summary(done.losses)
        self.complete = True
        shutil.rmtree(self.dir)
        self.close()
        return done.losses

    def keep_read(self) -> int | None:
        """Keep the rows saved as a bad record among the rows after them stops the run, and return how many they are
        (``None``: none saved, or an input not read on from a byte offset, nothing kept): the input fingerprinted as
        the bytes they were read from, so that once the record is fixed in place (or the rows after them otherwise
        written again) the input resumes as one that grew from them (:func:`~taikai.batch._grown.read_so_far`)."""
        state, path = self.state, self.input_file
        if state is None or path is None or state.finished is not None or "offset" not in state.position:
            return None  # a Parquet or xlsx input is written again whole: its rows saved are of no use
        self._save(read_so_far(path, state, self.fingerprint.get("input")))
        self.kept = True
        return state.totals.rows

    def discard(self) -> None:
        """Remove the partial state (after an input error, which makes it useless) and release the lock."""
        self._close_files()
        shutil.rmtree(self.dir, ignore_errors=True)
        self.close()
