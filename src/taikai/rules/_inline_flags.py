"""What a regular expression's inline flags do to what rules match: comments and verbose layout, which match nothing,
and a flag the matcher cannot honour.

Rules match lower-cased text (:func:`taikai.text.normalize`) with :data:`~taikai.rules._rule.REGEX_FLAGS`, which ignore
case: a part that turns that off (``(?-i:FEE)``) can never match the capitals it writes, and means nothing for lower
case. ``(?x)`` (verbose; within a group, ``(?x:…)``) makes spaces and ``# …`` comments layout, as ``(?#…)`` is a comment
in any pattern: the checks that read a pattern's characters (a URL, a long run, a placeholder) read it without them.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any

from taikai.rules._shown import quoted

_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")


def pattern_text(pattern: str, flags: int) -> str:
    """Return *pattern* without what matches nothing: its ``(?#…)`` comments and, where it is verbose (``(?x)``,
    *flags*, or within a group ``(?x:…)``; not within ``(?-x:…)``), the spaces and ``# …`` comments outside
    character classes (an escaped space, ``\\ ``, stays)."""
    try:
        verbose = [bool(re.compile(pattern, flags).flags & re.VERBOSE)]  # the innermost group's last
    except re.error:  # pragma: no cover - the pattern compiled already
        return pattern
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        local = _LOCAL_FLAGS.match(pattern, i) if ch == "(" and not in_class else None
        if local:  # (?x:…), (?-x:…), (?i:…): verbose within it as its flags say
            verbose.append(("x" in local[1] or verbose[-1]) and "x" not in (local[2] or ""))
            out.append(local.group())
            i = local.end()
        elif ch == "(" and not in_class and not pattern.startswith("(?#", i):
            verbose.append(verbose[-1])
            out.append(ch)
            i += 1
        elif ch == ")" and not in_class and len(verbose) > 1:
            verbose.pop()
            out.append(ch)
            i += 1
        elif ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif in_class:
            in_class = ch != "]" or pattern[i - 1] == "[" or pattern[i - 2 : i] == "[^"
            out.append(ch)
            i += 1
        elif pattern.startswith("(?#", i):
            end = pattern.find(")", i)
            i = n if end < 0 else end + 1
        elif verbose[-1] and ch.isspace():
            i += 1
        elif verbose[-1] and ch == "#":
            end = pattern.find("\n", i)
            i = n if end < 0 else end + 1
        else:
            in_class = ch == "["
            out.append(ch)
            i += 1
    return "".join(out)


_LOCAL_FLAGS = re.compile(r"\(\?([aiLmsux]*)(?:-([imsx]*))?:")
"""A group that sets flags within it: ``(?x:``, ``(?-x:``, ``(?i-x:``."""


def flag_problem(pattern: str, flags: int) -> str:
    """Return why an inline flag of *pattern* cannot do what it says in a rule (``""``: none does): turning off
    ignoring case, ``(?-i:…)``, as rules match lower-cased text ignoring case."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return ""
    if not any(av[2] & re.IGNORECASE for op, av in _walk(list(parsed)) if str(op) == "SUBPATTERN"):
        return ""
    fixed = re.sub(r"\(\?([aiLmsux]*)-([aiLmsux]*):", _without_minus_i, pattern)
    return (
        f"the regular expression {quoted(pattern)} turns off ignoring case (-i), and rules match text whose letters "
        "are lower-cased, ignoring case: a capital it writes never matches, and for lower case it changes nothing; "
        f"write {quoted(fixed)}"
    )


def _without_minus_i(match: re.Match[str]) -> str:
    off = match.group(2).replace("i", "")
    return f"(?{match.group(1)}{'-' + off if off else ''}:"


def _walk(items: list[Any]) -> Iterator[tuple[Any, Any]]:
    """Yield every (op, argument) of a parsed pattern, nested ones too."""
    for op, av in items:
        yield op, av
        for sub in _children(av):
            yield from _walk(list(sub))


def _children(av: Any) -> Iterator[Any]:
    if isinstance(av, _parser.SubPattern):
        yield av
    elif isinstance(av, tuple | list):
        for part in av:
            yield from _children(part)
