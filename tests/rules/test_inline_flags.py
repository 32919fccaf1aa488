"""Inline flags in a rule's pattern: (?x) layout and comments match nothing, and (?-i) is refused with the fix."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import compile_rules, parse_rules
from taikai.rules._inline_flags import pattern_text
from taikai.text import normalize


def _rule(pattern: str) -> str:
    return f"[[rule]]\nname = 'r'\nlabel = 'fees'\nregex = ['''{pattern}''']\n"


@pytest.mark.parametrize(
    ("pattern", "fires_on"),
    [  # regression: each was refused for what its comment said (a URL, a long run), read as text to match
        ("(?x)手数料 # see www.example.jp", "手数料が高い"),
        ("(?x)手数料 # ーーーーー", "手数料が高い"),
        ("(?x)手数料 # https://example.jp", "手数料が高い"),
        ("手数料(?#ーーーーー)", "手数料が高い"),
        ("(?x) 手数料 \\s* 高い  # 手数料 and 高い", "手数料 高い"),
        ("(?x)手数料 # ２割", "手数料"),  # a full-width character in a comment asks for nothing
        ("(?x)[ #]手数料", "# 手数料"),  # in a class, a space and # are characters
    ],
)
def test_a_verbose_pattern_s_layout_and_comments_are_not_read_as_text(pattern, fires_on):
    rules = parse_rules(_rule(pattern), "rules.toml")
    assert compile_rules(rules).match(normalize(fires_on)).names == ("r",)


@pytest.mark.parametrize(
    ("pattern", "said"),
    [  # what the pattern asks for outside its comments is still checked
        ("(?x) ー ー ー ー ー  # a long bar", "asks for a run of one character longer than three"),
        ("(?x)https?://\\S+  # a link", "matches a URL"),
        ("(?x) ｆｅｅ  # ２", "where ｅ → e, ｆ → f has been replaced: write '(?x) fee  # ２'"),
    ],
)
def test_what_a_verbose_pattern_asks_for_is_still_checked(pattern, said):
    with pytest.raises(RulesError, match=re.escape(said)):
        parse_rules(_rule(pattern), "rules.toml")


@pytest.mark.parametrize(
    ("pattern", "fixed"),
    [  # regression: each was accepted and never fired, rules matching lower-cased text
        ("(?-i:FEE)", "(?:FEE)"),
        ("(?s-i:Fee)", "(?s:Fee)"),
        ("手数料|(?-ix:FEE)", "手数料|(?-x:FEE)"),
        ("(?-i:fee)", "(?:fee)"),  # changes nothing: refused as well, with the same fix
    ],
)
def test_turning_off_ignoring_case_is_refused_and_the_fix_fires(pattern, fixed):
    with pytest.raises(RulesError) as caught:
        parse_rules(_rule(pattern), "rules.toml")
    message = str(caught.value)
    assert message.startswith("rules.toml:4: rule 'r' (rule 1 of the file): regex: the regular expression ")
    assert "turns off ignoring case (-i)" in message and message.endswith(f"write '{fixed}'")
    assert compile_rules(parse_rules(_rule(fixed))).match(normalize("FEE")).names == ("r",)


@pytest.mark.parametrize(
    ("pattern", "read"),
    [
        ("(?x) a b  # c\n d", "(?x)abd"),
        ("(?x)a\\ b[ #]c", "(?x)a\\ b[ #]c"),
        ("(?x)[]# ]a # b", "(?x)[]# ]a"),
        ("a (?#c) b", "a  b"),  # not verbose: spaces are text
        # regression: a group's own flags were not read, (?x:…) kept its layout and (?-x:…) lost its spaces
        ("(?x:a b)c d", "(?x:ab)c d"),
        ("(?x)a (?-x:b c) d", "(?x)a(?-x:b c)d"),
        ("(?x:(a b) c) d e", "(?x:(ab)c) d e"),  # a group within keeps the flags of the one around it
        ("(?i-x:a b)", "(?i-x:a b)"),
        ("\\( a (?x: b )", "\\( a (?x:b)"),
        ("(?x)[(] a", "(?x)[(]a"),  # a ( in a class opens no group
        ("(?x)[^] ]a b", "(?x)[^] ]ab"),  # mutation audit: a ] first in a negated class is a character of it
    ],
)
def test_pattern_text_leaves_out_what_matches_nothing(pattern, read):
    assert pattern_text(pattern, re.IGNORECASE) == read


@pytest.mark.parametrize(
    ("pattern", "said"),
    [  # regression: (?x:…) was read with its spaces (accepted, never firing), (?-x:…) without (refused, or the fix
        # dropped a space that is text)
        ("(?x)(?-x:ーー ーー)", None),
        ("(?x:ーー ーー)", "write '(?x:ーーー)'"),
        ("(?x)手数料(?-x: ーーーー)", "write '(?x)手数料(?-x: ーーー)'"),
    ],
)
def test_a_group_s_own_verbose_flag_is_read_as_re_reads_it(pattern, said):
    if said is None:
        assert compile_rules(parse_rules(_rule(pattern))).match(normalize("ーー ーー")).names == ("r",)
    else:
        with pytest.raises(RulesError, match="asks for a run of one character longer than three") as caught:
            parse_rules(_rule(pattern), "rules.toml")
        assert str(caught.value).endswith(said)
