"""Matching rules on the text the model reads: surface, lemma, all, not, regex, normalisation and order."""

import pickle
from pathlib import Path

import pytest

from taikai.rules import NO_HITS, RuleHits, RuleMatcher, compile_rules, parse_rules, read_rules, resolve_rules
from taikai.text import check_text


def rule(**keys) -> str:
    """Return one [[rule]] table labelled fees with the given keys (lists of terms; ``none`` is the file's ``not``)."""
    lines = ["[[rule]]", 'name = "r"', 'label = "fees"']
    lines += [f"{'not' if key == 'none' else key} = {list(values)!r}".replace("'", '"') for key, values in keys.items()]
    return "\n".join(lines) + "\n"


def fires(table: str, text: str) -> bool:
    """Return whether the rule fires on *text* as the model reads it (normalised by check_text)."""
    matcher = compile_rules(parse_rules(table))
    return bool(matcher.match(check_text(text).text))


@pytest.mark.parametrize(
    ("table", "text", "expected"),
    [
        # surface: a substring of the normalised text
        (rule(any=["手数料"]), "手数料が高い", True),
        (rule(any=["手数料"]), "手取りが減る", False),
        (rule(any=["手数料", "利用料"]), "システム利用料が上がった", True),
        # lemma: a dictionary form matches every inflection; a surface term does not
        (rule(any=["lemma:引く"]), "2割も引かれる", True),
        (rule(any=["lemma:引く"]), "手数料を引いた額", True),
        (rule(any=["引く"]), "2割も引かれる", False),
        (rule(any=["lemma:引く"]), "引き出しに入れた", False),  # 引き出し is another word
        (rule(any=["lemma:稼げない"]), "全然稼げなかった", True),  # two words in a row: 稼げる ない
        (rule(any=["lemma:稼げない"]), "稼げるけど楽しくない", False),  # both words, not in a row
        # all: every term too
        (rule(any=["手数料"], all=["lemma:高い", "振込"]), "振込の手数料が高かった", True),
        (rule(any=["手数料"], all=["lemma:高い", "振込"]), "手数料が高かった", False),
        (rule(all=["時間", "lemma:ない"]), "時間が全然なかった", True),
        # not: none of these
        (rule(any=["手数料"], none=["妥当", "lemma:仕方ない"]), "手数料が高いのはつらい", True),
        (rule(any=["手数料"], none=["妥当", "lemma:仕方ない"]), "手数料は妥当だと思う", False),
        (rule(any=["手数料"], none=["妥当", "lemma:仕方ない"]), "手数料は仕方なかった", False),
        (rule(any=["手数料"], none=["regex:手数料.{0,3}安"]), "手数料が安いのは助かる", False),
        # regex: an alternative to `any`, on the normalised text (so on half-width digits, any case)
        (rule(regex=[r"\d+%"]), "20%も取られる", True),
        (rule(regex=[r"\d+%"]), "２０％も取られる", True),  # full-width digits and percent sign normalised
        (rule(any=["利用料"], regex=[r"\d+%"]), "利用料が上がった", True),
        (rule(any=["利用料"], regex=[r"\d+%"]), "手数料が上がった", False),
        (rule(regex=["Upwork"]), "UPWORKのfeeが高い", True),  # lower-cased text, upper-case pattern
        (rule(regex=["^手数料"]), "手数料が高い", True),
        (rule(regex=["^手数料"]), "その手数料が高い", False),
        # normalisation: a term is normalised as the text is
        (rule(any=["ｼｽﾃﾑ利用料"]), "システム利用料が高い", True),  # half-width term, full-width text
        (rule(any=["システム利用料"]), "ｼｽﾃﾑ利用料が高い", True),  # full-width term, half-width text
        (rule(any=["ＦＥＥ"]), "upworkのfeeが高い", True),  # full-width Latin term
        (rule(any=["fee"]), "ＵＰＷＯＲＫのＦＥＥが高い", True),  # full-width Latin text
        (rule(any=["too  high"]), "手数料が too   high", True),  # spaces collapse in both (手数料 高い is refused)
        (rule(any=["すごーーーく"]), "すごーーーーーーーく高い", True),  # long runs cut to three in the text
        # CP932's look-alikes, which NFKC keeps apart: a term finds either (～ typed on Windows, 〜 on a phone)
        (rule(any=["1～3円"]), "1件1〜3円のタスク", True),  # full-width tilde term (NFKC ~), wave dash text
        (rule(any=["1〜3円"]), "1件1～3円のタスク", True),  # wave dash term, full-width tilde text (a CP932 file)
        (rule(any=["1~3円"]), "1件1〜3円のタスク", True),
        (rule(any=["1〜3円"]), "1件1〜3円のタスク", True),
        (rule(any=["1〜3円"]), "1件1ー3円のタスク", False),  # a long vowel mark is no wave dash
        (rule(any=["手数料"], none=["手数料～気にならない"]), "手数料〜気にならない", False),  # in `not` too
        (rule(any=["１０−２０％"]), "10－20%引かれる", True),  # minus sign and full-width hyphen-minus
        (rule(any=["10-20%"]), "10−20%引かれる", True),
        (rule(any=["A‖B"]), "a∥bの比較", True),
        (rule(any=["手数料—"]), "手数料―高い", True),  # em dash and Windows' horizontal bar
        # a regular expression finds them too: 〜 typed on a Mac finds ～ (~) a Windows review holds, and back
        (rule(regex=[r"\d+〜\d+円"]), "時給300~500円", True),
        (rule(regex=[r"\d+〜\d+円"]), "時給300～500円", True),
        (rule(regex=[r"\d+〜\d+円"]), "時給300〜500円", True),
        (rule(regex=[r"\d+~\d+円"]), "時給300〜500円", True),
        (rule(regex=[r"\d+\u301c\d+円"]), "時給300~500円", True),  # written by its code
        (rule(regex=[r"\d+[〜・]\d+円"]), "時給300～500円", True),  # in a class
        (rule(regex=[r"\d[^〜]\d円"]), "時給1～2円", False),  # in a negated class: neither form
        (rule(regex=[r"\d+〜\d+円"]), "時給300ー500円", False),  # a long vowel mark is no wave dash
        (rule(regex=[r"10−20%"]), "10－20%引かれる", True),  # minus sign and full-width hyphen-minus
        (rule(regex=[r"[a-]割"]), "−割", True),  # a class's own hyphen
        (rule(regex=[r"[a-]割"]), "b割", False),  # ... not made a range a..−
        (rule(regex=["[!-~]{3}円"]), "〜〜〜円", False),  # a range's bound is kept as written
        (rule(regex=["手数料‖"]), "手数料∥", True),
        (rule(none=["regex:手数料—高い"], any=["手数料"]), "手数料―高い", False),  # in `not` too
    ],
)
def test_matching(table, text, expected):
    assert fires(table, text) is expected


ORDERED = """
[[rule]]
name = "proposal"
label = "rejection"
any = ["提案"]

[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]

[[rule]]
name = "fee percentage"
label = "fees"
regex = ['\\d+%']

[[rule]]
name = "time"
label = "time"
any = ["時間"]
"""


@pytest.mark.parametrize(
    ("text", "names", "labels"),
    [
        ("手数料が20%で提案も通らない", ("proposal", "fee", "fee percentage"), ("rejection", "fees")),
        ("20%の手数料", ("fee", "fee percentage"), ("fees",)),  # one label once, in rule order
        ("時間がなくて提案できない", ("proposal", "time"), ("rejection", "time")),
        ("なんとなく", (), ()),
    ],
)
def test_rules_apply_in_file_order(text, names, labels):
    [hits] = compile_rules(parse_rules(ORDERED)).match_all([check_text(text).text])
    assert (hits.names, hits.labels) == (names, labels)


@pytest.mark.parametrize(
    ("hits", "reason", "conflict"),
    [
        (RuleHits(("a",), ("fees",)), "fees", False),
        (RuleHits(("a", "b"), ("rejection", "fees")), "fees", False),  # one of the labels is the reason
        (RuleHits(("a",), ("rejection",)), "fees", True),
        (NO_HITS, "fees", False),  # no rule fired: nothing to conflict with
    ],
)
def test_conflicts(hits, reason, conflict):
    assert hits.conflicts_with(reason) is conflict


def test_given_lemmas_are_used_instead_of_tokenising_again():
    matcher = compile_rules(parse_rules(rule(any=["lemma:引く"])))
    assert matcher.match("関係ない文", lemmas="引く れる").labels == ("fees",)  # the words given decide
    text = check_text("2割も引かれる").text
    assert matcher.match_all([text]) == matcher.match_all([text], matcher.lemmas([text]))


def test_a_matcher_without_lemma_terms_never_makes_a_tokenizer():
    matcher = compile_rules(parse_rules(rule(any=["手数料"], regex=["割"])))
    assert not matcher.needs_lemmas
    assert matcher.match_all(["手数料が2割"]) == [RuleHits(("r",), ("fees",))]
    assert matcher._tokenizer is None


def test_a_matcher_pickles_without_its_tagger():
    matcher = compile_rules(parse_rules(rule(any=["lemma:引く"], regex=[r"\d+%"])))
    matcher.match("2割引かれる")  # makes the tagger
    copy = pickle.loads(pickle.dumps(matcher))
    assert "_tagger" not in copy.tokenizer.__dict__
    assert copy.match_all(["20%引かれる", "なし"]) == matcher.match_all(["20%引かれる", "なし"])


@pytest.mark.parametrize(
    ("term", "words"),
    [("引く", ("引く",)), ("引かれる", ("引く", "れる")), ("稼げない", ("稼げる", "ない")), ("ＦＥＥ", ("fee",))],
)
def test_lemma_terms_become_the_dictionary_forms_of_their_words(term, words):
    assert RuleMatcher(parse_rules(rule(any=[f"lemma:{term}"]))).lemma_words == {term: words}


@pytest.mark.parametrize("given", ["path", "ruleset", "matcher"])
def test_rules_resolve_from_a_path_a_rule_set_or_a_matcher(tmp_path, given):
    path = tmp_path / "r.toml"
    path.write_text(rule(any=["手数料"]), encoding="utf-8")
    rules = parse_rules(rule(any=["手数料"]), str(path))
    value = {"path": path, "ruleset": rules, "matcher": compile_rules(rules)}[given]
    matcher = resolve_rules(value)
    assert matcher is not None and matcher.rules == rules
    assert read_rules(value) == rules
    assert resolve_rules(None) is None and read_rules(None) is None


@pytest.mark.parametrize(
    ("rules", "text", "expected"),
    [
        # terms are normalised as the text is, so a reference in a term matches it written either way
        ({"any": ["手数料&amp;"]}, "手数料&amp;利用料が高い", True),
        ({"any": ["手数料&amp;"]}, "手数料&利用料が高い", True),
        ({"any": ["lemma:&#25163;&#25968;&#26009;"]}, "手数料が高い", True),
        ({"regex": ["手数料&"]}, "手数料&amp;利用料が高い", True),  # the fix the parser asks for
        ({"any": ["手数料&amp;"]}, "手数料が高い", False),
    ],
)
def test_terms_and_regexes_match_text_with_html_references_decoded(rules, text, expected):
    assert fires(rule(**rules), text) is expected


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("手数料で2割も引かれる", True),  # regression: digits were missed, and writers use them
        ("手数料で２割も引かれる", True),  # full-width: NFKC makes it 2
        ("手数料で二割も引かれる", True),
        ("手数料で七割引かれた", True),
        ("手数料で20%引かれる", True),
        ("割に合わないので引いた", False),
    ],
)
def test_the_example_fee_percentage_rule_reads_digits_and_kanji(text, fires):
    matcher = compile_rules(read_rules(Path(__file__).parents[2] / "examples" / "rules.toml"))
    [hits] = matcher.match_all([check_text(text).text])
    assert ("fee percentage taken" in hits.names) is fires


@pytest.mark.parametrize(
    ("label", "labels", "expected", "same"),
    [
        ("その他", ["fees", "other"], "other", False),  # the taxonomy's model: the Japanese name is its id
        ("FEES", ["fees", "other"], "fees", False),
        ("fees", ["fees", "other"], "fees", True),  # read so already: the very matcher
        ("その他", ["お金", "その他"], "その他", True),  # labels of one's own: as written
        ("その他", None, "その他", True),  # no model: as written
    ],
)
def test_a_matcher_s_labels_are_read_as_the_model_reads_them(label, labels, expected, same):
    """Regression: load_rules(path) made その他 `other` before any model was known; the model reads it now."""
    matcher = compile_rules(parse_rules(rule(any=["手数料"]).replace('"fees"', f'"{label}"')))
    resolved = resolve_rules(matcher, labels)
    assert resolved is not None and (resolved is matcher) == same
    assert resolved.match("手数料が高い").labels == (expected,)
    assert resolved.rules.rules[0].label == expected
    assert matcher.match("手数料が高い").labels == (label.strip(),)  # the matcher given is left as it was


def test_a_matcher_is_relabelled_only_with_its_own_rules():
    matcher = compile_rules(parse_rules(rule(any=["手数料"])))
    with pytest.raises(ValueError, match="the matcher's own rules, with other labels only"):
        matcher.relabelled(parse_rules(rule(any=["振込"])))


@pytest.mark.parametrize(
    ("term", "lemmas", "expected"),
    [
        ("lemma:引く", "手数料 を 引く た", True),
        ("lemma:引く", "引く", True),  # the whole text one word
        ("lemma:引く", "手数料 を 差し引く た", False),  # a word that ends in the term is another word
        ("lemma:引く", "引く物 だ", False),  # nor one that starts with it
        ("lemma:稼げない", "全然 稼げる ない た", True),
        ("lemma:稼げない", "全然 稼げる ないし", False),  # the last word only starts with ない
    ],
)
def test_a_lemma_term_matches_whole_dictionary_forms_only(term, lemmas, expected):
    matcher = compile_rules(parse_rules(rule(any=[term])))
    assert bool(matcher.match("関係ない文", lemmas=lemmas)) is expected


@pytest.mark.parametrize(
    ("texts", "lemmas"), [(["手数料", "時間"], ["手数料"]), (["手数料"], ["手数料", "時間"]), ([], ["x"])]
)
def test_lemmas_of_another_count_than_the_texts_are_refused_with_both_counts(texts, lemmas):
    matcher = compile_rules(parse_rules(rule(any=["lemma:手数料"])))
    with pytest.raises(ValueError, match=f"^{len(texts)} texts but {len(lemmas)} lemma strings$"):
        matcher.match_all(texts, lemmas)


def test_a_relabelled_matcher_does_not_keep_the_hits_of_its_old_labels():
    """Mutation audit: the hits a matcher made before it was relabelled keep their own labels, not the new ones."""
    matcher = compile_rules(parse_rules(rule(any=["手数料"]).replace('"fees"', '"手数料が高い"')))
    assert matcher.match("手数料が高い").labels == ("手数料が高い",)  # cached with the label as written
    relabelled = matcher.relabelled(matcher.rules.for_labels(["fees", "time"]))
    assert relabelled.match("手数料が高い").labels == ("fees",)
    assert matcher.match("手数料が高い").labels == ("手数料が高い",)


def test_a_matcher_is_compiled_once_and_pickled_without_its_hits():
    """Mutation audit: compile_rules gives a matcher back as it is, and a matcher sent to worker processes carries
    none of the hits it cached (as many as the distinct sets of rules that fired)."""
    matcher = compile_rules(parse_rules(rule(any=["手数料"]) + rule(any=["高い"]).replace('"r"', '"q"')))
    assert compile_rules(matcher) is matcher
    before = len(pickle.dumps(matcher))
    assert [len(hits.names) for hits in matcher.match_all(["手数料が高い", "手数料", "高い"])] == [2, 1, 1]
    assert len(pickle.dumps(matcher)) == before


@pytest.mark.parametrize("fold", [0, 1])
@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("lemma:3〜5万円", "月3〜5万円しか稼げない"),  # as phones write it
        ("lemma:3〜5万円", "月3～5万円しか稼げない"),  # as a CP932 file holds it (~ after NFKC)
        ("lemma:3~5万円", "月3〜5万円しか稼げない"),
        ("lemma:マイナス−5点", "評価がマイナス－5点になった"),
    ],
)
def test_a_lemma_term_matches_cp932_look_alikes_in_the_lemmas_of_any_model(term, text, fold):
    """Regression: a lemma term with 〜 missed the dictionary forms of a model that folds CP932 look-alikes
    (cp932_fold: 〜 read as ~), which predict hands the rules, and a CP932 file's ～ with any model."""
    from taikai.text import JapaneseTokenizer

    matcher = RuleMatcher(parse_rules(rule(any=[term])))
    normalised = check_text(text).text
    [lemmas] = JapaneseTokenizer("base", cp932_fold=fold).transform([normalised])
    assert matcher.match(normalised, lemmas).names == ("r",)
