"""A name found once is a name wherever the same text writes it again.

Masking finds a name by what stands around it (an honorific, a title, a particle UniDic reads after a person), so
that in ``担当は小林さん。小林の対応が最悪`` it masked the first 小林 and left the second, before の, where 小林
may be a place: the page read ``担当は[人名]さん。小林の対応が最悪``, the placeholder's value written beside it. The
text itself says 小林 is a person there: :func:`repeated_names` finds each other place it writes a name found, as
a word of its own (not 西 inside 関西 or before 日本 in 西日本, not tanaka inside tanaka_88). And a surname listed
with a name found, joined to it by 、, ・, / or と (高橋、佐藤、渡辺の3人, 担当: 高橋/佐藤), is a name too:
:func:`listed_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._spans import Spans
from taikai.text import Morpheme, PosTagger

_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*)*")
# What may follow a repeated name written in Japanese: a particle, an auxiliary, a mark, a space, or an honorific or
# a title (found in their own right where masking knows them); a noun glued after it makes another word (西日本).
_AFTER = frozenset({"助詞", "助動詞", "補助記号", "記号", "空白", "接尾辞"})


def repeated_names(text: str, found: list[Found], tagger: PosTagger) -> Iterator[Found]:
    """Find, in the NFKC text *text*, the other places where it writes a name of *found* (the values found in it,
    apart): a name in Latin letters anywhere no letter, digit or mark of a handle or address is glued to it (in any
    case: Tanaka is tanaka), any other name where the tagger's words start and end with it and what follows it is
    no word that would make a longer one (:data:`_AFTER`)."""
    names = {text[f.start : f.end] for f in found if f.kind is PiiKind.NAME}
    lowered = text.lower()
    names = {name for name in names if name.strip() and _occurs_again(text, lowered, name)}
    if not names:
        return
    taken = Spans((f.start, f.end) for f in found)
    words: _Words | None = None
    for name in sorted(names, key=len, reverse=True):  # a full name before its surname alone
        latin = _LATIN_NAME.fullmatch(name) is not None
        if latin and len(name) < 2:
            continue
        pattern = (
            re.compile(rf"(?<![A-Za-z0-9_.@/#%+\-]){re.escape(name)}(?![A-Za-z0-9_@/#%+\-]|\.[A-Za-z0-9])", re.I)
            if latin
            else re.compile(re.escape(name))
        )
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            if not latin:
                words = _Words(tagger.tag(text)) if words is None else words
                if not words.a_word(start, end):
                    continue
            taken.add(start, end)
            yield Found(start, end, PiiKind.NAME)


def _occurs_again(text: str, lowered: str, name: str) -> bool:
    """Whether *name* is written in *text* (*lowered*: in lower case) more than once (in any case, for Latin
    letters)."""
    return lowered.count(name.lower()) > 1 if name.isascii() else text.count(name) > 1


class _Words:
    """The tagger's words of a text, and where each starts and ends: looked up at every name, not walked again."""

    def __init__(self, words: list[Morpheme]) -> None:
        self.words = words
        self.at_start = {w.start: i for i, w in enumerate(words)}
        self.at_end = {w.end: i for i, w in enumerate(words)}

    def a_word(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` starts and ends where the words do, and the word after it (if any) may follow a
        name (:data:`_AFTER`)."""
        if start not in self.at_start or end not in self.at_end:
            return False
        after = self.at_end[end] + 1
        words = self.words
        return after >= len(words) or words[after].start > end or words[after].pos[0] in _AFTER


# Marks that join the names of a list (高橋、佐藤、渡辺の3人; 田中・鈴木・小林の各氏; 高橋/佐藤; 田中と鈴木が).
_LIST_MARKS = frozenset({"、", ",", "・", "/", "と", "や"})


def listed_names(text: str, found: list[Found], tagger: PosTagger) -> Iterator[Found]:
    """Find, in the NFKC text *text*, the surnames listed with a name of *found* (the values found in it, apart):
    a word UniDic tags as a surname (two kanji or more, or three katakana or more) joined to a name by one of
    :data:`_LIST_MARKS`, before or after it, and each joined so to such a one in turn; a word glued after it that
    would make a longer one (高橋商事) keeps it out, as a place the tagger reads (田中と松本に行った) is no surname."""
    names = [f for f in found if f.kind is PiiKind.NAME]
    if not names or not any(mark in text for mark in _LIST_MARKS):
        return
    tagged = _Words(tagger.tag(text))
    words = tagged.words
    taken = Spans((f.start, f.end) for f in found)
    for name in names:
        for step in (1, -1):
            i = tagged.at_end.get(name.end) if step == 1 else tagged.at_start.get(name.start)
            while i is not None and 0 <= i + 2 * step < len(words):
                mark, word = words[i + step], words[i + 2 * step]
                joined = mark.surface in _LIST_MARKS and _adjacent(words[i], mark, word, step)
                if not joined or not _surname(word) or taken.overlaps(word.start, word.end):
                    break
                if not tagged.a_word(word.start, word.end):
                    break
                taken.add(word.start, word.end)
                yield Found(word.start, word.end, PiiKind.NAME)
                i += 2 * step


def _adjacent(name: Morpheme, mark: Morpheme, word: Morpheme, step: int) -> bool:
    """Whether *mark* stands right between *name* and *word* (after the name with *step* 1, before it with -1)."""
    first, last = (name, word) if step == 1 else (word, name)
    return first.end == mark.start and mark.end == last.start


def _surname(word: Morpheme) -> bool:
    """Whether *word* is tagged a surname and written as one a list names alone: two kanji or more, or three
    katakana or more."""
    if word.pos[2] != "人名" or word.pos[3] != "姓":
        return False
    return (
        len(word.surface) >= 2
        and not word.surface.isascii()
        and (len(word.surface) > 2 or not all("ァ" <= ch <= "ヺ" or ch == "ー" for ch in word.surface))
    )
