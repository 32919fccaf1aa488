"""What a rule means to the matcher, as the digest of a run's rules hashes it: each term as matching reads it.

A surface term is matched as its normalised text, each of CP932's look-alikes matching the other
(:func:`taikai.rules._matcher.surface_pattern`), so ``～円`` (a CP932 file's, or a Windows IME's) and ``〜円`` are one
term, and so are ``ｼｽﾃﾑ`` and ``システム``; a lemma term is matched as the words of its normalised text. Two terms
read the same here are compiled to the same pattern, and so match the same texts: a ``--resume`` may go on with
rules re-saved in another encoding. A regular expression is kept as written (``(?x)`` layout, a class's order:
what it matches is not read from its text here).
"""

from __future__ import annotations

from typing import Any

from taikai.text import normalize, same_text_key


def meant(rule: Any) -> dict[str, object]:
    """Return ``to_dict()`` of *rule* (a :class:`~taikai.rules.Rule`) with each surface and lemma term as matching
    reads it."""
    said: dict[str, object] = rule.to_dict()
    return said | {
        "any": [_term(t) for t in rule.any if t.kind.value != "regex"],
        "all": [_term(t) for t in rule.all],
        "not": [_term(t) for t in rule.none],
    }


def _term(term: Any) -> str:
    """Return a term (a :class:`~taikai.rules.Term`) as matching reads it; a regular expression as written."""
    if term.kind.value == "regex":
        return str(term)
    read = normalize(term.value)
    return f"lemma:{read}" if term.kind.value == "lemma" else same_text_key(read)
