"""Katakana names joined by ・ or = (ジョン・スミス, ヤマダ＝タロウ), and where a katakana name starts: never inside a
katakana word UniDic reads as pieces (メルカリ: メル + カリ), and never at a platform or a role before it
(ライター・スミスさん)."""

from __future__ import annotations

import re

from taikai.privacy._not_names import NOT_NAMES
from taikai.text import Morpheme

# What joins the parts of a katakana name (ジョン・スミス, ヤマダ＝タロウ: NFKC makes ＝ an =).
JOINERS = frozenset({"・", "="})
_JOINED = re.compile("[・=]")
_KATAKANA_WORD = re.compile(r"[ァ-ヺー]+")  # a katakana word or piece of one (ヴ, ヷ-ヺ too)


def _katakana(word: Morpheme) -> bool:
    return bool(_KATAKANA_WORD.fullmatch(word.surface))


def _name_piece(word: Morpheme) -> bool:
    """Whether *word* may be joined to a katakana name by ・ or =: katakana, or an initial (ジョン・F・ケネディ)."""
    return _katakana(word) or (len(word.surface) == 1 and "A" <= word.surface <= "Z")


def katakana_word_start(words: list[Morpheme], j: int, taken: list[bool]) -> int:
    """Return where the katakana word of ``words[j]`` starts: a name never starts inside a word (メル + カリ)."""
    while j > 0 and not taken[j - 1] and _katakana(words[j - 1]) and words[j - 1].end == words[j].start:
        j -= 1
    return j


def word_start(words: list[Morpheme], j: int, end: int, taken: list[bool]) -> int:
    """Return where the name ``words[j:end]`` starts when it starts with katakana: at the start of its katakana word,
    and at the start of the katakana names joined to it by ・ or = (ジョン・スミス, ヤマダ=タロウ), one name.

    A katakana word on the stop list ends the name (ライター・スミスさん: the role stays); so does one that the name's
    words only end (ライタースミスさん: スミス), but not a word of which the name is only the end (メルカリ: メル +
    カリ, the caller's stop list check takes the whole word).
    """
    if j >= end or not _katakana(words[j]):
        return j
    start = katakana_word_start(words, j, taken)
    if start < j and "".join(w.surface for w in words[start:j]).lower() in NOT_NAMES:
        start = j  # a role written together with the name (ライタースミス)
    while start >= 2 and words[start - 1].surface in JOINERS and _name_piece(words[start - 2]) and not taken[start - 2]:
        if words[start - 2].end != words[start - 1].start or words[start - 1].end != words[start].start:
            break
        left = katakana_word_start(words, start - 2, taken) if _katakana(words[start - 2]) else start - 2
        if "".join(w.surface for w in words[left : start - 1]).lower() in NOT_NAMES:
            break  # a role or a platform before the name (ライター・[人名]さん)
        start = left
    return start


def after_listed(text: str, start: int, end: int) -> int | None:
    """Return where the name ``text[start:end]`` starts after the platforms and roles joined before it by ・ or =, or
    None if it is only those: UniDic may read ランサーズ・ココナラ as one unknown word."""
    for piece in _JOINED.split(text[start:end])[:-1]:
        if piece.lower() not in NOT_NAMES:
            return start
        start += len(piece) + 1
    return None if text[start:end].lower() in NOT_NAMES else start
