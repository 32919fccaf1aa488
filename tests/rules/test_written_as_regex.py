"""A term written as a regular expression without ``regex:`` (``手数料|利用料`` as KH Coder writes "or", ``\\d+円``):
refused with what to write, since matched as written it would never fire."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import compile_rules, parse_rules
from taikai.rules._shown import quoted

RULE = "[[rule]]\nname = 'r1'\nlabel = 'fees'\n"


@pytest.mark.parametrize(
    ("term", "said", "fires_on"),
    [
        # regression: each was taken as a surface term, searched for as written, and the rule silently never fired
        ("手数料|利用料", "holds |, which a term matches as written, not as 'or'", "利用料が高い"),
        ("手数料 ｜ 利用料", "write each as its own term, '手数料', '利用料'", "利用料が高い"),
        ("(手数料|利用料)が高", "write the regular expression 'regex:(手数料|利用料)が高'", "利用料が高い"),
        ("lemma:引く|取る", "write each as its own term, 'lemma:引く', 'lemma:取る'", "手数料を取られた"),
        # mutation audit: a lemma term's brackets make no regular expression of it: its pieces are terms
        ("lemma:手数料|(利用料)", "write each as its own term, 'lemma:手数料', 'lemma:(利用料)'", "手数料が高い"),
        ("手数料.*高い", "holds .*, which a term without a prefix matches as written", "手数料がとても高い"),
        (r"\d+円", r"holds \d, which a term without a prefix", "月300円"),
        ("手数料.{0,5}高", "holds .{", "手数料が少し高い"),
    ],
)
def test_a_term_written_as_a_regular_expression_is_refused_and_its_advice_fires(term, said, fires_on):
    with pytest.raises(RulesError) as caught:
        parse_rules(RULE + f"any = ['{term}']\n", "rules.toml")
    message = str(caught.value)
    assert message.startswith("rules.toml:4: rule 'r1' (rule 1 of the file): any: the term ") and said in message
    advised = re.findall(r"'([^']+)'", message.split(": write ", 1)[1])
    rules = parse_rules(RULE + "any = [" + ", ".join(f"'{a}'" for a in advised) + "]\n", "rules.toml")
    assert compile_rules(rules).match(fires_on).names == ("r1",)


@pytest.mark.parametrize("term", ["手数料?", "(笑)", "顔文字(^^)", "本当に...?", "^^;", "regex:手数料|利用料"])
def test_text_that_reviews_hold_is_kept_as_a_term(term):
    assert [str(t) for t in parse_rules(RULE + f"any = ['{term}']\n").rules[0].any] == [term]


@pytest.mark.parametrize(
    ("key", "term", "said", "advised_key", "fires_on", "left_out"),
    [
        # regression: KH Coder's & ("and") and ! ("not") were taken as text, and the rule silently never fired
        (
            "any",
            "手数料 & 高い",
            "holds &, which a term matches as written, not as 'and'",
            "all",
            "手数料が高い",
            "手数料",
        ),
        ("any", "手数料＆高い", "write a rule of its own with all = ['手数料', '高い']", "all", "高い手数料", "高い"),
        ("all", "lemma:引く&手数料", "write each as its own term of all", "all", "手数料を引かれた", "引かれた"),
        (
            "not",
            "妥当 & 手数料",
            "write the regular expression 'regex:^(?=.*妥当)(?=.*手数料)'",
            "not",
            "妥当",
            "妥当な手数料",
        ),
        ("any", "!妥当", "starts with !, which a term matches as written, not as 'not'", "not", "", "妥当"),
        ("not", "！妥当", "write '妥当': not already leaves out", "not", "", "妥当"),
    ],
)
def test_kh_coder_operators_in_a_term_are_refused_and_the_advice_does_what_they_meant(
    key, term, said, advised_key, fires_on, left_out
):
    fires = "any = ['高い', '手数料', '妥当']\n" if key != "any" else ""
    with pytest.raises(RulesError) as caught:
        parse_rules(RULE + fires + f"{key} = ['{term}']\n", "rules.toml")
    message = str(caught.value)
    line = 4 if key == "any" else 5  # the term's own line
    assert (
        message.startswith(f"rules.toml:{line}: rule 'r1' (rule 1 of the file): {key}: the term ") and said in message
    )
    advice = message.split(": write ", 1)[1]
    advised = re.findall(r"'([^']+)'", advice.split(": not already", 1)[0].split(" (", 1)[0])
    written = "[" + ", ".join(f"'{a}'" for a in advised) + "]"
    rules = compile_rules(parse_rules(RULE + "any = ['高い', '手数料', '妥当']\n" + f"{advised_key} = {written}\n"))
    if fires_on:
        assert rules.match(fires_on).names == ("r1",)
    if left_out:
        assert rules.match(left_out).names == ()


@pytest.mark.parametrize("term", ["q&a", "Q & A", "すごい!", "!!", "!?", "手数料!"])
def test_ampersands_and_exclamations_that_reviews_hold_are_kept_as_terms(term):
    assert [str(t) for t in parse_rules(RULE + f"any = ['{term}']\n").rules[0].any] == [term]


@pytest.mark.parametrize(
    ("key", "term", "said"),
    [  # regression: 手数料 高い was silently a phrase, in none of data/reviews.csv's 8,536 texts (76 hold both words)
        ("any", "手数料　高い", "write a rule of its own with all = ['手数料', '高い']"),
        ("any", "手数料 高い", "write a rule of its own with all = ['手数料', '高い']"),
        ("all", "手数料 高い", "write each as its own term of all, '手数料', '高い'"),
        ("not", "手数料 高い", "write the regular expression 'regex:^(?=.*手数料)(?=.*高い)'"),
        ("any", "too high", None),  # a Latin phrase is text
        ("any", "regex:手数料 高い", None),  # the phrase, deliberately
    ],
)
def test_a_space_between_japanese_words_is_no_and(key, term, said):
    more = "" if key == "any" else "any = ['x']\n"
    text = f"[[rule]]\nname = 'r'\nlabel = 'fees'\n{more}{key} = ['{term}']\n"
    if said is None:
        assert parse_rules(text, "rules.toml").rules
        return
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "rules.toml")
    assert said in str(caught.value) and "or, for the phrase with its space, 'regex:手数料 高い'" in str(caught.value)


@pytest.mark.parametrize(
    ("key", "term", "said"),
    [  # regression: lemma:手数料 高い was read as lemma:手数料高い (the words in a row), silently
        ("any", "lemma:手数料 高い", "write a rule of its own with all = ['lemma:手数料', 'lemma:高い']"),
        ("any", "lemma:手数料　高い", "write a rule of its own with all = ['lemma:手数料', 'lemma:高い']"),
        ("all", "lemma:引く 高い 安い", "write each as its own term of all, 'lemma:引く', 'lemma:高い', 'lemma:安い'"),
        ("not", "lemma:手数料 高い", "write the regular expression 'regex:^(?=.*手数料)(?=.*高い)' (it finds the"),
        ("any", "lemma:pay fee", None),  # Latin words: the space separates them
        ("any", "lemma:手数料高い", None),  # the words in a row, deliberately
    ],
)
def test_a_space_between_japanese_words_of_a_lemma_term_is_refused(key, term, said):
    more = "" if key == "any" else "any = ['x']\n"
    text = f"[[rule]]\nname = 'r'\nlabel = 'fees'\n{more}{key} = ['{term}']\n"
    if said is None:
        assert parse_rules(text, "rules.toml").rules
        return
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "rules.toml")
    message = str(caught.value)
    where = f"rules.toml:{4 if key == 'any' else 5}: rule 'r' (rule 1 of the file)"  # the term's own line
    assert message.startswith(f"{where}: {key}: the term {quoted(term)} holds a space")
    joined = "'lemma:" + "".join(term[len("lemma:") :].split()) + "'"
    assert said in message and message.endswith(f"or, for the words in a row, {joined}")


def test_a_lemma_term_holding_a_bar_is_offered_its_terms_only():
    """Mutation audit: a dictionary-form term is offered no regular expression (regex: matches the text as written)."""
    with pytest.raises(RulesError) as caught:
        parse_rules(RULE + "any = ['lemma:引く|取る']\n", "rules.toml")
    assert str(caught.value).endswith(": write each as its own term, 'lemma:引く', 'lemma:取る'")
