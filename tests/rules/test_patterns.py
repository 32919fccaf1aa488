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


@pytest.mark.parametrize(
    "pattern",
    [
        "(a|aa){2,10}",  # a group repeated up to 10 times is checked
        "手数料(?:x(a+)+)?",  # inside a group repeated once at most
        "手数料((a+)+)",  # inside a capturing group
        "x(?=(a+)+y)",  # inside a look-ahead
        "x(?!(a+)+y)",
        "手数料|(a+)+",  # in one branch of several
        "(.+?)+?ん$",  # lazy repeats
        "(a+?)+x",
        "(?:[a1]|a1)+x",  # a class's second character spells another branch: a1 is one repeat or two
    ],
)
def test_a_repeated_group_is_found_wherever_it_stands(pattern):
    with pytest.raises(RulesError, match=f"{re.escape(repr(pattern))} repeats a group .* exponential time"):
        parse_rules(_rules(pattern), "rules.toml")


@pytest.mark.parametrize(
    "pattern",
    [
        "(a|aa){1,9}",  # fewer than 10 repeats: not checked
        "手数料(が?)+高い",  # a group matching the empty text: an empty repeat ends the repeats, one way only
        "y(x?)+z",
    ],
)
def test_a_repeated_group_that_cannot_take_exponential_time_is_kept(pattern):
    rules = parse_rules(_rules(pattern), "rules.toml")
    assert rules.rules[0].any[-1] == Term(TermKind.REGEX, pattern)
