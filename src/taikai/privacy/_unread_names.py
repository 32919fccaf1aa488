"""Names UniDic does not read as names, found by the honorific after them: 西さん, たかぴーさん.

UniDic's best path reads some surnames as common nouns (西, 北, 星, 柳: directions, a star, a willow) and splits
nicknames into grammar (たかぴー is た + か + ぴー). Before an honorific they are still names, unless the word is one
of the many common words that take さん (お客さん, 皆さん, 大家さん, 奥さん, 神様): two rules, each narrow.

- **A surname read as a common noun.** The kanji noun right before the honorific is a word the dictionary also
  holds as a surname (西, 北, 星), it starts its phrase (no prefix or noun before it: 事務局さん is 事務 + 局), and
  it is not in :data:`COMMON_WITH_HONORIFIC`. Given-name entries are not enough: 運ちゃん is a taxi driver.
- **A nickname in kana split into grammar**, alone before the honorific (たかぴーさん), ending in a kanji (ぴよ子さん)
  or in quotes (「ぴよ子」さん): the kana nickname rules of :mod:`taikai.privacy._nicknames`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from taikai.privacy._kana_nouns import COMMON_KANA_WITH_HONORIFIC, kana_noun_start
from taikai.privacy._nicknames import PHRASE_WORDS, WORD_PARTS, kana_before_name, nickname_start
from taikai.text import Morpheme, PosTagger

UNREAD_HONORIFICS = frozenset({"さん", "様", "さま", "氏", "くん", "ちゃん", "先生"})
"""The honorifics after which a word UniDic does not read as a name may be one (not 君 or 殿: you, a lord)."""


def _with_honorifics(stems: Iterable[str], honorifics: Iterable[str]) -> set[str]:
    return {stem + honorific for stem in stems for honorific in honorifics}


_SAMA = ("様", "さま")
COMMON_WITH_HONORIFIC = frozenset(
    # Words that take an honorific in reviews and everyday writing, whatever the honorific (data/reviews.csv:
    # お客さん 172, 皆さん 45, 奥様, 運ちゃん; news articles: 奥さん 130, 神様 70, 王様, 上司さん, 仲間さん). Not 孫:
    # someone's grandchild is お孫さん, and 孫さん in news is Son Masayoshi.
    # Only those a rule could take for a name are needed (a kanji word with a surname entry, a kana word), but the
    # list keeps the common ones of the corpus too, so that a change of dictionary cannot turn them into names.
    # Katakana roles (クライアントさん) are one noun to UniDic, neither rule takes them; _not_names lists them.
    _with_honorifics(
        (
            *("客", "お客", "皆", "みな", "みんな", "大家", "奥", "おく", "お孫", "仲間", "上司", "先輩", "後輩"),
            *("運営", "担当", "営業", "事務局", "先方", "相手", "常連", "社長", "店長", "部長", "課長", "院長"),
            *("嫁", "よめ", "旦那", "だんな", "母", "かあ", "お母", "おかあ", "父", "とう", "お父", "おとう"),
            *("ばあ", "おばあ", "じい", "おじい", "おば", "おじ", "ねえ", "おねえ", "にい", "おにい", "お子", "おこ"),
            *("ばー", "おばー", "じー", "おじー", "ねー", "おねー", "にー", "おにー"),
            *("かー", "おかー", "とー", "おとー"),
            *("ばっ", "じっ", "おりこう", "お利口", "かまって", "くれくれ"),
            *("米屋", "八百屋", "花屋", "本屋", "魚屋", "酒屋", "肉屋", "床屋", "問屋", "質屋", "お店", "学生"),
            # Animals of one kanji UniDic tags a given name before an honorific (a child's 羊さん, in livedoor's news;
            # 亀さん, 鶴さん), or that the dictionary holds as one, which a boy's くん follows (熊くん, 鳥くん:
            # taikai.privacy._read_apart.given_name_read_as_word): not 龍, 竜 or 隼, names in the news (竜ちゃん), nor
            # 猫 or 犬, no given names to the dictionary.
            *("羊", "亀", "鶴", "鷹", "獏", "貘", "熊", "鳥", "鴨"),
        ),
        UNREAD_HONORIFICS,
    )
    # Words that take 様 (a god, a king, a receipt's 上様) but that are also names before さん (王さん: Mr Wang).
    | _with_honorifics(
        ("神", "かみ", "王", "姫", "お姫", "殿", "上", "仏", "大仏", "星", "お星", "月", "お月", "日", "お日"), _SAMA
    )
    | _with_honorifics(
        ("おかげ", "お陰", "お蔭", "おつかれ", "お疲れ", "ごちそう", "ご馳走", "ごくろう", "ご苦労"), _SAMA
    )
    | {"運ちゃん", "母ちゃん", "父ちゃん", "赤ちゃん", "あかちゃん", "神さん", "かみさん", "おかみさん", "女将さん"}
    | {"孫ちゃん"}  # a grandchild (孫の世話): UniDic holds 孫 as a surname; 孫さん, Mr Son, stays a name
    | COMMON_KANA_WITH_HONORIFIC  # おっさん, むすめさん, ねこちゃん: in hiragana, one common noun to UniDic
)
"""Common words with their honorific (お客さん, 皆さん, 大家さん, 奥様, …): never a name before an honorific."""

_SURNAME = ("名詞", "固有名詞", "人名", "姓")
_PERSON_OF_NO_KIND = ("名詞", "固有名詞", "人名", "一般")
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]{1,3}")
NAME_ENDINGS = frozenset({"子", "美"})
"""Kanji that end a given name and that UniDic reads as a common noun or a suffix after kana (ぴよ子: ぴ + よ + 子,
みか子: みか + 子); a kanji UniDic tags as a given name (太郎, 吉) ends one too."""


def _adjacent(left: Morpheme, right: Morpheme) -> bool:
    return left.end == right.start


def _surname_read_as_noun(words: list[Morpheme], i: int, tagger: PosTagger) -> bool:
    """Whether the word before the honorific ``words[i]`` is a kanji noun the dictionary also holds as a surname, or,
    before ちゃん, one kanji it holds as a person's name of no kind, neither surname nor given name (山ちゃん, 光ちゃん:
    a nickname; not 花, 熊 or 鳥, given names that are pets and toys too: 熊ちゃんのぬいぐるみ)."""
    word = words[i - 1]
    if word.pos[0] != "名詞" or word.pos[2] == "人名" or not _KANJI.fullmatch(word.surface):
        return False
    if i >= 2 and _adjacent(words[i - 2], word) and words[i - 2].pos[0] in WORD_PARTS:
        return False  # the end of a compound (事務局, 工務店) or after a prefix (お姫様)
    tags = tagger.dictionary_tags(word.surface)
    if words[i].surface == "ちゃん" and len(word.surface) == 1 and _PERSON_OF_NO_KIND in tags:
        return True
    return _SURNAME in tags


def find_unread_name(words: list[Morpheme], i: int, tagger: PosTagger) -> int | None:
    """Return where a name UniDic does not read as one starts before the honorific ``words[i]``, or None.

    The name is ``words[start:i]``; the caller has made sure that no word UniDic tags as a name comes right before.
    """
    honorific = words[i]
    if honorific.surface not in UNREAD_HONORIFICS or i == 0 or not _adjacent(words[i - 1], honorific):
        return None
    if honorific.surface == "ちゃん" and i + 1 < len(words) and words[i + 1].surface == "と":
        return None  # ちゃんと (properly), which UniDic splits after a noun: この前ちゃんと言った, 毎回ちゃんと
    if _surname_read_as_noun(words, i, tagger):
        start: int | None = i - 1
    elif words[i - 1].surface in NAME_ENDINGS and words[i - 1].pos[0] in ("名詞", "接尾辞"):
        start = kana_before_name(words, i - 1)  # ぴよ子さん, みか子さん
    else:
        start = nickname_start(words, i)
        if start is None:
            start = kana_noun_start(words, i)  # ももさん, あやねさん: a noun to UniDic
    if start is None:
        return None
    phrase = "".join(w.surface for w in words[start : i + 1])
    if phrase in COMMON_WITH_HONORIFIC:
        return None
    return start


_QUOTED_NICKNAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々ぁ-ゖァ-ヺー]{2,8}")


def quoted_nickname(words: list[Morpheme], i: int, opened: int) -> bool:
    """Whether the words quoted between ``words[opened]`` and ``words[i - 1]``, right before the honorific
    ``words[i]``, are a nickname UniDic splits into grammar (「ぴよ子」さん: ぴ + よ + 子, 「たかぴー」さん).

    The quotes bound the name, so kanji may end it too; the rest is the rule for kana nicknames: two to eight
    characters of two words or more, one of them no part of a common word (a particle, an adverb, a verb: not
    「神対応」さん), no phrase of its own (no adjective, pronoun or verb of two kana or more: 「優しい人」さん), and
    not a common word with its honorific (「お客」さん).
    """
    quoted = words[opened + 1 : i - 1]
    phrase = "".join(w.surface for w in quoted)
    if len(quoted) < 2 or not _QUOTED_NICKNAME.fullmatch(phrase) or phrase + words[i].surface in COMMON_WITH_HONORIFIC:
        return False
    if words[i].surface not in UNREAD_HONORIFICS or any(not _adjacent(a, b) for a, b in itertools.pairwise(quoted)):
        return False
    if any(w.pos[0] in PHRASE_WORDS or (w.pos[0] == "動詞" and len(w.surface) > 1) for w in quoted):
        return False
    return not all(w.pos[0] in WORD_PARTS and w.pos[2] != "人名" and not w.unknown for w in quoted)
