"""Check the column arguments of labelled data: each a column label, and no column named for two roles."""

from __future__ import annotations

from taikai.errors import REASONS_COLUMN, SENTIMENT_COLUMN, TEXT_COLUMN, InputError, check_label_columns

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
                advice += ", or pass --no-sentiment (sentiment_column=None) for data without sentiment"
            raise InputError(
                f"{first.name}= and {second.name}= ({first.option} and {second.option} on the command line) both "
                f"name the column {value!r}, which cannot hold both {_HELD[first]} and {_HELD[second]}: {advice}"
            )
