"""What a rule means to the matcher, as the digest of a run's rules hashes it: each term as matching reads it.

A surface term is matched as its normalised text, each of CP932's look-alikes matching the other
(:func:`taikai.rules._matcher.surface_pattern`), so ``～円`` (a CP932 file's, or a Windows IME's) and ``〜円`` are one
term, and so are ``ｼｽﾃﾑ`` and ``システム``; a lemma term is matched as the words of its normalised text, each
look-alike matching the other too, so ``lemma:1～3日`` and ``lemma:1〜3日`` are one term as well. Two terms
read the same here are compiled to the same pattern, and so match the same texts: a ``--resume`` may go on with
rules re-saved in another encoding. A regular expression is kept as written (``(?x)`` layout, a class's order:
what it matches is not read from its text here), but for CP932's ～ and －, read as the 〜 and − they were saved from
(:func:`taikai.rules._cp932_forms.as_saved_from`): only a pattern that asks for nothing else NFKC replaces, which
was refused before it was read so, holds them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from taikai.rules._cp932_forms import as_saved_from
from taikai.text import normalize, same_text_key


def digest_of(rules: Sequence[Any], names: Sequence[str] | None, flags: int, *, as_written: bool = False) -> str:
    """Return :meth:`~taikai.rules.RuleSet.digest` of *rules*: a sha256 of each rule as :func:`meant` reads it
    (*as_written*: as ``to_dict()`` gives it), under *names* (one per rule) when given."""
    said = [r.to_dict() if as_written else meant(r, flags) for r in rules]
    named = [d | ({} if names is None else {"name": names[k]}) for k, d in enumerate(said)]
    canonical = json.dumps(named, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def meant(rule: Any, flags: int) -> dict[str, object]:
    """Return ``to_dict()`` of *rule* (a :class:`~taikai.rules.Rule`) with each surface and lemma term as matching
    reads it, and each regular expression (read with *flags*) as written but for CP932's ～ and －."""
    said: dict[str, object] = rule.to_dict()
    return said | {
        "any": [_term(t, flags) for t in rule.any if t.kind.value != "regex"],
        "regex": [as_saved_from(t.value, flags) for t in rule.any if t.kind.value == "regex"],
        "all": [_term(t, flags) for t in rule.all],
        "not": [_term(t, flags) for t in rule.none],
    }


def _term(term: Any, flags: int) -> str:
    """Return a term (a :class:`~taikai.rules.Term`) as matching reads it; a regular expression as written, but for
    CP932's ～ and － (:func:`~taikai.rules._cp932_forms.as_saved_from`, read with *flags*)."""
    if term.kind.value == "regex":
        return "regex:" + as_saved_from(term.value, flags)
    read = same_text_key(normalize(term.value))  # a lemma term's words match either look-alike too
    return f"lemma:{read}" if term.kind.value == "lemma" else read
