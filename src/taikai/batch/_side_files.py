"""The files a local batch run writes beside its output that its stem names (``OUTPUT_STEM.bad_lines.csv``), what
an earlier run left there, and what a ``--resume`` that finds nothing to resume says: a warning, or, when the
complete output was written with other settings (masking switched), a refusal."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from pathlib import Path

import taikai.io as tio
from taikai.batch._fingerprint import as_saved, describe_changes
from taikai.batch._unvouched import MASKING, WRITER
from taikai.errors import RESUME, InputError

RUN = "run_fingerprint"
"""The summary entry recording how a complete output was made (the options, the rules mode, the notes of a run's
fingerprint), which a ``--resume`` finding that output compares."""
_UNCOMPARED = ("input", "model", "taikai", MASKING, WRITER, "chunk_size")
"""What a complete output's ``--resume`` does not compare: another input or model, or taikai (or masker) version, is
a new run over the same output, as it was without ``--resume`` (so is another writer's); the chunk size does not
change the output. The rules (what they match and say, named by their file) are compared, as an interrupted run's
are: rules edited between a run and its ``--resume`` are refused whether the run was complete or not."""
_RECORDED = ("mask_pii", "text_column", "id_column", "prefix")
"""The options a summary written before :data:`RUN` was recorded holds itself."""


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


def run_record(fingerprint: dict[str, str | None]) -> dict[str, str | None]:
    """Return what the summary of a complete run records of its *fingerprint* (under :data:`RUN`)."""
    return {key: value for key, value in fingerprint.items() if key not in _UNCOMPARED}


def _complete_summary(output: Path) -> dict[str, object] | None:
    """Return the JSON of the summary beside *output* when it describes *output*, complete; else ``None``."""
    summary = tio.summary_path(output)
    owner = tio.summary_owner(summary) if output.is_file() and summary.is_file() else None
    if owner is None or owner.name != output.name:
        return None
    with contextlib.suppress(OSError, ValueError):
        values = json.loads(summary.read_text(encoding="utf-8"))
        return values if isinstance(values, dict) else None
    return None


def _options(record: Mapping[str, object]) -> dict[str, object]:
    """Return the options a run fingerprint (or its record) holds, but those not compared."""
    with contextlib.suppress(ValueError, TypeError):
        options = json.loads(str(record.get("options") or "{}"))
        if isinstance(options, dict):
            return {key: value for key, value in options.items() if key not in _UNCOMPARED}
    return {}


def refuse_other_settings(output: Path, fingerprint: dict[str, str | None]) -> None:
    """Refuse (:class:`InputError`) a ``--resume`` of the complete *output* with other settings than the run that
    wrote it (the options, rules and rules mode of *fingerprint*, as an interrupted run's are compared), before anything
    is written: it would replace the output as another run (an output masked with ``--mask-pii`` by one that is
    not). A summary written before the settings were recorded is compared on the options it holds."""
    values = _complete_summary(output)
    if values is None:
        return
    recorded, now = values.get(RUN), run_record(fingerprint)
    if isinstance(recorded, dict):  # rules an earlier taikai hashed as written
        now = as_saved(recorded, now)
    if isinstance(recorded, dict) and "rules" not in recorded:  # a summary of a taikai that did not record them
        now = {key: value for key, value in now.items() if key != "rules"}
    options, current = _options(recorded if isinstance(recorded, dict) else {}), _options(now)
    if not isinstance(recorded, dict):  # an older summary: the options it holds, and the same of this run
        recorded = now
        options = {key: values[key] for key in _RECORDED if key in values}
        current = {key: current.get(key) for key in options}
    changes = describe_changes(
        {**recorded, "options": json.dumps(options, sort_keys=True)},
        {**now, "options": json.dumps(current, sort_keys=True)},
    )
    if changes:
        name = tio.summary_path(output).name
        raise InputError(
            f"cannot resume {output}: it is complete (its summary {name} describes it), and since the run that wrote "
            f"it, {'; '.join(changes)}. Nothing was written: to replace it with a run of these settings, run again "
            f"without {RESUME.given(True)}; to keep it, leave it as it is"
        )


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
