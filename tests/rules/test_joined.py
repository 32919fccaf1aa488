"""The rules of several files as one rule set: load_rules over a list of paths, RuleSet.joined and +, rules= lists."""

from __future__ import annotations

import re

import pytest

from taikai.errors import RulesError, UnknownRuleLabelError
from taikai.rules import RuleSet, load_rules, parse_rules, read_rules, rules_inputs

TEAM = (
    '# team rules\n[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n\n'
    '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["単価"]\n'
)
MINE_TOML = '[[rule]]\nname = "job"\nlabel = "time"\nany = ["本業"]\n'
MINE_CSV = "name,label,any\njob,time,本業\n"


@pytest.fixture
def team(tmp_path):
    path = tmp_path / "team.toml"
    path.write_text(TEAM, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text"), [("mine.toml", MINE_TOML), ("mine.csv", MINE_CSV)])
def test_the_rules_of_several_files_apply_in_the_order_given_each_naming_its_file(tmp_path, team, name, text):
    mine = tmp_path / name
    mine.write_text(text, encoding="utf-8")
    for given in ([team, mine], (str(team), str(mine))):
        joined = load_rules(given)
        assert [r.name for r in joined.rules] == ["fee", "pay", "job"]
        assert joined.sources == (str(team), str(mine))
        assert joined.source == f"{team} + {mine}"
        assert [joined.where(r) for r in joined.rules] == [
            f"{team}:2: rule 'fee'",
            f"{team}:7: rule 'pay'",
            f"{mine}:{2 if name.endswith('.csv') else 1}: rule 'job'",
        ]
    assert load_rules([mine, team]).rules[0].name == "job"  # the order given, not the files' names
    assert load_rules([team, mine]) == load_rules(team) + load_rules(mine)
    assert load_rules([team, mine]).digest() == RuleSet.joined([load_rules(team), load_rules(mine)]).digest()
    assert load_rules([team]) == load_rules(team) and load_rules([team]).sources == (str(team),)


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("mine.toml", '\n[[rule]]\nname = " pay "\nlabel = "low_pay"\nany = ["時給"]\n', 2),
        ("mine.csv", "name,label,any\njob,time,本業\nｐａｙ,low_pay,時給\n", 3),
    ],
)
def test_a_name_used_in_two_files_is_refused_naming_both_files_and_lines(tmp_path, team, name, text, line):
    mine = tmp_path / name
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules([team, mine])
    rule = 2 if name.endswith(".csv") else 1
    assert str(caught.value) == (
        f"{mine}:{line}: rule 'pay' (rule {rule} of the file): the name is used by {team}:7: rule 'pay' (rule 2 of "
        "the file) too; names must be unique: rename one"
    )


def test_one_file_s_duplicate_names_are_said_as_before():
    with pytest.raises(
        RulesError, match=r"^<rules>:2: rule 'fee' \(rule 2 of the file\): the name is used by rule 1 too;"
    ):
        RuleSet((*parse_rules(TEAM).rules[:1], *parse_rules(TEAM).rules[:1]))


@pytest.mark.parametrize(
    ("second", "labels", "error", "said"),
    [
        ('[[rule]]\nname = "x"\nlabel = "fees"\n', None, RulesError, ["mine.toml:1: rule 'x'", "matches nothing"]),
        (MINE_TOML.replace('"time"', '"pay"'), ["fees", "low_pay", "time"], UnknownRuleLabelError, ["'pay'"]),
    ],
)
def test_every_file_s_problems_are_said_at_once(tmp_path, team, second, labels, error, said):
    bad_team, mine = tmp_path / "bad.toml", tmp_path / "mine.toml"
    bad_team.write_text(TEAM.replace('label = "fees"', 'label = "fees"\nanyy = ["x"]'), encoding="utf-8")
    mine.write_text(second, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules([bad_team, mine], labels)
    assert "bad.toml" in str(caught.value) and "'anyy'" in str(caught.value)
    assert all(s in str(caught.value) for s in said), str(caught.value)
    with pytest.raises(error):  # one file's error keeps its type
        load_rules([team, mine], labels)


@pytest.mark.parametrize("twice", ["same", "spelt otherwise"])
def test_a_file_given_twice_is_refused(tmp_path, team, monkeypatch, twice):
    monkeypatch.chdir(tmp_path)
    again = team if twice == "same" else "./team.toml"
    with pytest.raises(RulesError, match=rf"^{re.escape(str(again))}: the rules file is given twice"):
        load_rules([team, again])


@pytest.mark.parametrize(
    ("given", "names"),
    [
        ("team, mine", ["fee", "pay", "job"]),
        ("team, set", ["fee", "pay", "job"]),
        ("set, team", ["job", "fee", "pay"]),
    ],
)
def test_rules_given_as_a_list_of_files_and_rule_sets(tmp_path, team, given, names):
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE_TOML, encoding="utf-8")
    values = {"team": team, "mine": mine, "set": parse_rules(MINE_TOML)}
    joined = read_rules([values[g] for g in given.split(", ")], ["fees", "low_pay", "time"])
    assert joined is not None and [r.name for r in joined.rules] == names
    assert joined.where(joined.rules[names.index("job")]).startswith(str(mine) if "mine" in given else "<rules>")


def test_rules_inputs_name_every_file(tmp_path, team):
    mine = tmp_path / "mine.toml"
    assert rules_inputs(team) == {"the rules": team}
    assert rules_inputs([team, mine]) == {f"the rules file {team}": team, f"the rules file {mine}": mine}
    assert rules_inputs(parse_rules(MINE_TOML)) == {} == rules_inputs(None)
