"""Read one term of a rule as written (its ``lemma:``/``regex:`` prefix, or the key's kind), or say what is wrong
with it: a prefix written otherwise, a term empty once normalised, one written as a regular expression or that
could never match the normalised text."""

from __future__ import annotations

import unicodedata

from taikai._masked_messages import masks
from taikai.rules._reach import regex_term, surface_problem
from taikai.rules._rule import PREFIXES, Term, TermKind
from taikai.rules._shown import quoted
from taikai.rules._written_as_regex import regex_syntax_problem
from taikai.text import normalize


def read_term(value: str, kind: TermKind | None) -> tuple[Term | None, str]:
    """Return the term *value* names (its prefix, or *kind*, says which) or what is wrong with it.

    Within masking (``--mask-pii``, ``mask_pii=True``), what is wrong with a term that holds personal data quotes
    the term alone: the fix quotes forms of it (``'080-555-666'``, ``'080-5,555-6666'`` of ``'080-5555-6666'``) in
    which masking the message would no longer find the data.
    """
    term, problem = _checked_term(value, kind)
    if problem and masks(value):
        what = "the regular expression" if problem.startswith("the regular expression") else "the term"
        return None, (
            f"{what} {quoted(value)} can never match the normalised text rules run on; what to write instead "
            "quotes forms of the term, which holds personal data: check the rules file without masking (taikai "
            "rules test without --mask-pii, or taikai.rules.load_rules) to see it"
        )
    return term, problem


def _checked_term(value: str, kind: TermKind | None) -> tuple[Term | None, str]:
    if kind is TermKind.REGEX:
        return regex_term(value)
    kind = TermKind.SURFACE
    for prefixed, prefix in PREFIXES.items():
        written = value[: len(prefix)]
        if written == prefix:
            kind, value = prefixed, value[len(prefix) :]
            break
        if written.lower() == prefix:
            fixed = prefix + value[len(prefix) :]
            return (
                None,
                f"the term {quoted(value)} starts with {quoted(written)}: prefixes are written in lower case: "
                f"{quoted(fixed)}",
            )
        stripped = value.lstrip()  # ｌｅｍｍａ：, lemma： (an IME's colon) or a space before: a surface term otherwise
        if unicodedata.normalize("NFKC", stripped[: len(prefix)]).lower() == prefix:
            fixed = prefix + stripped[len(prefix) :]
            return (
                None,
                f"the term {quoted(value)} starts with {quoted(stripped[: len(prefix)])}, which is no prefix (the "
                f"term would be searched for as text): prefixes are written in half-width lower case: {quoted(fixed)}",
            )
    if kind is TermKind.REGEX:
        return regex_term(value)
    if not normalize(value):
        shown = f"{PREFIXES.get(kind, '')}{value}"
        return None, f"the term {quoted(shown)} is empty once normalised; remove it"
    problem = regex_syntax_problem(value, kind)
    problem = problem or (surface_problem(value) if kind is TermKind.SURFACE else "")
    return (None, problem) if problem else (Term(kind, value), "")
