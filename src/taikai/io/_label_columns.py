"""Columns that look to hold labels under other names (``理由``, ``感情``, ``category``, ``tone``), for the error of
a labelled file without the columns of reasons and sentiments it was read with: ``taikai evaluate``, ``train``
(and its ``--add`` files) and ``rules test`` name them, with the arguments that read them (or, for an added file,
the names to give them in the file). A column whose cells read as sentences is a column of reviews
(:func:`taikai.text.prose_columns`), never named as labels, whatever its name (a dump's ``退会理由``)."""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable, Sequence
from typing import TYPE_CHECKING

from taikai._column_names import folded, label_like
from taikai.errors import NO_SENTIMENT, SENTIMENT_COLUMN, Argument
from taikai.text import PICKED_BY_COLUMN as PICKED_BY_COLUMN  # taikai.io's, as before it moved to taikai.text
from taikai.text import PROSE_ROWS, frame_reviews
from taikai.text import prose_columns as prose_columns  # taikai.io.prose_columns, as before it moved to taikai.text

if TYPE_CHECKING:
    import pandas as pd

    from taikai.io._records import Reader

MORE_REASONS_COLUMN = "more_reasons"
"""An optional column of further reasons (``|``-separated), appended after the ``reasons`` cell's labels: read
beside the reasons, never as them."""
_MODEL_COLUMN = re.compile(r"^(p_)?model_|^p_(reason|sentiment)_|^rule_(names|reasons|conflict)$|^picked_by$")
"""Columns the model or the rules wrote (a suggest sheet's ``model_sentiment`` and ``rule_reasons``, a batch output's
probabilities): their guesses, never labels to train on, whatever their names hold."""


def review_columns(reader: Reader | pd.DataFrame) -> list[str]:
    """Return the columns of the file *reader* reads (or of a frame, a predictions file read whole) whose first
    :data:`PROSE_ROWS` rows mostly read as distinct sentences (:func:`prose_columns` with ``reviews=True``), the
    likely column of texts (a dump's ``口コミ`` or ``本文``), in file order; none when those rows cannot be read (what
    reads the file then says why). The errors of a missing text column and predict's warning for a file given as a
    text name them, in one wording (:func:`taikai.errors.reviews_hint`)."""
    import pandas as pd

    from taikai.errors import InputError

    if isinstance(reader, pd.DataFrame):
        return frame_reviews(reader)
    try:
        chunk = next(iter(reader.chunks(PROSE_ROWS)), None)
    except (InputError, OSError, ValueError):
        return []
    if chunk is None or not chunk.rows:
        return []
    frame = pd.DataFrame(dict(enumerate(chunk.data)))
    frame.columns = pd.Index(reader.columns)
    return frame_reviews(frame)


def likely_labels(columns: Sequence[object], prose: Collection[str] = (), used: Collection[str] = ()) -> dict[str, str]:
    """Return the *columns* whose names hold a word of labels (:func:`taikai._column_names.label_like`), in their
    order, each with the kind of labels it may hold (``"reasons"`` or ``"sentiment"``); not those in *prose*
    (:func:`prose_columns`) nor in *used* (the columns read for another role: the text, the reasons found), nor
    the model's own (:data:`_MODEL_COLUMN`), nor a sheet's further reasons (:data:`MORE_REASONS_COLUMN`)."""
    likely = {
        str(c): label_like(folded(str(c)))
        for c in columns
        if str(c) not in {*prose, *used, MORE_REASONS_COLUMN} and not _MODEL_COLUMN.match(str(c))
    }
    return {column: kind for column, kind in likely.items() if kind}


def labels_fix(likely: dict[str, str], wanted: Sequence[tuple[Hashable, Argument]], rename: bool = False) -> str:
    """Return what to do about the label columns *wanted* (each with its argument) that are missing, when *likely*
    (:func:`likely_labels`) holds columns that look to hold them: give them to the arguments
    (``reasons_column='理由' (--reasons-column '理由' on the command line)``), or, with *rename* (an ``--add`` file,
    whose columns the arguments do not name), rename them (``rename '理由' to 'reasons'``; the caller says where);
    a kind wanted that none looks to hold is asked for as such. ``""`` when none of *likely* is of a kind *wanted*."""
    fixes: list[str] = []
    missing: list[tuple[str, Hashable, Argument]] = []
    for column, argument in wanted:
        kind = "sentiment" if argument is SENTIMENT_COLUMN else "reasons"
        found = [c for c, k in likely.items() if k == kind]
        if not found:
            missing.append((kind, column, argument))
        elif rename:
            fixes.append(f"{'' if fixes else 'rename '}{' or '.join(map(repr, found))} to {str(column)!r}")
        else:
            fixes.append(argument.either(found))
    if not fixes:
        return ""
    named = [
        c for c, k in likely.items() if k in {"sentiment" if a is SENTIMENT_COLUMN else "reasons" for _, a in wanted}
    ]
    fix = " and ".join(fixes) if rename else f"give {'it' if len(named) == 1 else 'them'} as {' and '.join(fixes)}"
    for kind, column, argument in missing:  # the reasons found, no sentiment (or only a sentiment)
        if rename:
            fix += f", and the column of {kind} to {str(column)!r}"
            continue
        no_sentiment = f", or pass {NO_SENTIMENT.given(None)} for data without sentiment"
        fix += f", and the column of {kind} to {argument}" + (no_sentiment if kind == "sentiment" else "")
    look = "looks" if len(named) == 1 else "look"
    return f"{' and '.join(map(repr, named))} {look} to hold labels: {fix}"
