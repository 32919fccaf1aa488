"""The characters a regular expression asks for that normalisation (NFKC) replaces, and the pattern written without
them.

What a pattern asks for is read from Python's own parse of it (``re._parser``, ``sre_parse`` before Python 3.11),
not from its text: a ``-`` makes a range only between two characters of a character class (``[a\\-（]`` asks for
``（``, ``a-（`` too; ``[\\]-（]`` and ``[^\\x41-（]`` are ranges), and an escape asks for its character
(``\\uFF08`` for ``（``). A range that holds characters NFKC keeps (``[\\u3000-\\u9fff]``) matches what the
normalised text holds, so its bounds are kept as written; a range of replaced characters only (``[０-９]``,
``[\\uFF10-\\uFF19]``) asks for them. Where the pattern writes each character is found by :func:`_atoms`, a scan
that reads escapes and classes as the parser does; the rewrite it gives is offered only when the parser finds that
it asks for nothing normalisation replaces.
"""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
import warnings
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

from taikai.text import CP932_ROUND_TRIP

_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

SPECIAL = frozenset(".^$*+?{}[]\\|()")
"""Characters a regular expression reads as syntax: a character normalised into one is written escaped."""
_SCANNED = 4096  # the characters of a range looked at for one NFKC keeps
_WIDTH = {"x": 2, "u": 4, "U": 8}
_CONTROL = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def replaced(pattern: str, flags: int = 0) -> list[str]:
    """Return the characters *pattern* asks for that NFKC replaces, sorted: its characters in a class or not, and
    the bounds of a range that holds no character NFKC keeps (``[]`` when it does not parse)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a possible nested set: re.compile warned already
            parsed = _parser.parse(pattern, flags)
    except (re.error, TypeError, ValueError, OverflowError):  # pragma: no cover - the pattern compiled already
        return []
    found: set[str] = set()
    for low, high in _asked(list(parsed)):
        if low == high or not holds_kept(low, high):
            found.update(ch for ch in (chr(low), chr(high)) if _nfkc(ch) != ch)
    return sorted(found)


def rewritten(pattern: str, flags: int = 0) -> str | None:
    """Return *pattern* with every character it asks for that NFKC replaces written as the normalised text holds it
    (escaped where a regular expression reads it as syntax: （ → ``\\(``, － → ``\\-``), or ``None`` when that
    cannot be written so (a character of a class that NFKC makes several, ``[㈱]``) or the scan went wrong."""
    changed = set(replaced(pattern, flags))
    try:
        atoms = _composed(list(_atoms(pattern)))
    except (ValueError, KeyError, IndexError):  # pragma: no cover - the pattern compiled already
        return None
    parts, last = [], 0
    members: dict[int, set[str]] = {}  # each class's characters: [～〜] → [~〜], not [~〜〜]
    for atom in atoms:
        members.setdefault(atom.owner, set()).add(atom.char)
    dropped = _redundant(pattern, atoms, changed, flags)  # [2２] → [2]: the class matches 2 without ２
    for atom in atoms:
        span = next((d for d in dropped if d[0] <= atom.start < d[1]), None)
        if span is not None:
            parts += [pattern[last : span[0]]]
            last = span[1]
        elif not atom.ranged and any(ch in changed for ch in atom.char):
            written = _nfkc(atom.char)
            if atom.in_class and len(written) != 1:
                return None
            alike = LOOK_ALIKE.get(written, "")  # ～ → [~〜]: the wave dash a phone writes, too
            written += "" if atom.in_class and alike in members.get(atom.owner, ()) else alike
            shown = "".join("\\" + c if c in SPECIAL or c == "-" else c for c in written)
            both = len(written) == 2 and written[1] in CP932_ROUND_TRIP and not atom.in_class
            parts += [pattern[last : atom.start], f"[{shown}]" if both else shown]
            last = atom.end
    fixed = _FLAT_GROUP.sub(_once, "".join(parts) + pattern[last:]) if parts else pattern
    try:
        re.compile(fixed, flags)
    except re.error:
        return None
    return None if replaced(fixed, flags) else fixed


LOOK_ALIKE = {to: kept for kept, to in CP932_ROUND_TRIP.items() if to in "~-"}
"""What NFKC makes of CP932's ～ and － (a Windows IME's, a CP932 file's), with the character a phone or a Mac writes
instead, which NFKC keeps (:data:`taikai.text.CP932_ROUND_TRIP`): a rewrite matches both (``[~〜]``)."""
_FLAT_GROUP = re.compile(r"(?<!\\)\((\?:)?([^()|\\\[\]]*(?:\|[^()|\\\[\]]*)+)\)")
"""A group of alternatives without groups, classes or escapes in it: ``(?:2|2)``, ``(ア|ア)``."""


def _composed(atoms: list[_Atom]) -> list[_Atom]:
    """Return *atoms* with each character written right after another that NFKC composes with it into one (``ｶﾞ``
    → ガ, ``ﾊﾟ`` → パ: the normalised text holds ガ, never カ and a voiced mark) made one atom of both."""
    out: list[_Atom] = []
    for atom in atoms:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == atom.start
            and (last.in_class, last.owner) == (atom.in_class, atom.owner)
            and not (last.ranged or atom.ranged)
            and len(last.char) == 1
            and len(_nfkc(last.char + atom.char)) == 1
            and len(_nfkc(last.char) + _nfkc(atom.char)) == 2
        ):
            out[-1] = _Atom(last.start, atom.end, last.char + atom.char, atom.in_class, owner=atom.owner)
        else:
            out.append(atom)
    return out


def _once(group: re.Match[str]) -> str:
    """Return the group of alternatives *group* with each written once: ``(?:２|2)`` rewritten is ``(?:2)``, not
    ``(?:2|2)``, which matches one text two ways (refused when repeated: ``(?:2|2)+``)."""
    return f"({group.group(1) or ''}{'|'.join(dict.fromkeys(group.group(2).split('|')))})"


def _redundant(pattern: str, atoms: list[_Atom], changed: set[str], flags: int) -> list[tuple[int, int]]:
    """Return the spans of the members of a class (a character, or a range ``０-９``) that NFKC replaces and whose
    normalised characters the rest of their class matches already (``[2２]``, ``[0-9０-９]``): left out, rather than
    written twice. One member of a class at most: a second's would depend on the first's removal."""
    spans: dict[int, tuple[int, int]] = {}
    for k, atom in enumerate(atoms):
        if not atom.in_class or atom.ranged or atom.char not in changed or atom.owner in spans:
            continue
        if pattern.startswith("[^", atom.owner):  # [^2２]: what the rest leaves out is what it matches
            continue
        high = atoms[k + 1] if k + 1 < len(atoms) else None
        if high is not None and high.owner == atom.owner and pattern[atom.end : high.start] == "-":
            end, chars = high.end, [chr(c) for c in range(ord(atom.char), min(ord(high.char), ord(atom.char) + 64) + 1)]
        else:
            end, chars = atom.end, [atom.char]
        if k and atoms[k - 1].owner == atom.owner and pattern[atoms[k - 1].end : atom.start] == "-":
            continue  # the high bound of a range: its low bound decides
        rest = pattern[atom.owner : atom.start] + pattern[end : _class_end(pattern, atom.owner)]
        try:
            kept = re.compile(rest, flags)
        except re.error:
            continue
        if all(len(_nfkc(ch)) == 1 and kept.fullmatch(_nfkc(ch)) for ch in chars):
            spans[atom.owner] = (atom.start, end)
    return sorted(spans.values())


def _class_end(pattern: str, owner: int) -> int:
    """Return the index after the ``]`` of the class whose ``[`` is at *owner*."""
    members = _class(pattern, owner + 1)
    while True:
        try:
            next(members)
        except StopIteration as stop:
            return int(stop.value)


def holds_kept(low: int, high: int) -> bool:
    """Whether the range of code points *low*..*high* holds a character NFKC keeps as it is."""
    return any(_nfkc(chr(c)) == chr(c) for c in range(low, min(high, low + _SCANNED) + 1))


def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _asked(items: list[Any]) -> Iterator[tuple[int, int]]:
    """Yield the code points (a character as a range of one) and ranges the parsed *items* ask for, in groups,
    branches, repeats and look-arounds too."""
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            yield av, av
        elif name == "IN":
            for member, value in av:
                if str(member) == "LITERAL":
                    yield value, value
                elif str(member) == "RANGE":
                    yield value
        else:
            yield from _nested(av)


def _nested(value: Any) -> Iterator[tuple[int, int]]:
    """Yield what the sub-patterns held by an item's argument ask for (a group, a branch's alternatives, …)."""
    if isinstance(value, _parser.SubPattern):
        yield from _asked(list(value))
    elif isinstance(value, (tuple, list)):
        for part in value:
            yield from _nested(part)


@dataclass(frozen=True)
class _Atom:
    """A character a pattern writes (itself, or as an escape) at ``pattern[start:end]``."""

    start: int
    end: int
    char: str
    in_class: bool = False
    ranged: bool = False  # a bound of a range that holds a character NFKC keeps: kept as written
    owner: int = -1  # in a class, the index of its [


def _atoms(pattern: str) -> Iterator[_Atom]:
    """Yield the characters *pattern* writes, read as :mod:`re` reads them: escapes decoded, a class's ``-`` a range
    only between two characters, group names and comments left out."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "[":
            i = yield from _class(pattern, i + 1)
        elif c == "\\":
            end, char = _escape(pattern, i, in_class=False)
            if char:
                yield _Atom(i, end, char)
            i = end
        elif pattern.startswith(("(?P<", "(?P=", "(?#", "(?("), i):  # a name, a comment or a condition
            i = _closing(pattern, i + 3, ">" if pattern.startswith("(?P<", i) else ")")
        else:
            yield _Atom(i, i + 1, c)
            i += 1


def _class(pattern: str, i: int) -> Generator[_Atom, None, int]:
    """Yield the characters of the class whose first character is at *i*; return the index after its ``]``."""
    owner = i - 1
    if pattern.startswith("^", i):
        i += 1
    first = True
    while i < len(pattern):
        if pattern[i] == "]" and not first:
            return i + 1
        first = False
        end, low = _member(pattern, i)
        if pattern.startswith("-", end) and end + 1 < len(pattern) and pattern[end + 1] != "]":
            after, high = _member(pattern, end + 1)
            if low and high:  # it compiled: a range of two characters
                kept = holds_kept(ord(low), ord(high))
                yield _Atom(i, end, low, True, kept, owner)
                yield _Atom(end + 1, after, high, True, kept, owner)
            i = after
            continue
        if low:
            yield _Atom(i, end, low, True, owner=owner)
        i = end
    return i


def _member(pattern: str, i: int) -> tuple[int, str | None]:
    if pattern[i] == "\\":
        return _escape(pattern, i, in_class=True)
    return i + 1, pattern[i]


def _escape(pattern: str, i: int, in_class: bool) -> tuple[int, str | None]:
    """Return the end of the escape at *i* and the character it writes (``None``: a class such as ``\\d``, an
    anchor or a group reference)."""
    c = pattern[i + 1 : i + 2]
    if c in _WIDTH:
        end = i + 2 + _WIDTH[c]
        return end, chr(int(pattern[i + 2 : end], 16))
    if c == "N":
        close = pattern.index("}", i)
        return close + 1, unicodedata.lookup(pattern[i + 3 : close])
    if c.isascii() and c.isdigit():  # in a class an octal escape; outside, \0 or three octal digits, else a group
        rest = pattern[i + 1 :]
        octal = re.match("[0-7]{1,3}" if in_class else "0[0-7]{0,2}|[0-7]{3}", rest)
        if octal:
            return i + 1 + len(octal.group()), chr(int(octal.group(), 8))
        return i + 1 + min(2, len(rest) - len(rest.lstrip("0123456789"))), None
    if c in _CONTROL or (in_class and c == "b"):
        return i + 2, _CONTROL.get(c, "\b")
    if c.isascii() and c.isalnum():
        return i + 2, None
    return i + 2, c


def _closing(pattern: str, i: int, close: str) -> int:
    """Return the index after the first *close* from *i* not escaped by a backslash."""
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == close:
            return i + 1
        i += 1
    return i
