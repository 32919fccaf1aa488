"""Tell a term written as a regular expression without the ``regex:`` prefix: ``手数料|利用料`` (``|`` for "or", as
KH Coder's coding rules write it), ``\\d+円``, ``手数料.*高い``. A term without a prefix is matched as written, so such
a rule would never fire, and nothing would say why."""

from __future__ import annotations

import re
import unicodedata

from taikai.rules._rule import PREFIXES, TermKind
from taikai.rules._shown import quoted

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
