"""RuleSet.where: a rule named in messages, and a value that is no rule of the set refused with what to give."""

import pytest

from taikai.errors import InputError
from taikai.rules import Rule, RuleSet, RulesMode, Term, TermKind, parse_rules

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


@pytest.mark.parametrize(("line", "said"), [(7, "rules.toml:7: rule 'r'"), (None, "rules.toml: rule 'r'")])
def test_where_gives_a_rule_s_line_only_when_it_is_known(line, said):
    rule = Rule("r", "fees", any=(Term(TermKind.SURFACE, "手数料"),), line=line)  # None: a rule made in Python
    assert RuleSet((rule,), "rules.toml").where(rule) == said


@pytest.mark.parametrize(
    ("rules", "said"),
    [
        (RULES, "rules.toml:7: rule 'no time' (rule 2 of the file): label 'time' is not a reason of the model"),
        (None, "rules.toml: rule 'r' (rule 2 of the rules): label 'time' is not a reason of the model"),
    ],
)
def test_check_labels_names_a_rule_as_every_problem_of_a_rules_file_does(rules, said):
    """Regression: a label the model lacks was said without "(rule K of the file)", unlike any other problem."""
    made = [Rule(n, label, any=(Term(TermKind.SURFACE, "手数料"),)) for n, label in (("q", "fees"), ("r", "time"))]
    ruleset = parse_rules(rules, "rules.toml") if rules else RuleSet(tuple(made), "rules.toml")
    with pytest.raises(InputError) as caught:
        ruleset.check_labels(["fees"])
    assert str(caught.value).splitlines()[0] == said
    with pytest.raises(InputError) as parsed:  # read with the labels at once: said alike
        parse_rules(RULES, "rules.toml", labels=["fees"])
    assert str(parsed.value).splitlines()[0].startswith("rules.toml:7: rule 'no time' (rule 2 of the file): label")


@pytest.mark.parametrize(
    ("mode", "rules", "expected"),
    [("flag", None, RulesMode.FLAG), ("override", "rules.toml", RulesMode.OVERRIDE), ("override", None, None)],
)
def test_a_rules_mode_that_asks_for_more_than_flag_needs_rules(mode, rules, expected):
    if expected is None:
        with pytest.raises(InputError, match=r"^rules_mode='override' applies to rules: give them with rules="):
            RulesMode.for_rules(mode, rules)
    else:
        assert RulesMode.for_rules(mode, rules) is expected


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


@pytest.mark.parametrize(("rules", "listed"), [(10, "'r9'"), (11, "'r9', and 1 more")])
def test_a_value_that_is_no_rule_is_told_ten_names_at_most(rules, listed):
    terms = (Term(TermKind.SURFACE, "手数料"),)
    ruleset = RuleSet(tuple(Rule(f"r{k}", "fees", any=terms) for k in range(rules)), "rules.toml")
    with pytest.raises(TypeError) as caught:
        ruleset.where("fees")
    assert str(caught.value).endswith(f"they are named 'r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', {listed}")


@pytest.mark.parametrize("written", [" fee ", "fee  ", "\u3000fee", "\tfee\n"])
def test_a_rule_s_name_is_one_name_without_the_spaces_around_it(tiny_model, written):
    """Regression: a rule made in Python as Rule(" fee ", …) fired as ' fee ' in rule_names, the report split the
    cell into 'fee' and listed the rule twice (3 hits as 'fee', 0 as ' fee ' from the batch summary's rules)."""
    import pandas as pd

    from taikai.analysis import rules_section

    rule = Rule(written, "fees", any=(Term(TermKind.SURFACE, "手数料"),))
    rules = RuleSet((rule,), "rules.py")
    assert rule.name == "fee" and rules.where(rule) == "rules.py: rule 'fee'" and rule.to_dict()["name"] == "fee"
    out = tiny_model.predict_frame(pd.DataFrame({"text": ["手数料が高すぎる", "時給が安い"]}), "text", rules=rules)
    assert out["rule_names"].tolist()[0] == "fee"
    section = rules_section(out, rules={r.name: r.label for r in rules.rules})
    assert section is not None and section.hits.index.tolist() == ["fee"]
    assert section.hits["hits"].tolist() == [1]


@pytest.mark.parametrize(
    ("names", "digest_of"),
    [
        (None, "rules"),
        (["fee words", "no time"], "rules"),
        (["fee", "no time"], "renamed"),  # a resumed run's rules renamed: the same digest under the old names
        (["", ""], "unnamed"),  # what they match and label, of either
    ],
)
def test_a_digest_under_other_names_is_the_digest_of_the_rules_so_named(names, digest_of):
    rules = parse_rules(RULES, "rules.toml")
    renamed = parse_rules(RULES.replace('"fee words"', '"fee"'), "rules.toml")
    digests = {"rules": rules.digest(), "renamed": renamed.digest(), "unnamed": renamed.digest(["", ""])}
    assert len(set(digests.values())) == 3
    assert rules.digest(names) == digests[digest_of]
