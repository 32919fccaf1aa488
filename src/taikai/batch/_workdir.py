"""Keep a batch run's partial output next to the output, commit it chunk by chunk, and rename it when complete.

``OUTPUT.taikai-partial/`` holds ``output.part`` (CSV/TSV/JSONL bytes) or ``chunks/*.arrow`` (Parquet/xlsx),
``bad_lines.part`` and ``state.json``: the chunks done, where the input was left, the totals so far, and a
fingerprint of input, model, options and rules; ``README.txt`` says so to whoever finds the folder. The
output name is only ever written by an atomic rename.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from taikai.errors import InputError
from taikai.io import CellLosses

SUFFIX = ".taikai-partial"
README = "README.txt"
_SAMPLE = 1 << 20


class FinishError(Exception):
    """Building or renaming the complete output failed (its cause is chained).

    ``kept``: the failure was the system's (a full disk, a folder made read-only), so the partial run is kept for
    ``--resume`` to build the output again; otherwise (the data cannot be written in the format) it is of no use.
    """

    def __init__(self, message: str, kept: bool = False):
        super().__init__(message)
        self.kept = kept


def describe_partial(output: Path, what: str, run: dict[str, object], next_step: str) -> str:
    """Return the text of the README.txt that names what a partial output folder holds and what to do with it."""
    lines = [
        f"This folder holds {what} for {output.name}, written by taikai.",
        "",
        *(f"  {key}: {value}" for key, value in run.items()),
        "",
        next_step,
        "",
    ]
    return "\n".join(lines)


def input_fingerprint(path: Path) -> str:
    """Return size, modification time and a sha256 of the first and last MiB of *path*."""
    st = path.stat()
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read(_SAMPLE))
        if st.st_size > _SAMPLE:
            f.seek(max(_SAMPLE, st.st_size - _SAMPLE))
            digest.update(f.read(_SAMPLE))
    return f"{st.st_size}:{st.st_mtime_ns}:{digest.hexdigest()}"


def _short(value: object, most: int = 0) -> str:
    """Return *value* as the message shows it: ``(none)``, or its repr (a long hash cut to *most* characters)."""
    if value is None:
        return "(none)"
    if most and isinstance(value, str) and len(value) > most:
        return repr(value[:most] + "…")
    return repr(value)


def _modified(before: str, after: str) -> tuple[str, str]:
    """Return two modification times (nanoseconds since the epoch) as local ISO times, in seconds unless those
    are equal (a file touched within the second), then in microseconds."""
    was, now = _local_time(before, "seconds"), _local_time(after, "seconds")
    if was == now and before != after:
        was, now = _local_time(before, "microseconds"), _local_time(after, "microseconds")
    return was, now


def _local_time(ns: str, timespec: str) -> str:
    try:
        return datetime.fromtimestamp(int(ns) / 1e9).astimezone().isoformat(timespec=timespec)
    except (ValueError, OverflowError, OSError):
        return "(unknown)"


def describe_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Return one phrase per difference between two run fingerprints, naming the option and both values."""
    changes = []
    if old.get("input") != new.get("input"):
        before, after = (str(f.get("input", "::")).split(":") for f in (old, new))
        what = "its size" if before[0] != after[0] else "its content" if before[2:] != after[2:] else "its time"
        was, now = _modified(before[1], after[1])
        changes.append(
            f"the input file changed ({what}: {before[0]} bytes, modified {was} → {after[0]} bytes, modified {now})"
        )
    if old.get("model") != new.get("model"):
        changes.append(f"the model changed (sha256 {str(old.get('model'))[:16]}… → {str(new.get('model'))[:16]}…)")
    if old.get("options") != new.get("options"):
        before, after = (json.loads(f.get("options") or "{}") for f in (old, new))
        for key in sorted(set(before) | set(after), key=lambda k: (k == "taikai", k)):
            if before.get(key) != after.get(key):
                name = "the taikai version" if key == "taikai" else "--" + key.replace("_", "-")
                changes.append(f"{name} changed: {_short(before.get(key))} → {_short(after.get(key))}")
    for key in sorted((set(old) | set(new)) - {"input", "model", "options"}):
        if old.get(key) != new.get(key):  # e.g. the rules: a hash of what they are
            was, now = (_short(f.get(key), 16) for f in (old, new))
            changes.append(f"the {key} changed ({was} → {now})")
    return changes


def _sync(f: IO[bytes]) -> None:
    f.flush()
    os.fsync(f.fileno())


class WorkDir:
    """The partial state of one run writing *output*."""

    def __init__(self, output: Path, table: bool):
        self.output, self.table = output, table
        self.dir = output.with_name(output.name + SUFFIX)
        self.state_path = self.dir / "state.json"
        self.data_path = self.dir / "output.part"
        self.chunks_dir = self.dir / "chunks"
        self.bad_path = self.dir / "bad_lines.part"
        self._data: IO[bytes] | None = None
        self._bad: IO[bytes] | None = None
        self.fingerprint: dict[str, str | None] = {}

    def open(
        self, fingerprint: dict[str, str | None], resume: bool, run: dict[str, object] | None = None
    ) -> dict[str, Any] | None:
        """Prepare the directory; return the saved state to continue from, or ``None`` for a fresh start.

        *run* (input, options) is written into the directory's README.txt, which says what it holds.
        """
        state = None
        if self.dir.exists():
            if self.state_path.exists():
                if not resume:
                    raise InputError(
                        f"{self.dir} holds an interrupted run for {self.output}; pass --resume to continue it, "
                        "or delete that directory to start over"
                    )
                state = dict(json.loads(self.state_path.read_text(encoding="utf-8")))
                changed = describe_changes(state.get("fingerprint", {}), fingerprint)
                if changed:
                    raise InputError(
                        f"cannot resume {self.output}: since the interrupted run, " + "; ".join(changed) + ". "
                        "Run the command as it was (the values before the arrows), or "
                        f"delete {self.dir} and run without --resume to start over"
                    )
            else:
                shutil.rmtree(self.dir)
        if state is None:
            self.dir.mkdir()
            text = describe_partial(
                self.output,
                "an unfinished batch run (taikai batch / taikai.classify_file)",
                dict(run or {}),
                "Run the same command with --resume to continue after the last saved chunk, or delete this folder "
                "to start over. The output file appears only when the run is complete.",
            )
            (self.dir / README).write_text(text, encoding="utf-8")
            self.chunks_dir.mkdir()
            self.data_path.write_bytes(b"")
            self.bad_path.write_bytes(b"")
        else:
            os.truncate(self.data_path, state["output_bytes"])
            os.truncate(self.bad_path, state["bad_bytes"])
            for part in self.chunks_dir.iterdir():
                if not part.name.endswith(".arrow") or int(part.stem) > state["chunks"]:
                    part.unlink()
        self._data = open(self.data_path, "ab")  # noqa: SIM115 - closed in close()
        self._bad = open(self.bad_path, "ab")  # noqa: SIM115
        self.fingerprint = fingerprint
        return state

    def part(self, index: int) -> Path:
        """Return the chunk file of chunk *index* (1-based)."""
        return self.chunks_dir / f"{index:07d}.arrow"

    def commit(self, index: int, payload: bytes, bad: bytes, state: dict[str, Any]) -> None:
        """Write chunk *index* and its bad lines durably, then record *state* as the point to resume from."""
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
        state = {
            **state,
            "fingerprint": self.fingerprint,
            "chunks": index,
            "output_bytes": self._data.tell(),
            "bad_bytes": self._bad.tell(),
        }
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def close(self) -> None:
        """Close the open files (the directory stays, for --resume)."""
        for f in (self._data, self._bad):
            if f is not None and not f.closed:
                f.close()

    def finish(self, assemble: Callable[[list[Path], Path], CellLosses], bad_output: Path | None) -> CellLosses:
        """Build the output (``assemble(parts, tmp)`` for Parquet/xlsx), rename it into place, and clean up.

        Return what the output could not hold (for xlsx: characters removed, cells cut).
        """
        self.close()
        result = CellLosses()
        source = self.data_path
        try:
            if self.table:
                source = self.dir / ("output" + self.output.suffix + ".tmp")
                parts = sorted(p for p in self.chunks_dir.iterdir() if p.suffix == ".arrow")
                result = assemble(parts, source)
            os.replace(source, self.output)
            if bad_output is not None:
                os.replace(self.bad_path, bad_output)
        except OSError as exc:  # the chunks are whole: drop the half-built file, keep them for --resume
            if self.table:
                with contextlib.suppress(OSError):
                    source.unlink(missing_ok=True)
            raise FinishError(str(exc), kept=True) from exc
        except (ValueError, TypeError) as exc:
            raise FinishError(str(exc)) from exc
        shutil.rmtree(self.dir)
        return result

    def discard(self) -> None:
        """Remove the partial state (after an input error, which makes it useless)."""
        self.close()
        shutil.rmtree(self.dir, ignore_errors=True)
