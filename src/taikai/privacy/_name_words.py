"""The words of a person's name to :func:`taikai.privacy._names.find_names`: the honorifics, which words may be part
of a name (UniDic's person tags, unknown kanji, katakana and Latin words), whether a run of them before an honorific
may be a name (not a platform, a role, an acronym or a brand's casing), and where a name in Latin letters starts."""

from __future__ import annotations

import re

from taikai.privacy._addresses import TOP_LEVEL_DOMAINS
from taikai.privacy._katakana_names import JOINERS
from taikai.privacy._not_names import NOT_NAMES, is_acronym
from taikai.text import Morpheme

HONORIFICS = frozenset({"さん", "様", "さま", "氏", "先生", "くん", "君", "ちゃん", "殿", "さぁん"})
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")
KATAKANA = re.compile(r"[ァ-ヶー]+")
LATIN = re.compile(r"[A-Za-z]+")
HIRAGANA = re.compile("[ぁ-ゖ]")
# A Latin word that may be a name (Smith, smith, SMITH), not one in a brand's casing (iPhone, YouTuber).
LATIN_NAME = re.compile(r"[A-Z]?[a-z]+|[A-Z]{2,}[a-z]*")


def is_person(word: Morpheme) -> bool:
    return word.pos[1] == "固有名詞" and word.pos[2] == "人名"


def is_unknown_name_part(word: Morpheme) -> bool:
    """An unknown word that may be part of a name: UniDic does not know it, or tags an unknown kanji as a symbol.

    An unknown Latin word is one whatever its tag: UniDic guesses the tag from the next word (Smithさん is tagged a
    person's name, Smith様 a common noun), so the tag would make 様, さま, 先生, くん, ちゃん and 殿 differ from さん.
    """
    surface = word.surface
    if word.pos[0] == "記号" and word.pos[1] == "一般" and KANJI.fullmatch(surface):
        return True
    return word.unknown and bool(KANJI.fullmatch(surface) or KATAKANA.fullmatch(surface) or LATIN.fullmatch(surface))


def is_name_part(word: Morpheme) -> bool:
    return is_person(word) or is_unknown_name_part(word)


def allowed(run: list[Morpheme]) -> bool:
    """Whether a run of words before an honorific may be a name."""
    joined = "".join(w.surface for w in run)
    # A platform, a role, a tool (Excel先生) or an acronym taking the honorific (PDF様; JK Shin氏 has initials).
    if joined.lower() in NOT_NAMES or any(w.surface.lower() in NOT_NAMES for w in run) or is_acronym(run[-1].surface):
        return False
    if len(joined) == 1 and not KANJI.fullmatch(joined):
        return False  # Aさん: already anonymous
    if len(run) == 1 and len(joined) == 1 and run[0].pos[3] != "姓":
        return False  # a one-character given name is too often part of another word (通さん = 通さない)
    # Each Latin word must have a name's casing (John Smith, tanaka, TANAKA; not iPhone), or be an initial between
    # the parts of a katakana name (ジョン・F・ケネディ).
    joined_by = any(w.surface in JOINERS for w in run)
    latin = [w.surface for w in run if w.surface.isascii() and w.surface not in JOINERS]
    return all(LATIN_NAME.fullmatch(x) or (joined_by and len(x) == 1 and x.isupper()) for x in latin)


def trimmed(run: list[Morpheme]) -> int:
    """How many words to drop from the start of *run*, the words before an honorific: a Latin word joins no
    Japanese name (bad line 田中さん: 田中), and a Latin word of two or more letters that makes the run no name
    goes (LINE Smith様: Smith); an initial does not (I・O DATA様: a company, J Smith: a name written oddly)."""
    latin = [bool(LATIN.fullmatch(w.surface)) for w in run]
    k = max((n + 1 for n in range(len(run) - 1) if latin[n] and not latin[n + 1]), default=0)
    if "".join(w.surface for w in run[k:]).lower() in NOT_NAMES:
        return k  # a service of two words (Uber Eats), not a service before a name (LINE Smith)
    while len(run) - k > 1 and latin[k] and len(run[k].surface) > 1 and not allowed(run[k:]):
        k += 1
    return k


def latin_start(text: str, run: list[Morpheme]) -> int | None:
    """Where a name that starts with a Latin word starts, or None if the word ends a site or an address.

    A handle or a hyphenated name is one name (sajo_towson, memn0ck, Jean-Baptiste, sasakure.UK): the name starts
    where its letters, digits, ``_``, ``-`` and ``.`` start. A word after ``@``, ``/`` or ``:``, or a top-level
    domain after a dot (ascii.jpさん: a site), ends a domain or an address and is no name.
    """
    start = run[0].start
    if start > 0 and text[start - 1] == "." and run[0].surface in TOP_LEVEL_DOMAINS:
        return None
    while start > 0 and text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] in "_-."):
        start -= 1
    while text[start] == ".":
        start += 1
    if start > 0 and text[start - 1] in "@/:":
        return None
    return start


def adjacent(text: str, left: Morpheme, right: Morpheme) -> bool:
    """Whether only a space (or nothing) separates two words."""
    return right.start - left.end <= 1 and not text[left.end : right.start].strip()


class PersonRuns:
    """The runs of person-tagged words of a text, each word glued (or spaced) to the one before, looked at once.

    A surname's name runs on over the person-tagged words after it: asked at every surname of a text of surnames
    alone (山田山田…, a pasted roster), walking the run anew made the cost grow as the square of its length.
    """

    def __init__(self, text: str, words: list[Morpheme]) -> None:
        n = len(words)
        # run_end[k]: the first index m >= k whose word does not continue the run of the word before it.
        self._run_end = [n] * (n + 1)
        for k in range(n - 1, 0, -1):
            linked = is_person(words[k]) and adjacent(text, words[k - 1], words[k])
            self._run_end[k] = self._run_end[k + 1] if linked else k
        # given[k]: how many of words[:k] UniDic tags a given name (名).
        self._given = [0] * (n + 1)
        for k, word in enumerate(words):
            self._given[k + 1] = self._given[k] + (word.pos[3] == "名")

    def end(self, start: int) -> int:
        """The first index at or after *start* (1 or more) whose word is no person glued to the word before it."""
        return self._run_end[start]

    def given(self, start: int, end: int) -> int:
        """How many of ``words[start:end]`` UniDic tags a given name (名)."""
        return self._given[end] - self._given[start]
