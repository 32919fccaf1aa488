"""A rule's regular expression matches CP932's look-alikes as a surface term does (taikai.rules._look_alikes)."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import parse_rules
from taikai.rules._look_alikes import regex_pattern
from taikai.rules._shown import quoted


@pytest.mark.parametrize(
    ("pattern", "matched_as"),
    [
        (r"\d+〜\d+円", r"\d+[~〜]\d+円"),
        (r"\d+~\d+円", r"\d+[~〜]\d+円"),  # whichever is written: one pattern
        (r"\u301c", "[~〜]"),  # written by its code
        ("[〜・]", "[〜~・]"),  # in a class: its look-alike added
        ("[~〜]", "[~〜]"),  # both there already
        ("[^〜]", "[^〜~]"),  # a negated class leaves out both
        ("[a-]", r"[a\-−]"),  # a class's own hyphen is escaped: no range a..−
        (r"\d+-\d+", r"\d+[\-−]\d+"),
        ("(?-x:a-b)", r"(?-x:a[\-−]b)"),  # a flags group's - is none to match
        ("[!-~]", "[!-~]"),  # a range's bound is kept as written
        ("手数料‖", "手数料[‖∥]"),
        ("手数料―", "手数料[—―]"),
        ("手数料", "手数料"),  # nothing to add
    ],
)
def test_a_look_alike_in_a_pattern_matches_either_form(pattern, matched_as):
    assert regex_pattern(pattern) == matched_as


@pytest.mark.parametrize("pattern", ["(〜|~)+円", "(?:−|-)+x"])
def test_alternatives_that_become_one_character_are_refused_as_exponential(pattern):
    # regression: (〜|~)+ was kept, then matched as ([~〜]|[~〜])+, which backtracks 2**n ways on a run of waves
    rules = "[[rule]]\nname = 'r'\nlabel = 'fees'\nregex = ['" + pattern + "']\n"
    with pytest.raises(RulesError, match=f"{re.escape(quoted(pattern))} is matched as .* exponential time"):
        parse_rules(rules, "rules.toml")
