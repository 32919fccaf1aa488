"""Refuse to evaluate data without any label column, such as a dump of reviews: no column name can mend it."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from taikai._column_names import folded
from taikai.errors import REASONS_COLUMN, SENTIMENT_COLUMN, InputError, separator_hint
from taikai.io import model_columns, prediction_prefixes, refuse_model_labels

LABEL_WORDS = ("label", "reason", "sentiment", "ラベル", "理由", "感情")
"""Words of a column name that may hold labels: a file with one is not taken for an unlabelled dump."""


def check_labels_there(
    columns: Sequence[object], source: str, reasons_column: Hashable, sentiment_column: Hashable | None
) -> None:
    """Raise :class:`InputError` when *columns* (of *source*) hold neither *reasons_column* nor *sentiment_column*
    (``None``: not read), nor a column named so but for width, case or surrounding spaces (a near miss, which the
    error of a missing column names), are no predictions file's (``p_reason_*`` columns) and are not one column read
    with the wrong separator (:func:`~taikai.errors.separator_hint`) and none holds a word of :data:`LABEL_WORDS`:
    the data looks like
    an unlabelled dump, which evaluation cannot score and ``taikai batch`` classifies. The columns' arguments are
    said last, for labels under other names."""
    wanted = [(reasons_column, REASONS_COLUMN)]
    if sentiment_column is not None:
        wanted.append((sentiment_column, SENTIMENT_COLUMN))
    names = {folded(str(c)) for c in columns}
    if any(folded(str(column)) in names for column, _ in wanted):
        return  # a near miss: the error of the missing columns says so
    given = " nor ".join(repr(str(column)) for column, _ in wanted)
    prefixes = [p for p in prediction_prefixes(columns) if p]
    if prefixes:  # taikai batch --prefix pred_'s output: labels a person gave are in columns of its own, if any
        own = {folded(str(c)) for c in columns if not any(str(c).startswith(p) for p in prefixes)}
        if any(word in name for word in LABEL_WORDS for name in own):
            return  # the error of the missing columns names them
        refuse_model_labels(source, columns, model_columns(columns), missing=f"no column {given}, no labels: ")
    if any("p_reason_" in name for name in names):
        return  # a predictions file: the error of the missing columns says so
    if separator_hint(columns):  # one column whose name holds tabs: read with the wrong separator, said so
        return
    if any(word in name for word in LABEL_WORDS for name in names):  # labels under another name (label, 理由)
        return
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
