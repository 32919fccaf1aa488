"""Parts of speech with offsets: UniDic's tags for each word of a text, from a shared MeCab tagger made lazily."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from taikai.text._dicdir import default_dicdir, dictionary_args
from taikai.text._taggers import TaggerSpec, shared_tagger
from taikai.text._texts import plain

# One line per word: the surface with the whitespace MeCab skipped before it, UniDic's four part-of-speech levels
# joined by commas, then "?" for an unknown word (not in the dictionary), "." for a known one (a last field that is
# never empty: fugashi strips the output's trailing whitespace). The part-of-speech copy of the dictionary holds
# just those levels as each word's feature, which MeCab prints whole (%H) faster than it picks fields (%f[N]).
_LEVELS = "%f[0],%f[1],%f[2],%f[3]"
_UNKNOWN = rf' -U "%M\t{_LEVELS}\t?\n" -E ""'
_FORMAT = r' -O "" -F "%M\t%H\t.\n"' + _UNKNOWN
_FORMAT_ORIGINAL = rf' -O "" -F "%M\t{_LEVELS}\t.\n"' + _UNKNOWN
# MeCab reads tabs and line breaks as whitespace but they would break the line format: they become spaces (one
# character for one, so offsets hold). NUL ends MeCab's input: it becomes a space too.
_BLANKS = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\x00": " ", "\x0b": " ", "\x0c": " "})
_HAS_BLANK = re.compile("[\t\n\r\x00\x0b\x0c]")
_UNKNOWN_MARK = "\t?"
# Every dictionary entry in the lattice of a text (MeCab's -a), not only the best path: the tags a word may have.
# Unknown-word candidates are left out (-U ""); each line is the entry's start in bytes, its surface and its tags.
_ALL_ENTRIES = r' -a -O "" -F "%ps\t%M\t%H\n" -U "" -E ""'
_KNOWN_MAX = 100_000  # words whose dictionary tags a tagger keeps


def _levels(feature: str) -> tuple[str, str, str, str]:
    """Return the four part-of-speech levels at the head of a MeCab feature (``*`` and missing levels are ``""``)."""
    levels = [("" if level == "*" else level) for level in feature.split(",")[:4]]
    levels += [""] * (4 - len(levels))
    return (levels[0], levels[1], levels[2], levels[3])


class Morpheme(NamedTuple):
    """One word of a text: its surface, its span ``[start, end)`` in the text, UniDic's tags, and if it is unknown.

    ``pos`` holds UniDic's four part-of-speech levels, e.g. ``("名詞", "固有名詞", "人名", "姓")``; a level that
    does not apply is ``""``. ``unknown`` words are not in the dictionary (their tags are MeCab's guess).
    """

    surface: str
    start: int
    end: int
    pos: tuple[str, str, str, str]
    unknown: bool


class PosTagger:
    """Tag the words of texts with UniDic parts of speech; the MeCab tagger is made on first use, one per thread.

    Every PosTagger (and tokenizer) of a process shares one MeCab tagger per dictionary and thread
    (:func:`taikai.text._taggers.shared_tagger`): MeCab does not give a tagger's memory back.

    A ``PosTagger`` pickles without its tagger, so it can be sent to worker processes.
    """

    def __init__(self, dicdir: str | None = None) -> None:
        self.dicdir = dicdir
        self._specs: tuple[TaggerSpec, TaggerSpec] | None = None  # the word tagger's and the lattice's, found once
        self._known: dict[str, frozenset[tuple[str, str, str, str]]] = {}

    def _tagger_specs(self) -> tuple[TaggerSpec, TaggerSpec]:
        """Return the arguments of the tagger of a text's words and of the one that lists every entry
        (:data:`_ALL_ENTRIES`), on the part-of-speech copy of the dictionary if it can be had."""
        if self._specs is None:
            from taikai.text._dictionary import pos_dicdir  # numpy: only once a text is tagged

            dicdir = self.dicdir or default_dicdir()
            try:
                dicdir, node_format = pos_dicdir(dicdir), _FORMAT
            except OSError:  # no writable cache: the same tags from the original dictionary, a little slower
                node_format = _FORMAT_ORIGINAL
            args = dictionary_args(dicdir)
            self._specs = (TaggerSpec(args + node_format), TaggerSpec(args + _ALL_ENTRIES))
        return self._specs

    def _parse(self, text: str) -> str:
        out: str = shared_tagger(self._tagger_specs()[0]).parse(text)
        return out

    def dictionary_tags(self, word: str) -> frozenset[tuple[str, str, str, str]]:
        """Return every part of speech the dictionary gives *word* as one entry, whichever a text's best path takes.

        ``西`` is a common noun in a text's words but also a surname: ``("名詞", "固有名詞", "人名", "姓")`` is among
        its tags. A word the dictionary does not hold as one entry has none. Answers are kept per tagger.
        """
        known = self._known.get(word)
        if known is not None:
            return known
        tags: set[tuple[str, str, str, str]] = set()
        if word.strip() and not _HAS_BLANK.search(word):
            for line in shared_tagger(self._tagger_specs()[1]).parse(word).splitlines():
                fields = line.split("\t")
                if len(fields) == 3 and fields[0] == "0" and fields[1] == word:
                    tags.add(_levels(fields[2]))
        if len(self._known) >= _KNOWN_MAX:
            self._known.clear()
        known = self._known[word] = frozenset(tags)
        return known

    def tag(self, text: str, unless_absent: tuple[str, ...] = ()) -> list[Morpheme]:
        """Return the words of *text* with their spans in *text* and their parts of speech.

        With *unless_absent*, return no words when none of its tags occurs (e.g. ``("人名",)``, or levels joined by
        commas as UniDic writes them: ``"記号,一般"``), which saves making the words of texts that do not have what
        the caller looks for; ``"?"`` stands for an unknown word.
        """
        if not text.strip():
            return []
        text = plain(text)  # numpy's str_ (an item of a text array), which fugashi refuses: as a plain str
        parsed = self._parse(text.translate(_BLANKS) if _HAS_BLANK.search(text) else text)
        if unless_absent and not any((_UNKNOWN_MARK if tag == "?" else tag) in parsed for tag in unless_absent):
            return []
        out: list[Morpheme] = []
        cursor = 0
        for line in parsed.splitlines():
            fields = line.split("\t")
            if len(fields) != 3:
                continue
            written = fields[0]
            surface = written.lstrip(" ")
            start = cursor + len(written) - len(surface)
            cursor = start + len(surface)
            # Inline rather than _levels: this runs for every word of every text masked.
            levels = [("" if level == "*" else level) for level in fields[1].split(",")[:4]]
            levels += [""] * (4 - len(levels))
            out.append(Morpheme(surface, start, cursor, (levels[0], levels[1], levels[2], levels[3]), fields[2] == "?"))
        return out

    def __getstate__(self) -> dict[str, Any]:
        return {"dicdir": self.dicdir}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state.get("dicdir"))  # type: ignore[misc]  # also a PosTagger pickled by an older taikai
