"""Common given names UniDic does not read as names, and the pets and prefixed nouns that are no person.

UniDic tags a person's name by the word, and many of the given names parents choose most today are common nouns to
it (愛, 凛, 紬, 澪: love, dignified, pongee, a waterway) or kanji it reads apart (陽葵: 陽 + 葵, 颯真: 颯 + 真), so
that 愛さん, 澪ちゃん, 娘の陽葵が and 息子の蓮が were left. :data:`GIVEN_NAMES` lists the given names that ranked
high among the names given to babies in Japan in the 2010s and 2020s (Meiji Yasuda's yearly list), of one or two
characters; a name on it is masked

- before an honorific (さん, ちゃん, くん, 君, 様) that ends a word, where a name may start: the name and the
  honorific are words of their own to UniDic (not 恋愛さん, 最愛ちゃん: one word; not 愛さない: 愛さ + ない), and
  nothing but punctuation, a particle, a noun of time (昨日澪ちゃん) or a word of kin or a role is glued before it
  (not お花さん: a prefix);
- alone after a word of kin or a role and の (娘の陽葵が, 息子の蓮は, 同僚の颯から), when a particle, a punctuation
  mark, a space or the text's end follows it, unless it is also a thing that person may have (:data:`_POSSESSED`:
  娘の愛が重い, 娘の詩が賞を取った) or an adverb with と (娘の凛とした態度).

Left off the list: names that are a thing people give an honorific to (花ちゃんに水をやる, 桜, 空, 海), a word
of kin (めい: a niece) and names that are also companies (大和). Pets are no person: a name right after a word of
a pet and の, or right after 愛犬, 愛猫 or ペット (猫のタマちゃん, 愛犬の蓮くん, 愛犬ポチ; not 猫ひろしさん), is no
name, whoever found it (:func:`person_names`); neither is a thing of the kitchen with お that UniDic tags as a given
name (お花さん, お米さん; お光さん, an old name, stays one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._name_start import people_before, starts_name
from taikai.privacy._names import find_names
from taikai.privacy._spans import Spans
from taikai.text import Morpheme, PosTagger

GIVEN_NAMES = frozenset(
    (
        # girls
        *("陽葵", "凛", "凜", "芽依", "結菜", "葵", "紬", "杏", "澪", "結愛", "莉子", "咲良", "陽菜", "翠", "心陽"),
        *("美桜", "結衣", "詩", "楓", "咲", "芽生", "莉央", "日葵", "一華", "結月", "心春", "結", "琴葉", "澄"),
        *("彩葉", "愛", "和奏", "心結", "陽咲", "杏奈", "莉緒", "芽衣", "心愛", "美咲", "優奈", "紗良", "舞", "彩"),
        *("恵", "萌", "茜", "遥", "美羽", "真央", "莉愛", "ひまり", "つむぎ", "こはる", "りこ", "みお"),
        # boys
        *("蓮", "陽翔", "湊", "蒼", "樹", "悠真", "碧", "朝陽", "陽向", "律", "悠人", "大翔", "颯真", "暖", "陽太"),
        *("結翔", "蒼空", "伊織", "悠斗", "颯", "翔", "陸", "晴", "奏太", "陽斗", "蒼真", "凪", "岳", "颯太", "大雅"),
        *("優斗", "瑛太", "航", "海斗", "湊斗", "大輝", "健太", "拓海", "翼", "歩", "輝", "蒼大"),
    )
)
# Names that are also something a relative or a colleague has or does (娘の愛が重い, 娘の詩, 息子の歩が遅い): a name
# only before an honorific.
_POSSESSED = frozenset(("愛", "詩", "舞", "彩", "恵", "結", "歩", "律", "翼", "輝", "澄", "萌", "咲"))
_NAME = re.compile("|".join(sorted(GIVEN_NAMES, key=len, reverse=True)))
_HONORIFIC = re.compile("さん|ちゃん|くん|君|様")
_AFTER_NAME = frozenset({"助詞", "補助記号", "空白"})
# A pet's word before a name and の (猫のタマちゃん, うちの猫のミーちゃん), or one that says a pet alone glued before it
# (愛犬ポチ; not 猫ひろしさん, a comedian).
_PETS = (
    *("猫", "ねこ", "ネコ", "犬", "いぬ", "イヌ", "ワンちゃん", "わんちゃん", "インコ", "オウム", "文鳥", "うさぎ"),
    *("ウサギ", "ハムスター", "金魚", "フェレット", "亀", "カメ", "プードル", "チワワ", "ダックス", "ポメラニアン"),
)
_PETS_ALONE = ("愛犬", "愛猫", "飼い犬", "飼い猫", "ペット")
_PET = re.compile(f"(?:(?:{'|'.join(_PETS)})の|(?:{'|'.join(_PETS_ALONE)})の?)$")
# The most characters before a name that _PET looks at: its longest word, の, and the line break its $ passes.
_PET_REACH = max(map(len, _PETS + _PETS_ALONE)) + 2
# Things of the kitchen and the house that take お and an honorific, which UniDic tags as given names (お花さんの教室,
# お米さんを研ぐ); お and another kanji may be an old name (お光さん, お岩さん) and stays a name.
_PREFIXED = frozenset(("お花", "お米", "お豆", "お芋", "お茶"))


def person_names(text: str, tagger: PosTagger) -> Iterator[Found]:
    """Find person names in the NFKC text *text*: :func:`taikai.privacy._names.find_names`'s and the common given
    names it misses (:func:`find_common_given_names`), less the names of pets and お or ご with one kanji."""
    found = list(find_names(text, tagger))
    names = Spans((f.start, f.end) for f in found if f.kind is PiiKind.NAME)
    for extra in find_common_given_names(text, tagger):
        if not names.overlaps(extra.start, extra.end):
            found.append(extra)
    for f in found:
        pet = f.kind is PiiKind.NAME and _PET.search(text, max(0, f.start - _PET_REACH), f.start)
        if pet or (f.kind is PiiKind.NAME and text[f.start : f.end] in _PREFIXED):
            continue
        yield f


def find_common_given_names(text: str, tagger: PosTagger) -> Iterator[Found]:
    """Find the names of :data:`GIVEN_NAMES` before an honorific or after a word of kin or a role and の."""
    matches = list(_NAME.finditer(text))
    if not matches:
        return
    words = tagger.tag(text)
    starts = {w.start: k for k, w in enumerate(words)}
    ends = {w.end: k for k, w in enumerate(words)}
    for m in matches:
        first, last = starts.get(m.start()), ends.get(m.end())
        if first is not None and last is None and ends.get(m.end() + 1) == first:
            # 娘の凛と公園に: UniDic reads 凛と as one adverb; the name and と, unless する follows (凛とした).
            after = words[first + 1] if first + 1 < len(words) else None
            adverb = words[first].pos[0] == "副詞" and words[first].surface == m.group() + "と"
            if adverb and (after is None or after.surface[:1] != "し") and _after_kin(m.group(), words, first, first):
                yield Found(m.start(), m.end(), PiiKind.NAME)
            continue
        if first is None or last is None:
            continue  # inside a word (恋愛さん, 最愛, 結婚)
        if _before_honorific(text, words, first, last, ends) or _after_kin(m.group(), words, first, last, True):
            yield Found(m.start(), m.end(), PiiKind.NAME)


def _before_honorific(text: str, words: list[Morpheme], first: int, last: int, ends: dict[int, int]) -> bool:
    honorific = _HONORIFIC.match(text, words[last].end)
    return honorific is not None and honorific.end() in ends and starts_name(words, first)


def _after_kin(name: str, words: list[Morpheme], first: int, last: int, check_next: bool = False) -> bool:
    if name in _POSSESSED or first < 2:
        return False
    joint = words[first - 1]
    if joint.surface != "の" or joint.end != words[first].start or not people_before(words, first - 1):
        return False
    nxt = words[last + 1] if last + 1 < len(words) else None
    if not check_next or nxt is None or nxt.start > words[last].end:
        return True
    if nxt.surface == "と" and last + 2 < len(words) and words[last + 2].surface[:1] == "し":
        return False  # 凛とした: an adverb
    return nxt.pos[0] in _AFTER_NAME
