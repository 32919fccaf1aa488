"""Refuse regular expressions that would fire on every text, or could run for minutes on one.

Python's ``re`` has no timeout: a group that is repeated and can itself match the same text in more than one way
(``(a+)+``, ``(\\S+\\s?)+``, ``(.*)*``, ``(a|aa)+``) makes the matcher try every way of cutting a text into repeats
before it gives up, which takes time exponential in the text's length. Such a pattern is found by walking its parse
(``re._parser``, ``sre_parse`` before Python 3.11), not by reading its characters.
"""

from __future__ import annotations

import importlib
import itertools
import re
import sys
from typing import Any

_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_compiler: Any = importlib.import_module("re._compiler" if sys.version_info >= (3, 11) else "sre_compile")

EVERY_TEXT_PROBES = ("あ", "ア", "漢", "a", "7", "!", "。", " ")
"""Unrelated one-character texts: a pattern that matches every one of them matches (nearly) every text."""
_CHARS = ("x", "a", "1", "あ", "ア", "漢", " ", "、", "。", ",", "!", "-", "\n")  # what a character class is tried on
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")
_GROUPS = ("SUBPATTERN", "ATOMIC_GROUP", "POSSESSIVE_REPEAT", "ASSERT", "ASSERT_NOT")  # what holds items of its own
_MANY = 10  # a group repeated up to this many times or more is checked
_EXAMPLES = 6  # examples kept per part of a pattern


def every_text_problem(pattern: str, compiled: re.Pattern[str]) -> str:
    """Return why *pattern* fires on every text (it matches the empty text, or any one character), or ``""``."""
    if compiled.search("") is not None:
        return (
            f"the regular expression {pattern!r} matches the empty text, so it fires on every text, like an empty "
            "regular expression; remove it, or give it what it must find (a trailing |, or a ? or * on the whole "
            "pattern, lets it match an empty stretch of any text: write 手数料|利用料, not 手数料|利用料|)"
        )
    if all(compiled.search(probe) for probe in EVERY_TEXT_PROBES):
        return (
            f"the regular expression {pattern!r} matches any one character, so it fires on every text, like an "
            "empty regular expression; remove it, or give it the words it must find"
        )
    return ""


def backtracking_problem(pattern: str, flags: int) -> str:
    """Return why *pattern* can take exponential time on some texts (a repeated group that can match one text as
    one repeat or as several), or ``""``."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return ""
    found = _ambiguous_repeat(parsed.state, list(parsed))
    if found is None:
        return ""
    return (
        f"the regular expression {pattern!r} repeats a group that can itself match the same text in more than one "
        f"way ({found!r} is one repeat of it or several), so this pattern can take exponential time on some texts "
        "(minutes on one review; a match cannot be timed out): repeat single characters instead of a group of "
        r"repeats ((\S+\s?)+ → [^。]+, (.+)+ → .+, (a|aa)+ → a+), or leave the repeated group out: a pattern is "
        r"searched anywhere in the text, so (\S+\s?)+で辞めた$ fires where \Sで辞めた$ does"
    )


def _ambiguous_repeat(state: Any, items: list[Any]) -> str | None:
    """Return a text that a repeat of *items* with many repeats can match in two ways, or ``None``."""
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            body = list(av[2])
            if av[1] >= _MANY:
                found = _twice(state, body)
                if found is not None:
                    return found
            inner = _ambiguous_repeat(state, body)
        elif name in _GROUPS:
            inner = _ambiguous_repeat(state, _group_body(name, av))
        elif name == "BRANCH":
            inner = next(filter(None, (_ambiguous_repeat(state, list(alt)) for alt in av[1])), None)
        else:
            continue
        if inner is not None:
            return inner
    return None


def _group_body(name: str, av: Any) -> list[Any]:
    """Return the items of the group *av* of the kind *name*: an atomic group ``(?>…)`` is its items itself, the
    others (a group, a possessive repeat, a look-around) hold them last."""
    return list(av) if name == "ATOMIC_GROUP" else list(av[-1])


def _twice(state: Any, body: list[Any]) -> str | None:
    """Return a text made of two matches of *body* that *body* also matches whole (two ways to cut it), or ``None``."""
    whole = _compile(state, body)
    if whole is None:
        return None
    examples = [e for e in _examples(state, body) if e and whole.fullmatch(e)]
    for first, second in itertools.product(examples, repeat=2):
        if whole.fullmatch(first + second):
            return first + second
    return None


def _compile(state: Any, items: list[Any]) -> re.Pattern[str] | None:
    try:
        compiled: re.Pattern[str] = _compiler.compile(_parser.SubPattern(state, items), state.flags)
    except (re.error, TypeError, ValueError, AttributeError, IndexError):  # pragma: no cover - internals moved
        return None
    return compiled


def _examples(state: Any, items: list[Any]) -> list[str]:
    """Return a few texts that *items* (a sequence of a parsed pattern) match, short ones first."""
    texts = [""]
    for item in items:
        options = _item_examples(state, item)
        texts = list(dict.fromkeys(a + b for a, b in itertools.product(texts, options)))[:_EXAMPLES]
    return texts


def _item_examples(state: Any, item: tuple[Any, Any]) -> list[str]:
    op, av = item
    name = str(op)
    if name == "LITERAL":
        return [chr(av)]
    if name in ("NOT_LITERAL", "IN", "ANY"):
        single = _compile(state, [item])
        return [ch for ch in _CHARS if single is not None and single.fullmatch(ch)][:2] or [""]
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _examples(state, _group_body(name, av))
    if name == "BRANCH":
        return list(dict.fromkeys(e for alt in av[1] for e in _examples(state, list(alt))))[:_EXAMPLES]
    if name in (*_REPEATS, "POSSESSIVE_REPEAT"):
        low, high, body = av[0], av[1], list(av[2])
        once = _examples(state, body)
        counts = sorted({low, max(low, 1), min(max(low, 1) + 1, high)})
        return list(dict.fromkeys(e * n for n in counts for e in once))[:_EXAMPLES]
    return [""]  # anchors, look-arounds and back references take no text of their own here
