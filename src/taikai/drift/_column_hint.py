"""A hint for a dump whose text column holds little Japanese: the wrong column (ids, numbers, dates), or not Japanese.

Nearly every row of such a dump is unclassifiable, and its drift reads ``drift: yes`` (or not judged) with no word
of why. The hint says what the unclassifiable rows are (blank, without Japanese text, too few kana or kanji), each
kind with its first row, how many rows hold kana or kanji at all (an English dump quoting Japanese words holds some:
it is not said to hold none), and to check the text column, naming a column of the file that holds Japanese text if
one does. The verdict stays: an English dump does drift from a Japanese model.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from taikai.drift._dump_texts import DumpTexts
from taikai.errors import TEXT_COLUMN, Argument
from taikai.model import DriftStatistics
from taikai.text import check_text, japanese_share

NEARLY_ALL = 0.9
"""The share of unclassifiable rows from which the text column is suspected."""
SAMPLED = 200
"""How many values of each column of the first chunk are looked at for Japanese text."""


def _japanese(values: Sequence[Any]) -> int:
    """Return the Japanese letters of the values of *values* that read as Japanese text (0 unless most do)."""
    read = [check_text(v) for v in values[:SAMPLED] if isinstance(v, str) and v.strip()]
    japanese = [c.text for c in read if c.ok and japanese_share(c.text) >= 0.5]
    if not read or 2 * len(japanese) < len(read):
        return 0
    return sum(round(japanese_share(text) * sum(ch.isalpha() for ch in text)) for text in japanese)


def japanese_column(
    stats: DriftStatistics,
    text_column: str,
    columns: Sequence[object],
    first: list[list[Any]] | None,
    predictions: Collection[str] | None = None,
) -> str | None:
    """Return the column of the file that holds Japanese text when :data:`NEARLY_ALL` of the rows of *stats* are
    unclassifiable: another column than *text_column* (the one holding most Japanese letters), or of a predictions
    file (*predictions*: the model's columns, never one of them) *text_column* itself when it holds Japanese text
    though its rows were predicted unclassifiable (the predictions were made from another column); ``None`` when
    none does, or when the rows are not nearly all unclassifiable. *columns* are the file's columns as named there
    and *first* the values of its first chunk, one list per column."""
    if not stats.rows or stats.unclassifiable_share < NEARLY_ALL:
        return None
    scores = [] if first is None else [(_japanese(values), str(name)) for name, values in zip(columns, first)]
    if predictions is not None:
        scores = [(score, name) for score, name in scores if name not in predictions]
        if any(score for score, name in scores if name == text_column):
            return text_column
    best = max((s for s in scores if s[0] and s[1] != text_column), default=None)
    return best[1] if best is not None else None


def text_column_hint(
    stats: DriftStatistics,
    text_column: str,
    japanese: str | None,
    argument: Argument,
    source: str,
    predictions: bool = False,
    texts: DumpTexts | None = None,
) -> str | None:
    """Return the hint for *stats* (of *source*, whose texts were read from *text_column*), or ``None`` when fewer
    than :data:`NEARLY_ALL` of its rows are unclassifiable; *japanese* is the column that holds Japanese text
    (:func:`japanese_column`). Of a predictions file (*predictions*), whose rows are not classified again, the advice
    is to classify the dump again with ``taikai batch``. *texts*: the first row of each unclassifiable kind, which
    the hint cites."""
    if not stats.rows or stats.unclassifiable_share < NEARLY_ALL:
        return None
    share = f"{stats.unclassifiable_share:.0%}"
    kinds = (texts or DumpTexts()).unclassifiable(stats)
    said = f"{share} of the rows are unclassifiable: {kinds}; the column {text_column} holds {_how_little(stats)}"
    if predictions:
        return _predictions_hint(share, said, japanese, japanese == text_column, source)
    if japanese is not None:
        give = argument.either([japanese])
        return f"{said}: is it the column of the reviews? The column {japanese} holds Japanese text: give {give}"
    return (
        f"{said}, nor does any other column of {source}: the model reads Japanese reviews (if they are in another "
        f"column, give it with {argument})"
    )


def _how_little(stats: DriftStatistics) -> str:
    """How much Japanese text a column of unclassifiable rows holds: ``no Japanese text`` when no row holds kana or
    kanji, else ``little Japanese text (30% of its rows hold kana or kanji)``."""
    if not stats.classified:
        return "no Japanese text"
    return f"little Japanese text ({stats.classified / stats.rows:.0%} of its rows hold kana or kanji)"


def _predictions_hint(share: str, said: str, japanese: str | None, own: bool, source: str) -> str:
    """The hint for a predictions file, read as written: giving drift another text column would classify nothing
    again, so the advice is to classify the dump again, from the column of *japanese* text if one holds it."""
    again = f"the predictions of {source} are read as written, not classified again"
    if japanese is None:
        return (
            f"{said}, nor does any other column of {source}: the model reads Japanese reviews (if they are in a "
            f"column of the dump, classify it again with taikai batch giving that column with {TEXT_COLUMN})"
        )
    redo = f"classify the dump again with taikai batch giving {TEXT_COLUMN.either([japanese])}, and check the drift "
    if own:  # the column given holds Japanese: the predictions were made from another
        return (
            f"{share} of the rows are unclassifiable as predicted, though the column {japanese} holds Japanese text; "
            f"{again}: were they made from another column? If so, {redo}of that output"
        )
    return f"{said}; the column {japanese} does, and {again}: {redo}of that output"
