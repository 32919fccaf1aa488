"""Refuse the arguments of :func:`taikai.explain` given the wrong way round, or several texts where it takes one."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from taikai.errors import wrong_type
from taikai.model import Model
from taikai.text import shown_text

_TEXT_LIKE = re.compile(r"[\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""What a text has and a model directory's name hardly has: spaces, or Japanese letters and punctuation."""
_ORDER = "explain(model, text) takes the model first, then the text"


def check_arguments(model: object, text: object) -> None:
    """Raise ``TypeError`` if the arguments of :func:`explain` are swapped (a text where the model goes: a str that is
    no directory but reads as a text), or *text* is several texts; saying what to write instead."""
    given = []
    if isinstance(model, str) and not os.path.exists(model) and _TEXT_LIKE.search(model) and os.sep not in model:
        given.append(f"a text ({shown_text(model)[:20]!r}) as the model")
    if isinstance(text, Model):
        given.append("a Model as the text")
    if given:
        raise TypeError(
            f"{_ORDER}: it was given {' and '.join(given)}; write explain(model, text), or explain(None, text) for "
            "the default model"
        )
    if isinstance(text, Iterable) and not isinstance(text, str | bytes):
        raise TypeError(
            f"{wrong_type('text', text, 'one text (a str)')}; explain each text on its own "
            "(for text in texts: taikai.explain(model, text)), or predict many at once with model.predict(texts)"
        )
