"""Names UniDic does not read as names (西さん, たかぴーさん): where each rule starts a name, and where it must not."""

import pytest

from taikai.privacy import mask_pii
from taikai.privacy._unread_names import COMMON_WITH_HONORIFIC, UNREAD_HONORIFICS, find_unread_name
from taikai.text import PosTagger

TAGGER = PosTagger()


def unread_name(text: str) -> str | None:
    """Return the name the rules find before the first honorific of *text*, or None."""
    words = TAGGER.tag(text)
    i = next(k for k, w in enumerate(words) if w.surface in UNREAD_HONORIFICS)
    start = find_unread_name(words, i, TAGGER)
    return None if start is None else text[words[start].start : words[i - 1].end]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A kanji noun the dictionary also holds as a surname.
        ("西さんが担当者だった", "西"),
        ("星くんの案件", "星"),
        ("西様から修正依頼", "西"),
        ("担当の北先生に相談", "北"),
        ("北さんという人", "北"),
        ("菊さんに頼んだ", None),  # a given name in the dictionary, never a surname (運ちゃん is a driver)
        ("事務局さんに問い合わせた", None),  # 事務 + 局: the end of a compound
        ("工務店さんと直接契約", None),
        ("お姫様のような扱い", None),  # after a prefix
        ("奥さんに反対された", None),  # a surname too, but the common word
        ("領収書は上様で", None),
        ("王様の耳はロバの耳", None),  # 王 is common only before 様
        ("お客さんが少ない", None),
        # A kana nickname UniDic splits into grammar.
        ("たかぴーさんとは今も仕事してる", "たかぴー"),
        ("私はたかぴーさんと仲良し", "たかぴー"),  # not 私は
        ("知り合ったたかぴーさんが", "たかぴー"),  # not the た of 知り合った
        ("もうみーさんとは話さない", "みー"),  # not the adverb before it
        ("あのたかぴーさんが", "たかぴー"),
        ("書いてくれたみーさん", "みー"),
        ("ちーちゃんに手伝ってもらった", "ちー"),
        ("活躍するゆうこりんさん", "ゆうこりん"),  # a name with a suffix, after a verb
        ("何社かのクライアントさん", None),  # a particle before a katakana word is not part of it
        ("ではみなさん、さようなら", None),  # the honorific follows a word UniDic knows
        ("お疲れさまでした", None),
        ("おかげさまで続いています", None),
        ("ばーちゃんの介護", None),
        ("じーさんが怒鳴った", None),
        ("おりこうさんだね", None),
        ("かまってちゃんな依頼者", None),
        ("のんびりさんには向かない", None),  # one word: a type of person, not a name
        ("毎回ちゃんと書いた", None),  # ちゃんと (properly), split by UniDic
        # Before ちゃん, one kanji the dictionary holds as a person's name of no kind (山: was left).
        ("山ちゃんに誘われて始めた", "山"),
        ("光ちゃんに紹介された", "光"),
        ("熊ちゃんのぬいぐるみ", None),  # a given name only: a pet's, a toy's
        ("花ちゃんに水をやった", None),
        ("猫ちゃんがかわいい", None),
        ("山さんに聞いた", None),  # 山 alone is no surname: only ちゃん makes it a nickname
        ("あっという間にさん", None),
    ],
)
def test_unread_name(text, name):
    assert unread_name(text) == name


@pytest.mark.parametrize("frame", ["{}", "昨日、{}に会った", "私は{}と話した", "「{}」"])
def test_common_words_with_an_honorific_are_never_masked(frame):
    texts = [frame.format(word) for word in sorted(COMMON_WITH_HONORIFIC)]
    assert [text for text in texts if mask_pii(text).text != text] == []


def test_the_common_words_include_those_of_the_corpus_and_the_brief():
    # お客さん 172 times in data/reviews.csv, 皆さん 45, 奥様; the others are the brief's examples.
    words = ("お客さん", "皆さん", "大家さん", "奥様", "運営さん", "担当さん", "営業さん", "事務局さん", "先輩さん")
    assert [word for word in words if word not in COMMON_WITH_HONORIFIC] == []
