"""A problem of a term or key is said at the line of the rules file that holds it, not at its rule's header."""

import pytest

from taikai.errors import RulesError
from taikai.rules import parse_rules
from taikai.rules._headers import string_lines

HEAD = "# fee rules\n[[rule]]\nname = 'ok'\nlabel = 'fees'\nany = ['２割']\n\n[[rule]]\nname = 'r'\nlabel = 'fees'\n"


@pytest.mark.parametrize(
    ("body", "line", "said"),
    [  # regression: each was said at rules.toml:7, the rule's [[rule]] header, however long the rule
        ("any = [\n  '手数料',\n  'https://x.jp/a',\n]\n", 12, "any: the term 'https://x.jp/a' holds a URL"),
        (
            "any = ['手数料']\nnot = ['妥当']\nregex = [\"\\\\d{5,}円\"]\n",
            12,
            "regex: the regular expression '\\d{5,}円'",
        ),
        ("any = ['手数料']\n# '(' below\nregex = [\n'''(笑''',\n]\n", 13, "regex: bad regular expression '(笑'"),
        ("regex = ['手数料']\nnot = ['２割', 'ー' ]  # x\nall = ['ーーーーー']\n", 12, "all: the term 'ーーーーー'"),
        ("any = ['手数料']\nall = 'x'\n", 11, "all must be a list of strings"),
        ("any = ['手数料']\n\nnto = ['妥当']\n", 12, "unknown key 'nto' (did you mean 'not'?)"),
        # the same text in two keys: the line of the key the problem is in
        ("any = ['手数料 高い']\nnot = ['x']\nall = ['手数料 高い']\n", 10, "any: the term '手数料 高い'"),
    ],
)
def test_a_problem_of_a_term_or_key_is_said_at_its_line(body, line, said):
    with pytest.raises(RulesError) as caught:
        parse_rules(HEAD + body, "rules.toml")
    first = str(caught.value).splitlines()[0]
    assert first.startswith(f"rules.toml:{line}: rule 'r' (rule 2 of the file): ") and said in first


def test_a_term_of_the_same_text_in_an_earlier_rule_does_not_take_its_line():
    # '２割' is a term of rule 1 (kept: a term is normalised) and a pattern of rule 2 (refused)
    with pytest.raises(RulesError, match=r"^rules\.toml:10: rule 'r' \(rule 2 of the file\): regex: the regular"):
        parse_rules(HEAD + "regex = ['２割']\n", "rules.toml")


def test_strings_are_read_as_toml_reads_them():
    text = 'x = 1\n[[rule]]\nany = ["\\\\d+円", \'\\d\']  # "not a term"\nall = """a\nb"""\nnot = []\n'
    found = string_lines(text, 2, None)
    assert found[("any", "\\d+円")] == 3 and found[("any", "\\d")] == 3 and ("any", "not a term") not in found
    assert found[("all", "a\nb")] == 4 and found[("not", None)] == 6 and ("x", None) not in found


@pytest.mark.parametrize(
    ("text", "lines"),
    [  # mutation audit of header_lines: a line inside a multi-line string is no header, whatever it holds
        ("[[rule]]\nname = 'a'\n# it holds ''' as text\n[[rule]]\nname = 'b'\n", [1, 4]),  # in a comment: no string
        ("[[rule]]\nname = '''C:\\'''\n[[rule]]\nname = 'b'\n", [1, 3]),  # a literal string takes no escape
        ('[[rule]]\nname = """a\n[[rule]]\n"""\n[[rule]]\nname = "b"\n', [1, 5]),
        ("[[ rule ]] # the first\nname = 'a'\n[['rule']]\nname = 'b'\n", [1, 3]),
    ],
)
def test_a_header_is_found_outside_strings_and_comments(text, lines):
    from taikai.rules._headers import header_lines

    assert header_lines(text) == lines


def test_the_first_of_equal_strings_gives_its_line():
    """Mutation audit of string_lines: a term written twice is said at its first line."""
    assert string_lines('any = [\n  "x",\n  "x",\n]\n', 1, None) == {("any", None): 1, ("any", "x"): 2}


def test_a_rule_table_with_a_dotted_header_is_named_at_its_line():
    """Mutation audit of top_level_line: [rule.sub] gives the top-level key rule, on its line."""
    with pytest.raises(RulesError, match=r"^r\.toml:2: 'rule' must be an array of tables"):
        parse_rules("# rules\n[rule.fee]\nname = 'a'\n", "r.toml")


def test_an_unknown_table_is_named_at_its_header_not_at_a_rule_s_key_of_its_name():
    """Mutation audit of top_level_line: a key of a rule named as the table (label = …) is no top-level key."""
    text = '[[rule]]\nname = "a"\nlabel = "fees"\nany = ["x"]\n\n[label]\nfees = 1\n'
    with pytest.raises(RulesError, match=r"^r\.toml:6: unknown top-level key\(s\) \['label'\]; write rules as"):
        parse_rules(text, "r.toml")
