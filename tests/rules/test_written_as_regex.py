"""A term written as a regular expression without ``regex:`` (``手数料|利用料`` as KH Coder writes "or", ``\\d+円``):
refused with what to write, since matched as written it would never fire."""

import re

import pytest

from taikai.errors import RulesError
from taikai.rules import compile_rules, parse_rules

RULE = "[[rule]]\nname = 'r1'\nlabel = 'fees'\n"


@pytest.mark.parametrize(
    ("term", "said", "fires_on"),
    [
        # regression: each was taken as a surface term, searched for as written, and the rule silently never fired
        ("手数料|利用料", "holds |, which a term matches as written, not as 'or'", "利用料が高い"),
        ("手数料 ｜ 利用料", "write each as its own term, '手数料', '利用料'", "利用料が高い"),
        ("(手数料|利用料)が高", "write the regular expression 'regex:(手数料|利用料)が高'", "利用料が高い"),
        ("lemma:引く|取る", "write each as its own term, 'lemma:引く', 'lemma:取る'", "手数料を取られた"),
        ("手数料.*高い", "holds .*, which a term without a prefix matches as written", "手数料がとても高い"),
        (r"\d+円", r"holds \d, which a term without a prefix", "月300円"),
        ("手数料.{0,5}高", "holds .{", "手数料が少し高い"),
    ],
)
def test_a_term_written_as_a_regular_expression_is_refused_and_its_advice_fires(term, said, fires_on):
    with pytest.raises(RulesError) as caught:
        parse_rules(RULE + f"any = ['{term}']\n", "rules.toml")
    message = str(caught.value)
    assert message.startswith("rules.toml:1: rule 'r1' (rule 1 of the file): any: the term ") and said in message
    advised = re.findall(r"'([^']+)'", message.split(": write ", 1)[1])
    rules = parse_rules(RULE + "any = [" + ", ".join(f"'{a}'" for a in advised) + "]\n", "rules.toml")
    assert compile_rules(rules).match(fires_on).names == ("r1",)


@pytest.mark.parametrize("term", ["手数料?", "(笑)", "顔文字(^^)", "本当に...?", "^^;", "regex:手数料|利用料"])
def test_text_that_reviews_hold_is_kept_as_a_term(term):
    assert [str(t) for t in parse_rules(RULE + f"any = ['{term}']\n").rules[0].any] == [term]
