"""Hiragana nicknames UniDic reads as one common noun before an honorific (ももさん, ゆめさん, あやねさん)."""

import pytest

from taikai.privacy import mask_pii
from taikai.privacy._kana_nouns import COMMON_KANA_WITH_HONORIFIC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a nickname UniDic reads as a common noun (a peach, a dream) or as a filler and a noun
        # (あ + やね, a roof) was left before every honorific.
        ("ももさんに頼んだ", "[人名]さんに頼んだ"),
        ("ゆめさんが担当だった", "[人名]さんが担当だった"),
        ("あやねさんから連絡が来た", "[人名]さんから連絡が来た"),
        ("あやねちゃん", "[人名]ちゃん"),
        ("、あやねさん", "、[人名]さん"),  # あ read as an interjection after a comma
        ("担当のゆめ様に頼んだ", "担当の[人名]様に頼んだ"),
        ("ゆめ先生の講座", "[人名]先生の講座"),
        ("もうももさんとは組まない", "もう[人名]さんとは組まない"),  # the adverb stays
        ("いつもあやねさんが助けてくれた", "いつも[人名]さんが助けてくれた"),
        ("依頼してくれたももさん", "依頼してくれた[人名]さん"),
        ("話してももさんは", "話して[人名]さんは"),
        ("それからゆめさんが", "それから[人名]さんが"),
        ("迎えるあかりさん", "迎える[人名]さん"),
        ("高橋みなとさんに聞いた", "[人名]さんに聞いた"),  # a surname UniDic reads goes with it
        # Left: common words in hiragana with an honorific, the end of a compound, after a prefix.
        ("おばあちゃんの介護", "おばあちゃんの介護"),
        ("あかちゃんが泣く", "あかちゃんが泣く"),
        ("おっさんばかり", "おっさんばかり"),
        ("ねこちゃんの写真", "ねこちゃんの写真"),
        ("くまさんのイラスト", "くまさんのイラスト"),
        ("むすめさんの学費", "むすめさんの学費"),
        ("いらいぬしさんから", "いらいぬしさんから"),  # いらい + ぬし: 依頼主
        ("おいしゃさんに行った", "おいしゃさんに行った"),  # お + いしゃ
        ("みなさんこんにちは", "みなさんこんにちは"),  # みな is also an adverb: no noun of the general kind
        ("ゆめを追う", "ゆめを追う"),  # no honorific
        ("もものケーキ", "もものケーキ"),
        # Left: kana that may be the name's own first letters glued before the noun (a partial mask would leak
        # them): はる + かぜ, の + ぼう after a comma, ふるい + ちや + すし, よ + ー + らい.
        ("使ったはるかぜちゃん", "使ったはるかぜちゃん"),
        ("その時、のぼう様が", "その時、のぼう様が"),
        ("ふるいちやすし氏", "ふるいちやすし氏"),
        ("これまでもよーらいさんと", "これまでもよーらいさんと"),
        ("ニコニコてれびちゃん", "ニコニコてれびちゃん"),  # glued after a word of its own in katakana
        ("ももちゃんと話した", "ももちゃんと話した"),  # ちゃんと, the adverb, to UniDic
    ],
)
def test_a_hiragana_nickname_read_as_a_common_noun_is_masked(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize("frame", ["{}", "昨日、{}に会った", "私は{}と話した", "担当の{}が"])
def test_common_hiragana_words_with_an_honorific_are_never_masked(frame):
    texts = [frame.format(word) for word in sorted(COMMON_KANA_WITH_HONORIFIC)]
    assert [text for text in texts if mask_pii(text).text != text] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a hiragana name UniDic reads as a one-kana filler and a person's name (い + ちか, ま + ゆか) or
        # a nickname it splits (い + とくと + ら) was masked without its first letter: い[人名]さん.
        ("いちかさんが手伝ってくれた", "[人名]さんが手伝ってくれた"),
        ("もういちかさんとは組まない", "もう[人名]さんとは組まない"),  # the adverb stays
        ("本当にいちかちゃんには感謝", "本当に[人名]ちゃんには感謝"),
        ("結局いちかさんにも断られた", "結局[人名]さんにも断られた"),  # after a noun that is also an adverb
        ("会社員になったまゆかさんは", "会社員になった[人名]さんは"),
        ("「無理」とまゆかさんが言った", "「無理」と[人名]さんが言った"),
        ("田中さんといとくとらさんの対談", "[人名]さんと[人名]さんの対談"),
        # Left: a particle before the name is no filler to UniDic (と, の, は, に stay outside the mask).
        ("田中とちかさんが来た", "[人名]と[人名]さんが来た"),
        ("友達のちかさんが来た", "友達の[人名]さんが来た"),
        ("私はちかさんと組んだ", "私は[人名]さんと組んだ"),
        ("彼にちかさんを紹介された", "彼に[人名]さんを紹介された"),
        ("え、ちかさんが", "え、[人名]さんが"),  # a filler apart from the name
    ],
)
def test_filler_before_a_hiragana_name_is_its_first_letter(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a hiragana surname UniDic reads as a common noun (はたけ, あいだ) before a given name it tags
        # was left outside the mask: はたけ[人名]さん.
        ("はたけみつをさんに頼んだ", "[人名]さんに頼んだ"),
        ("あいだみつをさんの言葉", "[人名]さんの言葉"),
        ("昨日はあいだみつをさんが", "昨日は[人名]さんが"),
        # Left: a noun glued after a word (このあいだ: the other day) or of time (いま: now) before the name.
        ("このあいだみつをさんに会った", "このあいだ[人名]さんに会った"),
        ("いまみつをさんが来た", "いま[人名]さんが来た"),
    ],
)
def test_hiragana_surname_read_as_a_noun_before_a_given_name(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a particle glued after a noun was read into the hiragana name after it and masked with it
        # (ディレクター + にちか to UniDic: ディレクター[人名]さん).
        ("ディレクターにちかさんを紹介された", "ディレクターに[人名]さんを紹介された"),
        ("クライアントにちかさんから連絡", "クライアントに[人名]さんから連絡"),
        ("デザイナーとちかさん", "デザイナーと[人名]さん"),
        # Left whole: after a surname the kana starts the given name, after a particle there is no other particle.
        ("田中にちかさん", "[人名]さん"),
        ("担当のにちかさん", "担当の[人名]さん"),
    ],
)
def test_a_particle_after_a_noun_is_no_part_of_the_name_after_it(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: after 結局 UniDic reads いちかちゃん as いち + かちゃん (an adverb of sounds: the honorific glued
        # into it) or as いち + か + ちゃん (a numeral and a counter: a common word to the nickname rule); both left.
        ("結局いちかちゃん", "結局[人名]ちゃん"),
        ("結局いちかちゃんに頼んだ", "結局[人名]ちゃんに頼んだ"),
        ("結局いちかくんに頼んだ", "結局[人名]くんに頼んだ"),
        ("まだいちかちゃんに", "まだ[人名]ちゃんに"),
        # The sound stays: before と, after a particle or an adverb.
        ("ドアがかちゃんと閉まった", "ドアがかちゃんと閉まった"),
        ("池にぽちゃんと落ちた", "池にぽちゃんと落ちた"),
        ("まだかちゃん", "まだかちゃん"),
        ("いちばんさん", "いちばんさん"),
        ("良いところたくさんありました", "良いところたくさんありました"),  # たくさん, many: no honorific
    ],
)
def test_an_honorific_read_into_a_sound_or_after_a_numeral_is_a_nickname(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected
