"""Words for counting: UniDic dictionary forms of content words, and how much of a text is written in Japanese."""

from __future__ import annotations

import functools
import hashlib
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from taikai.text._dicdir import default_dicdir, dictionary_args
from taikai.text._normalize import MAX_CHARS, normalize
from taikai.text._same import cp932_fold_table, cp932_folded
from taikai.text._taggers import TaggerSpec, shared_tagger
from taikai.text._texts import not_a_text, plain, texts_of

SKIPPED_POS = frozenset({"助詞", "助動詞", "補助記号", "記号", "空白"})
"""Parts of speech (UniDic pos1) that :func:`content_words` skips: particles, auxiliaries, symbols."""
FUNCTION_POS = frozenset({"連体詞", "代名詞", "接続詞"})
"""Parts of speech (UniDic pos1) of function words, skipped too: この, これ, でも."""
DEMONSTRATIVE_ADVERBS = frozenset({"こう", "そう", "ああ", "どう"})
"""Adverbs that point rather than say (そう思う), skipped too; other adverbs (めっちゃ) are content words."""
LEANING = "非自立可能"
"""UniDic pos2 of a verb or adjective that can lean on the word before it (みる of 読んでみる, くださる, しまう):
skipped right after a verb, an adjective, an auxiliary or a conjunctive particle (て, で), kept elsewhere (見る
of 部屋を見る)."""
_LEANS_ON = frozenset({("助詞", "接続助詞"), ("動詞", ""), ("形容詞", ""), ("助動詞", "")})
_ENGLISH = """a an the this that these those some any each every all both either neither no not nor such
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves one who whom whose which what
    am is are was were be been being have has had having do does did doing done get got
    will would shall should can could may might must
    of to in on at by for with from about into onto over under up down out off through after before between during
    without within against among around upon than as
    and or but so if because while when where why how though although since until unless whether yet then there here
    too very just also only even still again ever
    s t d m ll re ve don doesn didn isn aren wasn weren won wouldn shouldn couldn haven hasn hadn ain"""
ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH.split())
"""English function words (lower case, as texts are normalised; the pieces a contraction is split into: don, t).
Skipped in a run of two or more Latin words, an English phrase (the fees are too high → fees, high), where they
would fill drift's new words; kept alone among Japanese words (IT企業, Aランク, Iさん)."""
_LATIN = re.compile(r"[a-z]+")
_APOSTROPHES = frozenset({"'", "’"})


def _english_runs(surfaces: list[str]) -> list[bool]:
    """Return, for each token's *surfaces*, whether it is a Latin word in a run of two or more (an apostrophe
    joins the run: don ' t)."""
    latin = [_LATIN.fullmatch(s) is not None for s in surfaces]
    inside = [False] * len(surfaces)
    start = 0
    while start < len(surfaces):
        end = start
        while end < len(surfaces) and (latin[end] or (end > start and surfaces[end] in _APOSTROPHES)):
            end += 1
        if sum(latin[start:end]) >= 2:
            inside[start:end] = latin[start:end]
        start = max(end, start + 1)
    return inside


_JAPANESE_LETTER = r"[\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]"
"""Kana and kanji: compiled on first use (:func:`_japanese_letters`), not on import: its ranges of some 30,000
characters take 5 ms to compile, which every command importing :mod:`taikai.text` spent (``taikai predict``)."""


# Five fields per word, each ended by a tab (one split of the whole output, not one per line): part of speech (UniDic
# pos1 and pos2), dictionary form (orthBase), "." for a word of the dictionary or "?" for an unknown one, and the
# surface with the whitespace MeCab skipped before it. Texts are normalised, so they hold no tab or line break (a tab
# is read as a space). The words copy of the dictionary holds the first three as each word's feature, which MeCab
# prints whole (%H) faster than it picks fields of the original's (%f[N]); an unknown word's come from unk.dic.
_UNKNOWN = r' -U "%f[0]\t%f[1]\t\t?\t%M\t" -E ""'
_FORMAT = r' -O "" -F "%H\t.\t%M\t"' + _UNKNOWN
_FORMAT_ORIGINAL = r' -O "" -F "%f[0]\t%f[1]\t%f[10]\t.\t%M\t"' + _UNKNOWN
_FIELDS = 5

SHARED_TEXTS = 1_000_000
"""How many texts :func:`sharing_words` keeps at most (about 0.35 KB each): beyond, a text is tagged again."""

_SHORT_IDS = 65_535
"""A text whose ids (and token count) are all at most this is kept in 2 bytes an id, else in 4."""

_shared: list[_SharedWords] = []
_specs: dict[str | None, TaggerSpec] = {}


def _tagger(dicdir: str | None) -> Any:
    """Return this process's and thread's MeCab tagger of *dicdir* (:func:`shared_tagger`): one for every WordTagger
    of a thread, since MeCab does not give a dictionary's memory back (a tagger per call grew a report by about
    0.15 GB a call)."""
    spec = _specs.get(dicdir)
    if spec is None:  # the dictionary is checked once, not for each text
        from taikai.text._dictionary import words_dicdir  # numpy: only once a text is tagged

        try:
            spec = TaggerSpec(dictionary_args(words_dicdir(dicdir or default_dicdir())) + _FORMAT)
        except OSError:  # no writable cache: the same words from the original dictionary, a little slower
            spec = TaggerSpec(dictionary_args(dicdir) + _FORMAT_ORIGINAL)
        _specs[dicdir] = spec
    return shared_tagger(spec)


class _SharedWords:
    """The words of the texts tagged in a :func:`sharing_words` block, per tagger form and dictionary, handed out
    every time a text is asked for again until the block ends: each distinct text is tagged once.

    A text is kept as the 16-byte digest of its UTF-8 and one array of ids into a vocabulary (its token count,
    its tokens, then its content words; 2 bytes each while the vocabulary is small enough), about 0.35 KB a text
    where lists of ``str`` took 2.8 KB.
    """

    def __init__(self, limit: int, each: Callable[[], None] | None = None) -> None:
        self.limit = limit
        self.each = each
        self.count = 0
        self.kept: dict[tuple[str, str | None], dict[bytes, array[int]]] = {}
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    @staticmethod
    def _digest(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def take(self, key: tuple[str, str | None], text: str) -> tuple[list[str], list[str]] | None:
        found = self.kept.get(key, {}).get(self._digest(text))
        if found is None:
            return None
        names, split = self.names, found[0] + 1
        return [names[i] for i in found[1:split]], [names[i] for i in found[split:]]

    def keep(self, key: tuple[str, str | None], text: str, found: tuple[list[str], list[str]]) -> None:
        if self.count >= self.limit:
            return
        ids, names = self.ids, self.names
        for item in (*found[0], *found[1]):
            if item not in ids:
                ids[item] = len(names)
                names.append(item)
        kept = [len(found[0]), *(ids[t] for t in found[0]), *(ids[w] for w in found[1])]
        # made whole (an array grown by append has room to spare), of 2-byte ids while the vocabulary allows
        self.kept.setdefault(key, {})[self._digest(text)] = array("H" if max(kept) <= _SHORT_IDS else "I", kept)
        self.count += 1


@contextmanager
def sharing_words(limit: int = SHARED_TEXTS, each: Callable[[], None] | None = None) -> Iterator[None]:
    """Within the block, tag each distinct text once: the texts a dump repeats (特になし, a copied survey answer) and
    every text of two passes over the same texts (the report's distinctive words, then its drift check). A text's
    words are kept when it is first tagged and handed out whenever it is asked for again, until the block ends.
    At most *limit* texts are kept; past them a text is tagged again (same words, more time). *each* is called for
    every text whose words are asked for in the block (the report's progress counts them)."""
    _shared.append(_SharedWords(limit, each))
    try:
        yield
    finally:
        _shared.pop()


class WordTagger:
    """Tag normalised texts once for what is counted: the model's tokens and the content words.

    ``form`` is the model's token form (``base``: the dictionary form, or the surface of an unknown word, as
    :class:`taikai.text.JapaneseTokenizer` writes it; ``surface``: words as written). The MeCab tagger is made
    on first use, one per process, thread and dictionary for every WordTagger, and never pickled. ``cp932_fold`` is
    the model tokenizer's fold of CP932 look-alikes (:class:`taikai.text.JapaneseTokenizer`; 0: none), applied
    before tagging, so that the tokens are the model's.
    """

    def __init__(self, form: str = "base", dicdir: str | None = None, cp932_fold: int = 0) -> None:
        self.form = form
        self.dicdir = dicdir
        self.cp932_fold = cp932_fold
        self._fold = cp932_fold_table(cp932_fold)

    def _parse(self, text: str) -> str:
        out: str = _tagger(self.dicdir).parse(plain(text))
        return out

    def words(self, text: str) -> tuple[list[str], list[str]]:
        """Return (the model's tokens, the content words) of one normalised *text*.

        Content words are dictionary forms without particles, auxiliaries, symbols, numbers and ``URL``, nor
        function words (:data:`FUNCTION_POS`, :data:`DEMONSTRATIVE_ADVERBS`, and a :data:`LEANING` word after a verb
        or て: この, これ, そう, くださる, みる of 読んでみる); a
        prefix or suffix stays with its noun (手数 + 料 → 手数料), which UniDic's short units split. Inside
        :func:`sharing_words` the lists may be the ones an earlier call was given: read them, do not change them.
        """
        if not text:
            return [], []
        if self._fold is not None:
            text = cp932_folded(text, self._fold)
        if not _shared:
            return self._words(text)
        key = (self.form, self.dicdir)  # the words of the text tagged (folded): the same whichever tagger folded it
        if _shared[-1].each is not None:  # the report's progress: one more text read
            _shared[-1].each()
        found = _shared[-1].take(key, text)
        if found is None:
            found = self._words(text)
            _shared[-1].keep(key, text, found)
        return found

    def _words(self, text: str) -> tuple[list[str], list[str]]:
        tokens: list[str] = []
        words: list[str] = []
        last = None  # part of speech of the content word just added, None after a skipped word
        before = ("", "")  # pos1 and (for a particle) pos2 of the word before
        fields = self._parse(text.replace("\t", " ") if "\t" in text else text).split("\t")
        if len(fields) % _FIELDS:  # the last word's tab (fugashi strips it), or "" for a text of no word
            fields.pop()
        it = iter(fields)
        parsed = list(zip(it, it, it, it, it))
        # the Latin words of English phrases: none in a text without a Latin letter (most reviews)
        english = _english_runs([w.lstrip(" ") for *_, w in parsed]) if _LATIN.search(text) else None
        surfaces = self.form == "surface"
        for i, (pos, pos2, base, known, written) in enumerate(parsed):
            surface = written.lstrip(" ")
            if surfaces or known == "?":
                tokens.append(surface)
            else:
                tokens.extend(base.split())
            word = base or surface
            leaning = pos2 == "助動詞語幹" or (pos2 == LEANING and before in _LEANS_ON)  # そう of 高そう, てみる
            leaning = leaning or (pos == "副詞" and word in DEMONSTRATIVE_ADVERBS)
            before = (pos, pos2 if pos == "助詞" else "")
            # the, and, to of an English phrase
            leaning = leaning or (english is not None and english[i] and word in ENGLISH_FUNCTION_WORDS)
            if pos in SKIPPED_POS or pos in FUNCTION_POS or leaning or word == "url" or word.isdigit():
                last = None
                continue
            joins = (last == "接頭辞" and pos == "名詞") or (last in ("名詞", "接尾辞") and pos == "接尾辞")
            if joins and words and len(written) == len(surface):
                words[-1] += surface
            else:
                words.append(word)
            last = pos
        return tokens, words


def content_words(texts: Iterable[str], dicdir: str | None = None, max_chars: int = MAX_CHARS) -> list[list[str]]:
    """Return the dictionary forms of each text's content words (see :meth:`WordTagger.words`).

    The texts are normalised first (:func:`taikai.text.normalize`), so a URL is skipped and Latin is lower-case,
    and cut to their first *max_chars* characters, as the model reads them (:func:`taikai.text.check_text`):
    MeCab is not given a text of a million characters, which can crash it.
    """
    texts = texts_of(texts, "texts")
    tagger = WordTagger(dicdir=dicdir)
    try:
        return [tagger.words(normalize(text)[:max_chars])[1] for text in texts]
    except TypeError as exc:
        raise not_a_text(texts, exc, "texts") from None


@functools.cache
def _japanese_letters() -> re.Pattern[str]:
    return re.compile(_JAPANESE_LETTER)


def japanese_share(text: str) -> float:
    """Return the share of *text*'s letters (``str.isalpha``) that are kana or kanji; 0.0 for a text without letters."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return 0.0
    return len(_japanese_letters().findall(text)) / letters
