"""Compile a rule set once and match it against normalised texts: which rules fire, with which labels.

Surface terms and regular expressions run on the normalised text (:func:`taikai.text.check_text`, what the model
reads). Lemma terms run on the text's dictionary forms, the words of the project's fugashi tokenizer with
``form="base"`` (what the shipped model reads): ``lemma:引く`` matches 引かれる and 引いた. A lemma term of
several words (``lemma:稼げない``: 稼げる ない) matches them in a row.

A surface term matches a character CP932 holds as a look-alike in either form
(:data:`~taikai.rules._look_alikes.LOOK_ALIKES`): ``～円``, typed on Windows or read from a CP932 file (NFKC:
``~円``), finds ``〜円`` (the wave dash phones and Macs write, which NFKC keeps), and ``〜円`` finds ``~円``; so do
``−`` and ``-``, ``‖`` and ``∥``, ``—`` and ``―``. So does such a character that a regular expression asks for
(:func:`~taikai.rules._look_alikes.regex_pattern`: ``\\d+〜\\d+円`` finds ``300~500円``). A lemma term does too, in
the dictionary forms: those of a model that folds them (``FeatureConfig.cp932_fold``), which rules reuse, hold ~.
"""

from __future__ import annotations

import copy as _copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taikai.rules._look_alikes import LOOK_ALIKES, both_forms, regex_pattern
from taikai.rules._rule import REGEX_FLAGS, Rule, RuleSet, Term, TermKind
from taikai.text import normalize

if TYPE_CHECKING:
    from taikai.text import JapaneseTokenizer

LEMMA_FORM = "base"
"""The tokenizer form lemma terms are matched in: UniDic dictionary forms (orthBase), as the shipped model reads."""


@dataclass(frozen=True)
class RuleHits:
    """The rules that fired on one text, in rule order, and their labels (rule order, each label once)."""

    names: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.names)

    def conflicts_with(self, reason: str | None) -> bool:
        """Return whether rules fired and none of their labels is *reason* (the model's primary reason)."""
        return bool(self.labels) and reason not in self.labels


NO_HITS = RuleHits()
"""The hits of a text on which no rule fired."""


def surface_pattern(value: str) -> str:
    """Return the regular expression of the surface term *value*: its normalised text, each of
    :data:`~taikai.rules._look_alikes.LOOK_ALIKES` matching its look-alike too (``～円`` → ``[~〜]円``)."""
    return _either_form(normalize(value))


def _either_form(text: str) -> str:
    """Return the regular expression of *text* as written, each of :data:`~taikai.rules._look_alikes.LOOK_ALIKES`
    matching its look-alike too: a lemma term's words match the dictionary forms of a model that folds them
    (``cp932_fold``: 〜 read as ~) and of one that does not, and a CP932 file's ～ as phones' 〜."""
    return "".join(f"[{both_forms(ch)}]" if ch in LOOK_ALIKES else re.escape(ch) for ch in text)


class _Check:
    """Whether any of some terms matches: one pattern for all surface terms, one per regex, one for all lemmas."""

    __slots__ = ("lemma", "text")

    def __init__(self, terms: Sequence[Term], lemma_words: dict[str, tuple[str, ...]]):
        surfaces = [surface_pattern(t.value) for t in terms if t.kind is TermKind.SURFACE]
        text = [re.compile("|".join(surfaces))] if surfaces else []
        text += [re.compile(regex_pattern(t.value), REGEX_FLAGS) for t in terms if t.kind is TermKind.REGEX]
        self.text = tuple(text)
        lemmas = [" " + " ".join(lemma_words[t.value]) + " " for t in terms if t.kind is TermKind.LEMMA]
        self.lemma = re.compile("|".join(map(_either_form, lemmas))) if lemmas else None

    def hit(self, text: str, padded_lemmas: str) -> bool:
        for pattern in self.text:
            if pattern.search(text):
                return True
        return self.lemma is not None and self.lemma.search(padded_lemmas) is not None


class _Compiled:
    """One rule, compiled: fires when ``any`` hits (or is empty), every check of ``all`` hits and ``none`` does not."""

    __slots__ = ("all", "any", "label", "name", "none")

    def __init__(self, rule: Rule, lemma_words: dict[str, tuple[str, ...]]):
        self.name, self.label = rule.name, rule.label
        self.any = _Check(rule.any, lemma_words) if rule.any else None
        self.all = tuple(_Check([t], lemma_words) for t in rule.all)
        self.none = _Check(rule.none, lemma_words) if rule.none else None

    def fires(self, text: str, padded_lemmas: str) -> bool:
        if self.any is not None and not self.any.hit(text, padded_lemmas):
            return False
        for check in self.all:
            if not check.hit(text, padded_lemmas):
                return False
        return self.none is None or not self.none.hit(text, padded_lemmas)


class RuleMatcher:
    """A :class:`RuleSet` compiled for matching. Make it once (per process) and match many texts with it.

    The fugashi tagger of the lemma tokenizer is created lazily in each process and is not pickled, so a
    matcher can be sent to worker processes.
    """

    def __init__(self, rules: RuleSet):
        self.rules = rules
        lemma_terms = sorted({t.value for r in rules.rules for t in r.terms() if t.kind is TermKind.LEMMA})
        self.needs_lemmas = bool(lemma_terms)
        self._tokenizer: JapaneseTokenizer | None = None
        # A term normalises to some text (the parser checks), and MeCab makes a word of every character.
        words = {value: tuple(self.tokenizer.tokenize(normalize(value))) for value in lemma_terms}
        self.lemma_words = words
        self._compiled = tuple(_Compiled(r, words) for r in rules.rules)
        self._hits: dict[tuple[int, ...], RuleHits] = {}

    def relabelled(self, rules: RuleSet) -> RuleMatcher:
        """Return a copy of this matcher for *rules*: these rules with other labels (:meth:`RuleSet.for_labels`),
        without compiling the terms again."""
        if [(r.name, r.terms()) for r in rules.rules] != [(r.name, r.terms()) for r in self.rules.rules]:
            raise ValueError("relabelled() takes the matcher's own rules, with other labels only")
        copy = _copy.copy(self)
        copy.rules, copy._hits = rules, {}
        copy._compiled = tuple(_copy.copy(c) for c in self._compiled)
        for compiled, rule in zip(copy._compiled, rules.rules, strict=True):
            compiled.label = rule.label
        return copy

    def __repr__(self) -> str:
        return f"RuleMatcher({len(self.rules)} rules from {self.rules.source!r})"

    @property
    def tokenizer(self) -> JapaneseTokenizer:
        """Return the tokenizer that gives texts' dictionary forms (made on first use)."""
        if self._tokenizer is None:
            from taikai.text import JapaneseTokenizer

            self._tokenizer = JapaneseTokenizer(form=LEMMA_FORM)
        return self._tokenizer

    def lemmas(self, texts: Sequence[str]) -> list[str]:
        """Return the dictionary forms of each normalised text, separated by spaces (what lemma terms match)."""
        return list(self.tokenizer.transform(texts))

    def match(self, text: str, lemmas: str | None = None) -> RuleHits:
        """Return the rules that fire on one **normalised** text; *lemmas*: its dictionary forms, if known."""
        return self.match_all([text], None if lemmas is None else [lemmas])[0]

    def match_all(self, texts: Sequence[str], lemmas: Sequence[str] | None = None) -> list[RuleHits]:
        """Return the rules that fire on each **normalised** text, in order.

        *lemmas* are the texts' dictionary forms as :meth:`lemmas` gives them (a model reading dictionary forms
        has computed them already); without them, they are computed here when a rule has lemma terms.
        """
        if lemmas is None:
            lemmas = self.lemmas(texts) if self.needs_lemmas else [""] * len(texts)
        if len(lemmas) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(lemmas)} lemma strings")
        compiled = self._compiled
        out: list[RuleHits] = []
        for text, doc in zip(texts, lemmas, strict=True):
            padded = f" {doc} " if doc else ""
            fired = tuple(k for k, rule in enumerate(compiled) if rule.fires(text, padded))
            out.append(self._hits_of(fired) if fired else NO_HITS)
        return out

    def _hits_of(self, fired: tuple[int, ...]) -> RuleHits:
        hits = self._hits.get(fired)
        if hits is None:
            rules = [self._compiled[k] for k in fired]
            hits = RuleHits(tuple(r.name for r in rules), tuple(dict.fromkeys(r.label for r in rules)))
            self._hits[fired] = hits
        return hits

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_hits"] = {}
        return state


def compile_rules(rules: RuleSet | RuleMatcher) -> RuleMatcher:
    """Return *rules* compiled for matching (a matcher is returned as it is)."""
    return rules if isinstance(rules, RuleMatcher) else RuleMatcher(rules)
