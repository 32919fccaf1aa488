"""A regular expression's characters that NFKC replaces are read from Python's parse of it, not from its text:
which ``-`` makes a range, what an escape writes, a class in a look-behind."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import compile_rules, parse_rules
from taikai.rules._nfkc_pattern import replaced, rewritten
from taikai.text import normalize

CASES = [  # pattern, the characters it asks for that NFKC replaces, what to write instead (None: accepted)
    # a literal hyphen: the full-width character after it is asked for, not a range's bound
    (r"[a\-（]", ["（"], r"[a\-\(]"),
    ("[-（]", ["（"], r"[-\(]"),
    ("[（-]", ["（"], r"[\(-]"),
    ("a-（笑", ["（"], r"a-\(笑"),  # a hyphen outside a class makes no range
    ("(?<=料-)（笑", ["（"], r"(?<=料-)\(笑"),
    ("(?<=[-（])笑", ["（"], r"(?<=[-\(])笑"),  # a class inside a look-behind
    ("[^-ｘ]円", ["ｘ"], r"[^-x]円"),
    # a real range holding characters NFKC keeps: kept as written, however its bounds are written
    (r"[\]-（]", [], None),
    (r"[\x41-（]", [], None),
    ("[\u3000-\u9fff]手数料", [], None),
    (r"[\u3000-\u9fff]手数料", [], None),
    (r"[\u3041-\u3096]+です", [], None),
    # escapes ask for their characters: a range of replaced characters only never matches the normalised text
    (r"[\uFF10-\uFF19]割", ["０", "９"], "[0-9]割"),
    (r"\uFF08笑\uFF09", ["（", "）"], r"\(笑\)"),
    (r"[\N{FULLWIDTH DIGIT ONE}]割", ["１"], "[1]割"),
    (r"\x41\uFF21", ["Ａ"], r"\x41A"),
    ("[０-９]割", ["０", "９"], "[0-9]割"),
    ("[（-）]", ["（", "）"], r"[\(-\)]"),
    ("(?P<名前>手数料)", [], None),  # a group's name is no text asked for
    # mutation audit: a negated class of one character (parsed as NOT_LITERAL), an 8-digit escape, a group's name
    # written in a character the pattern also asks for (the name is kept: it is no text)
    ("手数料[^２]", ["２"], "手数料[^2]"),
    (r"\U0000FF10割", ["０"], "0割"),
    ("(?P<ｆ>ｆ)", ["ｆ"], "(?P<ｆ>f)"),
    # mutation audit: a full-width hyphen in a class is written escaped (not a range), a range is left out only when
    # the rest of its class matches every character of it, a range whose replaced characters come first holds kept
    # ones further on
    ("[a－z]", ["－"], r"[a\-−z]"),  # － is CP932's −: the rewrite matches both (see LOOK_ALIKE_CASES)
    ("[0０-９]割", ["０", "９"], "[00-9]割"),
    ("[2０-２]", ["０", "２"], "[20-2]"),
    (r"[\uFF10-\uFFFF]", [], None),
    # regression: a class holding both widths was told to write the character twice ([22]割, [0-90-9]+円): a
    # member whose normalised characters the rest of its class matches is left out
    ("[2２]割", ["２"], "[2]割"),
    ("[２2]割[（(]", ["（", "２"], "[2]割[(]"),
    ("[0-9０-９]+円", ["０", "９"], "[0-9]+円"),
    ("[ｱア]プリ", ["ｱ"], "[ア]プリ"),
    ("[2２３]割", ["２", "３"], "[23]割"),
    ("[^2２]割", ["２"], "[^22]割"),  # a negated class: what the rest leaves out is not what it matches
    ("[２x]割", ["２"], "[2x]割"),
    # regression: alternatives of both widths were told to be written twice, (?:2|2)+割, which is then refused as a
    # group matching one text two ways: each alternative is written once
    ("(?:２|2)+割", ["２"], "(?:2)+割"),
    ("(?:ｱ|ア|イ)プリ", ["ｱ"], "(?:ア|イ)プリ"),
    ("(２|2|x)割", ["２"], "(2|x)割"),
    (r"\(２|2\)割", ["２"], r"\(2|2\)割"),  # no group: two alternatives, \(2 and 2\)割
    # regression: half-width katakana with a voiced mark was rewritten a character at a time, ｶﾞ → カ and a
    # combining ゙, which the normalised text never holds (NFKC composes them: ガ): the pair is written as one
    ("ｶﾞｲﾄﾞ", ["ｲ", "ｶ", "ﾄ", "ﾞ"], "ガイド"),
    ("ﾃﾞｰﾀ入力|ﾀﾞﾒ", ["ｰ", "ﾀ", "ﾃ", "ﾒ", "ﾞ"], "データ入力|ダメ"),
    ("[ﾊﾟﾋﾟ]ｱﾉ", ["ｱ", "ﾉ", "ﾊ", "ﾋ", "ﾟ"], "[パピ]アノ"),
    (r"\uFF76\uFF9E", ["ｶ", "ﾞ"], "ガ"),
]


@pytest.mark.parametrize(("pattern", "asked", "advice"), CASES)
def test_the_characters_a_pattern_asks_for_come_from_its_parse(pattern, asked, advice):
    assert replaced(pattern, re.IGNORECASE) == asked
    assert rewritten(pattern, re.IGNORECASE) == (advice if asked else pattern)


@pytest.mark.parametrize(("pattern", "asked", "advice"), CASES)
def test_a_rules_file_refuses_what_normalisation_replaces_with_a_rewrite_it_accepts(pattern, asked, advice):
    def said(written: str) -> str:
        try:
            parse_rules(f"[[rule]]\nname = 'r'\nlabel = 'fees'\nregex = ['''{written}''']\n", "rules.toml")
        except RulesError as exc:
            return str(exc)
        return ""

    if advice is None or set(asked) <= {"～", "－"}:  # CP932's alone: read as the pair (test_cp932_forms)
        assert said(pattern) == ""
    else:
        assert f"has been replaced: write '{advice}'" in said(pattern)
        assert said(advice) == ""


LOOK_ALIKE_CASES = [  # CP932's ～ and － (a Windows IME, a CP932 file) and what a phone writes for them, 〜 and −
    ("1～3円", "1[~〜]3円", ["1〜3円", "1～3円", "1~3円"]),
    ("ｱ－ｲ", r"ア[\-−]イ", ["ア−イ", "ｱ－ｲ"]),
    ("[～－]", r"[~〜\-−]", ["〜", "～", "−", "－"]),
    ("[～〜]円", "[~〜]円", ["〜円", "～円"]),  # the class has 〜 already: written once
]


@pytest.mark.parametrize(("pattern", "advice", "texts"), LOOK_ALIKE_CASES)
def test_the_rewrite_of_a_cp932_look_alike_finds_both_forms(pattern, advice, texts):
    """regression: 1～3円 was told to write 1~3円, which never fires on the 〜 a phone or a Mac writes (NFKC keeps
    it). A pattern whose only such characters are CP932's is read as this rewrite (test_cp932_forms); one holding
    another (ｱ) is refused with it."""
    assert rewritten(pattern, re.IGNORECASE) == advice
    assert all(re.search(advice, normalize(text)) for text in texts)
    rules = f"[[rule]]\nname = 'r'\nlabel = 'fees'\nregex = ['{pattern}']\n"
    if set(pattern) & {"～", "－"} == set(replaced(pattern, re.IGNORECASE)):
        assert all(compile_rules(parse_rules(rules)).match(normalize(text)) for text in texts)
        return
    with pytest.raises(RulesError) as caught:
        parse_rules(rules, "rules.toml")
    assert f"write '{advice}', which also matches " in str(caught.value)
    assert "as a phone or a Mac writes" in str(caught.value)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [("ｶﾞｲﾄﾞ", "ｶﾞｲﾄﾞが不親切"), ("ﾃﾞｰﾀ入力|ﾀﾞﾒ", "ﾃﾞｰﾀ入力の案件"), ("[ﾊﾟﾋﾟ]ｱﾉ", "ﾋﾟｱﾉ教室"), ("ｶﾞｲﾄﾞ", "ガイドが不親切")],
)
def test_the_rewrite_of_half_width_katakana_finds_the_text_it_was_written_for(pattern, text):
    advice = rewritten(pattern, re.IGNORECASE)
    assert advice is not None
    assert re.search(advice, normalize(text), re.IGNORECASE)


def test_a_class_character_nfkc_makes_several_is_given_no_rewrite():
    """[㈱] would be [\\(株\\)], a class of three characters: no pattern is offered, the characters are said."""
    assert rewritten("[㈱]", re.IGNORECASE) is None
    with pytest.raises(RulesError, match=r"㈱ → \(株\) has been replaced: write it with those characters"):
        parse_rules("[[rule]]\nname = 'r'\nlabel = 'fees'\nregex = ['[㈱]']\n")
