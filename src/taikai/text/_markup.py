"""HTML markup left in a review copied from a web page (``<p>``, ``<br/>``, ``<span style="…">``): the model reads
its tags as words, and they move its answer (measured with the shipped model: ``まあまあでした`` is other, positive
0.97; inside ``<span style="color:red">…</span>`` it is low_pay, negative 0.98). Normalisation keeps them, as the
rows the model was trained on hold none: a classified text that holds some says so in its message."""

from __future__ import annotations

import re

from taikai._cut import cut_list

TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
"""An HTML tag, opening, closing or empty, as normalised text holds it (lower-cased), or a comment: a tag name is
Latin letters and digits, so ``<重要>`` or ``<3`` is no tag."""
SHOWN_TAGS = 3
"""The tags a note names, then how many more."""


def markup_note(normalized: str) -> str:
    """Return the note of a text whose normalised form *normalized* (what the model reads: references such as
    ``&lt;p&gt;`` decoded, full-width ``＜ｐ＞`` made half-width) holds HTML tags, naming them; ``""`` for a text
    without any."""
    if "<" not in normalized:
        return ""
    names = list(
        dict.fromkeys(f"<{m.group(1)}{m.group(2)}>" if m.group(2) else "<!--…-->" for m in TAG.finditer(normalized))
    )
    if not names:
        return ""
    return (
        f"holds HTML markup ({cut_list(names, SHOWN_TAGS)}): the model reads its tags as words, which move its "
        "answer; give the text without them (as the page shows it)"
    )


def with_note(message: str, note: str) -> str:
    """Return a classified text's *message* (that it was cut, or ``""``) with *note* after it."""
    return f"{message}; {note}" if message and note else message or note
