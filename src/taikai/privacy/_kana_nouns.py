"""Hiragana nicknames UniDic reads as one common noun before an honorific: ももさん, ゆめさん, あやねさん.

UniDic's best path reads many nicknames written in hiragana as the common noun they spell (もも a peach, ゆめ a dream,
ひなた a sunny spot, あんず an apricot) or as a one-kana filler and such a noun (あやね: あ + やね, a roof). Before an
honorific (さん, ちゃん, くん, 様, さま, 氏, 先生) such a word is a name unless it is a common word that takes one: the
family, the trades, the people around someone and the animals of children's speech, written in hiragana (おばさん,
おっさん, むすめさん, だいくさん, ねこちゃん, くまさん: :data:`COMMON_KANA_WITH_HONORIFIC`, which
:data:`taikai.privacy._unread_names.COMMON_WITH_HONORIFIC` holds with よめさん, おばさん, …).

The noun must be a common noun of the general kind to UniDic (名詞-普通名詞-一般: not みな or みんな, nouns that are
also adverbs, nor ちび), of 2 to 5 hiragana with its filler, and start its phrase: no noun, prefix or suffix glued
before it (お+ばあちゃん, いらい+ぬしさん: 依頼主, シロ+くまくん are common words or the end of one); a surname UniDic
reads glued before it is part of the name (高橋みなとさん), and the caller takes it. A particle, a verb, an adverb
or punctuation before it is a boundary (担当のももさん, もうゆめさんとは).
"""

from __future__ import annotations

import re

from taikai.text import Morpheme, PosTagger

_HONORIFICS = frozenset({"さん", "様", "さま", "氏", "くん", "ちゃん", "先生"})
_NOUN = ("名詞", "普通名詞", "一般")
_HIRAGANA = re.compile("[ぁ-ゖ][ぁ-ゖー]{0,4}")
_BEFORE_NO_NAME = frozenset({"名詞", "接頭辞", "接尾辞"})  # glued before, the noun ends a compound (いらい+ぬし)
_GRAMMAR = frozenset({"助詞", "助動詞"})
_CONJUGATED = frozenset({"動詞", "形容詞", "助動詞"})  # a word that ends a clause before a name
_OWN_WORDS = frozenset({"動詞", "形容詞", "副詞", "連体詞", "代名詞", "接続詞"})
_LONG_PARTICLES = frozenset({"から", "まで", "けど", "ので", "のに", "より", "って", "でも", "には", "とは", "では"})
_ALL_HIRAGANA = re.compile("[ぁ-ゖー]+")
_FIRST_KANA = frozenset("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ")

COMMON_KANA_WITH_HONORIFIC = frozenset(
    # Hiragana common nouns that take an honorific, one word to UniDic (a common noun; うさぎ, かめ, ぱんだ a name).
    stem + honorific
    for stem in (
        # The people around someone (おっさん, じょうちゃん: お嬢ちゃん, むすめさん, きゃくさん, いらいぬしさん).
        *("おっ", "じょう", "いもうと", "おとうと", "むすめ", "むすこ", "まご", "ぱぱ", "あね", "あに", "おい"),
        *("きゃく", "ぬし", "となり", "せんぱい", "こうはい", "なかま", "ともだち", "あいて", "しゅじん", "ぼっ"),
        # Trades (だいくさん, やおやさん, いしゃさん, おまわりさん).
        *("だいく", "やおや", "いしゃ", "はいしゃ", "おまわり", "こや", "かんごふ"),
        # Animals and beings of children's speech (ねこちゃん, くまさん, おにさん, ほとけさま).
        *("ねこ", "いぬ", "くま", "うさぎ", "ぞう", "さる", "ぶた", "こぶた", "きりん", "かめ", "かえる", "ひよこ"),
        *("りす", "ねずみ", "たぬき", "きつね", "とり", "ことり", "うし", "うま", "ひつじ", "やぎ", "わんこ"),
        *("にゃんこ", "ちょうちょ", "ぱんだ", "いるか", "くじら", "かに", "たこ", "いか", "はち", "おに", "ほとけ"),
        *("ようせい", "ひな", "ぢい", "やっこ"),
    )
    for honorific in _HONORIFICS
)
"""Common words written in hiragana with their honorific (おっさん, ねこちゃん, だいくさん): never a name, whatever
UniDic reads them as (うさぎ, かめ and ぱんだ are person's names to it)."""


def _glued(left: Morpheme, right: Morpheme) -> bool:
    return left.end == right.start


def _punctuation(word: Morpheme) -> bool:
    return word.pos[0] in ("補助記号", "記号")


def _filler(word: Morpheme) -> bool:
    """Whether *word* is one hiragana UniDic reads as a filler or an interjection that may start a name (あ of あやね,
    read as either, い of いちか)."""
    return word.pos[0] == "感動詞" and len(word.surface) == 1 and word.surface in _FIRST_KANA


def filler_before_name(words: list[Morpheme], j: int) -> bool:
    """Whether ``words[j - 1]`` is one kana UniDic reads as a filler (:func:`_filler`) glued before a hiragana name
    starting at ``words[j]``: the name's first letter (いちか: い + ちか, まゆか: ま + ゆか, いとくとら: い + とくと
    + ら, 結局いちか), unless a noun, a prefix or a suffix in hiragana is glued before it (the kana may end that word).
    A particle is no filler to UniDic (とちか: と + ちか, のちか: の + ちか stay)."""
    if j == 0 or not _filler(words[j - 1]) or not _glued(words[j - 1], words[j]):
        return False
    if not _ALL_HIRAGANA.fullmatch(words[j].surface):
        return False
    before = words[j - 2] if j >= 2 and _glued(words[j - 2], words[j - 1]) else None
    return before is None or before.pos[0] not in _BEFORE_NO_NAME or not _ALL_HIRAGANA.fullmatch(before.surface)


def _starts_phrase(words: list[Morpheme], start: int) -> bool:
    """Whether a nickname may start at ``words[start]``: nothing glued before it, punctuation, a person's name
    (高橋 of 高橋みなと), a word of its own (もう, いう, 迎える, こんな), or a particle or an ending after a word
    (担当の, 私は, くれた); not a noun, a prefix or a suffix (いらい+ぬし, お+ばあ), nor kana that may be the
    name's own first letters (ふるい+ちや+すし, はる+かぜ, で+んこ, の after a comma: のぼう)."""
    if start == 0 or not _glued(words[start - 1], words[start]):
        return True
    before = words[start - 1]
    if before.pos[2] == "人名" or (_punctuation(before) and "ー" not in before.surface):
        return True  # not a long vowel mark: よ + ー + らいさん is よーらい
    if before.pos[0] in _BEFORE_NO_NAME:
        return False
    if before.pos[0] in _GRAMMAR:  # a particle or an ending glued after a word (担当の, 依頼してくれた, 言えば)
        ahead = words[start - 2] if start >= 2 and _glued(words[start - 2], before) else None
        if ahead is None or _punctuation(ahead):
            return False  # a particle starts no phrase (「のぼう様」, はるかぜちゃん: はる + かぜ)
        if not _ALL_HIRAGANA.fullmatch(ahead.surface):
            return True
        # After a word in hiragana, an ending or a particle of one kana, or one of the longer particles (いつ+も,
        # くれ+た, し+て, それ+から); not kana that may start the name (ふるい+ちや+すし, 使っ+た+はる+かぜ).
        a_word = ahead.pos[0] in _CONJUGATED or (len(ahead.surface) > 1 and ahead.pos[0] not in ("感動詞", "形状詞"))
        return a_word and (len(before.surface) == 1 or before.surface in _LONG_PARTICLES)
    if not _ALL_HIRAGANA.fullmatch(before.surface):
        return before.pos[0] in _CONJUGATED  # 迎えるあかりさん, 濃いあざさん; not ニコニコ+てれびちゃん
    return before.pos[0] in _OWN_WORDS and len(before.surface) > 1


def kana_noun_start(words: list[Morpheme], i: int) -> int | None:
    """Return where a hiragana nickname UniDic reads as a common noun, ``words[start:i]``, starts before the honorific
    ``words[i]``, or None if there is none (see the module's docstring). The caller checks that the nickname and its
    honorific are no common word (:data:`COMMON_KANA_WITH_HONORIFIC` among others)."""
    honorific = words[i]
    if honorific.surface not in _HONORIFICS or i == 0:
        return None
    if honorific.pos[0] != "接尾辞" and honorific.surface != "先生":  # a noun to UniDic; くん of 汲んで a verb
        return None
    noun = words[i - 1]
    if noun.pos[:3] != _NOUN or noun.unknown or len(noun.surface) < 2 or not _glued(noun, honorific):
        return None
    start = i - 1
    if start > 0 and _glued(words[start - 1], noun) and _filler(words[start - 1]):
        start -= 1  # あ + やね: a one-kana filler glued before the noun is the nickname's first letter
    if not _starts_phrase(words, start):
        return None
    return start if _HIRAGANA.fullmatch("".join(w.surface for w in words[start:i])) else None


# Hiragana nouns of time and place that come before a name as words of their own (いまみつをさん: now).
_OWN_KANA_NOUNS = frozenset(
    {"いま", "きょう", "きのう", "あした", "あす", "まえ", "あと", "こんど", "むかし", "いつも"}
)


def surname_read_as_noun(words: list[Morpheme], j: int) -> bool:
    """Whether ``words[j - 1]``, a hiragana common noun of two to five kana glued before the hiragana given name UniDic
    tags ``words[j]``, is the name's surname (あいだみつを: あいだ + みつを): it starts its phrase (nothing glued
    before it but a particle or punctuation: not このあいだ) and is no noun of time (いま, きょう)."""
    if j == 0 or words[j].pos[2:4] != ("人名", "名") or not _ALL_HIRAGANA.fullmatch(words[j].surface):
        return False
    noun = words[j - 1]
    if noun.pos[:2] != ("名詞", "普通名詞") or not _glued(noun, words[j]) or noun.surface in _OWN_KANA_NOUNS:
        return False
    if not (2 <= len(noun.surface) <= 5 and _ALL_HIRAGANA.fullmatch(noun.surface)):
        return False
    before = words[j - 2] if j >= 2 and _glued(words[j - 2], noun) else None
    return before is None or before.pos[0] == "助詞" or _punctuation(before)


_CASE_PARTICLES = frozenset("にをがとでへもは")
_GIVEN = ("名詞", "固有名詞", "人名", "名")


def particle_before_name(words: list[Morpheme], j: int, tagger: PosTagger, after_role: bool = False) -> int:
    """Return 1 when the hiragana given name UniDic reads at ``words[j]`` starts with a particle glued after a common
    noun, and the rest is a given name too: ディレクターにちかさん is ディレクター + に + ちか (UniDic: にちか), so
    the name starts one kana later; else 0. After a name (田中にちか) or a particle, the name is read whole;
    *after_role* says the word before is a role UniDic tagged as a surname (上司にちかさん), a common noun all
    the same."""
    word = words[j]
    if word.pos != _GIVEN or word.surface[0] not in _CASE_PARTICLES or not _ALL_HIRAGANA.fullmatch(word.surface):
        return 0
    if j == 0 or not _glued(words[j - 1], word) or len(word.surface) < 3:
        return 0
    before = words[j - 1]
    if (before.pos[:2] != ("名詞", "普通名詞") and not after_role) or _ALL_HIRAGANA.fullmatch(before.surface):
        return 0
    return 1 if _GIVEN in tagger.dictionary_tags(word.surface[1:]) else 0


_GLUED_HONORIFICS = ("ちゃん", "さん", "くん")
_PIECE = ("記号", "一般", "", "")  # as UniDic tags a stray kana it does not know (ゆ of ゆきんこ)
_SUFFIX = ("接尾辞", "名詞的", "一般", "")


def split_glued_honorifics(words: list[Morpheme]) -> list[Morpheme]:
    """Return *words* with an honorific UniDic read into an adverb of sounds, one kana and the honorific, after a kana
    word split off it: 結局いちかちゃん is 結局 + いち + かちゃん to UniDic (かちゃん, a click), and so いち + か +
    ちゃん here, か a stray kana of the nickname (not たくさん, many: ところたくさん stays). Not before と (かちゃんと
    閉まった: the sound) nor after a particle, an ending or an adverb (池にぽちゃん, まだかちゃん)."""
    out: list[Morpheme] = []
    for k, word in enumerate(words):
        honorific = next((h for h in _GLUED_HONORIFICS if word.surface.endswith(h)), "")
        before = words[k - 1] if k else None
        after = words[k + 1] if k + 1 < len(words) else None
        if (
            not honorific
            or word.pos[0] not in ("副詞", "感動詞")
            or len(word.surface) != len(honorific) + 1  # one kana and the honorific: not たくさん, many
            or not _ALL_HIRAGANA.fullmatch(word.surface)
            or before is None
            or not _glued(before, word)
            or not _ALL_HIRAGANA.fullmatch(before.surface)
            or before.pos[0] in _GRAMMAR
            or before.pos[0] == "副詞"
            or (after is not None and _glued(word, after) and after.surface.startswith("と"))
        ):
            out.append(word)
            continue
        cut = word.end - len(honorific)
        out.append(Morpheme(word.surface[: -len(honorific)], word.start, cut, _PIECE, True))
        out.append(Morpheme(honorific, cut, word.end, _SUFFIX, False))
    return out
