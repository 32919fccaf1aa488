"""Kanji names UniDic reads apart as common words, found by the honorific after them: 森七菜さん, 浜辺美波さん.

UniDic's best path reads a surname it does not hold as a name as the common noun it spells (浜辺, a beach: 浜辺美波),
and a given name it does not hold as its kanji one by one (七菜: 七 a numeral + 菜 a suffix; 果耶: 果 + 耶, unknown).
Before an honorific such words are still a name, when what stands before them says so:

- **A given name read as two single kanji.** Two words of one kanji each, glued before the honorific, each a noun,
  a numeral, a suffix or a kanji UniDic does not know (the first a prefix too: 谷川七菜さん, 七 + 菜), neither a word
  after a name (家, 達, 宅: :data:`taikai.privacy._surnames.OWN_SUFFIXES`), after a surname: one UniDic tags
  (清原果耶さん), or a kanji noun the dictionary also holds as a surname where a name may start (森七菜さん: 森, a
  forest to the best path; see the next rule). One kanji alone after a surname is left (a word of its own too
  often: 田中両氏). With no surname before them, before さん, ちゃん or くん, they are a given name alone when
  together they are no word the dictionary holds, the second is a given name's kanji to it, neither is a word of
  kin or of a role, and a name may start there (柚葉ちゃん: 柚 + 葉; not 子猫ちゃん, 孫娘ちゃん, 黒猫さん).
- **A surname read as a common noun.** A kanji common noun glued before a given name in kanji UniDic tags, right
  before the honorific, is the surname (浜辺美波さん: 浜辺 + 美波) when a name may start there (nothing glued before
  it but punctuation, a particle, a noun of time, or a word of the people around someone or of a role:
  先日浜辺美波さん, 女優浜辺美波さん) and it is no such word itself (友人, 同僚, 上司, 担当, 女優: :data:`PEOPLE`,
  nor a common word that takes an honorific itself: 友人美波さん is 友人 and 美波さん).
- **A role read as a surname.** A word of the people around someone (:data:`PEOPLE`) or a shop that takes an
  honorific (花屋さん, 八百屋さん) that UniDic tags as a surname before a given name it tags (上司美波さん: 上司 +
  美波, 上司にちかさん, 大家健太さん) is no part of the name: the review needs the role, and the name after it is
  masked alone (上司[人名]さん; it was [人名]さん).
- **A surname and a given name read across.** Four kanji glued before the honorific, read as words that are no
  person's name and cut elsewhere than after the second kanji (清野菜名さん: 清, a country + 野菜, vegetables + 名),
  are a name when the first two are a surname the dictionary holds (清野) and the last two no word it holds (菜名),
  and a name may start there (:func:`starts_name`): a given name read apart. A compound ending in a word (森林組合,
  小林製薬: 組合 and 製薬 are words) stays.
- **One kanji tagged a given name.** Before an honorific it is a name (茜さん, 蓮くん, 昨日舞さんと) unless the
  kanji and the honorific's first kana are a verb to the dictionary (サイト通さんと, 許さん: 通さない, 許さない) or
  it is glued after a noun, a prefix or a suffix where no name starts (サイト通, お米); an animal a child calls so
  (羊さん, 亀さん) is a common word with an honorific (:data:`taikai.privacy._unread_names.COMMON_WITH_HONORIFIC`).
- **One kanji read as a word that is a given name.** One kanji UniDic reads as a common noun or a suffix that the
  dictionary holds as a given name is one after a word of kin or a role (女優杏さん, 担当光さん, 娘杏ちゃん: 杏 and 光
  suffixes there) or, starting its phrase, before くん (翼くん: 翼, a wing): :func:`given_name_read_as_word`.
- **A surname read as two single kanji.** Two kanji read as words of their own that together are no word, before
  a given name UniDic tags, where a name may start, are its surname (國中均氏: 國 + 中 + 均).
"""

from __future__ import annotations

import re

from taikai.privacy._name_start import PEOPLE, glued, people_before, starts_name
from taikai.privacy._surnames import OWN_PREFIXES, OWN_SUFFIXES
from taikai.text import Morpheme, PosTagger

_ONE_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")
_SURNAME = ("名詞", "固有名詞", "人名", "姓")
_PIECE_TAGS = frozenset({("名詞", "普通名詞"), ("名詞", "数詞"), ("接尾辞", "名詞的"), ("記号", "一般")})


def _piece(word: Morpheme, first: bool = False) -> bool:
    """Whether *word* may be one kanji of a given name read apart; the first may be a prefix to UniDic (七 of 七菜)
    that is no word of its own before a name (元, 新, 故)."""
    prefix = first and word.pos[0] == "接頭辞" and word.surface not in OWN_PREFIXES
    return (
        bool(_ONE_KANJI.fullmatch(word.surface))
        and (word.pos[:2] in _PIECE_TAGS or word.unknown or prefix)
        and word.pos[2] != "人名"
        and word.surface not in OWN_SUFFIXES
    )


def _held_surname(words: list[Morpheme], k: int, tagger: PosTagger) -> bool:
    """Whether ``words[k]`` is a surname: UniDic tags it one, or it is a kanji noun the dictionary also holds as one
    and a name may start there (森 of 森七菜: :func:`starts_name`)."""
    word = words[k]
    if word.pos == _SURNAME:
        return True
    if word.pos[0] != "名詞" or not _KANJI.fullmatch(word.surface) or not starts_name(words, k):
        return False
    return _SURNAME in tagger.dictionary_tags(word.surface)


def given_name_in_pieces(words: list[Morpheme], end: int, tagger: PosTagger) -> int:
    """Return where a surname and a given name read as two single kanji start before ``words[end]`` (清原 + 果 + 耶,
    森 + 七 + 菜), or where such a given name alone starts (柚 + 葉 + ちゃん: :func:`_given_name_alone`), or *end*
    when there is none (see the module)."""
    if end < 2 or not (glued(words[end - 2], words[end - 1]) and glued(words[end - 1], words[end])):
        return end
    if not (_piece(words[end - 2], first=True) and _piece(words[end - 1])):
        return end
    if end >= 3 and glued(words[end - 3], words[end - 2]) and _held_surname(words, end - 3, tagger):
        return end - 3
    return end - 2 if _given_name_alone(words, end, tagger) else end


_ALONE_HONORIFICS = frozenset({"さん", "ちゃん", "くん"})


def _given_name_alone(words: list[Morpheme], end: int, tagger: PosTagger) -> bool:
    """Whether the two single kanji before the honorific ``words[end]`` (さん, ちゃん, くん) are a given name with no
    surname (柚葉ちゃん: 柚 + 葉): together they are no word the dictionary holds (孫娘, 子猫, 大家 are), the second
    is a given name's kanji to it (葉, 晴, 菜), neither is a word of kin or of a role (娘, 妻: :data:`PEOPLE`), and
    a name may start there (:func:`starts_name`: nothing, punctuation, a particle or a noun of time before it)."""
    first, second = words[end - 2], words[end - 1]
    if words[end].surface not in _ALONE_HONORIFICS or first.surface in PEOPLE or second.surface in PEOPLE:
        return False
    if first.pos[0] != "名詞" or not starts_name(words, end - 2):
        return False
    if tagger.dictionary_tags(first.surface + second.surface):
        return False
    return _GIVEN_NAME in tagger.dictionary_tags(second.surface)


def surname_read_as_common_noun(words: list[Morpheme], j: int, end: int, common: frozenset[str]) -> bool:
    """Whether ``words[j - 1]`` is a kanji common noun glued before the kanji given name ``words[j]``, which ends before
    *end*, that is the name's surname (浜辺美波さん); *common* holds the common words with an honorific."""
    if j == 0 or end != j + 1 or words[j].pos[2:4] != ("人名", "名") or not _KANJI.fullmatch(words[j].surface):
        return False
    noun = words[j - 1]
    if noun.pos[:3] != ("名詞", "普通名詞", "一般") or not glued(noun, words[j]) or not _KANJI.fullmatch(noun.surface):
        return False
    if len(noun.surface) < 2 or noun.surface in PEOPLE or any(noun.surface + h in common for h in ("さん", "様")):
        return False
    return starts_name(words, j - 1)


def role_read_as_surname(words: list[Morpheme], j: int, end: int, common: frozenset[str]) -> bool:
    """Whether ``words[j]`` is a role or a shop UniDic tags as a surname before the given name ``words[j + 1 : end]``
    (上司 + 美波 + さん), and so no part of the name; *common* holds the common words with an honorific."""
    word = words[j] if j < end else None
    if word is None or word.pos != _SURNAME or j + 1 >= end:
        return False
    shop = word.surface.endswith("屋") and word.surface + "さん" in common  # 花屋, 八百屋; not 土屋
    if word.surface not in PEOPLE and not shop:
        return False
    return all(w.pos[2:4] == ("人名", "名") for w in words[j + 1 : end])


def name_read_across(words: list[Morpheme], end: int, tagger: PosTagger) -> int:
    """Return where a surname and a given name UniDic reads across as common words start before ``words[end]``
    (清 + 野菜 + 名 + さん: 清野 and 菜名), or *end* when there is none (see the module)."""
    k, length = end, 0
    while k > 0 and length < 4 and _KANJI.fullmatch(words[k - 1].surface) and glued(words[k - 1], words[k]):
        k -= 1
        length += len(words[k].surface)
    run = words[k:end]
    if length != 4 or len(run) < 2 or any(w.pos[0] != "名詞" or w.pos[2] == "人名" for w in run):
        return end
    text = "".join(w.surface for w in run)
    if run[0].surface == text[:2] or not starts_name(words, k):
        return end  # read as two words of two kanji: a compound UniDic knows
    if _SURNAME not in tagger.dictionary_tags(text[:2]) or tagger.dictionary_tags(text[2:]):
        return end
    return k


_GIVEN_NAME = ("名詞", "固有名詞", "人名", "名")


def one_kanji_given_name(words: list[Morpheme], j: int, end: int, tagger: PosTagger) -> bool:
    """Whether ``words[j:end]``, right before an honorific, is one kanji UniDic tags a given name (蓮くん, 茜さん,
    舞さん) that is no verb's stem with the honorific's first kana (サイト通さんと is 通さないと: 通さ a verb to the
    dictionary, as 出さ, 許さ and 話さ are) and is glued after no noun, prefix or suffix, unless a name may start
    there all the same (:func:`starts_name`: 昨日蓮くん, 同僚舞さん; not サイト通さん, of which it may be the end,
    nor お米さん). A verb may come before it (と話す香さん)."""
    if end != j + 1 or words[j].pos != _GIVEN_NAME or not _ONE_KANJI.fullmatch(words[j].surface) or end >= len(words):
        return False
    after_word = j > 0 and glued(words[j - 1], words[j]) and words[j - 1].pos[0] in ("名詞", "接頭辞", "接尾辞")
    if after_word and not starts_name(words, j):
        return False
    # Not before くん: UniDic reads a verb and ん as such (翔くんが is 翔く + ん, split by split_name_read_as_verb).
    return words[end].surface == "くん" or not _verb_stem(words[j], words[end], tagger)


_READ_AS_WORD = frozenset({("名詞", "普通名詞"), ("接尾辞", "名詞的")})


def given_name_read_as_word(words: list[Morpheme], end: int, tagger: PosTagger) -> bool:
    """Whether ``words[end - 1]``, one kanji UniDic reads as a common noun or a suffix right before the honorific
    ``words[end]``, is a given name the dictionary holds (翼, a wing; 杏, 光: suffixes after a noun) that is no
    verb's stem with the honorific's first kana and no word after a name (達, 方, 長: :data:`OWN_SUFFIXES`), and
    - glued after a word of the people around someone or of a role (女優杏さん, 担当光さん, 娘杏ちゃん, 担当者光さん:
      :func:`people_before`), before any honorific; or
    - starting its phrase (:func:`starts_name`) before くん, which follows a boy's given name (翼くん, 今日は翼くんが,
      昨日翼くん), and not ちゃん or さん, which a child or a writer gives a plant, a toy or a hobby too (花ちゃんに
      水をやった, 熊ちゃんのぬいぐるみ, 鉄ちゃん: a railway fan)."""
    if end == 0 or end >= len(words):
        return False
    word, honorific = words[end - 1], words[end]
    if not _ONE_KANJI.fullmatch(word.surface) or word.pos[:2] not in _READ_AS_WORD or not glued(word, honorific):
        return False
    if word.surface in OWN_SUFFIXES or _GIVEN_NAME not in tagger.dictionary_tags(word.surface):
        return False
    if honorific.surface != "くん" and _verb_stem(word, honorific, tagger):
        return False  # not before くん: UniDic reads 拓く + ん as the verb where it is one (未来を拓くんだ)
    return people_before(words, end - 1) or (honorific.surface == "くん" and starts_name(words, end - 1))


def surname_in_pieces(words: list[Morpheme], j: int, tagger: PosTagger) -> int:
    """Return where a surname UniDic reads as two single kanji starts before the given name ``words[j]`` it tags
    (國中均氏: 國 + 中 + 均), or *j* when there is none: two words of one kanji each glued before it, each a noun, a
    numeral, a suffix or a kanji UniDic does not know and no word of kin or after a name (:func:`_piece`), that
    together are no word the dictionary holds (年中, 日中 are), where a name may start (:func:`starts_name`)."""
    if j < 2 or words[j].pos != _GIVEN_NAME or not _ONE_KANJI.fullmatch(words[j].surface[:1]):
        return j
    first, second = words[j - 2], words[j - 1]
    if not (glued(first, second) and glued(second, words[j]) and _piece(first) and _piece(second)):
        return j
    if first.surface in PEOPLE or second.surface in PEOPLE or not starts_name(words, j - 2):
        return j
    return j if tagger.dictionary_tags(first.surface + second.surface) else j - 2


def given_name_after_people(words: list[Morpheme], i: int) -> bool:
    """Whether ``words[i]``, a given name of two kanji or more UniDic tags, is a name with no honorific after it: a
    word of kin or of the people around someone and の stand glued before it (娘の結衣が, 旦那の健一に, 妹の美咲と,
    同僚の健一は: :func:`people_before`), and a particle, a punctuation mark, a space or the text's end after it."""
    word = words[i]
    if i < 2 or word.pos != _GIVEN_NAME or len(word.surface) < 2 or not _KANJI.fullmatch(word.surface):
        return False
    joint = words[i - 1]
    if joint.surface != "の" or not glued(joint, word) or not people_before(words, i - 1):
        return False
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is None or not glued(word, nxt) or nxt.pos[0] in ("助詞", "補助記号")


def _verb_stem(word: Morpheme, honorific: Morpheme, tagger: PosTagger) -> bool:
    """Whether the kanji *word* and the first kana of *honorific* are a verb to the dictionary (通さ, 許さ, 拓く)."""
    return any(tag[0] == "動詞" for tag in tagger.dictionary_tags(word.surface + honorific.surface[:1]))


_SUFFIX = ("接尾辞", "名詞的", "一般", "")
_AFTER_A_NAME = frozenset({"が", "は", "に", "の", "も", "を", "へ", "から", "より", "と", "、", ","})


def split_name_read_as_verb(words: list[Morpheme], tagger: PosTagger) -> list[Morpheme]:
    """Return *words* with a one-kanji given name and くん that UniDic reads as a verb and ん (翔くんが: 翔く + ん;
    輝くんに: 輝く + ん) split into the given name and くん: the kanji is a given name to the dictionary, a name may
    start there (:func:`starts_name`), and a particle or a comma follows (a verb and ん end a clause: 行くんだ;
    not と before ちゃう or 違う, 行くんとちゃう)."""
    out: list[Morpheme] = []
    skip = False
    for k, word in enumerate(words):
        if skip:
            skip = False
            continue
        n = words[k + 1] if k + 1 < len(words) else None
        after = words[k + 2] if k + 2 < len(words) else None
        split = (
            word.pos[0] == "動詞"
            and len(word.surface) == 2
            and word.surface[1] == "く"
            and _ONE_KANJI.fullmatch(word.surface[0]) is not None
            and n is not None
            and n.surface == "ん"
            and glued(word, n)
            and after is not None
            and glued(n, after)
            and after.surface in _AFTER_A_NAME
            and not (after.surface == "と" and k + 3 < len(words) and words[k + 3].surface[:1] in ("ち", "違"))
            and starts_name(words, k)
            and _GIVEN_NAME in tagger.dictionary_tags(word.surface[0])
        )
        if not split or n is None:
            out.append(word)
            continue
        out[len(out) :] = [
            Morpheme(word.surface[0], word.start, word.start + 1, _GIVEN_NAME, False),
            Morpheme("くん", word.start + 1, n.end, _SUFFIX, False),
        ]
        skip = True
    return out
