"""What identifies a batch run, so that ``--resume`` continues only the run it was given: a fingerprint of the
input file, and the differences between two fingerprints, said as the user can act on them."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

_SAMPLE = 1 << 20


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
