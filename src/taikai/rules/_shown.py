"""A term or regular expression of a rules file as messages quote it: as its author wrote it, ready to paste back."""

from __future__ import annotations


def quoted(value: str) -> str:
    """Return *value* (a term or a regular expression of a rules file) quoted as a TOML literal string holds it:
    ``'\\d+円'``, its backslashes as written (``repr`` doubles them: ``'\\\\d+円'``, which is another pattern when
    pasted into single quotes, as rules files write patterns); ``'''it's'''`` when it holds a single quote. A value
    such a string cannot hold (a line break or another control character, or ``'''``) is quoted as Python does."""
    if not value.isprintable() or "'''" in value or value.endswith("'"):
        return repr(value)
    return f"'''{value}'''" if "'" in value else f"'{value}'"
