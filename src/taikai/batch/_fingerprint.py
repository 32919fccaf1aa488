"""What identifies a batch run, so that ``--resume`` continues only the run it was given: a fingerprint of the
input file, and the differences between two fingerprints, said as the user can act on them."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from taikai._cut import cut_list, quoted
from taikai.batch._rules_change import changed_files, rules_change, same_as_written
from taikai.batch._unvouched import MASKING, SETTINGS, WRITER, other_masker, unvouched
from taikai.privacy import MASKER_VERSION

_READ = 1 << 20

NOTES = "notes"
"""The fingerprint's entry that is not compared: what the user gave, for the messages (a detected encoding, the
rules file's name)."""
SHEETS = "sheets"
"""The note (:data:`NOTES`) of the sheets of an xlsx input, in order: the ``sheet`` option a run of an earlier
taikai saved (``--sheet`` as given: a name, a number, or none for the first) is compared as the sheet it names."""
COLUMNS = "columns"
"""The note (:data:`NOTES`) of a digest of the input's columns, compared only when the input grew since the run was
saved (:mod:`taikai.batch._grown`): a JSONL input's columns are the keys of all its lines."""
SHOWN_SETTINGS = 3
"""How many changed thresholds a message names."""


def sheet_names(title: str | None, sheets: list[str] | None, mask: bool) -> tuple[str | None, list[str] | None]:
    """Return the name of the xlsx sheet read (*title*) and of the workbook's *sheets*, in order, as a run's
    fingerprint saves them: as they are, or under ``--mask-pii`` (*mask*) a name masking changes masked, with its
    place among the sheets (``[人名]さん[電話番号] (sheet 1)``). The fingerprint is written into the batch summary
    and the partial folder, where a sheet named after a person or a phone number would be personal data that no
    message shows; its place keeps two sheets that mask alike apart, and the input's sha256 keeps the order of the
    sheets."""
    if not mask or sheets is None:
        return title, sheets
    from taikai.privacy import mask_pii

    masked = [mask_pii(name).text for name in sheets]
    shown = [name if name == m else f"{m} (sheet {i})" for i, (name, m) in enumerate(zip(sheets, masked), 1)]
    return (shown[sheets.index(title)] if title in sheets else title), shown


def input_fingerprint(path: Path, previous: str | None = None) -> str:
    """Return ``SIZE:MTIME:SHA256`` of *path*: its size, modification time and the hash of all its bytes.

    *previous* is the fingerprint a resumed run saved: when the file's size and modification time are still those,
    it is returned as it is, without reading the file (the common case of ``--resume``: instant at any size).
    Otherwise (a file touched, copied or edited) the whole file is hashed again, so that no edit is missed, not even
    one keeping the size. Only the size and the hash are compared (:func:`describe_changes`): a file copied again,
    or touched, is the same input; the modification time tells the user when it changed.
    """
    st = path.stat()
    if previous is not None and previous.split(":")[:2] == [str(st.st_size), str(st.st_mtime_ns)]:
        return previous
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(_READ), b""):
            digest.update(block)
    return f"{st.st_size}:{st.st_mtime_ns}:{digest.hexdigest()}"


def _short(value: object, most: int = 0) -> str:
    """Return *value* as the message shows it: ``(none)``, or its repr (a long hash cut to *most* characters)."""
    if value is None:
        return "(none)"
    return quoted(value, most) if most and isinstance(value, str) else repr(value)


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


def _value(value: object, how: str | None) -> str:
    return _short(value) + (" (detected)" if how == "detected" and value is not None else "")


def input_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Say whether two run fingerprints are of another input file (its size or its bytes differ)."""
    before, after = (str(f.get("input", "::")).split(":") for f in (old, new))
    return (before[0], before[2:]) != (after[0], after[2:])


def as_saved(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Return the fingerprint *new* with its rules' digest as *old* holds it when an earlier taikai gave these rules
    that digest (:func:`~taikai.batch._rules_change.same_as_written`), else *new*."""
    return same_as_written(old, new, json.loads(str(new.get(NOTES) or "{}")))


def refusal(
    output: Path, folder: Path, old: dict[str, Any], new: dict[str, Any], grown: str | None = None
) -> str | None:
    """Return why the interrupted run of *output* saved in *folder* with the fingerprint *old* cannot be resumed as
    the run of fingerprint *new*, or ``None`` when it can: what *old* cannot vouch for (:func:`unvouched`), else what
    changed (:func:`describe_changes`), and what to do; *grown*: why an input that changed size cannot be resumed
    (:func:`taikai.batch._grown.growth`)."""
    changed, unknown = describe_changes(old, new), unvouched(old, new)
    if unknown:  # running it again as it was cannot help: only the earlier taikai ran it so
        since = f"; and since the interrupted run, {'; '.join(changed)}" if changed else ""
        return (
            f"cannot resume {output}: the interrupted run was saved by an earlier taikai {'; and '.join(unknown)}"
            f"{since}. Start over without resume (delete {folder} first)"
        )
    then = f"start over without resume (delete {folder} first)"
    if not changed:
        return None
    masker = other_masker(old)
    if input_changed(old, new):  # the saved rows are of the old bytes
        then = f"{grown or 'The saved rows were read from the input as it was'}: {then}"
    elif _edited_rules(old, new) is not None and not rules_change(old, _notes(old, new))[1]:
        then = f"The saved rows name the rules as an earlier taikai read their names, which no rules file gives: {then}"
    elif masker is not None:  # with --mask-pii or without, this taikai cannot mask the rest as they were
        then = (
            f"The saved rows were masked by taikai's masker version {masker}, which this taikai (version "
            f"{MASKER_VERSION}) cannot repeat: {then}"
        )
    else:
        then = _as_it_was(changed, _edited_rules(old, new), then)
    return f"cannot resume {output}: since the interrupted run, {'; '.join(changed)}. {then}"


def _notes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    was, now = (json.loads(str(f.get(NOTES) or "{}")) for f in (old, new))
    return was, now


def _edited_rules(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """Return the rules file of both runs when what it holds changed under the same name (``None`` otherwise):
    running it again as it was means putting back its content, not naming it again."""
    notes = [json.loads(str(f.get(NOTES) or "{}")) for f in (old, new)]
    files = [n.get("rules") for n in notes]
    same_file = files[0] is not None and files[0] == files[1]
    changed = changed_files((notes[0], notes[1]))  # of several files, the ones edited
    edited = " + ".join(changed) if changed else str(files[0])
    return edited if same_file and old.get("rules") != new.get("rules") else None


def _as_it_was(changed: list[str], edited: str | None, then: str) -> str:
    """Return how to run it again as the interrupted run was (the *changed* values before the arrows; the rules
    file *edited* with the rules it held then), or *then*."""
    if edited is None:
        return f"Run it again as it was (the values before the arrows), or {then}"
    restore = f"put back in {_short(edited)} the rules it held then (comments and layout do not count)"
    if len(changed) == 1:
        return f"To resume, {restore} and run it again; or {then}"
    return f"Run it again as it was (the values before the arrows; for the rules, {restore}), or {then}"


_ABSENT = {"excel_safe": False}
"""The value of an option the fingerprint leaves out at its default (so that runs saved before it resume)."""


def describe_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Return one phrase per difference between two run fingerprints, naming the option (its Python argument and its
    command-line option: ``limit (--limit) changed: 3 → 4``) and both values (a detected encoding said to be
    detected, the rules by their file); the input's modification time alone is none. What *old* does not record is
    no difference here (:func:`unvouched` says it); masking switched on or off is said by its option alone."""
    changes = []
    notes = [json.loads(str(f.get(NOTES) or "{}")) for f in (old, new)]
    before, after = (str(f.get("input", "::")).split(":") for f in (old, new))
    if (before[0], before[2:]) != (after[0], after[2:]):
        was, now = _modified(before[1], after[1])
        if before[0] != after[0]:
            changes.append(
                f"the input file changed (its size: {before[0]} bytes, modified {was} → {after[0]} bytes, modified "
                f"{now})"
            )
        else:  # the same size, and perhaps the same time to the microsecond: only the hash tells them apart
            times = f"modified {was} → {now}" if was != now else f"modified {was} both times"
            hashes = " → ".join(f"{':'.join(f[2:])[:12]}…" for f in (before, after))
            changes.append(
                f"the input file's content changed (the same size, {before[0]} bytes, but other bytes: sha256 "
                f"{hashes}; {times})"
            )
    if old.get("model") != new.get("model"):
        changes.append(f"the model changed (sha256 {str(old.get('model'))[:16]}… → {str(new.get('model'))[:16]}…)")
    elif SETTINGS in old and old.get(SETTINGS) != new.get(SETTINGS):  # a run saved before they were: unvouched()
        changes += _settings_changes(*(json.loads(str(f.get(SETTINGS) or "{}")) for f in (old, new)))
    if old.get("options") != new.get("options"):
        was, now = (json.loads(f.get("options") or "{}") for f in (old, new))
        if "sheet" in was:
            was["sheet"] = _sheet_named(was["sheet"], notes[1].get(SHEETS))
        for key in sorted(set(was) | set(now), key=lambda k: (k == "taikai", k)):
            if was.get(key) != now.get(key):
                name = "the taikai version" if key == "taikai" else f"{key} (--{key.replace('_', '-')})"
                values = [
                    _value(f.get(key, _ABSENT.get(key)), n.get(key)) for f, n in ((was, notes[0]), (now, notes[1]))
                ]
                changes.append(f"{name} changed: {' → '.join(values)}")
    masker = [f.get(MASKING) for f in (old, new)]
    if None not in masker and masker[0] != masker[1]:
        changes.append(f"the masking of --mask-pii changed (taikai's masker version {masker[0]} → {masker[1]})")
    for key in sorted((set(old) | set(new)) - {"input", "model", "options", NOTES, SETTINGS, MASKING, WRITER}):
        if old.get(key) != new.get(key):  # e.g. the rules: a hash of what they are, shown by their file's name
            files = [n.get(key) for n in notes]
            if key == "rules" and any(files):
                named = [_short(name) if name else "(none)" for name in files]
                same = rules_change(old, (notes[0], notes[1]))[0] if files[0] == files[1] else ""
                changes.append(f"the rules changed ({named[0]} → {named[1]}{same})")
                continue
            shown = [_short(f.get(key), 16) for f in (old, new)]
            if key == "rules mode":  # an option, named as the other options are
                changes.append(f"rules_mode (--rules-mode) changed: {shown[0]} → {shown[1]}")
                continue
            changes.append(f"the {key} changed ({shown[0]} → {shown[1]})")
    return changes


def _sheet_named(given: object, sheets: object) -> object:
    """Return the name of the sheet that *given* names among *sheets* (a workbook's, in order): *given* as a run
    saves it now (the name of the sheet read), or as an earlier taikai saved ``--sheet`` (a name, a 1-based number,
    or ``None`` for the first); *given* itself when it names none of them, or *sheets* is none (no workbook)."""
    if not isinstance(sheets, list) or not sheets or given in sheets:
        return given
    if given is None:
        return sheets[0]
    if isinstance(given, str) and given.isdigit() and 1 <= int(given) <= len(sheets):
        return sheets[int(given) - 1]
    return given


def _settings_changes(was: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Return one phrase per metadata setting of the model (same artifact) that differs: ``the model's
    reason_thresholds changed (fees 0.35 → 0.9, time 0.4 → 0.9)``, ``the model's max_chars changed: 2000 → 500``."""
    changes = []
    for name in sorted(set(was) | set(now)):
        before, after = was.get(name), now.get(name)
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            differ = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
            shown = cut_list(
                [f"{k} {_number(before.get(k))} → {_number(after.get(k))}" for k in differ], SHOWN_SETTINGS
            )
            changes.append(f"the model's {name} changed ({shown}) in its metadata.json")
        else:
            changes.append(f"the model's {name} changed: {_number(before)} → {_number(after)} in its metadata.json")
    return changes


def _number(value: object) -> str:
    return "(none)" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
