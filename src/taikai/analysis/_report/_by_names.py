"""A ``--by`` value that is a person's name as a whole is masked as one, though no context around it says so.

Masking finds a name by its context (an honorific, a particle after a surname): a cell of an ``author`` column
holding only ``佐藤`` or ``Taro Yamada`` has none, and ``report --by author --mask-pii`` showed it as written. Under
``--mask-pii`` a ``--by`` value (NFKC, stripped) that masking left as it was is masked whole as a name
(``[人名]``, then numbered with the others: ``[人名1]``, …) when both hold:

- the tagger reads it as a name as a whole: every word of it is tagged a person's name by UniDic
  (名詞-固有名詞-人名: 佐藤, キムラ, 田中 太郎), or is a proper noun the dictionary also holds as one (ナカジマ); or
  it is two or three capitalised (or all-capital) Latin words that read as a romanised Japanese name: every word
  in Hepburn syllables, not every word a listed English word or place (``Taro Yamada``, ``YAMADA Taro``; not
  ``Data Entry``, ``Credit Card``, ``Tokyo Osaka``: :mod:`taikai.analysis._report._romaji`);
- masking takes the whole value for a name when it is followed by an honorific (``Taro Yamadaさん``): not a
  platform or a tool it knows (``Google Play``, ``Crowd Works``), nor a place (東京).

The page's table of bad lines quotes each malformed line whole, every column of its row: under ``--mask-pii`` each
of its cells that is such a name is masked too (:func:`mask_name_cells`: ``9,佐藤,…`` was shown as written).

Limits: a single Latin word (``Smith``), a non-Japanese name (``John Smith``, ``Mary Jane Watson``) and a name
UniDic does not tag as one (a nickname, a rare name) are shown as written; Latin words of Hepburn syllables that
are no person and not listed (``Kaigo Shigoto``) are masked.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from taikai.analysis._report._romaji import plain, reads_as_romanised_name
from taikai.privacy import NAME_FORMS, PiiKind, default_masker
from taikai.text import PosTagger

_LATIN_WORD = r"(?:[A-ZĀĪŪĒŌÂÎÛÊÔ][a-zāīūēōâîûêô'’\-]+|[A-ZĀĪŪĒŌÂÎÛÊÔ][A-ZĀĪŪĒŌÂÎÛÊÔ'’\-]+)"
_LATIN_NAME = re.compile(rf"{_LATIN_WORD}(?: {_LATIN_WORD}){{1,2}}")
_HONORIFIC = "さん"
_taggers: list[PosTagger] = []


def _tagger() -> PosTagger:
    if not _taggers:
        _taggers.append(PosTagger())
    return _taggers[0]


def _read_as_name(value: str) -> bool:
    """Whether the tagger reads *value* as a person's name as a whole (see the module's first rule)."""
    if _LATIN_NAME.fullmatch(value):
        return reads_as_romanised_name(value.split())
    tagger = _tagger()
    words = tagger.tag(value.translate(NAME_FORMS))  # 髙橋 as 高橋, which UniDic holds, as masking reads it
    if not words:
        return False
    for word in words:
        if word.unknown or word.pos[1] != "固有名詞":
            return False
        tags = tagger.dictionary_tags(word.surface) if word.pos[2] != "人名" else frozenset({word.pos})
        if not any(t[1:3] == ("固有名詞", "人名") for t in tags):
            return False
    return True


def is_whole_name(value: str) -> bool:
    """Whether the ``--by`` value *value* is a person's name as a whole (the module's rules)."""
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    if not text or not _read_as_name(text):
        return False
    if _LATIN_NAME.fullmatch(text):
        text = plain(text)  # masking reads Ōno Shin'ichi as Ono Shinichi
    spans = default_masker().mask(text + _HONORIFIC).spans
    return len(spans) == 1 and spans[0].kind is PiiKind.NAME and (spans[0].start, spans[0].end) == (0, len(text))


def mask_whole_names(original: Any, masked: Any) -> tuple[Any, int]:
    """Return *masked* (the pandas Series *original* masked row by row) with each value masking left as it was
    that is a person's name as a whole replaced by ``[人名]``, and how many values were replaced."""
    import pandas as pd

    before = original.astype("string")
    unchanged = (before.str.strip() == masked.astype("string").str.strip()).fillna(False)
    names = {v for v in before[unchanged].dropna().unique() if is_whole_name(str(v))}
    if not names:
        return masked, 0
    hit = unchanged & before.isin(names).fillna(False)
    out = masked.astype(object).copy()
    out[hit] = PiiKind.NAME.placeholder
    out = out.astype(masked.dtype) if pd.api.types.is_string_dtype(masked.dtype) else out
    return out, int(hit.sum())


_CELL = re.compile(r'[^,\t"]+')
"""A cell of a line as written: the text between commas, tabs and quotes (a CSV or TSV line, or a JSONL record's
keys and strings)."""


def mask_name_cells(line: str) -> tuple[str, int]:
    """Return *line*, a malformed line as batch set it aside (its texts masked), with each cell that is a person's
    name as a whole (:func:`is_whole_name`: a cell of an ``author`` column, ``佐藤``) replaced by ``[人名]``, and how
    many were: such a line quotes every column of its row, and masking has no context to find a bare name by."""
    found = 0

    def name_cell(match: re.Match[str]) -> str:
        nonlocal found
        cell = match.group()
        if not cell.strip() or not is_whole_name(cell):
            return cell
        found += 1
        start = len(cell) - len(cell.lstrip())
        return cell[:start] + PiiKind.NAME.placeholder + cell[len(cell.rstrip()) :]

    return _CELL.sub(name_cell, line), found
