"""RuleSet.where: a rule named in messages, and a value that is no rule of the set refused with what to give."""

import pytest

from taikai.rules import RuleSet, parse_rules

RULES = """
[[rule]]
name = "fee words"
label = "fees"
any = ["手数料"]

[[rule]]
name = "no time"
label = "time"
any = ["時間"]
"""


def test_where_names_a_rule_at_its_line():
    rules = parse_rules(RULES, "rules.toml")
    assert rules.where(rules.rules[1]) == "rules.toml:7: rule 'no time'"


@pytest.mark.parametrize(
    ("rules", "value", "said"),
    [
        # a rule's name: which of rules.rules is that rule (and that advice works: see below)
        (RULES, "no time", "not str 'no time': the rule of that name is rules.rules[1]"),
        (RULES, "fee words", "not str 'fee words': the rule of that name is rules.rules[0]"),
        # anything else: the names there are
        (RULES, "fees", "not str 'fees'; they are named 'fee words', 'no time'"),
        (RULES, 0, "not int 0; they are named 'fee words', 'no time'"),
        (RULES, None, "not None; they are named 'fee words', 'no time'"),
        ("", "fee words", "not str 'fee words'; there are none"),
    ],
)
def test_where_refuses_what_is_no_rule_with_a_type_error(rules, value, said):
    ruleset = parse_rules(rules, "rules.toml") if rules else RuleSet(())
    with pytest.raises(TypeError, match=r"^rule must be a Rule of these rules \(one of rules\.rules\), ") as caught:
        ruleset.where(value)
    assert str(caught.value).endswith(said)
    if "rules.rules[" in said:  # the advice, followed
        position = int(said.rsplit("[", 1)[1].rstrip("]"))
        assert ruleset.where(ruleset.rules[position]).endswith(f"rule {value!r}")
