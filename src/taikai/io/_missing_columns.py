"""The error of a labelled file without a column it is read with (``check_labelled``): the columns there are, the
sheet read, and, when columns of other names look to hold the labels (``理由``, ``感情``), the arguments that read
them, or for an ``--add`` file the names to give them in the file (:mod:`taikai.io._label_columns`)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._column_names import close_name, did_you_mean
from taikai.errors import (
    NO_SENTIMENT,
    REASONS_COLUMN,
    SENTIMENT_COLUMN,
    SHEET,
    Argument,
    InputError,
    no_column_error,
    reviews_hint,
    separator_hint,
    shell_quote,
)
from taikai.io._label_columns import labels_fix, likely_labels, prose_columns
from taikai.io._predictions_file import refuse_unlabelled_predictions
from taikai.labels import label_list
from taikai.text import frame_reviews

if TYPE_CHECKING:
    import pandas as pd

LABELS_SHEET = "labels"
"""The sheet of a workbook that labelled files are read from when it has one (a ``taikai suggest`` sheet's)."""
STANDARD_SENTIMENT = "sentiment"
"""The name an ``--add`` file's column of sentiments is read by whatever DATA's is called."""


def missing_columns_error(
    df: pd.DataFrame,
    source: str,
    missing: Sequence[tuple[Hashable, Argument]],
    labels: tuple[Hashable, Hashable | None],
    sheet: str | None,
    sheet_given: bool,
    columns_hint: str | None,
    sentiment_only_hint: bool = False,
) -> InputError:
    """Return the error of *df* (of *source*, *sheet*) without the columns *missing*, *labels* being the columns of
    reasons and sentiments it is read with (``None``: none of sentiments); a predictions file without labels of its
    own is refused as such. *columns_hint*: why the columns of an ``--add`` file are to be renamed in the file.
    *sentiment_only_hint*: when only the reasons column is missing and the sentiment one is there (training data with
    a sentiment only), say how to train on the sentiments alone."""
    reasons_column, sentiment_column = labels
    refuse_unlabelled_predictions(df.columns, source, [reasons_column, sentiment_column], missing)
    of, other_sheet = labelled_sheet_read(source, sheet, sheet_given, columns_hint is not None)
    holder = _other_sheet(source, sheet, [c for c, _ in missing], columns_hint is not None) if other_sheet else ""
    if holder:  # a summary before the sheet of labels: read that sheet, not these columns renamed
        given = " nor ".join(repr(str(c)) for c, _ in missing)
        return InputError(f"{source}: no column {given}; the columns{of} are {list(map(str, df.columns))}{holder}")
    columns = list(map(str, df.columns))
    found = _labels_found(df, missing, labels, columns_hint is not None)
    if found:
        given = " nor ".join(repr(str(c)) for c, _ in missing)
        others = [(c, argument) for c, argument in missing if argument not in (REASONS_COLUMN, SENTIMENT_COLUMN)]
        text = "".join(_fix(c, argument, columns_hint) for c, argument in others)
        why = f" in the file: {columns_hint}" if columns_hint is not None else ""
        said = f"{source}: no column {given}, but {found}{text}{why}; the columns{of} are {columns}{other_sheet}"
        return InputError(said + _reviews(df, missing, labels, columns_hint))
    if columns_hint is not None:
        given = " nor ".join(repr(str(c)) for c, _ in missing)
        return InputError(
            f"{source}: no column {given}; the columns{of} are {columns}; {_renamed_back(df, missing, columns)} in the "
            f"file: {columns_hint}{other_sheet}"
        )
    error = f"{no_column_error(missing, df.columns, source, of)}{_reviews(df, missing, labels, columns_hint)}"
    if sentiment_column in df.columns and sentiment_only_hint and [a for _, a in missing] == [REASONS_COLUMN]:
        return InputError(f"{error}{other_sheet}{_sentiment_only(str(sentiment_column))}")
    if sentiment_column in df.columns or sentiment_column is None:
        return InputError(f"{error}{other_sheet}")
    return InputError(f"{error}{other_sheet}; or pass {NO_SENTIMENT.given(None)} for data without sentiment")


def _renamed_back(df: pd.DataFrame, missing: Sequence[tuple[Hashable, Argument]], columns: Sequence[str]) -> str:
    """Say what to rename back to each of the *missing* names of an ``--add`` file *df*: the column of *columns* it
    most likely was, named, so that the user need not find it among the columns: one of a near name (``Reasons``,
    ``reason``: :func:`~taikai._column_names.close_name`), or for the texts the one column that reads as reviews
    (``本文``: :func:`taikai.text.frame_reviews`); the columns back to their names when none is found
    (``rename the column back to 'reasons'``)."""
    names = [str(c) for c, _ in missing]
    near = {name: close_name(name, [c for c in columns if c != name]) for name in names}
    reviews = frame_reviews(df)
    for (_, argument), name in zip(missing, names, strict=True):
        if near[name] is None and argument not in (REASONS_COLUMN, SENTIMENT_COLUMN) and len(reviews) == 1:
            near[name] = reviews[0]
    if not any(near.values()):
        return f"rename the column{'s' if len(names) > 1 else ''} back to {' and '.join(map(repr, names))}"
    fixes = [f"{near[n]!r} back to {n!r}" if near[n] else f"the column of {n} back to {n!r}" for n in names]
    return f"rename {' and '.join(fixes)}"


def _other_sheet(source: str, read: str | None, columns: Sequence[Hashable], added: bool) -> str:
    """Return what to do when another sheet of workbook *source* than the sheet *read* has every one of *columns*
    in its header (:func:`~taikai.io._table_readers.sheet_read` finds it and says how to read it, by its number when
    its name is masked), or ``""``: read it with ``--sheet``, or name it ``labels``; an *added* file (``--add``,
    ``--exclude``), whose sheet no option chooses, only the latter."""
    from taikai.io._table_readers import XlsxReader, sheet_read

    try:
        _, hint = sheet_read(XlsxReader(Path(source), read), list(columns))
    except InputError:
        return ""
    if not hint.startswith("; sheet "):
        return ""
    if added:
        hint = hint.partition(": read it with ")[0] + ": name it"
    else:
        hint += ", or name it"
    return f"{hint} {LABELS_SHEET!r} (a workbook's sheet of that name is read first)"


def _sentiment_only(column: str) -> str:
    """Say how data whose only labels are the sentiments in *column* is trained: as the labels of one's own."""
    return (
        f"; or, for data with a sentiment only, train on the sentiments as the labels: reasons_column={column!r}, "
        f"sentiment_column=None, free_labels=True (--reasons-column {shell_quote(column)} --no-sentiment "
        "--free-labels on the command line)"
    )


def _labels_found(
    df: pd.DataFrame, missing: Sequence[tuple[Hashable, Argument]], labels: tuple[Hashable, Hashable | None], add: bool
) -> str:
    """Say which columns of *df* look to hold the labels *missing* and what to do (:func:`labels_fix`), or ``""``:
    also when a missing column has a near miss there (``Reasons``), which the error of a missing column names, or the
    file looks read with the wrong separator (:func:`~taikai.errors.separator_hint`). The
    columns of an *add* file's sentiments, not read when the file has none of that name, are asked for too."""
    wanted = [(c, argument) for c, argument in missing if argument in (REASONS_COLUMN, SENTIMENT_COLUMN)]
    names = list(map(str, df.columns))
    if add and labels[1] is None and STANDARD_SENTIMENT not in names:
        wanted.append((STANDARD_SENTIMENT, SENTIMENT_COLUMN))
    if not wanted or any(did_you_mean(str(c), names) for c, _ in wanted) or separator_hint(df.columns):
        return ""  # a near miss, or one column whose name holds tabs (the wrong separator): said as such
    used = [str(c) for c in labels if c is not None and str(c) in names]
    used += [str(c) for c, argument in missing if argument not in (REASONS_COLUMN, SENTIMENT_COLUMN)]
    return labels_fix(likely_labels(df.columns, prose_columns(df), used), wanted, rename=add)


def _reviews(
    df: pd.DataFrame,
    missing: Sequence[tuple[Hashable, Argument]],
    labels: tuple[Hashable, Hashable | None],
    columns_hint: str | None,
) -> str:
    """Say which columns of *df* read as reviews (:func:`~taikai.text.frame_reviews`), and how to read one, when the
    column of texts is *missing* (not a label column: those are *labels*); ``""`` when none does, the text column is
    there, or for an ``--add`` file (*columns_hint*), whose columns are renamed in the file."""
    texts = [argument for _, argument in missing if argument not in (REASONS_COLUMN, SENTIMENT_COLUMN)]
    if not texts or columns_hint is not None:
        return ""
    read = {str(c) for c in labels if c is not None}  # the label columns are not named as reviews
    return reviews_hint([c for c in frame_reviews(df) if c not in read], texts[0])


def _fix(column: Hashable, argument: Argument, columns_hint: str | None) -> str:
    """What to do about the missing column *column* of no labels: name it so in the file, or give it to *argument*."""
    if columns_hint is not None:
        return f", and the column of texts to {str(column)!r}"
    return f"; give the column of texts to {argument}"


def labelled_sheet_read(source: str, title: str | None, given: bool = False, added: bool = False) -> tuple[str, str]:
    """Return how a message names the sheet *title* of workbook *source* that was read (`` of sheet 'x' (…)``: why
    that one, and the sheets there are) and, when it was not the ``labels`` sheet, what to do if the labels are on
    another (``""`` for a file without sheets). *given*: the sheet was named by ``--sheet`` (``sheet=``); *added*:
    a file whose sheet ``--sheet`` does not choose (given to ``--add`` or ``--exclude``)."""
    from taikai.io._table_readers import sheet_names

    if not title:
        return "", ""
    names = sheet_names(Path(source))
    listed = f"; its sheets are {label_list(names)}" if names else ""
    if given:
        other = f"; or give the sheet that holds the labels with {SHEET}" if len(names) > 1 else ""
        return f" of sheet {title!r}" + (f" (its sheets are {label_list(names)})" if len(names) > 1 else ""), other
    if title == LABELS_SHEET:
        return f" of sheet {title!r} (the workbook's sheet named {LABELS_SHEET!r})", ""
    if len(names) == 1:  # the workbook's only sheet: nothing to choose, so not named
        return "", ""
    said = f" of sheet {title!r} (the first: the workbook has no sheet named {LABELS_SHEET!r}{listed})"
    if len(names) < 2:
        return said, ""
    give = "" if added else f"give it with {SHEET}, or "
    return said, f"; if the labels are on another sheet, {give}name that sheet {LABELS_SHEET!r} (it is read first)"
