"""Text as shown: its width on a terminal (East Asian wide and full-width characters take two columns), and as a
Markdown table's cell."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (tab, newline, ESC of a terminal's escape sequences, …) and the line and paragraph
separators: a terminal would act on them, or break the line, instead of showing them."""
FORMAT = "Cf"
"""The Unicode category of format characters: bidirectional overrides and isolates (U+202E would flip the rest of a
table row), zero-width spaces and joiners, the soft hyphen, the BOM: shown as nothing or acting on their neighbours,
they would put a table's columns out of line."""


_COMBINING = ("Mn", "Me")
"""The Unicode categories of combining marks: drawn on the character before them (the voiced mark U+3099 of a
decomposed ガ, as macOS writes file names and some PDFs copy), they take no column of their own."""
EMOJI_PRESENTATION = "\ufe0f"
"""Variation selector 16, a combining mark that asks for the emoji form of the symbol before it (♀️, ❤️), which
terminals draw two columns wide: it keeps the column a symbol of one column then lacks."""


def display_width(text: str) -> int:
    """Return the columns *text* takes on a terminal: two for East Asian wide (W) and full-width (F) characters,
    none for a combining mark (the voiced mark of a decomposed ガ, an accent; but U+FE0F, which widens the symbol
    before it to an emoji), one for any other."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.east_asian_width(ch) in "WF":
        return 0 if unicodedata.category(ch) in _COMBINING else 2  # U+3099, U+309A are W, and combining
    return 0 if ch != EMOJI_PRESENTATION and unicodedata.category(ch) in _COMBINING else 1


def pad(text: str, width: int) -> str:
    """Return *text* padded with spaces to *width* terminal columns (unchanged when already wider)."""
    return text + " " * max(0, width - display_width(text))


def printable(text: str) -> str:
    """Return *text* with each control character (:data:`_CONTROL`) and each format character (:data:`FORMAT`: a
    right-to-left override, a zero-width space, the joiner of an emoji sequence, which is then shown as its emoji)
    replaced by a space: one character for one, so that offsets into *text* still hold; safe to write to a terminal,
    which would act on an escape sequence, and lined up as :func:`display_width` counts it."""
    text = _CONTROL.sub(" ", text)
    if text.isascii():
        return text
    return "".join(" " if unicodedata.category(ch) == FORMAT else ch for ch in text)


def clip(text: str, width: int) -> str:
    """Return *text* on one line, its control characters as spaces (:func:`printable`) and its runs of whitespace as
    one, cut with an ellipsis so that it takes at most *width* terminal columns."""
    text = " ".join(printable(text).split())
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def markdown_cell(text: str) -> str:
    """Return *text* as one cell of a Markdown table: on one line (every run of white space, line breaks included,
    one space) and its ``|`` escaped, so that it cannot end the cell or the row."""
    return " ".join(text.split()).replace("|", "\\|")


_CODE_SPAN = re.compile(r"(`+)(.*?)\1", re.S)
_HTML_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def notebook_markdown(text: str) -> str:
    """Return the Markdown *text* (a report's, as ``print`` shows it) for a notebook's ``_repr_markdown_``: ``&``,
    ``<`` and ``>`` outside code spans as HTML's character references, so that a notebook shows them, not the tags
    they would open (``<frame>``, the source of a frame's rows, shown as nothing; a rule's ``(?<!不)満足``)."""
    out, at = [], 0
    for span in _CODE_SPAN.finditer(text):  # a code span shows its characters as written
        out += [text[at : span.start()].translate(_HTML_SPECIAL), span.group()]
        at = span.end()
    return "".join([*out, text[at:].translate(_HTML_SPECIAL)])
