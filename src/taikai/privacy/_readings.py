"""Readings in brackets after a name (山田太郎（やまだたろう）さん, 山田(Taro Yamada)さん): masked with the name.

A bracket after a name holds a reading when it is hiragana, or katakana or Latin that is no word the masker or the
dictionary knows: not a platform, a role or a tool (ライター, クライアント, Lancers: :data:`NOT_NAMES`), not a common
word that takes an honorific, not a place (アメリカ) and no common noun (ハヤシ is hayashi rice). A bracket of such a
word says what the person is (鈴木（ライター）さん, 高橋（Lancers）さん): only the name is masked, the bracket stays.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from taikai.privacy._not_names import NOT_NAMES
from taikai.privacy._unread_names import COMMON_WITH_HONORIFIC
from taikai.text import Morpheme, PosTagger

# What a reading may look like in the NFKC text (NFKC makes （） ASCII): kana, or Latin letters; or a short note in
# kanji that says what the name is or who the person is (田中（仮名）さん, 佐藤（担当）さん), which stays.
_KANJI = r"[\u4e00-\u9fff々]"
_KANA_LONGEST, _LATIN_LONGEST, _NOTE_LONGEST = 20, 30, 8  # the most characters of each between the brackets
_BRACKETED = re.compile(
    rf"\((?:[ぁ-ゖァ-ヺ][ぁ-ゖァ-ヺー・= ]{{0,{_KANA_LONGEST - 1}}}|[A-Za-z][A-Za-z .'_-]{{0,{_LATIN_LONGEST - 1}}}"
    rf"|{_KANJI}(?:{_KANJI}|[ぁ-ゖァ-ヺー]){{0,{_NOTE_LONGEST - 1}}})\)"
)
_BRACKET_LONGEST = 2 + max(_KANA_LONGEST, _LATIN_LONGEST, _NOTE_LONGEST)
_HIRAGANA = re.compile(r"[ぁ-ゖー・= ]+")
_PARTS = re.compile(r"[ ・=]+")


class Bracket(NamedTuple):
    """A bracket of reading's shape right after a name: its span ``[start, end)`` and whether it is a reading."""

    start: int
    end: int
    reading: bool


def is_reading(inner: str, tagger: PosTagger) -> bool:
    """Whether *inner*, the text between the brackets after a name, is the name's reading (see the module), or in
    kanji, the given name."""
    if _HIRAGANA.fullmatch(inner):
        return True
    if re.match(_KANJI, inner):  # a given name in kanji (山田（太郎）さん), not a note (田中（仮名）さん, （元上司）)
        return all(word.pos[2] == "人名" for word in tagger.tag(inner) if word.surface.strip())
    parts = [p for p in _PARTS.split(inner) if p]
    if inner.lower() in NOT_NAMES or any(p.lower() in NOT_NAMES for p in parts):
        return False
    if any(p + "さん" in COMMON_WITH_HONORIFIC for p in parts):
        return False
    for word in tagger.tag(inner):
        if not word.surface.strip() or word.surface in "・=":
            continue
        if word.pos[2] == "地名":
            return False  # a place: ジョン・スミス（アメリカ）さん
        tags = tagger.dictionary_tags(word.surface)
        if len(word.surface) > 1 and not word.unknown and tags and not any(tag[2] == "人名" for tag in tags):
            return False  # a word the dictionary knows, as no person's name
    return True


def bracket_at(text: str, start: int, tagger: PosTagger) -> Bracket | None:
    """Return the bracket of reading's shape starting at *start* of the NFKC text *text*, if there is one."""
    m = _BRACKETED.match(text, start)
    if m is None:
        return None
    return Bracket(m.start(), m.end(), is_reading(text[m.start() + 1 : m.end() - 1], tagger))


# A name quoted before its honorific (「山本」さん, 『たかし』さん, "Hanako"さん): each quote and the one closing it.
_QUOTES = {"「": "」", "『": "』", "“": "”", '"': '"', "【": "】"}
_QUOTED_WORDS = 6
"""Most words between the quotes of a quoted name: a quote opened further back is no name's."""


def quote_opened(words: list[Morpheme], i: int) -> int | None:
    """Return the index of the quote that opens the one closing right before ``words[i]`` (「山本」さん), if one does
    a few words back and something stands between them, else None."""
    if i >= 2 and words[i - 1].end == words[i].start and words[i - 1].surface in _QUOTES.values():
        opened = [k for k in range(max(0, i - 2 - _QUOTED_WORDS), i - 1) if words[k].surface in _QUOTES]
        if opened and _QUOTES[words[opened[-1]].surface] == words[i - 1].surface and opened[-1] < i - 2:
            return opened[-1]
    return None


def bracket_before(text: str, words: list[Morpheme], i: int, tagger: PosTagger) -> tuple[int, Bracket | None]:
    """Return where the name before ``words[i]`` ends and the bracket between them: the index of the ``(`` of a
    bracket of reading's shape right before ``words[i]`` and the bracket, else *i* and None. A name quoted right
    before ``words[i]`` (「山本」さん) ends at its closing quote, which stays out of the mask as a known word in
    brackets does (a bracket that is no reading)."""
    if quote_opened(words, i) is not None:
        return i - 1, Bracket(words[i - 1].start, words[i - 1].end, reading=False)
    if words[i - 1].surface != ")" or words[i - 1].end != words[i].start:
        return i, None
    k = i - 2
    reach = words[i - 1].end - _BRACKET_LONGEST  # an opening bracket further back holds no reading's shape
    while k > 0 and words[k].surface != "(" and words[k].start >= reach:
        k -= 1
    if k > 0 and words[k].surface == "(":
        bracket = bracket_at(text, words[k].start, tagger)
        if bracket is not None and bracket.end == words[i - 1].end:
            return k, bracket
    return i, None


def after_name(text: str, end: int, tagger: PosTagger) -> tuple[int, int]:
    """Return where a name ending at *end* ends, with its reading in brackets if one follows (山田（やまだ）が), and
    where the word after the name and its bracket starts (鈴木（ライター）が: the name ends at 木, が after ``)``)."""
    bracket = bracket_at(text, end, tagger)
    if bracket is None:
        return end, end
    return (bracket.end if bracket.reading else end), bracket.end
