"""The runs of one character longer than three a regular expression asks for, which normalisation cuts to three.

A pattern is read as a sequence of pieces: a literal character (written as is, escaped as ``\\-``, or by its code or
name as ``\\u30fc``, ``\\x41``, ``\\N{…}``, which all ask for that character), the bounds of a quantifier (``{4}``,
``{2,10000}``, ``{,5}``, whose digits ask for nothing), or anything else (``.``, ``\\d``, ``(``). Four or more pieces
in a row asking for one character are a run; a literal character repeated at least four times by its bounds is one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PIECE = re.compile(
    r"(?P<code>\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|0[0-7]{0,2}|[0-7]{3}))"
    r"|\\(?P<escaped>[^\w\s])"  # \- \. \!: the character itself
    r"|\\.?"  # \d \b \1: no character of its own
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
    code = found.group("code")
    if code is None:
        return found.group("escaped") or found.group("plain")
    if code[1] == "N":
        return unicodedata.lookup(code[3:-1])
    return chr(int(code[2:], 16)) if code[1] in "xuU" else chr(int(code[1:], 8))
