"""Refuse to evaluate data without any label column, such as a dump of reviews: no column name can mend it; and
data whose labels are under other names (category, tone): the error leads with the column arguments that read
them."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

from taikai._column_names import folded, label_like
from taikai.errors import REASONS_COLUMN, SENTIMENT_COLUMN, Argument, InputError, separator_hint
from taikai.io import labels_fix, likely_labels, refuse_prefixed_predictions


def check_labels_there(
    columns: Sequence[object],
    source: str,
    reasons_column: Hashable,
    sentiment_column: Hashable | None,
    prose: Collection[str] = (),
    text_column: Hashable | None = None,
) -> None:
    """Raise :class:`InputError` when *columns* (of *source*) hold neither *reasons_column* nor *sentiment_column*
    (``None``: not read), nor a column named so but for width, case or surrounding spaces (a near miss, which the
    error of a missing column names), and are not one column read with the wrong separator
    (:func:`~taikai.errors.separator_hint`): a predictions file of ``taikai batch --prefix`` with no labels of its
    own is refused as such; columns whose names hold a word of :data:`LABEL_WORDS` (category, tone) are named, with
    the arguments that read them; else the data looks like an unlabelled dump, which evaluation cannot score and
    ``taikai batch`` classifies. An unprefixed predictions file (``p_reason_*`` columns) is left to the error of
    its missing columns. Columns in *prose* (of reviews: :func:`taikai.io.prose_columns`) are not named as labels,
    whatever their names (``退会理由``). Labels under other names in data without *text_column* either are left to
    the error of the missing columns, which names the column of texts and the one that reads as reviews too, so
    that one run of its advice reads the file."""
    wanted = [(reasons_column, REASONS_COLUMN)]
    if sentiment_column is not None:
        wanted.append((sentiment_column, SENTIMENT_COLUMN))
    names = {folded(str(c)) for c in columns}
    if any(folded(str(column)) in names for column, _ in wanted):
        return  # a near miss: the error of the missing columns says so
    given = " nor ".join(repr(str(column)) for column, _ in wanted)
    # taikai batch --prefix pred_'s output with no labels but the model's: refused as such
    refuse_prefixed_predictions(source, columns, f"no column {given}, no labels: ", lambda c: label_like(folded(c)))
    likely = likely_labels(columns, prose)
    if any("p_reason_" in name for name in names):
        return  # a predictions file: the error of the missing columns says so
    if separator_hint(columns):  # one column whose name holds tabs: read with the wrong separator, said so
        return
    if likely and text_column is not None and text_column not in columns:
        return  # 本文, 理由, 感情: the error of the missing columns names all three, as train's and rules test's do
    if likely:  # labels under another name (label, 理由, category, tone)
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
    source: str, given: str, columns: list[str], likely: dict[str, str], wanted: list[tuple[Hashable, Argument]]
) -> str:
    """The error of labels that look to be under other names: the arguments that read them first, then the columns."""
    fix = labels_fix(likely, wanted)
    if not fix:  # only columns of a kind not read (a sentiment's, with --no-sentiment): the arguments, as such
        named = " and ".join(map(repr, likely))
        look = "looks" if len(likely) == 1 else "look"
        arguments = " and ".join(str(argument) for _, argument in wanted)
        fix = f"{named} {look} to hold labels: give the columns that hold them to {arguments}"
    return (
        f"{source}: no column {given}, but {fix}; the columns are {columns}; evaluate scores the model against labels "
        "people gave (a column of reasons, the primary first, and one of sentiments)"
    )
