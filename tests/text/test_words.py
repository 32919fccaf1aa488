"""Words for counting: one tagging gives the model's tokens and the content words; how Japanese a text is."""

import csv
import threading
from pathlib import Path

import pytest

from taikai.text import (
    MAX_CHARS,
    JapaneseTokenizer,
    WordTagger,
    content_words,
    japanese_share,
    normalize,
    sharing_words,
)

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "ｼｽﾃﾑ利用料と振込手数料で手取りが減る",
    "Upworkのproposalは英語で書くのがきつい https://example.com",
    "稼げなかったので辞めました。。。😢",
    "ありがとうございましたーーーー",
]


@pytest.mark.parametrize("form", ["base", "surface"])
def test_tokens_are_the_models_tokens(form):
    texts = [normalize(t) for t in TEXTS]
    expected = [t.split() for t in JapaneseTokenizer(form).transform(texts)]
    assert [WordTagger(form).words(t)[0] for t in texts] == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("手数料が高いので辞めました", ["手数料", "高い", "辞める"]),  # dictionary forms, no particles
        ("稼げなかった", ["稼げる"]),
        ("https://x.com を見て 2024 年に登録", ["見る", "年", "登録"]),  # URL and numbers skipped
        ("", []),
    ],
)
def test_content_words(text, words):
    assert content_words([text]) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # regression: drift listed この, くださる, そう and みる as new words
        ("この件は読んでみてください", ["件", "読む"]),
        ("そう思うけど高そうな部屋", ["思う", "高い", "部屋"]),
        ("これでもやってしまう", ["やる"]),
        # a word that can lean on another is kept where it does not
        ("部屋を見るだけ", ["部屋", "見る"]),
        ("時間がある", ["時間", "ある"]),
        ("めっちゃエグい", ["めっちゃ", "エグい"]),  # an adverb that says something stays
    ],
)
def test_function_words_are_no_content_words(text, words):
    assert content_words([text]) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # regression: drift listed and, because, i, the, it, not, to as new words of a month of bilingual reviews
        ("手数料が高い。The fees are too high and it is not worth it", ["手数料", "高い", "fees", "high", "worth"]),
        ("I left Upwork because the clients never paid", ["left", "upwork", "clients", "never", "paid"]),
        ("Don't use it, it's a scam", ["use", "scam"]),  # the pieces of a contraction: don, t, s
        # a Latin word alone among Japanese words is kept, a function word's spelling or not
        ("IT企業を辞めてAランクになった", ["it", "企業", "辞める", "a", "ランク", "なる"]),
        ("Upworkのproposalは英語", ["upwork", "proposal", "英語"]),
    ],
)
def test_english_function_words_are_no_content_words(text, words):
    assert content_words([text]) == [words]


@pytest.mark.parametrize(
    ("max_chars", "words"),
    [
        (5, ["手数料"]),  # "手数料が高" is cut before 高い: only the first max_chars characters are tagged
        (8, ["手数料", "高い"]),
        (1000, ["手数料", "高い", "辞める"]),
    ],
)
def test_content_words_cut_texts_at_max_chars(max_chars, words):
    """Regression: a text of a million characters went to MeCab whole and crashed the process (report, words)."""
    assert content_words(["手数料が高いので辞めました"], max_chars=max_chars) == [words]


def test_word_tagger_pickles_without_its_tagger():
    import pickle

    tagger = WordTagger()
    tagger.words("手数料")
    again = pickle.loads(pickle.dumps(tagger))
    assert again.words("手数料") == tagger.words("手数料")


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("手数料が高い", 1.0),
        ("upworkは高い", 3 / 9),
        ("english only", 0.0),
        ("12345!?", 0.0),
    ],
)
def test_japanese_share(text, share):
    assert japanese_share(text) == pytest.approx(share)


class _Counting(WordTagger):
    """A WordTagger that counts the texts MeCab is given."""

    def __init__(self) -> None:
        super().__init__()
        self.parsed: list[str] = []

    def _parse(self, text: str) -> str:
        self.parsed.append(text)
        return super()._parse(text)


@pytest.mark.parametrize(
    ("limit", "parsed"),
    [
        (10, ["手数料が高い", "辞めました"]),  # tagged once, handed out the second time
        (1, ["手数料が高い", "辞めました", "辞めました"]),  # the second text is not kept: tagged again
        (0, ["手数料が高い", "辞めました", "手数料が高い", "辞めました"]),
    ],
)
def test_sharing_words_tags_a_text_once_for_two_passes(limit, parsed):
    # regression: the report tagged every text twice, for its distinctive words and for its drift check
    tagger = _Counting()
    texts = ["手数料が高い", "辞めました"]
    alone = [WordTagger().words(t) for t in texts]
    with sharing_words(limit):
        first = [tagger.words(t) for t in texts]
        second = [tagger.words(t) for t in texts]
    assert first == second == alone
    assert tagger.parsed == parsed


def test_sharing_words_tags_each_distinct_text_once_however_often_it_is_repeated():
    # regression: a text asked for a second time was handed out and forgotten, so the third copy of a text a dump
    # repeats (特になし, a copied survey answer) was tagged again, and again in the drift check
    tagger = _Counting()
    texts = ["特になし", "手数料が高い", "特になし", "特になし", "手数料が高い", "特になし"]
    alone = [WordTagger().words(t) for t in texts]
    with sharing_words():
        first = [tagger.words(t) for t in texts]
        second = [tagger.words(t) for t in texts]
    assert first == second == alone
    assert tagger.parsed == ["特になし", "手数料が高い"]


CORPUS = Path(__file__).resolve().parents[2] / "data" / "reviews.csv"


def _corpus_texts() -> list[str]:
    with open(CORPUS, encoding="utf-8-sig", newline="") as f:
        return [normalize(row["text"])[:MAX_CHARS] for row in csv.DictReader(f)]


@pytest.mark.slow
@pytest.mark.parametrize("form", ["base", "surface"])
def test_every_text_of_the_corpus_has_the_words_of_the_original_dictionary_and_the_models_tokens(form, monkeypatch):
    # the content-word copy of the dictionary (%H: pos1, pos2, orthBase) and the one split of MeCab's output give,
    # for each text of data/reviews.csv, the tokens and words the original dictionary's fields (%f[N]) give, and
    # the tokens are the model's tokenizer's
    from taikai.text import _dictionary, _words

    texts = _corpus_texts()
    fast = [WordTagger(form).words(t) for t in texts]
    assert _words._specs[None].args != _words.TaggerSpec(_words.dictionary_args(None) + _words._FORMAT_ORIGINAL).args

    def no_cache(dicdir: str) -> str:
        raise OSError("read-only cache")

    monkeypatch.setattr(_dictionary, "words_dicdir", no_cache)
    monkeypatch.setattr(_words, "_specs", {})  # the original dictionary, its fields picked by MeCab
    original = [WordTagger(form).words(t) for t in texts]
    assert fast == original
    assert [tokens for tokens, _ in fast] == [t.split() for t in JapaneseTokenizer(form).transform(texts)]
    assert sum(len(words) for _, words in fast) > 10 * len(texts)


def test_words_are_not_kept_outside_sharing_words():
    tagger = _Counting()
    with sharing_words():
        tagger.words("手数料が高い")
    tagger.words("手数料が高い")
    assert tagger.parsed == ["手数料が高い", "手数料が高い"]


@pytest.mark.parametrize("form", ["base", "surface"])
@pytest.mark.parametrize("limit", [0, 2, 100])
@pytest.mark.parametrize("short", [65_535, 3, 0])  # ids kept in 2 bytes, in 2 or 4 per text, in 4
def test_kept_words_are_the_words_of_a_tagging_whatever_is_kept(form, limit, short, monkeypatch):
    monkeypatch.setattr("taikai.text._words._SHORT_IDS", short)
    # the kept words are ids into a vocabulary: handed out again, they are the same tokens and words, in order,
    # repeated words and unknown words included, and a text kept for one form is not another form's
    texts = [normalize(t) for t in [*TEXTS, "手数料手数料手数料", "ｱｲｳｴｵｶｷｸｹｺ", "。。。"]]
    alone = [WordTagger(form).words(t) for t in texts]
    with sharing_words(limit):
        first = [WordTagger(form).words(t) for t in texts]
        other = [WordTagger("surface" if form == "base" else "base").words(t) for t in texts]
        second = [WordTagger(form).words(t) for t in texts]
    assert first == second == alone
    assert other == [WordTagger("surface" if form == "base" else "base").words(t) for t in texts]


def test_every_word_tagger_of_a_process_shares_one_mecab_tagger(monkeypatch):
    # regression: each content_words call (and each WordTagger) made a MeCab tagger, whose dictionary memory MeCab
    # does not give back: about 0.15 GB a call
    import fugashi

    from taikai.text import _taggers

    made: list[str] = []
    original = fugashi.GenericTagger
    monkeypatch.setattr(_taggers, "_local", threading.local())  # a process with no tagger made yet
    monkeypatch.setattr(_taggers, "_idle", {})
    monkeypatch.setattr(fugashi, "GenericTagger", lambda args: made.append(args) or original(args))
    for _ in range(3):
        assert content_words(["手数料が高い"]) == [["手数料", "高い"]]
    assert WordTagger("surface").words("辞めました")[1] == ["辞める"]
    assert len(made) == 1


def test_a_forked_process_makes_its_own_mecab_tagger(monkeypatch):
    from taikai.text import _taggers, _words

    first = _words._tagger(None)
    monkeypatch.setattr(_taggers.os, "getpid", lambda: -7)  # as in a child process after fork
    second = _words._tagger(None)
    assert second is not first
    assert _words._tagger(None) is second
    assert _taggers._local.held.pid == -7  # the parent's taggers are not kept for the child
