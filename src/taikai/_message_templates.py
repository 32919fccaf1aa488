"""Messages made from a template and read back by it (:func:`template_pattern`).

A kind of message (a text not classified, :class:`taikai.text.TextProblem`; a line a reader set aside,
:class:`taikai.io.LineProblem`) is written from one template, ``str.format`` fields for its variable parts; the report
reads the kind back from a message as a file holds it, by the same template, so that a reworded template is read
back reworded, and a text that only starts as a message is none. Both layers ask this module, in the bottom layer.
"""

from __future__ import annotations

import re
import string
from enum import Enum
from typing import TypeVar

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


K = TypeVar("K", bound="MessageKind")


class MessageKind(str, Enum):
    """A kind of message written from one template (the base of :class:`taikai.text.TextProblem` and
    :class:`taikai.io.LineProblem`, which hold the members; their templates are given by :func:`register_templates`
    after them): its template (:attr:`template`), its message (:meth:`message`), and the kind read back from a
    message (:meth:`of`)."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def template(self) -> str:
        """The message of this kind, its variable parts as ``str.format`` fields (``{value}``)."""
        return _TABLES[type(self)][0][self]

    def message(self, **fields: object) -> str:
        """Return the message of this kind, its :attr:`template` filled with *fields*."""
        return self.template.format(**fields)

    @classmethod
    def of(cls: type[K], said: object) -> K | None:
        """Return the kind whose template *said* (a row's ``message``, a bad line's ``error``) is, whole or followed
        by :data:`NOTE` and more (a field takes what its place holds); ``None`` for any other value (a message of no
        kind, one a user wrote, or one of another taikai or Python)."""
        if not isinstance(said, str):
            return None
        patterns = _TABLES[cls][1]
        return next((kind for kind, pattern in patterns.items() if pattern.match(said)), None)  # type: ignore[return-value]


_TABLES: dict[type[MessageKind], tuple[dict[MessageKind, str], dict[MessageKind, re.Pattern[str]]]] = {}


def register_templates(kind: type[K], templates: dict[K, str]) -> dict[K, re.Pattern[str]]:
    """Give the kinds of *kind* their *templates* (one for each) and return their patterns (:func:`template_pattern`);
    both dicts are the ones the kinds read, so a test may replace one entry of each."""
    missing = set(kind) - set(templates)
    if missing:
        raise ValueError(f"{kind.__name__}: no template for {sorted(str(k) for k in missing)}")
    patterns = {k: template_pattern(t) for k, t in templates.items()}
    _TABLES[kind] = (templates, patterns)  # type: ignore[assignment]
    return patterns
