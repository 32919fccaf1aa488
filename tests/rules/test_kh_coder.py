"""KH Coder's coding-rule syntax, which taikai does not read, is refused with what to write: its word operators and
functions in a term, and a file of its ``*name`` codes given as the rules."""

import pytest

from taikai.errors import RulesError
from taikai.rules import load_rules, parse_rules


def said(key: str, term: str) -> str:
    more = "" if key == "any" else "any = ['x']\n"
    try:
        parse_rules(f"[[rule]]\nname = 'r'\nlabel = 'fees'\n{more}{key} = ['{term}']\n", "rules.toml")
    except RulesError as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize(
    ("key", "term", "advice"),
    [  # regression: each was a phrase no review holds, accepted, and the rule silently never fired
        ("any", "手数料 and 高い", "write a rule of its own with all = ['手数料', '高い']"),
        ("any", "手数料 AND 高い", "write a rule of its own with all = ['手数料', '高い']"),
        ("all", "lemma:手数料 and 高い", "write each as its own term of all, 'lemma:手数料', 'lemma:高い'"),
        ("any", "手数料 or 利用料", "write each as its own term of any, '手数料', '利用料'"),
        ("any", "(手数料 or 利用料)", "write each as its own term of any, '手数料', '利用料'"),
        ("not", "妥当 or 仕方ない", "write each as its own term of not, '妥当', '仕方ない'"),
        ("any", "not 妥当", "write '妥当' in not"),
        ("not", "not 妥当", "write '妥当': not already leaves out the reviews holding it"),
        ("any", "手数料 and not 妥当", "write the words of or as terms of any, those of and as terms of all"),
        ("any", "seq(手数料-高い)", "is KH Coder's seq(), which a term matches as written: write 'lemma:手数料高い'"),
        ("any", "near(手数料-高い)", "write a rule of its own with all = ['lemma:手数料', 'lemma:高い']"),
        ("any", "near(手数料-高い)", "in this order: 'regex:手数料.{0,20}高い'"),
    ],
)
def test_kh_coder_s_word_operators_and_functions_in_a_term_are_refused(key, term, advice):
    message = said(key, term)
    line = 4 if key == "any" else 5  # the term's own line
    assert message.startswith(f"rules.toml:{line}: rule 'r' (rule 1 of the file): {key}: the term '{term}' ")
    assert advice in message


@pytest.mark.parametrize("term", ["not worth it", "pay and quit", "手数料or", "near(x-y)", "seq-手数料", "手数料"])
def test_text_that_only_looks_like_an_operator_is_a_term(term):
    assert said("any", term) == ""


KH_CODER = """# KH Coder: 退会理由
*手数料
手数料 | システム利用料

*低報酬
時給 and ( 安い or 低い )
"""


@pytest.mark.parametrize("suffix", [".txt", ".toml", ".cod"])
def test_a_kh_coder_rules_file_is_named_at_its_first_code_with_the_table_to_write(tmp_path, suffix):
    """Regression: it was refused as 'kh.txt:2: not valid TOML: Invalid statement (column 1)'."""
    path = tmp_path / f"kh{suffix}"
    path.write_text(KH_CODER, encoding="cp932")  # as KH Coder on Windows saves it
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: '*手数料' starts a KH Coder coding rule, and taikai reads rules as TOML")
    assert "write each of its 2 code(s) as a [[rule]] table" in message and "not A → not = [...]" in message
    assert message.endswith('[[rule]]\nname = "手数料"\nlabel = "…"\n# 手数料 | システム利用料')


def test_a_toml_error_after_a_star_line_elsewhere_is_still_a_toml_error():
    with pytest.raises(RulesError, match=r"rules\.toml:1: not valid TOML"):
        parse_rules('[[rule\nname = "*x"\n', "rules.toml")


@pytest.mark.parametrize(
    ("key", "term", "said"),
    [  # mutation audit: what is KH Coder's syntax and what is not, in any case
        ("any", "near(手数料)", None),  # one word: no distance to say, a term as written
        ("any", "SEQ(手数料-高い)", "the term 'SEQ(手数料-高い)' is KH Coder's seq(), which a term matches as "),
        ("any", "not 手数料 or 高い", "not, or, which a term matches as written, not as operators (as KH Coder "),
        ("not", "not 手数料 and 高い", "write the words of or as terms of any, those of and as terms of all, those of"),
    ],
)
def test_kh_coder_s_functions_and_operators_in_a_term(key, term, said):
    text = f"[[rule]]\nname = 'r'\nlabel = 'fees'\nany = ['x']\n{key} = ['''{term}''']\n"
    text = text.replace("any = ['x']\nany", "any")
    if said is None:
        assert str(parse_rules(text).rules[0].any[0]) == term
        return
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "r.toml")
    assert said in str(caught.value)


def test_a_kh_coder_code_s_condition_ends_at_the_next_code():
    """Mutation audit: the condition shown is the first code's lines, up to the next *code with no blank between."""
    from taikai.rules._kh_coder import kh_code_problem

    said = kh_code_problem("r.txt", "*手数料\n手数料 | 利用料\n*時間\n時間\n")
    assert said.startswith("r.txt:1: '*手数料' starts a KH Coder coding rule") and "each of its 2 code(s)" in said
    assert said.endswith('[[rule]]\nname = "手数料"\nlabel = "…"\n# 手数料 | 利用料')
