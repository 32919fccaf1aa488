"""Messages made from a template and read back by it (:func:`template_pattern`).

A kind of message (a text not classified, :class:`taikai.text.TextProblem`; a line a reader set aside,
:class:`taikai.io.LineProblem`) is written from one template, ``str.format`` fields for its variable parts; the report
reads the kind back from a message as a file holds it, by the same template, so that a reworded template is read
back reworded, and a text that only starts as a message is none. Both layers ask this module, in the bottom layer.
"""

from __future__ import annotations

import re
import string

NOTE = "; "
"""What separates a message from a note after it (``taikai batch`` adds the line of bytes that did not decode)."""


def template_pattern(template: str) -> re.Pattern[str]:
    """Return the pattern of the messages of *template*, to ``match`` at a message's start: its text as written,
    one character or more for each field, then the message's end or :data:`NOTE` and what follows."""
    parts = [
        re.escape(text) + (".+?" if field is not None else "")
        for text, field, _, _ in string.Formatter().parse(template)
    ]
    return re.compile("".join(parts) + rf"(?={re.escape(NOTE)}|\Z)", re.DOTALL)
