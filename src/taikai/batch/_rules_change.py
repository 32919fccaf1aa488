"""Say what changed in a resumed run's rules when their file is the one the interrupted run read: only the rules'
names (written into ``rule_names``, so a change of the output), or only the way an earlier taikai read those names
(``ｆｅｅ`` is now ``fee``: no file puts back the names as it read them), or what the rules match."""

from __future__ import annotations

from typing import Any

from taikai.rules import RuleSet, written_names

NAMES = "rule names"
"""The note of a run's rules: their names, and the digest of what they match and label (without their names)."""
READ_BEFORE = "rule names read before"
"""The note of a run's rules whose file writes a name that taikai read as written before it read names as texts are
(NFKC, spaces collapsed): the names as written, and the digest an earlier taikai gave those rules."""
FILES = "rules files"
"""The note of a run's rules read from several files: each file's digest, in order, so that a change is said of the
file that holds it."""
AS_WRITTEN = "rules digest as written"
"""The note of a run's rules whose terms an earlier taikai hashed otherwise (as written: ``～円``, not as matched): the
digest it gave them, which a run it saved holds (:func:`same_as_written`)."""


def rules_notes(rules: RuleSet) -> dict[str, Any]:
    """Return the notes of a run's *rules* (not compared: they say what changed when the digest differs)."""
    notes: dict[str, Any] = {NAMES: {"names": [r.name for r in rules.rules], "unnamed": _unnamed(rules)}}
    if len(rules.sources) > 1:
        files = [(f, [r for r in rules.rules if (r.source or rules.source) == f]) for f in rules.sources]
        notes[FILES] = {f: RuleSet(tuple(held)).digest() for f, held in files}
    if rules.digest(as_written=True) != rules.digest():
        notes[AS_WRITTEN] = rules.digest(as_written=True)
    written = written_names(rules.source)
    if written is not None and len(written) == len(rules) and written != [r.name for r in rules.rules]:
        notes[READ_BEFORE] = {"names": written, "digest": rules.digest(written, as_written=True)}
    return notes


def _unnamed(rules: RuleSet) -> str:
    return rules.digest([""] * len(rules))


def rules_change(old: dict[str, Any], notes: tuple[dict[str, Any], dict[str, Any]]) -> tuple[str, bool]:
    """Return what changed in the rules of one file between the run of fingerprint *old* and this one (*notes*: both
    runs' notes), said after ``the rules changed (FILE → FILE``, and whether the rules it held then can be put back."""
    was, now = (n[NAMES] if isinstance(n.get(NAMES), dict) else {} for n in notes)
    before, after = was.get("names"), now.get("names")
    if was and was.get("unnamed") == now.get("unnamed") and isinstance(before, list) and isinstance(after, list):
        renamed = [f"rule {k} {a!r} → {b!r}" for k, (a, b) in enumerate(zip(before, after, strict=False), 1) if a != b]
        return f" (only their names, which the output's rule_names holds: {', '.join(renamed)})", True
    read = notes[1].get(READ_BEFORE)
    if not was and isinstance(read, dict) and read.get("digest") == old.get("rules") and isinstance(after, list):
        renamed = [f"{a!r} → {b!r}" for a, b in zip(read.get("names", []), after, strict=False) if a != b]
        return (
            " (its content is the same, but this taikai reads rule names as texts are read, full-width and half-width "
            f"forms as one and runs of spaces as one, and the output's rule_names holds them so: {', '.join(renamed)})",
            False,
        )
    changed = changed_files(notes)
    return (f" (the content of {', '.join(changed)} changed)" if changed else " (its content changed)"), True


def changed_files(notes: tuple[dict[str, Any], dict[str, Any]]) -> list[str]:
    """Return the files, of rules read from several, whose rules changed between two runs (*notes*: both runs'
    notes); none when the rules are one file's, or a run did not note its files."""
    was, now = (n[FILES] if isinstance(n.get(FILES), dict) else {} for n in notes)
    return [str(f) for f in now if f in was and was[f] != now[f]]


def same_as_written(old: dict[str, Any], new: dict[str, Any], notes: dict[str, Any]) -> dict[str, Any]:
    """Return the fingerprint *new* (whose notes are *notes*) with the digest of its rules as the run of fingerprint
    *old* holds it, when an earlier taikai gave that digest to these very rules as written (it hashed terms as
    written, where this taikai hashes them as matched: the same file, the same rules); else *new* itself."""
    same = old.get("rules") is not None and old.get("rules") == notes.get(AS_WRITTEN) != new.get("rules")
    return {**new, "rules": old["rules"]} if same else new
