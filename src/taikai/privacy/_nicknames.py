"""Kana nicknames UniDic splits into grammar, found by the honorific or the kanji after them: たかぴーさん, ぴよ子さん.

UniDic's best path splits nicknames into grammar (たかぴー is た + か + ぴー, ぴよ子 is ぴ + よ + 子). Before an
honorific, or before a kanji that ends a given name, they are still names; the caller,
:func:`taikai.privacy._unread_names.find_unread_name`, keeps out the common words that take an honorific.

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

import re

from taikai.text import Morpheme

_KANA = re.compile(r"[ぁ-ゖァ-ヺー]+")
_KATAKANA = re.compile(r"[ァ-ヺ]")
_MAX_NICKNAME = 8
# Words that begin a phrase of their own (この, あの, 私, そして, ええ): the nickname starts after them.
PHRASE_WORDS = frozenset({"連体詞", "代名詞", "接続詞", "感動詞", "形容詞"})
_GRAMMAR = frozenset({"助詞", "助動詞"})
# What a common word with an honorific is made of (お+利口+さん); a nickname split into grammar has another word.
WORD_PARTS = frozenset({"名詞", "接頭辞", "接尾辞", "形状詞"})
_NO_NICKNAME = frozenset({"動詞", "形容詞", "助動詞"})  # no piece of a nickname glued before a kanji


def _adjacent(left: Morpheme, right: Morpheme) -> bool:
    return left.end == right.start


def _script(surface: str) -> str:
    """Return ``"katakana"``, ``"hiragana"`` or ``""`` (long vowel marks only) for a kana word."""
    letters = surface.replace("ー", "")
    return "" if not letters else "katakana" if _KATAKANA.search(letters) else "hiragana"


def _kana_start(words: list[Morpheme], i: int, fragments: bool = False) -> int:
    """Return where the kana glued before ``words[i]`` starts, from the word after the last boundary (see the module's
    docstring); ``i`` when there is none. With *fragments*, a particle or an ending after one kana that is no verb
    is no boundary (ぴ + よ: a nickname split into grammar; し + た stays one).

    More than :data:`_MAX_NICKNAME` words back the run is too long for a nickname (both callers find none in it):
    the walk goes on only over the words they skip at its start (particles; with *fragments*, any word that starts
    no nickname, :func:`_a_word_before`) and stops at the first other, which is returned. Walking every kana run to
    its start made a text of kana after kana (さんさんさん…) cost the square of its length."""
    j, script = i, ""
    while j > 0:
        word = words[j - 1]
        if not _KANA.fullmatch(word.surface) or not _adjacent(word, words[j]):
            break
        if word.pos[0] in PHRASE_WORDS and not (j == i and word.pos[0] == "感動詞" and len(word.surface) == 1):
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
        if i - j > _MAX_NICKNAME and not (_a_word_before(word) if fragments else word.pos[0] == "助詞"):
            break  # the caller's run starts at or before this word, which it keeps: no nickname
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
    return word.pos[0] in WORD_PARTS and word.pos[2] != "人名" and word.pos[1] != "数詞" and not word.unknown


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


def nickname_start(words: list[Morpheme], i: int) -> int | None:
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
    return None if all(w.pos[0] in WORD_PARTS and w.pos[2] != "人名" and not w.unknown for w in run) else start
