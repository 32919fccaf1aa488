"""A rule's regular expression matches CP932's look-alikes as its surface terms do: ``\\d+〜\\d+円`` finds
``300~500円`` too.

Excel on Japanese Windows, a Windows IME and a CP932 file write 〜 (U+301C, the wave dash phones and Macs write) as ～,
which normalisation (NFKC) makes ``~``; likewise − and ``-``, ‖ and ∥, — and ―
(:data:`taikai.text.CP932_ROUND_TRIP`). A surface term matches either form of each; so does each such character a
regular expression writes as a character to match, outside a class (``〜`` → ``[~〜]``) or in one (``[〜・]`` →
``[〜~・]``). A bound of a range (``[!-~]``) is kept as written, and so is the ``-`` of a flags group (``(?-x:…)``).
CP932's own ～ and － (a rules file re-saved in CP932) are read as the pair too (:mod:`taikai.rules._cp932_forms`).
"""

from __future__ import annotations

import re

from taikai.rules._cp932_forms import cp932_read
from taikai.rules._nfkc_pattern import _atoms
from taikai.rules._rule import REGEX_FLAGS
from taikai.text import CP932_ROUND_TRIP

LOOK_ALIKES = {a: b for pair in CP932_ROUND_TRIP.items() for a, b in (pair, pair[::-1])}
"""Each character of normalised text that a CP932 round trip turns into another (〜 into ～, read ~ after NFKC), and
that other (:data:`taikai.text.CP932_ROUND_TRIP`, the fold of duplicate checks): one character to a rule, whichever
of the two it is written with (〜 ~, − -, ‖ ∥, — ―)."""
_FLAGS_GROUP = re.compile(r"\(\?[a-zA-Z]*-[a-zA-Z]*[:)]")
"""A group that turns flags off (``(?-x:``, ``(?s-i)``): its ``-`` is no character to match."""


def both_forms(ch: str) -> str:
    """Return the characters of a class that matches *ch* and its look-alike, the same whichever is written."""
    return "".join(_in_class(c) for c in sorted((ch, LOOK_ALIKES[ch])))


def _in_class(ch: str) -> str:
    """Return *ch* written as a member of a class: ``-`` escaped (no range), the others as they are."""
    return "\\-" if ch == "-" else ch


def regex_pattern(pattern: str, flags: int = REGEX_FLAGS) -> str:
    """Return the regular expression a rule's *pattern* is matched with: each character of :data:`LOOK_ALIKES` it
    asks for as itself matching its look-alike too (``\\d+〜\\d+円`` → ``\\d+[~〜]\\d+円``); *pattern* as written when
    it asks for none (or when the rewrite would not compile, which a pattern that compiled does not meet); CP932's
    ～ and － as the pair too (``\\d+～\\d+円`` → ``\\d+[~〜]\\d+円``: :mod:`~taikai.rules._cp932_forms`)."""
    pattern = cp932_read(pattern, flags) or pattern
    try:
        atoms = list(_atoms(pattern))
    except (ValueError, KeyError, IndexError):  # pragma: no cover - the pattern compiled already
        return pattern
    members: dict[int, set[str]] = {}
    for atom in atoms:
        members.setdefault(atom.owner, set()).add(atom.char)
    flag_groups = [m.span() for m in _FLAGS_GROUP.finditer(pattern)]
    parts, last = [], 0
    for atom in atoms:
        other = LOOK_ALIKES.get(atom.char)
        if other is None or atom.ranged:
            continue
        if atom.in_class:
            if other in members[atom.owner]:
                continue
            parts += [pattern[last : atom.start], _in_class(atom.char) + _in_class(other)]  # [a-] → [a\\-−]
        else:
            if any(start <= atom.start < end for start, end in flag_groups):
                continue
            parts += [pattern[last : atom.start], f"[{both_forms(atom.char)}]"]
        last = atom.end
    if not parts:
        return pattern
    folded = "".join(parts) + pattern[last:]
    try:
        re.compile(folded, flags)
    except re.error:  # pragma: no cover - only characters were added
        return pattern
    return folded
