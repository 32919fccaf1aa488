"""Coding rules as typed values: a term, a rule, an ordered rule set, and how rules meet the model's reasons."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from taikai._cut import cut_list
from taikai.errors import InputError, RulesError, check_str, wrong_type
from taikai.labels import label_list, own_labels, reason_id
from taikai.rules._label_problems import unknown_label, unknown_labels_error
from taikai.text import markdown_cell, notebook_markdown


class TermKind(str, Enum):
    """What a term matches: a substring of the normalised text, a run of dictionary forms, or a regular expression."""

    SURFACE = "surface"
    LEMMA = "lemma"
    REGEX = "regex"


KEYS = ("name", "label", "any", "all", "not", "regex")
"""The keys a ``[[rule]]`` table may hold; any other is an error."""
PREFIXES = {TermKind.LEMMA: "lemma:", TermKind.REGEX: "regex:"}
"""The prefix that makes a term a dictionary form or a regular expression (a term without one is a surface string)."""
REGEX_FLAGS = re.IGNORECASE
"""The flags of every ``regex:`` term, checked when a file is read and compiled into a matcher."""


@dataclass(frozen=True)
class Term:
    """One term of a rule, as written in the rules file (without its prefix)."""

    kind: TermKind
    value: str

    def __str__(self) -> str:
        return PREFIXES.get(self.kind, "") + self.value


class RulesMode(str, Enum):
    """How rules meet the model: ``flag`` adds columns only; ``override`` also makes the first firing rule's
    label the primary reason (the model's own is kept in ``model_reason``)."""

    FLAG = "flag"
    OVERRIDE = "override"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value: RulesMode | str) -> RulesMode:
        """Return the mode *value* names, or raise :class:`RulesError` saying which modes there are (a ``TypeError``
        for a value that is not a str, a pandas Series or ``pd.NA``: :func:`taikai.errors.check_str`)."""
        if not isinstance(value, cls):
            check_str("rules_mode", value, f"one of {', '.join(m.value for m in cls)}")
        try:
            return cls(value)
        except ValueError:
            raise RulesError(f"rules_mode must be one of {', '.join(m.value for m in cls)}, not {value!r}") from None

    @classmethod
    def for_rules(cls, value: RulesMode | str, rules: object) -> RulesMode:
        """Return the mode *value* names, to apply *rules* in; raise :class:`InputError` when it asks for more than
        the default (``flag``) and *rules* is ``None``: without rules it would change nothing."""
        mode = cls.parse(value)
        if rules is None and mode is not cls.FLAG:
            raise InputError(
                f"rules_mode={mode.value!r} applies to rules: give them with rules= (a rules file, or "
                "taikai.load_rules(path)), or leave rules_mode out"
            )
        return mode


RULES_MODES = tuple(m.value for m in RulesMode)
"""How rules apply (``--rules-mode``): flag beside the model's reason, or override it."""


@dataclass(frozen=True)
class Rule:
    """A coding rule: it fires on a text when one of ``any`` matches (its terms or its ``regex`` patterns),
    every term of ``all`` matches and no term of ``none`` (the file's ``not``) matches. ``label`` is the label as
    the file writes it (after NFKC) until the rules meet a model's reasons (:meth:`RuleSet.for_labels`): for a
    model of the taxonomy's reasons a Japanese display name or an id in any case is then read as its id.

    ``line`` is the line of its ``[[rule]]`` header in the file, when known; ``source`` the file, when the rule set
    holds the rules of several (:meth:`RuleSet.joined`; ``None``: the rule set's own :attr:`RuleSet.source`), which
    messages name and no digest or comparison reads. ``name`` is kept as :func:`rule_name` reads it (``" ｆｅｅ "``
    is ``fee``): the one name messages, ``rule_names``, ``rules test`` and the report show.
    """

    name: str
    label: str
    any: tuple[Term, ...] = ()
    all: tuple[Term, ...] = ()
    none: tuple[Term, ...] = ()
    line: int | None = None
    source: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.name, str) and self.name != rule_name(self.name):  # one name, wherever it is shown
            object.__setattr__(self, "name", rule_name(self.name))

    def terms(self) -> tuple[Term, ...]:
        """Return every term of the rule: ``any``, then ``all``, then ``none``."""
        return (*self.any, *self.all, *self.none)

    def to_dict(self) -> dict[str, object]:
        """Return the rule as JSON-ready values, in the file's vocabulary."""
        regex = [t.value for t in self.any if t.kind is TermKind.REGEX]
        return {
            "name": self.name,
            "label": self.label,
            "any": [str(t) for t in self.any if t.kind is not TermKind.REGEX],
            "all": [str(t) for t in self.all],
            "not": [str(t) for t in self.none],
            "regex": regex,
        }


@dataclass(frozen=True)
class RuleSet:
    """Rules in the order they apply, and the file they were read from (the files, ``+`` between them, for the
    rules of several joined: :meth:`joined`, ``+``; each rule then names its own file, :attr:`Rule.source`)."""

    rules: tuple[Rule, ...]
    source: str = "<rules>"

    def __post_init__(self) -> None:
        """Refuse two rules of one name, or a name holding ``|``, as a rules file's reader does (``rule_names``,
        ``rules test`` and the report tell rules apart by name, ``|`` between them: two of one name would be
        counted as one, and ``a|b`` as two)."""
        first: dict[str, int] = {}
        problems = []
        for k, rule in enumerate(self.rules):
            if not isinstance(rule, Rule):
                continue
            if first.setdefault(rule.name, k) != k:
                other = self.rules[first[rule.name]]
                by = f"rule {first[rule.name] + 1}"
                if self._file(other) != self._file(rule):  # rules of two files joined: both named, with their lines
                    by = self._position(first[rule.name])
                problems.append(f"{self._position(k)}: the name is used by {by} too; names must be unique: rename one")
            elif "|" in rule.name:
                problems.append(
                    f"{self._position(k)}: the name may not contain '|' (it separates rule names in the output)"
                )
        if problems:
            raise RulesError("\n".join(problems))

    def __len__(self) -> int:
        return len(self.rules)

    def __add__(self, other: RuleSet) -> RuleSet:
        """Return these rules, then *other*'s (:meth:`joined`)."""
        if not isinstance(other, RuleSet):
            return NotImplemented
        return RuleSet.joined([self, other])

    @classmethod
    def joined(cls, sets: Sequence[RuleSet]) -> RuleSet:
        """Return the rules of *sets* as one rule set, applied in the order given (each set's rules in their order),
        each rule naming the file it came from (:attr:`Rule.source`); its :attr:`source` names the files, ``+``
        between them. A name used in two sets is refused (:class:`~taikai.errors.RulesError` naming both rules'
        files and lines): ``rule_names`` and ``rules test`` tell rules apart by name."""
        if isinstance(sets, RuleSet) or not all(isinstance(s, RuleSet) for s in sets):
            raise wrong_type("sets", sets, "a list of RuleSets (taikai.load_rules)")
        if len(sets) == 1:
            return sets[0]
        rules = tuple(replace(r, source=s._file(r)) for s in sets for r in s.rules)
        return cls(rules, " + ".join(dict.fromkeys(s.source for s in sets)))

    @property
    def sources(self) -> tuple[str, ...]:
        """Return the files the rules came from, in the order they apply (one for the rules of one file)."""
        return tuple(dict.fromkeys(self._file(r) for r in self.rules)) or (self.source,)

    def _file(self, rule: Rule) -> str:
        return rule.source if rule.source is not None else self.source

    def __repr__(self) -> str:
        """Return the count of rules, their file and labels on one line (a notebook shows them as a table)."""
        return f"RuleSet({len(self.rules)} rule(s) from {self.source!r}; labels {label_list(self.labels) or '-'})"

    def _repr_markdown_(self) -> str:
        """Return the rules as a Markdown table, in the file's vocabulary, for a notebook."""
        lines = [f"{len(self.rules)} rule(s) from `{self.source}`", "", "| rule | label | any | all | not | regex |"]
        lines.append("|---|---|---|---|---|---|")
        for rule in self.rules:
            terms = [[str(t) for t in rule.any if t.kind is not TermKind.REGEX], rule.all, rule.none]
            regex = [t.value for t in rule.any if t.kind is TermKind.REGEX]
            cells = [rule.name, rule.label, *(", ".join(map(str, found)) for found in (*terms, regex))]
            lines.append("| " + " | ".join(map(markdown_cell, cells)) + " |")
        return notebook_markdown("\n".join(lines))  # a regex's (?<!…) shown, not taken for a tag

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the distinct labels of the rules, in rule order."""
        return tuple(dict.fromkeys(r.label for r in self.rules))

    def digest(self, names: Sequence[str] | None = None, *, as_written: bool = False) -> str:
        """Return a sha256 of what the rules match and say, not of comments, layout or forms that normalisation
        makes one (``～円``, ``〜円``: :mod:`~taikai.rules._meaning`); with *names* (one per rule), of the rules
        under those names (``""``: unnamed); *as_written*, of terms as written (as taikai before 2026-12-06)."""
        from taikai.rules._meaning import digest_of

        return digest_of(self.rules, names, REGEX_FLAGS, as_written=as_written)

    def where(self, rule: Rule) -> str:
        """Return ``FILE:LINE: rule 'NAME'``, naming *rule* (a :class:`Rule` of :attr:`rules`) in messages; raise
        :class:`TypeError` for anything else, a rule's name saying which of :attr:`rules` it is."""
        if not isinstance(rule, Rule):
            raise self._not_rule(rule)
        line = f":{rule.line}" if rule.line is not None else ""
        return f"{self._file(rule)}{line}: rule {rule.name!r}"

    def _position(self, k: int) -> str:
        """Return :meth:`where` of the rule at index *k* of :attr:`rules`, with its place among them, as every
        problem of a rules file names a rule: ``FILE:LINE: rule 'NAME' (rule K of the file)``, K 1-based (``of the
        rules`` for rules not read from a file, whose rules have no line)."""
        rule = self.rules[k]
        place = sum(self._file(r) == self._file(rule) for r in self.rules[:k]) + 1  # its place in its own file
        return f"{self.where(rule)} (rule {place} of the {'rules' if rule.line is None else 'file'})"

    def _not_rule(self, value: object) -> TypeError:
        """Return the error of :meth:`where` given *value*, not a rule: a name of one of :attr:`rules` is said to
        be that rule's (``rules.rules[2]``), any other value is told the names there are."""
        given = str(wrong_type("rule", value, "a Rule of these rules (one of rules.rules)"))
        positions = [i for i, r in enumerate(self.rules) if isinstance(value, str) and r.name == rule_name(value)]
        if positions:
            return TypeError(f"{given}: the rule of that name is rules.rules[{positions[0]}]")
        names = cut_list([repr(r.name) for r in self.rules], 10)
        return TypeError(f"{given}; {f'they are named {names}' if names else 'there are none'}")

    def for_labels(self, labels: Sequence[str]) -> RuleSet:
        """Return these rules with their labels read as the model whose reasons are *labels* reads labels: for a
        model of the taxonomy's reasons, a Japanese display name or an id in any case is its id (``その他`` is
        ``other``); for a model with labels of its own (:func:`taikai.labels.own_labels`), each label stays as
        written (``その他`` is ``その他``). Rules whose labels read so already are returned as they are."""
        check_reason_labels(labels)
        labelled = tuple(replace(r, label=rule_label(r.label, labels)) for r in self.rules)
        return self if labelled == self.rules else replace(self, rules=labelled)

    def check_labels(self, labels: Sequence[str]) -> None:
        """Raise :class:`~taikai.errors.UnknownRuleLabelError` naming every rule whose label, read as
        :meth:`for_labels` reads it, is not one of *labels* (the model's reasons)."""
        check_reason_labels(labels)
        rules = self.for_labels(labels).rules
        problems = [
            unknown_label(self._position(k), rule.label, labels)
            for k, rule in enumerate(rules)
            if rule.label not in labels
        ]
        if problems:
            raise unknown_labels_error("\n".join(problems), labels)


def rule_name(written: str) -> str:
    """Return the name a rule's *written* name is read as, as texts are read (NFKC: ``ｆｅｅ`` and ``ﾃｽﾄ`` are
    ``fee`` and ``テスト``; whitespace collapsed and stripped), so that two names a reader takes for one are one."""
    return " ".join(unicodedata.normalize("NFKC", written).split())


REASON_LABELS = "a list of reason ids (model.reason_labels)"
"""What the ``labels`` of a rules function are: the reasons of the model the rules are for."""


def check_reason_labels(labels: object, *, none: bool = False) -> None:
    """Raise ``TypeError`` naming argument ``labels`` unless it is a list or tuple of str (or ``None``, when *none*):
    a str's letters, or a label that is not text (``1.0`` of a column of numbers), are no model's reasons."""
    accepted = f"{REASON_LABELS} or None" if none else REASON_LABELS
    if labels is None and none:
        return
    if isinstance(labels, str) or not isinstance(labels, Sequence):
        raise wrong_type("labels", labels, accepted)
    odd = [label for label in labels if not isinstance(label, str)]
    if odd:
        raise TypeError(f"{wrong_type('labels', labels, accepted)}: {odd[0]!r} is no reason id; give them as str")


def rule_label(written: str, labels: Sequence[str] | None) -> str:
    """Return the label a rule's *written* label (NFKC-normalised, stripped) names for a model whose reasons are
    *labels*: as written for labels of one's own or when no model is known (``None``), else the taxonomy id."""
    return written if labels is None or own_labels(labels) else reason_id(written)
