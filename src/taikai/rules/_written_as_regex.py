"""Tell a term written as a regular expression without the ``regex:`` prefix: ``手数料|利用料`` (``|`` for "or", as
KH Coder's coding rules write it), ``\\d+円``, ``手数料.*高い``. A term without a prefix is matched as written, so such
a rule would never fire, and nothing would say why. So are KH Coder's other operators in a term: ``手数料 & 高い``
("and"), ``!妥当`` ("not")."""

from __future__ import annotations

import re
import unicodedata

from taikai.rules._kh_coder import KH, and_advice, kh_term_problem
from taikai.rules._rule import PREFIXES, TermKind
from taikai.rules._shown import quoted
from taikai.text import normalize

_REGEX_ONLY = re.compile(r"\\[dDwWsS]|\.[*+{]")
"""What only a regular expression writes: a class escape (``\\d``), or any character repeated (``.*``, ``.+``,
``.{0,5}``); not ``?``, ``(…)`` or ``^``, which reviews hold as text (``本当に…?``, ``(笑)``, ``(^^)``)."""


def regex_syntax_problem(value: str, kind: TermKind) -> str:
    """Return why the ``any``/``all``/``not`` term *value* of *kind* (its prefix taken off) is written as a regular
    expression, with what to write (``""``: it is not). A ``|`` (full-width too) is never "or" in a surface or
    lemma term; ``\\d`` or ``.*`` are regular expressions in a surface term."""
    prefix = PREFIXES.get(kind, "")
    if kind is TermKind.REGEX:
        return ""
    read = unicodedata.normalize("NFKC", value)
    if "|" in read:
        pieces = [p.strip() for p in read.split("|") if p.strip()]
        grouped = kind is TermKind.SURFACE and any(c in read for c in "()[]")  # (手数料|利用料): a regex, not terms
        terms = "" if grouped else "each as its own term, " + ", ".join(quoted(prefix + p) for p in pieces)
        regex = quoted("regex:" + (read if grouped else "|".join(pieces)))
        regex = "" if kind is TermKind.LEMMA else f"{', or ' if terms else ''}the regular expression {regex}"
        return (
            f"the term {quoted(prefix + value)} holds |, which a term matches as written, not as 'or' (as KH Coder "
            f"writes it): write {terms}{regex}"
        )
    found = _REGEX_ONLY.search(read) if kind is TermKind.SURFACE else None
    if found:
        return (
            f"the term {quoted(value)} holds {found.group()}, which a term without a prefix matches as written, not "
            f"as a regular expression: write {quoted('regex:' + read)}"
        )
    return ""


def operator_problem(value: str, kind: TermKind, key: str) -> str:
    """Return why the term *value* of *kind* (its prefix taken off), in the rule's *key* (``any``, ``all`` or
    ``not``), is written with KH Coder's operators, with what to write (``""``: it is not): ``手数料 & 高い`` ("and")
    or ``!妥当`` ("not"). A term is matched as written, so such a rule would never fire, and nothing would say why.
    ``&`` between Latin words (``Q&A``) or of an HTML reference (``&amp;``), and ``!`` after text or before another
    ``!`` or ``?``, are text reviews hold."""
    if kind is TermKind.REGEX:
        return ""
    prefix = PREFIXES.get(kind, "")
    read = normalize(value)  # as the term is matched: &amp; is one &, and &#25163; none
    pieces = [p.strip() for p in read.split("&")]
    if len(pieces) > 1 and all(pieces) and not read.isascii():
        return f"the term {quoted(prefix + value)} holds &, which {_AS_WRITTEN} 'and' {KH}: write " + and_advice(
            pieces, prefix, key
        )
    words = kh_term_problem(value, read, prefix, key)  # 手数料 and 高い, near(手数料-高い)
    if words:
        return words
    spaced = re.search(r"[^\x00-\x7f] [^\x00-\x7f]", read)  # 手数料 高い, 手数料　高い
    if kind is TermKind.LEMMA and spaced:  # read as its words in a row: 手数料高い, found in few reviews
        joined = quoted(prefix + read.replace(" ", ""))
        return (
            f"the term {quoted(prefix + value)} holds a space between words, which a dictionary-form term leaves out "
            f"(it matches the words in a row, as {joined} does), not 'and' as a filter reads it: write "
            f"{and_advice(read.split(' '), prefix, key)}; or, for the words in a row, {joined}"
        )
    if kind is TermKind.SURFACE and spaced:
        phrase = quoted("regex:" + re.escape(read).replace("\\ ", " "))
        return (
            f"the term {quoted(value)} holds a space between words, which a term matches as written (the phrase, "
            f"found in almost no review), not as 'and' as a filter does: write "
            f"{and_advice(read.split(' '), prefix, key)}; "
            f"or, for the phrase with its space, {phrase}"
        )
    if len(read) > 1 and read[0] == "!" and read[1] not in "!?":
        term = quoted(prefix + read[1:].strip())
        advice = f"{term}: not already leaves out the reviews holding it" if key == "not" else f"{term} in not"
        return f"the term {quoted(prefix + value)} starts with !, which {_AS_WRITTEN} 'not' {KH}: write {advice}"
    return ""


_AS_WRITTEN = "a term matches as written, not as"
