"""Where a name starts after a platform, a role or a common word written with it: 出前館美波さん, ココナラ美波さん.

UniDic reads some listed words (the stop list's platforms and roles, :data:`taikai.privacy._not_names.NOT_NAMES`, and
the common words that take an honorific, :data:`taikai.privacy._unread_names.COMMON_WITH_HONORIFIC`) into the
name written right after them: 出前館美波 is 出 + 前館 + 美波 (前館 a surname), ココナラ美波 is an unknown word and a
given name, 楽天美波 a common noun and one. The name's run of words then starts inside the listed word, or at it: the
name was masked with the word's tail (出[人名]さん), or refused whole, the listed word in it (ココナラ美波さん was
left). A name never starts inside a listed word, and a platform or a role never starts one:

- a listed word that starts before the run and ends inside it, where one of its words starts, ends before the name
  (出前館[人名]さん);
- a platform or a role of the stop list at the run's start does too (ココナラ[人名]さん, 楽天[人名]さん), not a
  common word that UniDic tags a surname there: 仲間由紀恵 keeps its surname (仲間さん is a common word too);

in both, only when the words left are a name UniDic tags, or that it does not know: a listed word inside a name that
UniDic reads otherwise (a kana surname that starts with おじ) cuts nothing. Without an honorific, a surname that
ends a listed word (前館) is none, and the given name after it is a name alone (出前館美波が is 出前館[人名]が, as
上司美波が is 上司[人名]が).
"""

from __future__ import annotations

from taikai.privacy._not_names import NOT_NAMES
from taikai.privacy._unread_names import COMMON_WITH_HONORIFIC, UNREAD_HONORIFICS
from taikai.text import Morpheme

_ENDINGS = (*UNREAD_HONORIFICS, "様", "さま")
_COMMON_STEMS = frozenset(
    word[: -len(ending)] for word in COMMON_WITH_HONORIFIC for ending in _ENDINGS if word.endswith(ending)
) - {""}
# Latin words are left to the name finder's own rule (LINE Smith様: :func:`taikai.privacy._name_words.trimmed`).
_LISTED = frozenset(word for word in NOT_NAMES | _COMMON_STEMS if not word.isascii())
_PLATFORMS = NOT_NAMES & _LISTED
_LONGEST = max(map(len, _LISTED))


def _named(word: Morpheme) -> bool:
    """Whether *word* may be a word of the name after a listed word: UniDic tags it a person's name or does not know
    it."""
    return word.pos[2] == "人名" or word.unknown


def _listed_from(text: str, start: int, cut: int, at_start: bool) -> bool:
    """Whether a listed word ends at *cut* in *text* and starts before *start* (or at it, with *at_start*, a word of
    the stop list only)."""
    for begin in range(max(0, cut - _LONGEST), start + 1):
        word = text[begin:cut]
        if (begin < start and word in _LISTED) or (begin == start and at_start and word in _PLATFORMS):
            return True
    return False


def after_listed_word(text: str, words: list[Morpheme], j: int, end: int) -> int:
    """Return where the name ``words[j:end]`` starts after a listed word that covers its start (see the module):
    the index of its first word after that word, the last such, or *j* when there is none."""
    if j >= end:
        return j
    start = words[j].start
    for k in range(end - 1, j, -1):
        if words[k - 1].end != words[k].start or not all(map(_named, words[k:end])):
            continue
        if _listed_from(text, start, words[k].start, at_start=True):
            return k
    return j


def inside_listed_word(text: str, word: Morpheme) -> bool:
    """Whether *word*, which UniDic tags a surname, is the end of a listed word (前館 of 出前館美波: 出 + 前館 + 美波):
    no surname; a given name after it is a name alone (出前館[人名]が, as 上司[人名]が)."""
    return _listed_from(text, word.start, word.end, at_start=False)
