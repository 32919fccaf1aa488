"""A rule set as values (mutation audit of rules/_rule.py and rules/__init__.py): a rule in the file's vocabulary,
its labels, its Markdown and repr, the model's reasons a rule set is read against, and the columns rules add."""

import pytest

from taikai.rules import (
    MODEL_REASON,
    RULE_COLUMNS,
    Rule,
    RuleSet,
    Term,
    TermKind,
    parse_rules,
    read_rules,
    rule_columns,
)

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料", "lemma:引く"]
regex = ['利用料|手数料']
all = ["高い"]
not = ["妥当"]

[[rule]]
name = "fee again"
label = "fees"
any = ["振込料"]

[[rule]]
name = "time"
label = "time"
any = ["時間"]
"""


def test_a_rule_is_given_in_the_file_s_vocabulary():
    rule = parse_rules(RULES).rules[0]
    assert rule.to_dict() == {
        "name": "fee",
        "label": "fees",
        "any": ["手数料", "lemma:引く"],  # the regex patterns are any's too, and given under regex, as written
        "all": ["高い"],
        "not": ["妥当"],
        "regex": ["利用料|手数料"],
    }


def test_the_labels_are_each_said_once_in_rule_order():
    assert parse_rules(RULES).labels == ("fees", "time")


@pytest.mark.parametrize(
    ("rules", "shown"),
    [
        (RULES, "RuleSet(3 rule(s) from 'r.toml'; labels fees, time)"),
        (None, "RuleSet(0 rule(s) from 'r.toml'; labels -)"),
    ],
)
def test_the_repr_says_the_count_the_file_and_the_labels(rules, shown):
    ruleset = parse_rules(rules, "r.toml") if rules else RuleSet((), "r.toml")
    assert repr(ruleset) == shown


def test_the_markdown_escapes_a_bar_of_a_pattern():
    markdown = parse_rules(RULES, "r.toml")._repr_markdown_()
    assert "| fee | fees | 手数料, lemma:引く | 高い | 妥当 | 利用料\\|手数料 |" in markdown.splitlines()


@pytest.mark.parametrize(
    ("labels", "said"),
    [
        (None, "labels must be a list of reason ids (model.reason_labels), not None"),
        ("fees", "labels must be a list of reason ids (model.reason_labels), not str 'fees'"),
        ([1.0, "fees"], "1.0 is no reason id; give them as str"),
    ],
)
def test_the_model_s_reasons_are_a_list_of_str(labels, said):
    rules = parse_rules(RULES)
    for read in (rules.for_labels, rules.check_labels):
        with pytest.raises(TypeError, match=r"^labels must be ") as caught:
            read(labels)
        assert said in str(caught.value)
    assert parse_rules(RULES, labels=None) == rules  # None, when reading a file: no model yet


@pytest.mark.parametrize(
    ("mode", "columns"),
    [(None, ()), ("flag", RULE_COLUMNS), ("override", (*RULE_COLUMNS, MODEL_REASON))],
)
def test_the_columns_rules_add_in_each_mode(mode, columns):
    assert rule_columns(mode) == columns


@pytest.mark.parametrize("value", [3, [3], ["rules.toml", 3], Rule("r", "fees", any=(Term(TermKind.SURFACE, "x"),))])
def test_rules_that_are_no_file_or_rule_set_are_refused(value):
    with pytest.raises(TypeError, match=r"^rules must be the path of a rules file, a RuleSet \(taikai\.load_rules\)"):
        read_rules(value)
