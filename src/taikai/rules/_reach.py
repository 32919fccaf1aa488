"""Refuse terms and patterns that can never match the normalised text rules run on, each with its fix.

Rules match what the model reads (:func:`taikai.text.normalize`, then masked values' placeholders read as ○):
NFKC, HTML character references decoded, every URL replaced by the word ``url``, a run of one character longer
than three cut to three, and placeholders (``[メール]``, ``[人名]``, …) read as ``○``. A term or regular expression
that needs what normalisation took away would never fire, so it is refused with what to write instead.
"""

from __future__ import annotations

import re
import unicodedata

from taikai.privacy import NEUTRAL
from taikai.privacy import PLACEHOLDERS as _PLACEHOLDER_OF
from taikai.rules._cp932_forms import cp932_read
from taikai.rules._inline_flags import flag_problem, pattern_text
from taikai.rules._look_alikes import regex_pattern
from taikai.rules._nfkc_pattern import LOOK_ALIKE, replaced, rewritten
from taikai.rules._nfkc_pattern import SPECIAL as _SPECIAL
from taikai.rules._patterns import backtracking_problem, every_text_problem, many_digits_problem
from taikai.rules._rule import PREFIXES, REGEX_FLAGS, Term, TermKind
from taikai.rules._runs import cut_runs
from taikai.rules._shown import quoted
from taikai.text import REFERENCE, decode_reference, normalize

PLACEHOLDERS = tuple(_PLACEHOLDER_OF.values())
"""The placeholders of masked personal data, which rules and the model read as :data:`taikai.privacy.NEUTRAL`."""


_URL = re.compile(r"https?://\S|www\.\S", re.IGNORECASE)  # what normalisation replaces by "url"
_URL_PROBES = ("https://coconala.com/services", "http://example.jp/a?b=1", "www.example.jp")
_RUN = re.compile(r"(.)\1{3,}")  # a run normalisation cuts to three (taikai.text.normalize)


def surface_problem(value: str) -> str:
    """Return why the surface term *value* can never match (``""``: it can)."""
    if _URL.search(unicodedata.normalize("NFKC", value)):
        return (
            f"the term {quoted(value)} holds a URL, and rules match text whose URLs are replaced by the word url: "
            "write url to match any link, or a word written beside the link"
        )
    text = normalize(value)
    named = [p for p in PLACEHOLDERS if normalize(p) in text]
    if named:
        return _placeholder_problem(f"the term {quoted(value)}", named[0])
    written = unicodedata.normalize("NFKC", value).lower()
    run = _RUN.search(written)
    number = _number_at(written, run.start()) if run else None
    if run and number is not None:
        return _digit_run_problem(f"the term {quoted(value)}", run.group(), text, number)
    if run:
        return (
            f"the term {quoted(value)} holds a run of one character longer than three ({run.group()}), and rules match "
            f"text where such runs are cut to three ({run.group()} → {run.group()[:3]}): it would fire on "
            f"{quoted(text)} "
            f"too; write {quoted(text)}, which matches both"
        )
    return ""


def _digit_run_problem(what: str, run: str, cut: str, number: re.Match[str]) -> str:
    """A number with a run of one digit longer than three: the amounts that read as one cannot be told apart."""
    forms = " or ".join(map(quoted, _kept_forms(number)))
    return (
        f"{what} holds a run of one digit longer than three ({run}), and rules match text as the model reads it, "
        f"where such runs are cut to three ({run} → {run[:3]}): it reads as {quoted(cut)}, as does every amount with "
        "a run "
        f"of three or more of that digit there (1000, 10000 and 100000 all read as 1000), which neither the rules "
        "nor the model can tell apart. What normalisation keeps can be told apart: an amount written with 万 (10万) "
        f"or with separators (100,000) is kept as written. Write {forms} to fire where a review writes the amount "
        f"so, or {quoted(cut)} to fire on every amount that reads as it"
    )


def _number_at(written: str, start: int) -> re.Match[str] | None:
    """Return the number of *written* holding the digit at *start*; ``None`` for a regex quantifier (a{10000})."""
    number = next((m for m in re.finditer(r"\d+", written) if m.start() <= start < m.end()), None)
    if number is None or (number.start() and written[number.start() - 1] in "{,"):
        return None
    return number


def _kept_forms(number: re.Match[str]) -> list[str]:
    """Return the text of *number* with the number written as normalisation keeps it: with 万 (a whole number of
    万 without a long run) and with separators."""
    written, n = number.string, int(number.group())
    man = [f"{n // 10_000}万"] if n % 10_000 == 0 and not _RUN.search(str(n // 10_000)) else []
    return [written[: number.start()] + form + written[number.end() :] for form in (*man, f"{n:,}")]


def regex_term(pattern: str) -> tuple[Term | None, str]:
    """Return the ``regex`` term of *pattern*, or what is wrong with it (with the fix)."""
    if not pattern:
        return None, "an empty regular expression matches every text; remove it"
    for kind, prefix in PREFIXES.items():
        if pattern[: len(prefix)].lower() == prefix:
            rest = pattern[len(prefix) :]
            fix = f"write {quoted(rest)}" if kind is TermKind.REGEX else f"move {quoted(prefix + rest)} to any"
            return None, (
                f"{quoted(pattern)} starts with the prefix {prefix}, which entries of regex do not take (they are "
                "regular "
                f"expressions): {fix}"
            )
    try:
        compiled = re.compile(pattern, REGEX_FLAGS)
    except re.error as exc:
        return None, f"bad regular expression {quoted(pattern)}: {exc.msg} at position {exc.pos}{_as_text(pattern)}"
    read = pattern_text(pattern, REGEX_FLAGS)  # what its characters ask for: (?x) layout and comments match nothing
    problem = every_text_problem(pattern, compiled) or backtracking_problem(pattern, REGEX_FLAGS)
    problem = problem or _look_alike_backtracking(pattern)
    problem = problem or flag_problem(pattern, REGEX_FLAGS)
    problem = problem or _normalised_problem(pattern) or _url_problem(pattern, read, compiled)
    problem = problem or many_digits_problem(pattern, REGEX_FLAGS) or _repeat_problem(pattern, read)
    if not problem:
        problem = _regex_placeholder_problem(pattern, read, compiled)
    return (None, problem) if problem else (Term(TermKind.REGEX, pattern), "")


def _look_alike_backtracking(pattern: str) -> str:
    """Return why *pattern*, matched as rules match it (a look-alike too: ``(〜|~)+`` → ``([~〜]|[~〜])+``), can
    take exponential time on some texts, or ``""``."""
    folded = regex_pattern(pattern)
    if folded == pattern or not backtracking_problem(folded, REGEX_FLAGS):
        return ""
    return (
        f"the regular expression {quoted(pattern)} is matched as {quoted(folded)}, since rules match each of 〜 ~, "
        "− -, ‖ ∥ and — ― with the other too (CP932 writes one for the other): it repeats a group whose alternatives "
        "then match the same text, so this pattern can take exponential time on some texts (minutes on one review; "
        "a match cannot be timed out): write each such character once, alone or in one class (〜 finds ~ too: "
        "(〜|~)+ → 〜+)"
    )


_TEXT_SYNTAX = "()[]{}*+?"
"""What a regular expression reads as syntax, where a review holds it as text (``(笑)``, ``[PR]``, ``★5?``)."""


def _as_text(pattern: str) -> str:
    """Return the fix of the bad regular expression *pattern* when escaping the characters :mod:`re` stops at (an
    unclosed ``(``, a ``)`` or ``*`` with nothing before it) makes it one: ``; to match ( as text, write '\\('``, or
    ``""``. A group left open may be meant as one: closing it is said too."""
    fixed, escaped = pattern, []
    for _ in range(len(pattern)):
        try:
            re.compile(fixed, REGEX_FLAGS)
        except re.error as exc:
            at = exc.pos if exc.pos is not None and exc.pos < len(fixed) else None
            if at is None or fixed[at] not in _TEXT_SYNTAX or (at and fixed[at - 1] == "\\"):
                return ""
            escaped.append(fixed[at])
            fixed = fixed[:at] + "\\" + fixed[at:]
            continue
        shown = " ".join(dict.fromkeys(escaped))
        group = " (or, for a group, close it with ))" if "(" in escaped else ""
        changed = replaced(fixed, REGEX_FLAGS)  # ２割( → 2割\(: the advice is a pattern that is accepted as given
        if changed:
            return f"; to match {shown} as text, write {_write(fixed)} (normalised: {_fixes(changed)}){group}"
        return f"; to match {shown} as text, write {quoted(fixed)}{group}"
    return ""


def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _fixes(changed: list[str]) -> str:
    return ", ".join(f"{ch} → {_nfkc(ch)}" for ch in changed)


def _write(pattern: str) -> str:
    """Return what to write for *pattern*, which asks for characters NFKC replaces: the pattern rewritten, or (where
    it cannot be, ``[㈱]``) the characters to write as normalised."""
    fixed = rewritten(pattern, REGEX_FLAGS)
    return quoted(fixed) if fixed is not None else "it with those characters as normalisation writes them"


def _normalised_problem(pattern: str) -> str:
    """Why *pattern* asks for characters normalisation replaces or decodes, with the fix; ``""`` when it asks for
    none, or only for CP932's ～ and －, read as the pair rules match (``[~〜]``: :mod:`~taikai.rules._cp932_forms`)."""
    changed = [] if cp932_read(pattern, REGEX_FLAGS) else replaced(pattern, REGEX_FLAGS)
    if changed:
        fix = _write(pattern)
        alike = [(LOOK_ALIKE[_nfkc(ch)], ch) for ch in changed if _nfkc(ch) in LOOK_ALIKE]
        both = [f"{kept}, as a phone or a Mac writes {ch}" for kept, ch in alike if kept in fix]
        also = f", which also matches {' and '.join(both)} (NFKC keeps it)" if both else ""
        return (
            f"the regular expression {quoted(pattern)} runs on normalised text (NFKC), where {_fixes(changed)} has "
            f"been replaced: write {fix}{also}"
        )
    references = _references(pattern)
    if references:
        fixes = ", ".join(f"{ref} → {decoded}" for ref, decoded in references)
        return (
            f"the regular expression {quoted(pattern)} runs on normalised text, where HTML character references are "
            f"decoded ({fixes}): write the decoded characters"
        )
    return ""


def _url_problem(pattern: str, read: str, compiled: re.Pattern[str]) -> str:
    """A pattern that matches the scheme or ``www.`` of a URL, where the normalised text has only ``url`` (*read*:
    the pattern without its comments, :func:`~taikai.rules._inline_flags.pattern_text`)."""
    written = re.sub(r"\\(.)", r"\1", read).lower()  # the pattern's characters, escapes undone
    for probe in _URL_PROBES:
        found = compiled.search(probe)
        named = found is not None and ("://" in found.group() or "www." in found.group())
        if (named or "://" in written or "www." in written) and not compiled.search(normalize(probe)):
            return (
                f"the regular expression {quoted(pattern)} matches a URL, and rules match text whose URLs are replaced "
                "by the word url: match url (any link), or a word written beside the link"
            )
    return ""


def _repeat_problem(pattern: str, read: str) -> str:
    """A pattern asking for a run of one character longer than three, which normalisation cuts to three (*read*:
    the pattern without its comments, which ask for nothing; the fix is written from it)."""
    runs = cut_runs(read)
    if runs.fixed == read:
        return ""
    number = _number_at(read, runs.start) if runs.first else None
    if number is not None:
        return _digit_run_problem(f"the regular expression {quoted(pattern)}", runs.first, runs.fixed, number)
    return (
        f"the regular expression {quoted(pattern)} asks for a run of one character longer than three, and rules match "
        f"text where such runs are cut to three (ーーーーー → ーーー): write {quoted(runs.fixed)}"
    )


def _regex_placeholder_problem(pattern: str, read: str, compiled: re.Pattern[str]) -> str:
    if compiled.search(NEUTRAL):
        return ""
    for placeholder in PLACEHOLDERS:
        name = placeholder[1:-1].lower()
        found = compiled.search(normalize(placeholder))
        if found and name in read.lower() and ("[" in found.group() or "]" in found.group()):
            return _placeholder_problem(f"the regular expression {quoted(pattern)}", placeholder)
    return ""


def _placeholder_problem(what: str, placeholder: str) -> str:
    return (
        f"{what} names the placeholder {placeholder} of masked personal data, which rules read as {NEUTRAL}, as "
        f"the model does: write {NEUTRAL} (it also matches a name the writer hid, as in {NEUTRAL}{NEUTRAL}さん)"
    )


def _references(pattern: str) -> list[tuple[str, str]]:
    """The HTML character references *pattern* holds (``&amp;``) with what to write instead (``&``, escaped where a
    regular expression needs it): normalisation decodes them, so the text matched never holds them."""
    found: dict[str, str] = {}
    for match in REFERENCE.finditer(pattern):
        ref = match.group()
        decoded = decode_reference(ref)
        if decoded == ref:
            decoded = decode_reference(ref.lower())  # normalisation lower-cases a name it does not know (&Amp;)
        if decoded != ref:
            text = " ".join(unicodedata.normalize("NFKC", decoded).lower().split()) or " "
            found[ref] = "a space" if text == " " else "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)
    return sorted(found.items())
