"""Refuse regular expressions that would fire on every text, or could run for minutes on one.

Python's ``re`` has no timeout: a group that is repeated and can itself match the same text in more than one way
(``(a+)+``, ``(\\S+\\s?)+``, ``(.*)*``, ``(a|aa)+``) makes the matcher try every way of cutting a text into repeats
before it gives up, which takes time exponential in the text's length. Such a pattern is found by walking its parse
(``re._parser``, ``sre_parse`` before Python 3.11), not by reading its characters. A repeated group can match one
text in two ways by cutting it into repeats differently (``(a+)+``), or by having two alternatives that match the same
text (``(.|\\s)+``: ``.`` and ``\\s`` both match a space; ``(a|a)+``).
"""

from __future__ import annotations

import importlib
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from taikai.rules._shown import quoted

_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_compiler: Any = importlib.import_module("re._compiler" if sys.version_info >= (3, 11) else "sre_compile")

EVERY_TEXT_PROBES = ("あ", "ア", "漢", "a", "7", "!", "。", " ")
"""Unrelated one-character texts: a pattern that matches every one of them matches (nearly) every text."""
_CHARS = ("x", "a", "1", "あ", "ア", "漢", " ", "、", "。", ",", "!", "-", "\n")  # what a character class is tried on
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")
_LITERAL = _parser.LITERAL
_MANY = 10  # a group repeated up to this many times or more is checked
_EXAMPLES = 6  # examples kept per part of a pattern


def every_text_problem(pattern: str, compiled: re.Pattern[str]) -> str:
    """Return why *pattern* fires on every text (it matches the empty text, or any one character), or ``""``."""
    if compiled.search("") is not None:
        return (
            f"the regular expression {quoted(pattern)} matches the empty text, so it fires on every text, like an "
            "empty "
            "regular expression; remove it, or give it what it must find (a trailing |, or a ? or * on the whole "
            "pattern, lets it match an empty stretch of any text: write 手数料|利用料, not 手数料|利用料|)"
        )
    if all(compiled.search(probe) for probe in EVERY_TEXT_PROBES):
        return (
            f"the regular expression {quoted(pattern)} matches any one character, so it fires on every text, like an "
            "empty regular expression; remove it, or give it the words it must find"
        )
    return ""


def _parsed(pattern: str, flags: int) -> Any:
    """Return *pattern* parsed by ``re``'s own parser, or ``None`` if it does not parse (it compiled already)."""
    try:
        return _parser.parse(pattern, flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None


def backtracking_problem(pattern: str, flags: int) -> str:
    """Return why *pattern* can take exponential time on some texts (a repeated group that can match one text as
    one repeat or as several), or ``""``."""
    parsed = _parsed(pattern, flags)
    found = None if parsed is None else _ambiguous_repeat(parsed.state, list(parsed))
    if found is None:
        return ""
    if isinstance(found, _Overlap):
        return (
            f"the regular expression {quoted(pattern)} repeats a group with alternatives that match the same text "
            f"({found.text!r} is matched by the group in two ways, two of its alternatives matching "
            f"{found.shared!r}), so this pattern can take exponential time on some texts (minutes on one review; a "
            "match cannot be timed out): give the alternatives texts that only one of them matches, or one "
            r"character class for single characters ((.|\s)+ → .+, as rules read line breaks and tabs as a space; "
            "(は|.)+ → .+; (a|a)+b → a+b)"
        )
    return (
        f"the regular expression {quoted(pattern)} repeats a group that can itself match the same text in more than "
        "one "
        f"way ({found!r} is one repeat of it or several), so this pattern can take exponential time on some texts "
        "(minutes on one review; a match cannot be timed out): repeat single characters instead of a group of "
        r"repeats ((\S+\s?)+ → [^。]+, (.+)+ → .+, (a|aa)+ → a+), or leave the repeated group out: a pattern is "
        r"searched anywhere in the text, so (\S+\s?)+で辞めた$ fires where \Sで辞めた$ does"
    )


_DIGITS = frozenset("0123456789")
_NOT_DIGITS = ("a", "あ", " ", ",", ".", "万", "-")
MANY_DIGITS = 5
"""Fewest digits in a row a pattern may not ask for: runs of one digit longer than three are cut (10000 → 1000)."""


def many_digits_problem(pattern: str, flags: int) -> str:
    """Return why *pattern* asks for :data:`MANY_DIGITS` or more digits in a row (``\\d{5,}``), which the text rules
    run on holds only where no digit repeats four times (``12345``, not ``10000``), or ``""``."""
    parsed = _parsed(pattern, flags)
    least = None if parsed is None else _digit_repeat(parsed.state, list(parsed))
    if least is None:
        return ""
    return (
        f"the regular expression {quoted(pattern)} asks for at least {least} digits in a row, and rules match text "
        "as the "
        "model reads it, where a run of one digit longer than three is cut to three (10000 → 1000, 50000 → 5000, "
        "100000 → 1000): it would fire on 12345 or 15000 but not on 10000, 50000 or 100000. Write \\d{4,} to fire on "
        "every amount of four digits or more as read (1000 too), or match amounts as normalisation keeps them: with "
        "万 (\\d+万) or separators (\\d{1,3}(,\\d{3})+)"
    )


def _digit_repeat(state: Any, items: list[Any]) -> int | None:
    """Return the least count of digits in a row that *items* ask for with digit-only character classes (``\\d{5}``,
    ``\\d\\d\\d\\d\\d``, ``[0-9]\\d{4,}``), when it is at least :data:`MANY_DIGITS`, or ``None``."""
    run = 0  # the digits in a row the items so far ask for
    for op, av in items:
        name = str(op)
        if name in (*_REPEATS, "POSSESSIVE_REPEAT"):
            body = list(av[2])
            if _digit_class(state, body):
                run += int(av[0])
                continue
            inner = _digit_repeat(state, body)
        elif name in ("IN", "CATEGORY", "ANY") and _digit_class(state, [(op, av)]):
            run += 1
            continue
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            inner = _digit_repeat(state, _group_items(name, av))
        elif name == "BRANCH":
            inner = next((n for n in (_digit_repeat(state, list(alt)) for alt in av[1]) if n is not None), None)
        else:
            inner = None
        if run >= MANY_DIGITS:
            return run
        run = 0
        if inner is not None:
            return inner
    return run if run >= MANY_DIGITS else None


def _digit_class(state: Any, body: list[Any]) -> bool:
    """Whether *body* is one character class that matches every digit and nothing else (``\\d``, ``[0-9]``)."""
    single = _compile(state, body) if len(body) == 1 else None
    return (
        single is not None
        and all(single.fullmatch(d) for d in _DIGITS)
        and not any(single.fullmatch(c) for c in _NOT_DIGITS)
    )


@dataclass(frozen=True)
class _Overlap:
    """A text one repeat of a group matches in two ways, as two alternatives of a branch in it match *shared*."""

    text: str
    shared: str


def _ambiguous_repeat(state: Any, items: list[Any]) -> str | _Overlap | None:
    """Return a text that a repeat of *items* with many repeats can match in two ways, or ``None``."""
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            body = list(av[2])
            if av[1] >= _MANY:
                found = _twice(state, body)
                if found is not None:
                    return found
                overlap = _overlap(state, body)
                if overlap is not None:
                    return overlap
            inner = _ambiguous_repeat(state, body)
        elif name in ("SUBPATTERN", "ATOMIC_GROUP", "POSSESSIVE_REPEAT", "ASSERT", "ASSERT_NOT"):
            inner = _ambiguous_repeat(state, _group_items(name, av))
        elif name == "BRANCH":
            found_in = (_ambiguous_repeat(state, list(alt)) for alt in av[1])
            inner = next((found for found in found_in if found is not None), None)
        else:
            continue
        if inner is not None:
            return inner
    return None


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


def _overlap(state: Any, body: list[Any]) -> _Overlap | None:
    """Return a text *body* matches in two ways through a branch whose alternatives match the same text, or ``None``.

    The matcher backtracks into the other alternative when the rest of the pattern fails, so ``n`` repeats try ``2**n``
    ways. Atomic groups and look-arounds are not backtracked into, so branches inside them are left out.
    """
    for shared, rebuilt in _overlaps(state, body):
        texts = [t for t in _examples(state, rebuilt) if t] or [shared]
        return _Overlap(texts[0], shared)
    return None


def _overlaps(state: Any, items: list[Any]) -> Iterator[tuple[str, list[Any]]]:
    """Yield each text two alternatives of a branch in *items* both match, with *items* where that branch is
    replaced by the text (to give an example of the whole group)."""
    for index, (op, av) in enumerate(items):
        name = str(op)
        if name == "BRANCH":
            alternatives = [list(alt) for alt in av[1]]
            shared = _shared(state, alternatives)
            if shared is not None:
                yield shared, [*items[:index], *((_LITERAL, ord(ch)) for ch in shared), *items[index + 1 :]]
            inner = ((text, alt) for alt in alternatives for text, alt in _overlaps(state, alt))
        elif name == "SUBPATTERN":
            inner = ((text, [(op, (*av[:-1], sub))]) for text, sub in _overlaps(state, list(av[-1])))
        elif name in _REPEATS:
            inner = ((text, [(op, (av[0], av[1], sub))]) for text, sub in _overlaps(state, list(av[2])))
        else:
            continue
        for text, part in inner:
            yield text, [*items[:index], *part, *items[index + 1 :]]


def _shared(state: Any, alternatives: list[list[Any]]) -> str | None:
    """Return a text (perhaps empty) that two of *alternatives* both match whole, or ``None``."""
    compiled = [_compile(state, alt) for alt in alternatives]
    for i, alt in enumerate(alternatives):
        whole = compiled[i]
        if whole is None:  # pragma: no cover - internals moved
            continue
        singles = [ch for ch in _CHARS if whole.fullmatch(ch)]  # every probe character, for . and \s
        for text in dict.fromkeys([*_examples(state, alt), *singles]):
            others = (c for j, c in enumerate(compiled) if j != i and c is not None)
            if whole.fullmatch(text) and any(other.fullmatch(text) for other in others):
                return text
    return None


def _group_items(name: str, av: Any) -> list[Any]:
    """Return the items of a group: an atomic group's argument is its sub-pattern, the others' is its last part."""
    return list(av if name == "ATOMIC_GROUP" else av[-1])


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
        return _examples(state, _group_items(name, av))
    if name == "BRANCH":
        return list(dict.fromkeys(e for alt in av[1] for e in _examples(state, list(alt))))[:_EXAMPLES]
    if name in (*_REPEATS, "POSSESSIVE_REPEAT"):
        low, high, body = av[0], av[1], list(av[2])
        once = _examples(state, body)
        counts = sorted({low, max(low, 1), min(max(low, 1) + 1, high)})
        return list(dict.fromkeys(e * n for n in counts for e in once))[:_EXAMPLES]
    return [""]  # anchors, look-arounds and back references take no text of their own here
