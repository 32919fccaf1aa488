"""Names UniDic does not read as names, found by the honorific after them: 西さん, たかぴーさん.

UniDic's best path reads some surnames as common nouns (西, 北, 星, 柳: directions, a star, a willow) and splits
nicknames into grammar (たかぴー is た + か + ぴー). Before an honorific they are still names, unless the word is one
of the many common words that take さん (お客さん, 皆さん, 大家さん, 奥さん, 神様): two rules, each narrow.

- **A surname read as a common noun.** The kanji noun right before the honorific is a word the dictionary also
  holds as a surname (西, 北, 星), it starts its phrase (no prefix or noun before it: 事務局さん is 事務 + 局), and
  it is not in :data:`COMMON_WITH_HONORIFIC`. Given-name entries are not enough: 運ちゃん is a taxi driver.
- **A nickname in kana split into grammar.** The kana right before the honorific, from the word after the last
  boundary (the start, punctuation, a non-kana word, a change between hiragana and katakana, a demonstrative,
  pronoun or adjective, a verb or adverb of two or more kana, a particle or ending that follows a word: 私は,
  知り合った) is 2 to 8 characters long and is not one word: at least one of its words is a particle, an
  auxiliary, a verb, an adverb, a symbol or unknown (たかぴー, みー), which a common word with an honorific never
  is (みなさん, おかげさま, お+疲れ+さま are a noun with a prefix at most). A particle after a stray kana (ゆ + の
  + ん, ゆ a symbol to UniDic) and one kana read as a filler right before the honorific (ん) are pieces of it, not
  boundaries; an adverb of two kana or more before one whole word is one (もうぽんさん: もう stays). An adverb of
  sounds in hiragana alone (:func:`sound_word`: ぽんさん, ぺこちゃん, ぽちさん) is a nickname too, and so is a
  noun before a suffix of sounds (:func:`sound_suffix`: まだたかぽんさん, たか + ぽん after まだ).
- **A kana nickname ending in a kanji.** Kana glued before 子 or 美 right before the honorific (ぴよ子さん: ぴ + よ
  + 子, みか子さん: みか + 子), or before a given name in kanji (ぴよ太郎さん: the name finder took 太郎 alone), read
  as such a nickname is (:func:`kana_before_name`), with no verb, adjective or ending among them (結婚した歩さん);
  an adverb of sounds starting with a semi-voiced kana starts one (ぽん太さん, ぴよぴよ太郎さん), まだ or もう not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from taikai.privacy._kana_nouns import COMMON_KANA_WITH_HONORIFIC, kana_noun_start
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
    | COMMON_KANA_WITH_HONORIFIC  # おっさん, むすめさん, ねこちゃん: in hiragana, one common noun to UniDic
)
"""Common words with their honorific (お客さん, 皆さん, 大家さん, 奥様, …): never a name before an honorific."""

_SURNAME = ("名詞", "固有名詞", "人名", "姓")
_PERSON_OF_NO_KIND = ("名詞", "固有名詞", "人名", "一般")
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]{1,3}")
_KANA = re.compile(r"[ぁ-ゖァ-ヺー]+")
_KATAKANA = re.compile(r"[ァ-ヺ]")
_MAX_NICKNAME = 8
# Words that begin a phrase of their own (この, あの, 私, そして, ええ): the nickname starts after them.
_PHRASE_WORDS = frozenset({"連体詞", "代名詞", "接続詞", "感動詞", "形容詞"})
_GRAMMAR = frozenset({"助詞", "助動詞"})
# What a common word with an honorific is made of (お+利口+さん); a nickname split into grammar has another word.
_WORD_PARTS = frozenset({"名詞", "接頭辞", "接尾辞", "形状詞"})
NAME_ENDINGS = frozenset({"子", "美"})
"""Kanji that end a given name and that UniDic reads as a common noun or a suffix after kana (ぴよ子: ぴ + よ + 子,
みか子: みか + 子); a kanji UniDic tags as a given name (太郎, 吉) ends one too."""
_NO_NICKNAME = frozenset({"動詞", "形容詞", "助動詞"})  # no piece of a nickname glued before a kanji


def _adjacent(left: Morpheme, right: Morpheme) -> bool:
    return left.end == right.start


def _surname_read_as_noun(words: list[Morpheme], i: int, tagger: PosTagger) -> bool:
    """Whether the word before the honorific ``words[i]`` is a kanji noun the dictionary also holds as a surname, or,
    before ちゃん, one kanji it holds as a person's name of no kind, neither surname nor given name (山ちゃん, 光ちゃん:
    a nickname; not 花, 熊 or 鳥, given names that are pets and toys too: 熊ちゃんのぬいぐるみ)."""
    word = words[i - 1]
    if word.pos[0] != "名詞" or word.pos[2] == "人名" or not _KANJI.fullmatch(word.surface):
        return False
    if i >= 2 and _adjacent(words[i - 2], word) and words[i - 2].pos[0] in _WORD_PARTS:
        return False  # the end of a compound (事務局, 工務店) or after a prefix (お姫様)
    tags = tagger.dictionary_tags(word.surface)
    if words[i].surface == "ちゃん" and len(word.surface) == 1 and _PERSON_OF_NO_KIND in tags:
        return True
    return _SURNAME in tags


def _script(surface: str) -> str:
    """Return ``"katakana"``, ``"hiragana"`` or ``""`` (long vowel marks only) for a kana word."""
    letters = surface.replace("ー", "")
    return "" if not letters else "katakana" if _KATAKANA.search(letters) else "hiragana"


def _kana_start(words: list[Morpheme], i: int, fragments: bool = False) -> int:
    """Return where the kana glued before ``words[i]`` starts, from the word after the last boundary (see the module's
    docstring); ``i`` when there is none. With *fragments*, a particle or an ending after one kana that is no verb
    is no boundary (ぴ + よ: a nickname split into grammar; し + た stays one)."""
    j, script = i, ""
    while j > 0:
        word = words[j - 1]
        if not _KANA.fullmatch(word.surface) or not _adjacent(word, words[j]):
            break
        if word.pos[0] in _PHRASE_WORDS and not (j == i and word.pos[0] == "感動詞" and len(word.surface) == 1):
            break  # a phrase of its own; not one kana read as a filler right before the honorific (ゆ + の + ん)
        if script and _script(word.surface) not in ("", script):
            break  # a particle before a katakana word (のクライアント), a katakana word before hiragana
        if word.pos[0] == "副詞" and len(word.surface) > 1 and (j < i - 1 or (j == i - 1 and _whole_word(words[j]))):
            break  # an adverb before the name (もうみーさん, もうぽんさん), not its last part (たかぴー: ぴー)
        if word.pos[0] == "動詞" and len(word.surface) > 1:
            break  # a verb before the name (活躍するゆうこりんさん); a nickname's pieces are short (み+ー)
        before = words[j - 2] if j >= 2 else None
        if (
            word.pos[0] in _GRAMMAR
            and before is not None
            and _adjacent(before, word)
            and before.pos[0] not in _GRAMMAR
            and not (fragments and len(before.surface) == 1 and before.pos[0] not in _NO_NICKNAME)
            and not stray_kana(before)  # ゆ + の + ん: a piece UniDic does not know, no word the particle ends
            and not (before.pos[0] == "副詞" and word.surface == "た")  # no past after an adverb: まだ + た + か + ぴー
        ):
            break  # a particle or an ending after a word (私は, 知り合った): the nickname starts after it
        script = script or _script(word.surface)
        j -= 1
    while j < i and words[j].pos[0] == "助詞":
        j += 1  # particles start no name (でもみーさん)
    return j


def _whole_word(word: Morpheme) -> bool:
    """Whether *word* is a word of its own UniDic knows, of two kana or more (ぽん), not a piece of one (み, ー)."""
    return len(word.surface.replace("ー", "")) > 1 and not word.unknown and word.pos[0] != "記号"


def stray_kana(word: Morpheme) -> bool:
    """Whether *word* is kana UniDic reads as a symbol: a piece of a word it does not know (ゆきんこ: ゆ + きんこ,
    the second a safe to UniDic), never a word of its own before one it knows."""
    return word.pos[0] == "記号" and bool(_KANA.fullmatch(word.surface))


_SEMI_VOICED = frozenset("ぱぴぷぺぽパピプペポ")


def sound_word(word: Morpheme) -> bool:
    """Whether *word* is an adverb of sounds starting with a semi-voiced kana (ぽん, ぴよぴよ, ぺこ), which starts a
    nickname glued before a given name (ぽん太, ぴよぴよ太郎, ぺこ美), not one ending in と or り (ぱっと, ぴったり)
    that may start a clause before a name, as まだ, もう, ずっと or よく do (まだ太郎さん: まだ stays)."""
    surface = word.surface
    return word.pos[0] == "副詞" and surface[0] in _SEMI_VOICED and surface[-1] not in "とり" and len(surface) > 1


def _word_part(word: Morpheme) -> bool:
    """Whether *word* may be part of a common word with an honorific (お + 疲れ + さま): a noun, a prefix, a suffix, no
    person's name nor a numeral (いち + か of いちかちゃん) and known to UniDic."""
    return word.pos[0] in _WORD_PARTS and word.pos[2] != "人名" and word.pos[1] != "数詞" and not word.unknown


def sound_suffix(word: Morpheme) -> bool:
    """Whether *word* is a suffix in hiragana starting with a semi-voiced kana, a nickname's ending (たかぽん: たか +
    ぽん, which UniDic reads as a noun and a suffix after まだ), never the end of a common word with an honorific."""
    suffix = word.pos[:2] == ("接尾辞", "名詞的")
    return suffix and word.surface[0] in _SEMI_VOICED and _script(word.surface) == "hiragana"


def _pieces_before(words: list[Morpheme], j: int) -> int:
    """Return where the nickname ending in the adverb of sounds ``words[j]`` starts: at the one-kana words glued
    before it that UniDic reads as a verb and a particle (ずっとみかぴょんちゃん: み + か + ぴょん; the name was
    half masked, みか[人名]) when an adverb, a mark or nothing stands before them; else at ``words[j]``."""
    k = j
    while k > 0 and _adjacent(words[k - 1], words[k]) and len(words[k - 1].surface) == 1:
        if _script(words[k - 1].surface) != "hiragana" or words[k - 1].pos[0] not in ("動詞", "助詞"):
            break
        k -= 1
    while k < j and words[k].pos[0] == "助詞":
        k += 1  # a particle starts no name (まだかぽんさん)
    if k == j or j - k > 2 or (k and _adjacent(words[k - 1], words[k]) and words[k - 1].pos[0] not in _BOUNDS):
        return j  # none, or after a word that ends a clause (連絡したぽんさん: した, an ending)
    return k


_BOUNDS = frozenset({"副詞", "補助記号", "空白"})


def _nickname_start(words: list[Morpheme], i: int) -> int | None:
    """Return where the kana nickname before the honorific ``words[i]`` starts, or None if there is none."""
    j = _kana_start(words, i)
    run = words[j:i]
    if len(run) == 1 and sound_word(run[0]) and _script(run[0].surface) == "hiragana":
        return _pieces_before(words, j)  # an adverb of sounds alone before the honorific is a nickname (ぽんさん)
    if len(run) < 2 or not 2 <= run[-1].end - run[0].start <= _MAX_NICKNAME:
        return None
    last = run[-1]
    if last.pos[0] == "名詞" and not last.unknown and len(last.surface) > 1 and not any(map(stray_kana, run[:-1])):
        return None  # the honorific follows a word UniDic knows (ではみなさん: みな; not after a stray kana: ゆ+きんこ)
    if all(map(_word_part, run)) and not sound_suffix(last):
        return None  # a common word UniDic knows, perhaps with a prefix (お疲れ, ご馳走); ゆうこ+りん is a name
    return j


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
        start = _nickname_start(words, i)
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
    if any(w.pos[0] in _PHRASE_WORDS or (w.pos[0] == "動詞" and len(w.surface) > 1) for w in quoted):
        return False
    return not all(w.pos[0] in _WORD_PARTS and w.pos[2] != "人名" and not w.unknown for w in quoted)


def _a_word_before(word: Morpheme) -> bool:
    """Whether *word* starts no kana nickname: a particle, or a word of its own UniDic knows, of two characters or
    more (さっき, きっと), no person's name."""
    return word.pos[0] == "助詞" or (len(word.surface) > 1 and word.pos[2] != "人名" and not word.unknown)


def kana_before_name(words: list[Morpheme], j: int) -> int | None:
    """Return where a kana nickname glued before the kanji ending a name, ``words[j]`` (ぴよ太郎, ぴよ子, みか子),
    starts, or None if there is none.

    The kana run as a kana nickname's (see :func:`_nickname_start`), a particle after a piece of one kana no boundary
    (ぴ + よ), without the words before it (さっきぴよ子さん: さっき), of one to seven characters: a word UniDic tags
    as a person's name or does not know (みか), or words of which one is no part of a common word (ぴ + よ), and none a
    verb, an adjective or an ending (結婚した歩さん: し + た, だから: だ +から). A single known word, an adverb, a
    noun, starts no name (まだ太郎さん, ちび子さん), unless it is an adverb of sounds (:func:`sound_word`: ぽん太さん,
    ぴよぴよ太郎さん; none of the 77 adverbs before a name and an honorific in the reviews and livedoor news is one).
    """
    if j == 0 or not _adjacent(words[j - 1], words[j]):
        return None
    start = _kana_start(words, j, fragments=True)
    while start < j and _a_word_before(words[start]) and not (start == j - 1 and sound_word(words[start])):
        start += 1
    run = words[start:j]
    if not run or run[-1].end - run[0].start >= _MAX_NICKNAME or any(w.pos[0] in _NO_NICKNAME for w in run):
        return None
    if len(run) == 1:
        return start if run[0].pos[2] == "人名" or run[0].unknown or sound_word(run[0]) else None
    return None if all(w.pos[0] in _WORD_PARTS and w.pos[2] != "人名" and not w.unknown for w in run) else start
