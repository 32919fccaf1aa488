"""The run a partial output folder saved, as the folder is opened again: its state read, refused without
``--resume``; and a ``--resume`` that finds none, said."""

from __future__ import annotations

import json
from pathlib import Path

from taikai._warn import warn_user
from taikai.batch._lock import LOCK
from taikai.batch._side_files import nothing_to_resume, refuse_other_settings
from taikai.batch._state import ResumeState
from taikai.errors import RESUME, DataWarning, InputError


def read_saved(state_path: Path) -> ResumeState | None:
    """Return the state a run saved at *state_path*, or ``None`` when it saved none; refuse (:class:`InputError`)
    one that cannot be read back (damaged, or edited), naming its folder to delete."""
    if not state_path.exists():
        return None
    try:
        return ResumeState.from_json(json.loads(state_path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # JSON, base64 or an Arrow schema spoilt
        raise InputError(
            f"{state_path}: not a state a taikai run saved, so its chunks cannot be resumed ({type(exc).__name__}: "
            f"{exc}); delete {state_path.parent} and run it again without {RESUME.given(True)} to start over"
        ) from None


def refuse_unresumed(output: Path, folder: Path, state: ResumeState) -> None:
    """Refuse (:class:`InputError`) a run without ``--resume`` on *output* whose partial *folder* holds the saved
    *state* of another: interrupted (continued by ``--resume``), or stopped in its last steps (finished by it)."""
    if state.finished:
        raise InputError(
            f"{folder} holds a run of {output} that classified every row but stopped during "
            "its last steps (putting the output in place, writing its summary, removing that directory); "
            f"run it again with {RESUME.given(True)} to finish them (nothing is classified again), or "
            "delete that directory"
        )
    raise InputError(
        f"{folder} holds an interrupted run for {output}; run it again with {RESUME.given(True)} "
        "to continue it, or delete that directory to start over"
    )


def say_nothing_to_resume(output: Path, folder: Path, fingerprint: dict[str, str | None]) -> None:
    """Say (:class:`DataWarning`) that a ``--resume`` of *output* found no saved run in its partial *folder*; refuse
    it when a complete *output* was made with other settings than *fingerprint*'s (it is kept as it is)."""
    refuse_other_settings(output, fingerprint)
    leftover = any(p.name != LOCK for p in folder.iterdir())
    warn_user(nothing_to_resume(output, folder, leftover), DataWarning)
