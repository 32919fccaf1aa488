"""Refuse to evaluate data without any label column, such as a dump of reviews: no column name can mend it; and
data whose labels are under other names (category, tone): the error leads with the column arguments that read
them."""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable, Sequence
from typing import TYPE_CHECKING

from taikai._column_names import folded, label_like
from taikai.errors import REASONS_COLUMN, SENTIMENT_COLUMN, Argument, InputError, separator_hint
from taikai.io import refuse_prefixed_predictions

if TYPE_CHECKING:
    import pandas as pd

_PROSE_MARK = re.compile(r"[。、！？!?]")
"""Punctuation of prose, which no label holds."""
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
LABEL_CHARS = 12
"""Most characters of a label holding hiragana (the taxonomy's longest names have 8: ``報酬・単価が低い``)."""
PROSE_ROWS = 200
"""Filled cells of a column looked at to tell reviews from labels."""


def prose_columns(frame: pd.DataFrame) -> set[str]:
    """Return the names of *frame*'s columns whose filled cells (the first :data:`PROSE_ROWS`) mostly read as
    sentences, not labels (:func:`_sentence`): a dump's ``退会理由`` column of reviews is no column of reasons."""
    found = set()
    for column in frame.columns:
        cells = [str(v) for v in frame[column].dropna().head(PROSE_ROWS) if str(v).strip()]
        parts = [[part for part in re.split("[|｜]", cell) if part.strip()] for cell in cells]
        if cells and sum(any(_sentence(part) for part in cell) for cell in parts) * 2 > len(cells):
            found.add(str(column))
    return found


def _sentence(part: str) -> bool:
    """Whether a label cell's *part* (between ``|``) reads as a sentence: punctuation of prose, or hiragana in more
    than :data:`LABEL_CHARS` characters."""
    return bool(_PROSE_MARK.search(part)) or (len(part.strip()) > LABEL_CHARS and bool(_HIRAGANA.search(part)))


def check_labels_there(
    columns: Sequence[object],
    source: str,
    reasons_column: Hashable,
    sentiment_column: Hashable | None,
    prose: Collection[str] = (),
) -> None:
    """Raise :class:`InputError` when *columns* (of *source*) hold neither *reasons_column* nor *sentiment_column*
    (``None``: not read), nor a column named so but for width, case or surrounding spaces (a near miss, which the
    error of a missing column names), and are not one column read with the wrong separator
    (:func:`~taikai.errors.separator_hint`): a predictions file of ``taikai batch --prefix`` with no labels of its
    own is refused as such; columns whose names hold a word of :data:`LABEL_WORDS` (category, tone) are named, with
    the arguments that read them; else the data looks like an unlabelled dump, which evaluation cannot score and
    ``taikai batch`` classifies. An unprefixed predictions file (``p_reason_*`` columns) is left to the error of
    its missing columns. Columns in *prose* (of reviews: :func:`prose_columns`) are not named as labels, whatever
    their names (``退会理由``)."""
    wanted = [(reasons_column, REASONS_COLUMN)]
    if sentiment_column is not None:
        wanted.append((sentiment_column, SENTIMENT_COLUMN))
    names = {folded(str(c)) for c in columns}
    if any(folded(str(column)) in names for column, _ in wanted):
        return  # a near miss: the error of the missing columns says so
    given = " nor ".join(repr(str(column)) for column, _ in wanted)
    # taikai batch --prefix pred_'s output with no labels but the model's: refused as such
    refuse_prefixed_predictions(source, columns, f"no column {given}, no labels: ", lambda c: label_like(folded(c)))
    likely = {str(c): label_like(folded(str(c))) if str(c) not in prose else None for c in columns}
    if any("p_reason_" in name for name in names):
        return  # a predictions file: the error of the missing columns says so
    if separator_hint(columns):  # one column whose name holds tabs: read with the wrong separator, said so
        return
    if any(likely.values()):  # labels under another name (label, 理由, category, tone)
        raise InputError(_other_names(source, given, list(map(str, columns)), likely, wanted))
    arguments = " and ".join(f"{argument.name}=" for _, argument in wanted)
    options = " and ".join(str(argument.option) for _, argument in wanted)
    classify = "taikai batch (taikai.classify_file)" if source != "<frame>" else "Model.predict_frame"
    raise InputError(
        f"{source}: no column {given}: the columns are {list(map(str, columns))}, no labels, as in an unlabelled "
        "dump of reviews; evaluate scores the model against labels people gave, so it needs labelled rows (a "
        "column of reasons, the primary first, and one of sentiments; taikai suggest picks rows worth labelling); "
        f"to classify a dump, use {classify}; if the labels are in columns of other names, give them to "
        f"{arguments} ({options} on the command line)"
    )


def _other_names(
    source: str, given: str, columns: list[str], likely: dict[str, str | None], wanted: list[tuple[Hashable, Argument]]
) -> str:
    """The error of labels that look to be under other names: the arguments that read them first, then the columns."""
    named = [repr(c) for c, kind in likely.items() if kind]
    fixes, missing = [], []
    for _, argument in wanted:
        kind = "sentiment" if argument is SENTIMENT_COLUMN else "reasons"
        found = [c for c, k in likely.items() if k == kind]
        if found:
            fixes.append(argument.either(found))
        else:
            missing.append((kind, argument))
    if not fixes:
        fix = "give the columns that hold them to " + " and ".join(str(argument) for _, argument in wanted)
    else:
        fix = f"give {'it' if len(named) == 1 else 'them'} as {' and '.join(fixes)}"
        for kind, argument in missing:  # the reasons found, no sentiment (or only a sentiment)
            no_sentiment = ", or pass --no-sentiment (sentiment_column=None) for data without sentiment"
            fix += f", and the column of {kind} to {argument}" + (no_sentiment if kind == "sentiment" else "")
    look = "looks" if len(named) == 1 else "look"
    return (
        f"{source}: no column {given}, but {' and '.join(named)} {look} to hold labels: {fix}; the columns are "
        f"{columns}; evaluate scores the model against labels people gave (a column of reasons, the primary first, "
        "and one of sentiments)"
    )
