"""When two texts count as the same review: the key of duplicate and training-overlap checks.

The key is the text as the model sees it (:func:`taikai.text.normalize`) with the characters that a CP932 round trip
changes folded together. Excel on Japanese Windows, and ``--output-encoding cp932``, write 〜 (U+301C) as ～
(U+FF5E), − (U+2212) as － (U+FF0D) and ‖ (U+2016) as ∥ (U+2225); after NFKC these are ``~``, ``-`` and ``∥`` while
the originals stay, so a CP932 copy of a review would count as another text. (¢ £ ¬ become ￠ ￡ ￢, which NFKC folds
back.) — (U+2014), which Windows writes as ― (U+2015), is folded too.

The model reads them as one too, when trained to (:data:`CP932_FOLD`): its tokenizer folds each text by the table of
the version its pipeline records (:func:`cp932_fold_table`), one character for one, so offsets into the text stay.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from taikai.errors import wrong_type

CP932_ROUND_TRIP = {
    "\u301c": "~",  # 〜 wave dash; CP932 gives ～ (U+FF5E), which NFKC makes ~
    "\u2212": "-",  # − minus sign; CP932 gives － (U+FF0D), which NFKC makes -
    "\u2016": "\u2225",  # ‖ double vertical line; CP932 gives ∥ (U+2225), which NFKC keeps
    "\u2014": "\u2015",  # — em dash, which Windows writes as ― (U+2015); Python's cp932 cannot encode it
}
"""Each character of a normalised text that a CP932 round trip (then NFKC) turns into another, and that other."""
CP932_FOLDS_OF_VERSION: Mapping[int, Mapping[str, str]] = MappingProxyType(
    {1: MappingProxyType({"\u301c": "~", "\u2212": "-", "\u2016": "\u2225", "\u2014": "\u2015"})}
)
"""The fold a model's tokenizer applies, by the version its pipeline records (``JapaneseTokenizer(cp932_fold=1)``;
0: none, as every model trained before the fold). A recorded version never changes: a new table is a new version."""
CP932_FOLD = 1
"""The fold version new models are trained with (:class:`taikai.model.FeatureConfig`'s ``cp932_fold``)."""


def cp932_fold_table(version: int) -> Mapping[str, str] | None:
    """Return each character the fold *version* reads as another, and that other (``None`` for 0: no fold); raise
    ``ValueError`` for a version this taikai does not know. :func:`cp932_folded` applies it."""
    if type(version) is int and (version == 0 or version in CP932_FOLDS_OF_VERSION):
        return CP932_FOLDS_OF_VERSION.get(version)
    known = ", ".join(map(str, (0, *CP932_FOLDS_OF_VERSION)))
    raise ValueError(f"cp932_fold must be one of {known} (0: no fold), not {version!r}")


def cp932_folded(text: str, table: Mapping[str, str]) -> str:
    """Return *text* with each character of *table* (:func:`cp932_fold_table`) written as its fold, one for one.
    A scan per character, then a replace only where it is: 30 times faster than ``str.translate`` for texts that
    mostly hold none (0.7 µs a review)."""
    for character, folded in table.items():
        if character in text:
            text = text.replace(character, folded)
    return text


def same_text_key(normalized: str) -> str:
    """Return the key of a text already normalised (``check_text(value).text``): equal keys, same review. The
    fold is :func:`cp932_folded`'s, which the model's tokenizer applies too."""
    if not isinstance(normalized, str):
        raise wrong_type("normalized", normalized, "a str (a text normalised by check_text)")
    return cp932_folded(normalized, CP932_ROUND_TRIP)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""A character beyond the Basic Multilingual Plane (an emoji, a rare kanji): one range, a quick search."""


@functools.cache
def _punctuation_and_spaces() -> re.Pattern[str]:
    """Return a pattern of one character of Unicode categories P and Z (punctuation, spaces) of the Basic
    Multilingual Plane, made at the first :func:`near_text_key` of a process from its 65,536 code points (about
    10 ms; the characters are :func:`unicodedata.category`'s by construction). The planes beyond it are left to a
    category call per character, on a text holding such a character only: a pattern of them costs 0.13 s to make
    (every code point), once per process, more than a one-text ``predict`` gains, and ``re`` tries its ranges one by
    one."""
    return re.compile(
        f"[{re.escape(''.join(c for c in map(chr, range(0x10000)) if unicodedata.category(c)[0] in 'PZ'))}]"
    )


def near_text_key(normalized: str) -> str:
    """Return the key of near-copies of a text already normalised: its :func:`same_text_key` without punctuation and
    spaces (Unicode categories P and Z), so that the same review with another comma (``、``/``,``), an added ``。``
    or ``！``, or other spacing has the key of the review as written. Symbols (★, 〒) and letters stay."""
    key = _punctuation_and_spaces().sub("", same_text_key(normalized))  # a sixth of the time of a call per character
    if _ASTRAL.search(key):
        return "".join(c for c in key if c <= "\uffff" or unicodedata.category(c)[0] not in "PZ")
    return key
