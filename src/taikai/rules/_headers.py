"""Find the line of every ``[[rule]]`` header of a rules file: tomllib gives no lines, so the text is scanned.

A header may be written with spaces or a quoted key (``[[ rule ]]``, ``[["rule"]]``, ``[['rule']]``) and be
followed by a comment; a line inside a multi-line string (triple quotes, ``'''…'''``) is no header, whatever it
holds.
"""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_HEADER = re.compile(r"""[ \t]*\[\[[ \t]*(?:rule|"rule"|'rule')[ \t]*\]\][ \t]*(?:#.*)?\r?$""")
_MULTILINE = ('"""', "'''")


def header_lines(text: str) -> list[int]:
    """Return the 1-based line of each ``[[rule]]`` header of the TOML *text*, in order."""
    found: list[int] = []
    inside: str | None = None  # the quotes of the multi-line string a line starts in, if any
    for number, line in enumerate(text.split("\n"), 1):
        if inside is None and _HEADER.match(line):
            found.append(number)
            continue
        inside = _scan(line, inside)
    return found


def _scan(line: str, inside: str | None) -> str | None:
    """Return the multi-line string *line* ends inside (its quotes), given the one it starts inside."""
    i, n = 0, len(line)
    quote = inside  # the string being read: a multi-line one, or '"' or "'" for one on this line only
    while i < n:
        if quote is None:
            if line[i] == "#":
                break
            opened = next((q for q in _MULTILINE if line.startswith(q, i)), None)
            if opened is not None:
                quote, i = opened, i + 3
                continue
            if line[i] in "\"'":
                quote = line[i]
            i += 1
        elif quote[0] == '"' and line[i] == "\\":
            i += 2  # an escaped character of a basic string (a quote, or the line ending of a multi-line one)
        elif line.startswith(quote, i):
            i, quote = i + len(quote), None
        else:
            i += 1
    return quote  # a one-line string ends on its line: the text was read as TOML already


def top_level_line(text: str, key: str) -> int | None:
    """Return the 1-based line where the TOML *text* first gives the top-level *key*: a ``key = …`` before the first
    table header, or a ``[key]``/``[[key]]``/``[key.…]`` header (``None`` when none is found, as for a key written
    in another way)."""
    quoted = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
    header = re.compile(rf"[ \t]*\[\[?[ \t]*{quoted}[ \t]*[\].]")
    assignment = re.compile(rf"[ \t]*{quoted}[ \t]*[=.]")
    tables = False  # a table header was seen: a key = … after it is that table's
    inside: str | None = None
    for number, line in enumerate(text.split("\n"), 1):
        if inside is None:
            if header.match(line) or (not tables and assignment.match(line)):
                return number
            tables = tables or line.lstrip().startswith("[")
        inside = _scan(line, inside)
    return None


_STRING = re.compile(r'"""(?:[^\\]|\\.)*?"""{0,2}|\'\'\'.*?\'\'\'{0,2}|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'', re.DOTALL)
_KEY = re.compile(r"""^[ \t]*(?:([A-Za-z0-9_-]+)|"([^"\n]*)"|'([^'\n]*)')[ \t]*=""", re.MULTILINE)


def string_lines(text: str, start: int, end: int | None) -> dict[tuple[str, str | None], int]:
    """Return the 1-based line of each string of the lines *start* to *end* (excluded; ``None``: to the end) of the
    TOML *text*, keyed by the key it is given under and its value as TOML reads it; ``(key, None)`` is the line of the
    key itself. The first of equal strings is kept; a string not read as TOML reads it is left out."""
    rows = text.split("\n")
    body = "\n".join(rows[start - 1 : None if end is None else end - 1])
    found: dict[tuple[str, str | None], int] = {}
    keys = [(m.start(), next(g for g in m.groups() if g is not None)) for m in _KEY.finditer(body)]
    for key_at, key in keys:
        found.setdefault((key, None), start + body.count("\n", 0, key_at))
    i = 0
    while i < len(body):
        if body[i] == "#":  # a comment, to the end of its line
            i = body.find("\n", i) if "\n" in body[i:] else len(body)
            continue
        match = _STRING.match(body, i) if body[i] in "\"'" else None
        if match is None:
            i += 1
            continue
        key = next((k for at, k in reversed(keys) if at < i), None)
        try:
            value = tomllib.loads(f"v = {match.group()}")["v"]
        except (tomllib.TOMLDecodeError, KeyError):  # pragma: no cover - the file was read as TOML already
            value = None
        if key is not None and isinstance(value, str):
            found.setdefault((key, value), start + body.count("\n", 0, i))
        i = match.end()
    return found
