"""A class is one character: the characters inside it are no run (``[ーーーー]`` asks for one ー), while a class of one
character repeated, as a piece or by its bounds, is a run of that character like any other."""

import pytest

from taikai.errors import RulesError
from taikai.rules import parse_rules
from taikai.rules._runs import cut_runs


def _regex_rule(pattern: str) -> str:
    return f"[[rule]]\nname = 'r'\nlabel = 'fees'\nregex = ['''{pattern}''']\n"


@pytest.mark.parametrize(
    "pattern",
    [  # regression: '[ーーーー]' was refused as a run of ー with the fix '[ーーー]', which asks for the same one ー
        "[ーーーー]",
        "すご[ーーーーー]い",
        "[ーあ!!!!]",
        r"[\u30fcーーー]",
        "手[^ーーーー]料",  # a negated class: any character but ー
        "[]ーーーー]",  # a ] first in a class is one of its characters
        r"[\]ーーーー]",
        "[ー][ー][ー]",  # three of ー: no run
        "[ーあ][ーあ][ーあ][ーあ]",  # one of two characters each: no run known
    ],
)
def test_a_class_is_one_character(pattern):
    assert cut_runs(pattern).fixed == pattern
    assert parse_rules(_regex_rule(pattern)).rules[0].any[0].value == pattern


@pytest.mark.parametrize(
    ("pattern", "fix"),
    [  # a class of one character is that character: four of it in a row are a run
        ("[ー][ー][ー][ー]", "[ー][ー][ー]"),
        ("[ーー]{5}", "[ーー]{3}"),
        ("[ー]ーーー", "[ー]ーー"),
        ("[ーーーー]ーーーー", "[ーーーー]ーー"),  # the run after the class is still one
    ],
)
def test_a_class_of_one_character_repeated_is_a_run(pattern, fix):
    with pytest.raises(RulesError, match="asks for a run of one character longer than three") as caught:
        parse_rules(_regex_rule(pattern))
    assert str(caught.value).endswith(f"write '{fix}'")
