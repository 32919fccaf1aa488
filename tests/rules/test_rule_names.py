"""Rule names are read as texts are (NFKC, whitespace collapsed): two names a reader takes for one are refused."""

import pytest

from taikai.rules import Rule, RuleSet, Term, TermKind, compile_rules, parse_rules


def _rules(*names: str) -> str:
    return "".join(
        f'[[rule]]\nname = "{name}"\nlabel = "fees"\nany = ["手数料{k}"]\n\n' for k, name in enumerate(names)
    )


@pytest.mark.parametrize(
    ("first", "second", "read"),
    [  # regression: each pair was two rules, shown apart in rule_names, rules test and the report
        ("ｆｅｅ", "fee", "fee"),
        ("ﾃｽﾄ", "テスト", "テスト"),
        ("fee　words", "fee words", "fee words"),
        ("fee  words", "fee words", "fee words"),
        ("ルール１", "ルール1", "ルール1"),
    ],
)
def test_names_that_normalise_to_one_are_refused_with_the_line(first, second, read):
    with pytest.raises(
        ValueError, match=r"rules\.toml:6: rule .* \(rule 2 of the file\): the name is used by rule 1 too"
    ) as caught:
        parse_rules(_rules(first, second), "rules.toml")
    assert f"written {second!r} here, {first!r} there" in str(caught.value)
    assert f"both read {read!r}" in str(caught.value)


@pytest.mark.parametrize(
    ("written", "shown"), [("ｆｅｅ ｗｏｒｄｓ", "fee words"), ("ﾃｽﾄ", "テスト"), (" ①番 ", "1番")]
)
def test_a_name_is_shown_normalised_in_the_rules_and_their_hits(written, shown):
    rules = parse_rules(_rules(written), "rules.toml")
    assert rules.rules[0].name == shown
    assert compile_rules(rules).match("手数料0").names == (shown,)
    assert Rule(written, "fees", any=(Term(TermKind.SURFACE, "x"),)).name == shown  # a Rule made in Python too
    assert rules.where(rules.rules[0]) == f"rules.toml:1: rule {shown!r}"


def test_a_full_width_bar_in_a_name_is_refused_as_the_bar_it_reads_as():
    # regression: 'a｜b' was accepted and, once names are read as texts are, would read 'a|b', which separates names
    with pytest.raises(ValueError, match=r"rules\.toml:1: rule 'a\|b' .*may not contain '\|' .*a full-width ｜ is \|"):
        parse_rules(_rules("a｜b"), "rules.toml")


def test_a_rule_set_made_in_python_names_a_rule_by_its_normalised_name():
    rules = RuleSet((Rule("fee", "fees", any=(Term(TermKind.SURFACE, "x"),)),))
    with pytest.raises(TypeError, match=r"rules\.rules\[0\]"):
        rules.where("ｆｅｅ")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("names", "said"),
    [  # regression: accepted, and rules test counted the two rules' hits as one rule's (2 hits for each)
        (("fee", "fee"), ["rules.py: rule 'fee' (rule 2 of the rules): the name is used by rule 1 too"]),
        (("fee", "ｆｅｅ"), ["rules.py: rule 'fee' (rule 2 of the rules): the name is used by rule 1 too"]),
        (
            ("a", "b", "a", "b"),
            [
                "rules.py: rule 'a' (rule 3 of the rules): the name is used by rule 1 too",
                "rules.py: rule 'b' (rule 4 of the rules): the name is used by rule 2 too",
            ],
        ),
    ],
)
def test_a_rule_set_made_in_python_refuses_a_name_used_twice_as_a_file_does(names, said):
    from taikai.errors import RulesError

    made = tuple(Rule(name, "fees", any=(Term(TermKind.SURFACE, f"手数料{k}"),)) for k, name in enumerate(names))
    with pytest.raises(RulesError) as caught:
        RuleSet(made, "rules.py")
    lines = str(caught.value).splitlines()
    assert [line.split(";")[0] for line in lines] == said
    assert all(line.endswith("; names must be unique: rename one") for line in lines)


def test_a_rule_set_of_distinct_names_is_made_and_relabelled():
    made = tuple(Rule(name, "手数料が高い", any=(Term(TermKind.SURFACE, "x"),)) for name in ("fee", "fees"))
    assert [r.label for r in RuleSet(made).for_labels(["fees", "low_pay"]).rules] == ["fees", "fees"]


@pytest.mark.parametrize(("name", "shown"), [("fee|pay", "fee|pay"), ("fee｜pay", "fee|pay")])
def test_a_rule_set_made_in_python_refuses_a_bar_in_a_name_as_a_file_does(name, shown):
    """Regression: Rule('fee|pay', …) was accepted, and the report split its rule_names cell into rules fee and
    pay, each with its hits, and fee|pay with none."""
    from taikai.errors import RulesError

    with pytest.raises(RulesError) as caught:
        RuleSet((Rule("fee", "fees", any=(Term(TermKind.SURFACE, "x"),)), Rule(name, "fees")), "rules.py")
    assert str(caught.value) == (
        f"rules.py: rule {shown!r} (rule 2 of the rules): the name may not contain '|' (it separates rule names in "
        "the output)"
    )
