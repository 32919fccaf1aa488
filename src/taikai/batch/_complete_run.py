"""A complete batch output whose input then grew (yesterday's dump run to its end, today's rows appended): its
summary records the state its last chunk saved, so that ``--resume`` puts the output back into its partial folder
and classifies only the rows appended; the output is byte-identical to a fresh run of the grown input."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import taikai.io as tio
from taikai.batch._fingerprint import as_saved, input_fingerprint, refusal
from taikai.batch._grown import Grown, growth
from taikai.batch._side_files import bad_lines_path
from taikai.batch._state import ResumeState

REOPEN = "resume_state"
"""The summary entry of a complete CSV, TSV or JSONL output that a ``--resume`` of its input grown reopens: the state
its last chunk saved, and the size and modification time of the output and of its side file of bad lines."""


def complete_record(state: ResumeState | None, output: Path, bad_output: Path | None) -> dict[str, object] | None:
    """Return what the summary of the complete *output* records to reopen it (:data:`REOPEN`), *state* being the last
    one its run saved and *bad_output* its side file of bad lines; ``None`` for a Parquet or xlsx output (built whole
    from its chunks, which are gone) or a run that saved no chunk."""
    if state is None or state.schema is not None:
        return None
    files = {"output": _stamp(output), "bad_lines": _stamp(bad_output) if bad_output is not None else None}
    return {"state": replace(state, finished=None).to_json(), "files": files}


def _stamp(path: Path) -> list[int] | None:
    """Return the size and modification time of *path* (``None`` when it is not there)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _recorded(output: Path) -> tuple[ResumeState, dict[str, object]] | None:
    """Return the state and files the summary of the complete *output* records (:data:`REOPEN`), when it describes
    *output* and records them; else ``None``."""
    summary = tio.summary_path(output)
    owner = tio.summary_owner(summary) if output.is_file() and summary.is_file() else None
    if owner is None or owner.name != output.name:
        return None
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        record = json.loads(summary.read_text(encoding="utf-8"))[REOPEN]
        files = record["files"]
        return ResumeState.from_json(record["state"]), dict(files)
    return None


def reopen(
    output: Path, folder: Path, fingerprint: dict[str, str | None], input_file: Path, table: bool
) -> ResumeState | None:
    """Put the complete *output* back into its partial *folder* as the run that wrote it had saved it, when its input
    *input_file* only grew since and this run (of *fingerprint*, without the input's) is that run over again; return
    the state to resume from, or ``None`` (nothing written: the output was not made so, was changed since, or the
    input did not only grow; the run goes on as before, from the start or refused)."""
    found = None if table else _recorded(output)
    if found is None:
        return None
    state, files = found
    bad = bad_lines_path(output)
    if files.get("output") != _stamp(output) or state.output_bytes != output.stat().st_size:
        return None  # edited since, or saved again by Excel: not the bytes the state counts
    if (state.bad_bytes or files.get("bad_lines") is not None) and files.get("bad_lines") != _stamp(bad):
        return None
    now = as_saved(
        state.fingerprint, {"input": input_fingerprint(input_file, state.fingerprint.get("input")), **fingerprint}
    )
    grown = growth(input_file, state.fingerprint, now, state)
    if not isinstance(grown, Grown) or refusal(
        output, folder, state.fingerprint, {**now, "input": state.fingerprint.get("input")}
    ):
        return None
    shutil.copyfile(output, folder / "output.part")
    if state.bad_bytes:
        shutil.copyfile(bad, folder / "bad_lines.part")
    else:
        (folder / "bad_lines.part").write_bytes(b"")
    (folder / "chunks").mkdir(exist_ok=True)
    tmp = folder / "state.tmp"
    tmp.write_text(json.dumps(state.to_json(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / "state.json")  # last: a run stopped before it has nothing saved
    return state
