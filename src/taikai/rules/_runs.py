"""The runs of one character longer than three a regular expression asks for, which normalisation cuts to three.

A pattern is read as a sequence of pieces: a literal character (written as is, escaped as ``\\-``, or by its code or
name as ``\\u30fc``, ``\\x41``, ``\\N{…}``, which all ask for that character), the bounds of a quantifier (``{4}``,
``{2,10000}``, ``{,5}``, whose digits ask for nothing), a class (``[ーｰ]``: one character, so no run of its own; one
that holds a single character, however often, as ``[ー]``, asks for that character), or anything else (``.``,
``\\d``, ``(``). Four or more pieces in a row asking for one character are a run; a literal character (or such a
class) repeated at least four times by its bounds is one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PIECE = re.compile(
    r"(?P<code>\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|0[0-7]{0,2}|[0-7]{3}))"
    r"|\\(?P<escaped>[^\w\s])"  # \- \. \!: the character itself
    r"|\\.?"  # \d \b \1: no character of its own
    r"|(?P<klass>\[\^?\]?(?:\\.|[^\\\]])*\])"  # [ーーーー] [^ー] [a-z]: one character, known or not
    r"|(?P<bounds>\{(?=[\d,])(?P<least>\d*)(?:,\d*)?\}[?+]?)"  # {4} {2,10000} {,5} (and lazy or possessive)
    r"|(?P<plain>[^\\.^$*+?{}\[\]|()\s])"
    r"|.",
    re.DOTALL,
)


@dataclass(frozen=True)
class Runs:
    """A pattern's runs: ``fixed`` is the pattern with each run cut to three (``ーーーー`` → ``ーーー``, ``ー{5}`` →
    ``ー{3}``), and ``first`` (with its place ``start`` in the pattern) the characters of its first run of pieces
    written one after another (``""``: none, only a repeat by bounds)."""

    fixed: str
    first: str = ""
    start: int = 0


def cut_runs(pattern: str) -> Runs:
    """Return the runs of one character longer than three that *pattern* asks for (see the module)."""
    pieces = [(found, _character(found)) for found in _PIECE.finditer(pattern)]
    out: list[str] = []
    first: tuple[str, int] | None = None
    at = 0
    while at < len(pieces):
        found, char = pieces[at]
        end = at + 1
        while char is not None and end < len(pieces) and pieces[end][1] == char:
            end += 1
        if end - at > 3:
            first = first or (char * (end - at) if char else "", found.start())
            out += [piece.group() for piece, _ in pieces[at : at + 3]]
            at = end
            continue
        least = found.group("least")
        repeated = bool(least) and int(least) > 3 and at > 0 and pieces[at - 1][1] is not None
        out.append("{3}" if repeated else found.group())
        at += 1
    return Runs("".join(out), *(first or ("", 0)))


def _character(found: re.Match[str]) -> str | None:
    """Return the character the piece *found* asks for, or ``None`` (it asks for none, or for more than one)."""
    klass = found.group("klass")
    if klass is not None:
        return _class_character(klass[1:-1])
    code = found.group("code")
    if code is None:
        return found.group("escaped") or found.group("plain")
    if code[1] == "N":
        return unicodedata.lookup(code[3:-1])
    return chr(int(code[2:], 16)) if code[1] in "xuU" else chr(int(code[1:], 8))


def _class_character(inside: str) -> str | None:
    """Return the one character the class ``[inside]`` asks for (``ーーーー``, ``\\u30fcー``: ``ー``), or ``None`` (it
    asks for one of several: a range, a negated class ``[^…]``)."""
    if inside.startswith("^"):
        return None
    pieces = list(_PIECE.finditer(inside))
    chars = {_character(piece) for piece in pieces}
    ranged = any(piece.group() == "-" for piece in pieces[1:-1])
    return next(iter(chars)) if len(chars) == 1 and not ranged and None not in chars else None
