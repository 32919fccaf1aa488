"""Regular expressions refused when they fire on every text or can take exponential time (taikai.rules._patterns)."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import Term, TermKind, parse_rules

RULE = '[[rule]]\nname = "r1"\nlabel = "fees"\nany = ["手数料"]\n'


def _rules(pattern: str) -> str:
    return RULE + f"regex = ['{pattern}']\n"


@pytest.mark.parametrize(
    "pattern",
    [
        # regression: an atomic group (?>…) holds its items itself, not last as the other groups do: reading one
        # stopped the rules file with a TypeError traceback
        "(?>a+)x",
        "(?>手数料|利用料)が高い",
        "((?>a|aa))+x",  # an atomic group cannot match aa as a+a: one way only
    ],
)
def test_a_pattern_with_an_atomic_group_is_read(pattern):
    rules = parse_rules(_rules(pattern), "rules.toml")
    assert rules.rules[0].any[-1] == Term(TermKind.REGEX, pattern)


@pytest.mark.parametrize("pattern", ["x(?>(a+)+y)", "(?>a|(b+)+)c"])
def test_a_repeated_group_inside_an_atomic_group_is_refused(pattern):
    with pytest.raises(RulesError, match=f"{re.escape(repr(pattern))} repeats a group .* exponential time"):
        parse_rules(_rules(pattern), "rules.toml")
