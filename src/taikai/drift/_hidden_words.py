"""Words that are never new words under ``--mask-pii``: names of people and places as UniDic tags them.

Masking (:mod:`taikai.privacy`) finds a name by its context (an honorific, a particle after a surname, …); a bare
name or a place elsewhere in a text stays, and drift would list it among the new words. Under ``mask_pii`` a text's
content words leave out:

- a word UniDic tags in the text as a proper noun of a person or a place (名詞-固有名詞-人名, 名詞-固有名詞-地名),
  and a content word made of one with a suffix (佐藤さん);
- a proper noun the dictionary also holds as a person's name, whatever the text's reading (ナカジマ, tagged
  固有名詞-一般 in a sentence, is a surname too); other proper nouns stay (グーグル);
- an address unit (都, 道, 府, 県, 市, 区, 町, 村, 郡, 丁目, 番地) written right after a place (渋谷区 → 渋谷, 区).

A name UniDic does not tag as one (an unknown word, a nickname) stays a word.
"""

from __future__ import annotations

from collections.abc import Sequence

from taikai.text import Morpheme, PosTagger

ADDRESS_UNITS = frozenset({"都", "道", "府", "県", "市", "区", "町", "村", "郡", "丁目", "番地"})
"""Words that are part of an address when written right after a place name."""

_NAMED = frozenset({"人名", "地名"})
_TAGS = ("人名", "地名", "固有名詞")  # a text without any of them holds no hidden word
_SHARED: list[PosTagger] = []  # one PosTagger (and its dictionary_tags answers) for every HiddenWords of a process


def _person_in_dictionary(word: Morpheme, tagger: PosTagger) -> bool:
    return any(tag[1] == "固有名詞" and tag[2] == "人名" for tag in tagger.dictionary_tags(word.surface))


class HiddenWords:
    """Find the names and address parts of a text that are no new words (see the module's rules)."""

    def __init__(self, tagger: PosTagger | None = None) -> None:
        if tagger is None:
            if not _SHARED:
                _SHARED.append(PosTagger())
            tagger = _SHARED[0]
        self.tagger = tagger

    def of(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """Return (the names and places of *text*, its address units written right after a place)."""
        words = self.tagger.tag(text, unless_absent=_TAGS)
        names: set[str] = set()
        units: set[str] = set()
        place_end = -1  # where the last place (or address unit after one) ended
        for word in words:
            if word.start == place_end and word.surface in ADDRESS_UNITS:
                units.add(word.surface)
                place_end = word.end
                continue
            if word.pos[1] != "固有名詞" or word.unknown:
                continue
            if word.pos[2] in _NAMED or _person_in_dictionary(word, self.tagger):
                names.add(word.surface)
                if word.pos[2] == "地名":
                    place_end = word.end
        return frozenset(names), frozenset(units)

    def keep(self, text: str, words: Sequence[str]) -> list[str]:
        """Return *words* (the content words of *text*) without its names, places and address units."""
        names, units = self.of(text)
        if not names:
            return list(words)
        return [w for w in words if w not in units and not any(w.startswith(name) for name in names)]
