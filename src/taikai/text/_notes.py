"""What a classified text's message says of a text the model reads poorly (:func:`reading_note`).

HTML markup left in a review copied from a web page (``<p>``, ``<br/>``, ``<span style="…">``): the model reads
its tags as words, and they move its answer (measured with the shipped model: ``まあまあでした`` is other, positive
0.97; inside ``<span style="color:red">…</span>`` it is low_pay, negative 0.98). Normalisation keeps them, as the
rows the model was trained on hold none.

A text mostly in another language (an English review with one Japanese word): the model, trained on Japanese
reviews, reads little of it, and its answer rests on those few words however sure it looks (``I quit because 手数料
was high, but honestly the platform was great…``: fees, negative 1.00). Of the 8,536 reviews of data/reviews.csv,
which quote English at times, the one with the fewest Japanese letters has 24 % of them (:data:`FOREIGN_SHARE`).
"""

from __future__ import annotations

import re

from taikai._cut import cut_list
from taikai.text._words import japanese_share

TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
"""An HTML tag, opening, closing or empty, as normalised text holds it (lower-cased), or a comment: a tag name is
Latin letters and digits, so ``<重要>`` or ``<3`` is no tag."""
CUT_TAG = re.compile(r"""<([a-z][a-z0-9]*)\s[^<>]*?=\s*["']?\s*url\b""")
"""An opening tag whose link normalisation read as the word ``url``, its ``>`` with it: a URL runs to the next space,
so ``<a href="https://example.com/x">詳細</a>`` reads ``<a href=" url``, which :data:`TAG` does not match."""
_TAGS = re.compile(f"{TAG.pattern}|{CUT_TAG.pattern}", re.DOTALL)
"""A tag of either kind (:data:`TAG`, :data:`CUT_TAG`)."""
SHOWN_TAGS = 3
"""The tags a note names, then how many more."""


def markup_tags(normalized: str) -> list[str]:
    """Return the HTML tags the normalised text *normalized* holds, once each in the order first found, as a note
    names them (``<p>``, ``</p>``, ``<!--…-->``); ``[]`` for a text without any."""
    if "<" not in normalized:
        return []
    return list(dict.fromkeys(_named(m) for m in _TAGS.finditer(normalized)))


def _named(tag: re.Match[str]) -> str:
    """A tag :data:`_TAGS` found, as a note names it: ``<p>``, ``</p>``, ``<!--…-->``, ``<a>`` (cut by a link)."""
    if tag.group(2):
        return f"<{tag.group(1)}{tag.group(2)}>"
    return f"<{tag.group(3)}>" if tag.group(3) else "<!--…-->"


def without_markup(normalized: str) -> str:
    """Return the normalised text *normalized* with its HTML tags (attributes and comments too) made spaces: the
    words of the text as the page shows it, without the tags' names (``p``, ``br``, ``class``)."""
    return _TAGS.sub(" ", normalized) if "<" in normalized else normalized


def markup_note(normalized: str) -> str:
    """Return the note of a text whose normalised form *normalized* (what the model reads: references such as
    ``&lt;p&gt;`` decoded, full-width ``＜ｐ＞`` made half-width) holds HTML tags, naming them; ``""`` for a text
    without any."""
    names = markup_tags(normalized)
    if not names:
        return ""
    return (
        f"holds HTML markup ({cut_list(names, SHOWN_TAGS)}): the model reads its tags as words, which move its "
        "answer; give the text without them (as the page shows it)"
    )


FOREIGN_SHARE = 0.2
"""A classified text with fewer of its letters kana or kanji than this share is said to be largely in another
language (drift's "mostly not Japanese" is a text under half kana and kanji, a count, not a note)."""
_LATIN = re.compile("[a-z]")  # normalised text is lower-cased: counted in C before the share is counted in Python
FOREIGN_LETTERS = 20
"""The fewest Latin letters a text largely in another language holds (a short ``lol 笑`` is no other language's
review)."""


def foreign_note(normalized: str) -> str:
    """Return the note of a text whose normalised form *normalized* has fewer than :data:`FOREIGN_SHARE` of its
    letters Japanese, among at least :data:`FOREIGN_LETTERS` Latin ones; ``""`` for any other."""
    latin = len(normalized) - len(_LATIN.sub("", normalized))
    if latin < FOREIGN_LETTERS or 2 * latin < len(normalized):  # most texts: no need to count every letter
        return ""
    share = japanese_share(normalized)
    if share >= FOREIGN_SHARE:
        return ""
    return (
        f"largely in another language: {share:.0%} of its letters are kana or kanji, and the model reads Japanese "
        "only: its answer rests on those few words, however sure it looks"
    )


def reading_note(normalized: str) -> str:
    """Return what a classified text's message says of how the model read its normalised form *normalized*: that
    it holds HTML markup (:func:`markup_note`), that it is largely in another language (:func:`foreign_note`);
    ``""``."""
    return with_note(markup_note(normalized), foreign_note(normalized))


def with_note(message: str, note: str) -> str:
    """Return a classified text's *message* (that it was cut, or ``""``) with *note* after it."""
    return f"{message}; {note}" if message and note else message or note
