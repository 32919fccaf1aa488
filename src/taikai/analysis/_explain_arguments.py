"""Refuse what :func:`taikai.explain` cannot take as its one text: several texts, or a value that is no text (its
arguments given the wrong way round are refused by :func:`taikai._argument_order.argument_order`)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from taikai.errors import wrong_type
from taikai.text import is_missing

ONE_TEXT = "one text (a str)"


def check_arguments(text: object) -> str | None:
    """Return *text* as a str (``None`` for a missing value: ``None``, NaN, ``pandas.NA``, explained as an empty
    text, as :meth:`taikai.Model.predict` takes one); raise ``TypeError`` if *text* is several texts, or a value
    that is no text (a number, bytes, a path), which ``predict`` refuses too, saying what to write instead."""
    if isinstance(text, str):
        return str(text)  # numpy's str_ (an item of an array of texts) as a plain str
    if is_missing(text):
        return None
    if isinstance(text, Iterable) and not isinstance(text, bytes | bytearray | memoryview | os.PathLike):
        row = (  # a row of a frame (df.loc[i]) is a Series too: looping over it would explain its id, its date, …
            "; of a frame's row (df.loc[i]), explain its text: df.loc[i, 'your text column']"
            if type(text).__name__ in ("Series", "DataFrame")
            else ""
        )
        raise TypeError(
            f"{wrong_type('text', text, ONE_TEXT)}{row}; explain each text on its own "
            "(for text in texts: taikai.explain(model, text)), or predict many at once with model.predict(texts)"
        )
    if isinstance(text, bytes | bytearray | memoryview):
        hint = "decode them first (.decode('utf-8'), or .decode('cp932'))"
    elif isinstance(text, os.PathLike):
        hint = "explain a text, not a file: read the file and explain each of its texts"
    else:  # a number, a date, a bool: a cell of a column that is not text
        hint = "explain a text (str(value), if the value is the text of a review)"
    raise TypeError(f"{wrong_type('text', text, f'{ONE_TEXT}, or None for a missing one')}: {hint}")
