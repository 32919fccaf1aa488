"""KH Coder's coding-rule syntax, which taikai does not read, told with what to write instead.

In a term: the words ``and``, ``or``, ``not`` between Japanese words (``手数料 and 高い``) and the functions
``near(A-B)`` and ``seq(A-B)``; a term is matched as written, so a rule holding one would never fire, and nothing
would say why. A whole file of KH Coder's rules (``*name`` lines, each followed by its condition) given as the rules
is named at its first code, with the ``[[rule]]`` table to write for it.
"""

from __future__ import annotations

import re

from taikai.rules._shown import quoted

_FUNCTION = re.compile(r"(near|seq)\((.+)\)", re.IGNORECASE)
_OPERATORS = ("and", "or", "not")
_CODE = re.compile(r"[ \t]*\*(\S.*?)[ \t]*\r?$")  # *手数料: a code's name
KH = "(as KH Coder writes it)"
LEMMA = "lemma:"


def and_advice(pieces: list[str], prefix: str, key: str) -> str:
    """Return what to write for a term of *pieces* meant as "and" (KH Coder's ``&``), in the rule's *key*."""
    terms = ", ".join(quoted(prefix + p) for p in pieces)
    if key == "any":
        return f"a rule of its own with all = [{terms}] (a rule fires when every term of all matches)"
    if key == "all":
        return f"each as its own term of all, {terms}"
    # in not: a review holding every piece, in any order, as a regular expression of the words as written
    written = " (it finds the words as written, not their dictionary forms)" if prefix else ""
    return "the regular expression " + quoted("regex:^" + "".join(f"(?=.*{re.escape(p)})" for p in pieces)) + written


def kh_term_problem(value: str, read: str, prefix: str, key: str) -> str:
    """Return why the term *value* (*read*: normalised; *prefix* its own) in the rule's *key* is written with KH
    Coder's word operators or functions, with what to write (``""``: it is not)."""
    shown = quoted(prefix + value)
    function = _FUNCTION.fullmatch(read)
    words = [w.strip() for w in function.group(2).split("-") if w.strip()] if function else []
    if function and len(words) > 1 and not read.isascii():
        near = "regex:" + ".{0,20}".join(words)
        if function.group(1).lower() == "seq":
            return (
                f"the term {shown} is KH Coder's seq(), which a term matches as written: write "
                f"{quoted(LEMMA + ''.join(words))}, whose dictionary forms are matched in a row, as seq finds them"
            )
        return (
            f"the term {shown} is KH Coder's near(), which a term matches as written; rules have no distance in "
            f"words: write {and_advice(words, LEMMA, key)}, the words anywhere in the review; or a regular "
            f"expression that bounds the distance in characters, in this order: {quoted(near)}"
        )
    tokens = [t.strip("()") for t in read.split(" ")]
    if read.isascii() or not any(t in _OPERATORS for t in tokens):
        return ""
    terms = [t for t in tokens if t and t not in _OPERATORS]
    said = f"the term {shown} holds {', '.join(t for t in dict.fromkeys(tokens) if t in _OPERATORS)}, which a term "
    said += f"matches as written, not as operators {KH}: write "
    if tokens[0] == "not" and len(terms) == 1:
        term = quoted(prefix + terms[0])
        return said + (f"{term}: not already leaves out the reviews holding it" if key == "not" else f"{term} in not")
    if set(tokens) & set(_OPERATORS) == {"or"}:
        terms_of = "not" if key == "not" else "any"  # in not, any one of them leaves a review out
        return said + f"each as its own term of {terms_of}, " + ", ".join(quoted(prefix + t) for t in terms)
    if set(tokens) & set(_OPERATORS) == {"and"}:
        return said + and_advice(terms, prefix, key)
    return said + "the words of or as terms of any, those of and as terms of all, those of not as terms of not"


def kh_code_problem(source: str, text: str) -> str:
    """Return the refusal of *text*, which TOML does not read, when it is KH Coder's coding rules (its first
    line that is no blank or comment a ``*name``), with the ``[[rule]]`` table of its first code (``""``: it is
    not)."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), None)
    code = _CODE.fullmatch(lines[first]) if first is not None else None
    if first is None or code is None:
        return ""
    condition = []
    for line in lines[first + 1 :]:
        if not line.strip() or _CODE.fullmatch(line):
            break
        condition.append(line.strip())
    codes = sum(1 for line in lines if _CODE.fullmatch(line))
    return (
        f"{source}:{first + 1}: '*{code.group(1)}' starts a KH Coder coding rule, and taikai reads rules as TOML, "
        f"not KH Coder's syntax: write each of its {codes} code(s) as a [[rule]] table (see examples/rules.toml), "
        f"with a label, a reason of the model; its words as terms (lemma:WORD matches a word's forms, as KH Coder "
        f"does): A | B and A or B → any = [...], A and B → all = [...], not A → not = [...], seq(A-B) → "
        f'"lemma:AB". This one starts:\n[[rule]]\nname = {_toml(code.group(1))}\nlabel = "…"\n'
        f"# {' '.join(condition) or '(no condition)'}"
    )


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
