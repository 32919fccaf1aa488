"""Rules that fire on exactly the rows an earlier rule fires on: of the earlier rule's label, such a rule adds
nothing (the analyst may remove it or merge its terms); of another label, the two labels always come together."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def same_rows(fired: Sequence[tuple[str, Collection[int]]]) -> dict[str, str]:
    """Return, for each rule of *fired* (its name and the rows it fired on, in rule order) that fired on some rows and
    on exactly the rows of an earlier rule, the name of the first such earlier rule."""
    first: dict[frozenset[int], str] = {}
    found: dict[str, str] = {}
    for name, rows in fired:
        if rows:
            found.update({name: first[key]} if (key := frozenset(rows)) in first else {})
            first.setdefault(key, name)
    return found


def same_rows_lines(rules: Sequence[tuple[str, str, int, str | None]]) -> list[str]:
    """Return the report's lines on each rule (name, label, hits and the earlier rule of :func:`same_rows`, or
    ``None``) that fired on exactly the rows of an earlier rule."""
    labels = {name: label for name, label, _, _ in rules}
    lines = []
    for name, label, hits, earlier in rules:
        if earlier is None:
            continue
        said = f"{name} ({label}) fired on exactly the {hits:,} row(s) that {earlier} ({labels[earlier]}) fired on"
        if labels[earlier] == label:
            lines.append(f"{said}: it adds nothing to {earlier} here; remove it, or move its terms into {earlier}")
        else:
            lines.append(f"{said}: the two labels came together on every one of them; check which one those rows have")
    return lines
