"""Refuse several texts given to :func:`taikai.explain`, which takes one (its arguments given the wrong way round are
refused by :func:`taikai._argument_order.argument_order`)."""

from __future__ import annotations

from collections.abc import Iterable

from taikai.errors import wrong_type


def check_arguments(text: object) -> None:
    """Raise ``TypeError`` if *text* is several texts, saying what to write instead."""
    if isinstance(text, Iterable) and not isinstance(text, str | bytes):
        raise TypeError(
            f"{wrong_type('text', text, 'one text (a str)')}; explain each text on its own "
            "(for text in texts: taikai.explain(model, text)), or predict many at once with model.predict(texts)"
        )
