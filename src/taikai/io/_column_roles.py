"""Check the column arguments of labelled data: each a column label, no column named for two roles, and one column
under each label read."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from taikai.errors import NO_SENTIMENT, REASONS_COLUMN, SENTIMENT_COLUMN, TEXT_COLUMN, InputError, check_label_columns

_HELD = {TEXT_COLUMN: "the review texts", REASONS_COLUMN: "the reasons", SENTIMENT_COLUMN: "the sentiment"}
"""What the column each argument names holds, as the message says it."""


def check_column_roles(text_column: object, reasons_column: object, sentiment_column: object) -> None:
    """Raise as :func:`taikai.errors.check_label_columns` does, and :class:`InputError` when two of the arguments
    name one column: its cells would be read as two kinds of labels (``--reasons-column sentiment``, the sentiment
    column left at its default, trains a reason head and a sentiment head on the same labels) or as texts and
    labels at once."""
    check_label_columns(text_column, reasons_column, sentiment_column)
    given = [(TEXT_COLUMN, text_column), (REASONS_COLUMN, reasons_column), (SENTIMENT_COLUMN, sentiment_column)]
    for i, (first, value) in enumerate(given):
        for second, other in given[i + 1 :]:
            if value is None or other is None or type(value) is not type(other) or value != other:
                continue
            advice = f"give each its own column with {first.option} and {second.option}"
            if second is SENTIMENT_COLUMN:
                advice += f", or pass {NO_SENTIMENT.given(None)} for data without sentiment"
            raise InputError(
                f"{first.name}= and {second.name}= ({first.option} and {second.option} on the command line) both "
                f"name the column {value!r}, which cannot hold both {_HELD[first]} and {_HELD[second]}: {advice}"
            )


def check_one_column_each(columns: Iterable[Hashable], source: str, named: Sequence[Hashable | None]) -> None:
    """Raise :class:`InputError` when a frame has several columns under one of the labels *named* (pandas allows
    that, ``pd.concat(..., axis=1)`` makes it): each column read would be a frame of them, and its cells neither a
    text nor a label. *named* are the text, reasons and sentiment columns, then any other read (``more_reasons``)."""
    labels = list(columns)
    arguments = (TEXT_COLUMN, REASONS_COLUMN, SENTIMENT_COLUMN)
    for i, name in enumerate(named):
        count = sum(1 for label in labels if type(label) is type(name) and label == name)
        if name is None or count < 2:
            continue
        told = arguments[i] if i < len(arguments) else None
        chosen = f", or give another with {told.name}= ({told.option} on the command line)" if told else ""
        raise InputError(
            f"{source}: {count} columns are named {name!r}; rename or drop all but one so that {name!r} names one "
            f"column{chosen}"
        )
