"""Patterns and terms of a rules file as messages quote them: as written, ready to paste back into the file."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import parse_rules
from taikai.rules._shown import quoted

RULE = "[[rule]]\nname = 'r1'\nlabel = 'fees'\n"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (r"\d+", r"'\d+'"),  # repr doubled it: '\\d+'
        (r"(\S+\s?)+手数料", r"'(\S+\s?)+手数料'"),
        ("手数料", "'手数料'"),
        ("it's", "'''it's'''"),  # a single quote: a TOML multi-line literal string holds it
        ("end'", '"end\'"'),  # what no literal string can hold is quoted as Python does
        ("a\tb", "'a\\tb'"),
        ("", "''"),
    ],
)
def test_a_value_is_quoted_as_written(value, shown):
    assert quoted(value) == shown


@pytest.mark.parametrize(
    ("entry", "said", "advice"),
    [
        ("regex = ['\\d{5,}円']", "the regular expression '\\d{5,}円' asks for at least 5 digits", None),
        ("regex = ['(\\S+\\s?)+手数料']", "the regular expression '(\\S+\\s?)+手数料' repeats a group", None),
        ("regex = ['\\d+(']", "bad regular expression '\\d+(':", None),
        ("regex = ['REGEX:\\d+円']", "'REGEX:\\d+円' starts with the prefix regex:", "write '\\d+円'"),
        ("any = ['REGEX:\\d+円']", "the term 'REGEX:\\d+円' starts with 'REGEX:'", "lower case: 'regex:\\d+円'"),
        ("regex = ['\\d+ーーーー']", "the regular expression '\\d+ーーーー' asks", "write '\\d+ーーー'"),
        ("regex = ['\\d+円&amp;']", "the regular expression '\\d+円&amp;' runs on normalised text", None),
    ],
)
def test_messages_quote_patterns_as_written_and_their_advice_works(entry, said, advice):
    with pytest.raises(RulesError) as caught:
        parse_rules(RULE + entry + "\n", "rules.toml")
    message = str(caught.value)
    assert said in message and "\\\\" not in message
    if advice is not None:  # the fix the message gives, pasted back into the file as it is quoted, is taken
        assert advice in message
        fix = re.search(r"'([^']*)'$", advice)
        assert fix is not None
        key = entry.split(" = ")[0]
        rules = parse_rules(RULE + f"{key} = ['{fix.group(1)}']\n", "rules.toml")
        written = fix.group(1) if key == "any" else f"regex:{fix.group(1)}"
        assert [str(term) for term in rules.rules[0].any] == [written]
