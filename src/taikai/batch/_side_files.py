"""The files a local batch run writes beside its output that its stem names (``OUTPUT_STEM.bad_lines.csv``), what
an earlier run left there, and the warning of a ``--resume`` that finds nothing to resume."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import taikai.io as tio


def bad_lines_path(output: Path) -> Path:
    """Return where ``--on-bad-lines report`` sets the bad lines of a run writing *output* aside."""
    return output.with_name(output.stem + ".bad_lines.csv")


def stale_bad_lines(output: Path) -> Path | None:
    """Return the side file of bad lines beside *output* that the summary beside it names (a file an earlier run
    wrote, of this output or of one sharing its stem), which a run writing none removes with that summary; ``None``
    when the summary names none, or no summary is there or can be read (a file taikai did not write is kept)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, TypeError):
        named = json.loads(tio.summary_path(output).read_text(encoding="utf-8")).get("bad_lines_file")
        path = bad_lines_path(output)
        if isinstance(named, str) and Path(named).name == path.name:
            return path
    return None


def nothing_to_resume(output: Path, folder: Path, leftover: bool) -> str:
    """Return the warning of a ``--resume`` that finds no saved chunk of *output* (no state in its partial *folder*;
    *leftover*: the folder was there, holding files): the run starts from the beginning. An *output* that its
    summary describes is complete (a retry loop ran it again, or a run killed while removing its folder left that
    folder): the warning says so first, and how to keep it."""
    summary = tio.summary_path(output)
    owner = tio.summary_owner(summary) if output.is_file() and summary.is_file() else None
    if owner is None or owner.name != output.name:
        return f"nothing to resume: no unfinished run for {output}; running from the start"
    keep = f"running from the start: stop with Ctrl-C to keep {output.name} as it is"
    if leftover:
        return (
            f"nothing to resume: {output} is complete (its summary {summary.name} describes it) and {folder}, left by "
            f"the end of that run, holds no saved chunk (removed); {keep}"
        )
    return f"{output} is complete (its summary {summary.name} describes it): nothing to resume; {keep}"
