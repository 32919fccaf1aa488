"""A name found anywhere in a run is masked everywhere in it.

Masking finds a name by what stands around it (an honorific, a title, a role), text by text: in a file whose row 1
says 田中さん and row 2 田中が対応してくれた, row 2 kept 田中 bare, and a page forwarded outside the company named the
person the other row hides. A run (a batch file, a frame's column, the texts of one call) is masked in two passes:
the first collects the names masking finds as persons (:func:`collected_names`: each name found, and the surnames and
given names of two characters or more within it, 山田 and 太郎 of 山田太郎さん), the second masks them where they
stand bare too (:func:`known_names`), in every text of the run.

A collected name is masked bare where it is a word of its own that the dictionary reads as a proper noun (a person's
name or a place's: 松本 in 上司（松本）に is a place to UniDic, and the run says it is a person):

- it starts and ends where the tagger's words do, so that 田中 stays inside 中田中 (中田 + 中);
- no noun is glued after it (田中央区, 松本市, 千葉県, 小林製薬 stay: another word), only a particle, an auxiliary, a
  mark, a space or a suffix of people (ら, たち, さん); no prefix is glued before it (新松本 stays);
- the dictionary reads it there as a proper noun, not as a common word (a nickname collected from ももさん stays in
  ももが好き; 愛 is too short to be collected at all);
- a name in Latin letters, of three letters or more, where it is written with a capital (Tanaka, TANAKA; not tanaka,
  which may be a word or a handle) and no letter, digit or mark of a handle or an address is glued to it.

The names are never written anywhere (they are personal data): a resumed run collects them again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._name_words import HONORIFICS
from taikai.text import Morpheme, PosTagger

_LATIN = re.compile(r"[A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_AFTER = frozenset({"助詞", "助動詞", "補助記号", "記号", "空白"})
_PEOPLE = HONORIFICS | {"ら", "たち", "達", "等", "ども", "一家", "家"}


def _kept(name: str) -> bool:
    """Whether a name is one to mask bare across the run: two characters or more, three Latin letters or more."""
    if not name or name != name.strip():
        return False
    return len(name) >= 3 if name.isascii() else len(name) >= 2


def collected_names(text: str, found: Iterable[Found], tagger: PosTagger) -> set[str]:
    """Return the names of *found* (values found in the NFKC text *text*) to mask across a run: each name, and the
    person-tagged words of two characters or more within it (山田 and 太郎 of 山田太郎); in Latin letters, each of
    its words too (Yamada of Taro Yamada)."""
    names: set[str] = set()
    for value in found:
        if value.kind is not PiiKind.NAME:
            continue
        name = text[value.start : value.end].strip()
        names.add(name)
        if _LATIN.fullmatch(name):
            names.update(_LATIN_WORD.findall(name))
        elif len(name) > 2:
            names.update(w.surface for w in tagger.tag(name) if w.pos[1] == "固有名詞" and w.pos[2] == "人名")
    return {name for name in names if _kept(name)}


class RunNames:
    """The names collected in a run (:func:`collected_names`), indexed by their first character to find them fast."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(name for name in names if _kept(name))
        self._index: dict[str, list[str]] | None = None

    def __bool__(self) -> bool:
        return bool(self.names)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RunNames) and other.names == self.names

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, object]:
        return {"names": self.names, "_index": None}

    def candidates(self, text: str) -> Iterator[tuple[str, int]]:
        """Yield each name written in *text* and where it starts, the longest first at each place (a Latin name
        in any case: :func:`known_names` checks it)."""
        if self._index is None:
            index: dict[str, list[str]] = {}
            for name in sorted(self.names, key=lambda n: (-len(n), n)):
                index.setdefault(name[0].upper() if name[0].isascii() else name[0], []).append(name)
            self._index = index
        index = self._index
        for at, ch in enumerate(text):
            for name in index.get(ch.upper() if ch.isascii() else ch, ()):
                written = text[at : at + len(name)]
                if written == name or (name.isascii() and written.upper() == name.upper()):
                    yield name, at


def known_names(text: str, found: list[Found], tagger: PosTagger, names: RunNames) -> Iterator[Found]:
    """Find, in the NFKC text *text*, where it writes a name of *names* bare (outside the values of *found*), as a
    word of its own read as a proper noun (see the module's rules)."""
    taken = [(f.start, f.end) for f in found]
    words: list[Morpheme] | None = None
    for name, start in names.candidates(text):
        end = start + len(name)
        if any(start < e and end > s for s, e in taken):
            continue
        if name.isascii():
            if not _latin_alone(text, name, start, end):
                continue
        else:
            words = tagger.tag(text) if words is None else words
            if not _proper_word(words, start, end):
                continue
        taken.append((start, end))
        yield Found(start, end, PiiKind.NAME)


def _latin_alone(text: str, name: str, start: int, end: int) -> bool:
    """Whether the Latin *name* at ``[start, end)`` is written with a capital and stands alone (no letter, digit or
    mark of a handle, an address or a URL glued to it)."""
    written = text[start:end]
    if not written[0].isupper() or written.lower() != name.lower():
        return False
    before, after = text[start - 1 : start], text[end : end + 2]
    if before and re.match(r"[A-Za-z0-9_.@/#%+\-]", before):
        return False
    return not re.match(r"[A-Za-z0-9_@/#%+\-]|\.[A-Za-z0-9]", after)


def _proper_word(words: list[Morpheme], start: int, end: int) -> bool:
    """Whether ``[start, end)`` is whole words the tagger reads as proper nouns, with no noun glued after it nor a
    prefix glued before it."""
    first = next((i for i, w in enumerate(words) if w.start == start), None)
    last = next((i for i, w in enumerate(words) if w.end == end), None)
    if first is None or last is None or last < first:
        return False
    if not all(w.pos[0] == "名詞" and w.pos[1] == "固有名詞" for w in words[first : last + 1]):
        return False
    if first > 0 and words[first - 1].end == start and words[first - 1].pos[0] == "接頭辞":
        return False
    if last + 1 < len(words) and words[last + 1].start == end:
        after = words[last + 1]
        return after.pos[0] in _AFTER or after.surface in _PEOPLE
    return True
