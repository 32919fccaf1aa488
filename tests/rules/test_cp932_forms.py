"""A regular expression holding CP932's ～ or － (a rules file re-saved by Excel or Notepad in CP932) is read as the
pair rules match (taikai.rules._cp932_forms); one holding another character NFKC replaces is refused as before, and
the digest of rules that were read before is unchanged."""

import pytest

from taikai.errors import RulesError
from taikai.rules import compile_rules, parse_rules
from taikai.text import check_text


def _rules(pattern: str, key: str = "regex") -> str:
    term = pattern if key == "regex" else f"regex:{pattern}"
    return f"[[rule]]\nname = 'r'\nlabel = 'fees'\n{key} = ['''{term}''']\n"


@pytest.mark.parametrize(
    ("pattern", "fires_on", "not_on"),
    [  # regression: each was refused ("write '\d+[~〜]\d+円'") after the file's 〜 or − was re-saved as CP932's
        (r"\d+～\d+円", ["単価は300〜500円", "単価は300～500円", "単価は300~500円"], ["単価は300ー500円"]),
        (r"時給－\d+円", ["時給−5円", "時給－5円", "時給-5円"], ["時給ー5円"]),
        ("[～・]で", ["〜で困る", "～で困る", "~で困る", "・で困る"], ["ーで困る"]),
        ("[~～]円", ["~円です", "〜円です", "～円です"], ["ー円です"]),  # the class holds ~ already
        ("[a－z]円", ["−円です", "-円です", "a円です", "z円です"], ["b円です"]),  # － is no range
        (r"\d+\uFF5E\d+円", ["300〜500円です", "300~500円です"], ["300ー500円です"]),  # written by its code
        (r"(?x) \d+ ～ \d+ 円", ["300〜500円です", "300~500円です"], ["300 500円です"]),  # (?x) layout
    ],
)
@pytest.mark.parametrize("key", ["regex", "all"])
def test_a_pattern_holding_cp932_forms_is_read_as_the_pair(pattern, fires_on, not_on, key):
    matcher = compile_rules(parse_rules(_rules(pattern, key)))
    fired = [bool(matcher.match(check_text(text).text)) for text in (*fires_on, *not_on)]
    assert fired == [True] * len(fires_on) + [False] * len(not_on)


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("２～3円", "２ → 2, ～ → ~ has been replaced: write '2[~〜]3円'"),  # another character NFKC replaces
        ("ｱ－ｲ", r"has been replaced: write 'ア[\-−]イ'"),
        ("(～|~)+円", "is matched as '([~〜]|[~〜])+円', since rules match each of 〜 ~"),  # exponential
        ("[～-～]", "～ → ~ has been replaced: write it with those characters as normalisation writes them"),
    ],
)
def test_a_pattern_holding_another_replaced_character_is_refused_as_before(pattern, said):
    with pytest.raises(RulesError) as refused:
        parse_rules(_rules(pattern), "rules.toml")
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [  # --resume goes on with the file re-saved in CP932, as with its surface terms
        (r"\d+〜\d+円", r"\d+～\d+円", True),
        (r"時給−\d+", r"時給－\d+", True),
        ("[〜・]", "[～・]", True),
        (r"\d+~\d+円", r"\d+～\d+円", False),  # a regular expression is kept as written otherwise
        ("[!-〜]", "[!-～]", False),  # a range's bound is no ～
    ],
)
@pytest.mark.parametrize("key", ["regex", "all"])
def test_the_digest_reads_cp932_forms_as_the_characters_they_were_saved_from(a, b, same, key):
    assert (parse_rules(_rules(a, key)).digest() == parse_rules(_rules(b, key)).digest()) is same


def test_the_digest_of_rules_read_before_is_unchanged():
    text = (
        "[[rule]]\nname = 'r'\nlabel = 'fees'\nany = ['1～3円']\nall = ['regex:\\d+〜\\d+']\n"
        "regex = ['\\d+−\\d+', '[!-～]', '[〜・]', '(?x) ‖ ']\n"
    )
    assert parse_rules(text).digest() == "631fbde8c4579c888e2e95191ed1b39a72ca51bdb36bbe1f47687afbd9e09a58"
