"""Refuse, before anything is classified, an output encoding that cannot hold the model's labels or columns."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path

from taikai.errors import OUTPUT_ENCODING, InputError

_LOST = {"label": "is no label of the model", "column name": "report, suggest and drift would not find"}
"""What a label or a column name written with ``?`` for a character becomes."""


def check_labels_held(source: Path, encoding: str | None, labels: Iterable[str], columns: Iterable[str]) -> None:
    """Raise :class:`InputError` when *encoding* (the ``output_encoding`` given; ``None``: UTF-8, which holds every
    character) cannot hold one of the model's *labels* or the output *columns* (``p_reason_LABEL``, with the
    prefix). Text it cannot hold is written as ``?``: counted, for the reviews' text, but a label so written is
    another label (``下落📉`` read back as ``下落?``, two such labels as one), which ``report``, ``suggest`` and
    ``drift`` cannot tell from the model's."""
    if encoding is None:
        return
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return  # the encoding's own check names it
    for what, values in (("label", labels), ("column name", columns)):
        for value in values:
            try:
                value.encode(codec)
            except UnicodeEncodeError as e:
                raise InputError(
                    f"{source}: {OUTPUT_ENCODING.given(encoding)} cannot hold the model's {what} {value!r} (its "
                    f"character {value[e.start]!r}): it would be written as "
                    f"{value.encode(codec, errors='replace').decode(codec)!r}, which {_LOST[what]}; write "
                    f"{OUTPUT_ENCODING.either(['utf-8-sig'])}, which Excel opens and which keeps every character "
                    "(nothing was written)"
                ) from None
