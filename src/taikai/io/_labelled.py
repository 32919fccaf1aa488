"""Read and check labelled review files (text, reasons, sentiment): every problem named with its file and line.

Labels may be ids or the Japanese display names of the taxonomy (報酬・単価が低い → ``low_pay``); a
``more_reasons`` column, when present, adds further reasons after the primary one (the layout of a
``taikai suggest`` sheet).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING

from taikai._closest_label import closest_label
from taikai._cut import cut_lines
from taikai._frame_rows import index_labels
from taikai.errors import (
    FREE_LABELS,
    ON_BAD_ROWS,
    REASONS_COLUMN,
    SENTIMENT_COLUMN,
    TEXT_COLUMN,
    InputError,
)
from taikai.io._bad_rows import BadRow
from taikai.io._column_roles import check_column_roles, check_one_column_each
from taikai.io._guesses_edited import check_guesses_kept
from taikai.io._label_columns import MORE_REASONS_COLUMN
from taikai.io._missing_columns import missing_columns_error
from taikai.io._predictions_file import refuse_predictions
from taikai.io._splits import row_name, split_column
from taikai.io._unknown_labels import broken_labels, grouped_unknowns, known_labels, misplaced_sentiments, row_unknowns
from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    format_reasons,
    label_cell,
    own_labels,
    parse_label_cell,
    sentiment_id,
)
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS
from taikai.text import Status, check_text, header_message, header_rows

if TYPE_CHECKING:
    import pandas as pd

MAX_SHOWN = 20
FREE_LABELS_HINT = f"pass {FREE_LABELS.given(True)} to use labels of your own"
"""What to do when a labelled file uses labels outside the taxonomy."""


class OnBadRows(str, Enum):
    """What to do with a labelled row that cannot be used: skip it (and report it) or stop."""

    SKIP = "skip"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class LabelledTable:
    """The usable rows of a labelled file, with ``primary`` and ``label_set`` columns, and what was left out.

    ``rows`` counts the data rows read; ``blank`` the rows without any label (skipped where blanks are allowed; the
    blank lines the reader skipped too, a sheet's empty rows: ``blank_lines`` of :func:`check_labelled`);
    ``bad`` the rows skipped as unusable, one entry per row. ``rows == len(frame) + blank + len(bad)``.
    ``places`` names where each row of ``frame`` is, as bad rows are named (``FILE:LINE``, or ``FILE: row N``).
    """

    frame: pd.DataFrame
    source: str
    rows: int
    blank: int
    bad: tuple[BadRow, ...]
    places: tuple[str, ...] = ()


def _strip_headers(df: pd.DataFrame) -> pd.DataFrame:
    """Return *df* with its column names stripped of surrounding blanks (``reasons `` typed in Excel)."""
    names = [c.strip() if isinstance(c, str) else c for c in df.columns]
    if names == list(df.columns) or len(set(map(str, names))) < len(names):
        return df
    return df.set_axis(names, axis=1)


def _listing(items: Sequence[str]) -> str:
    return "".join(f"\n{line}" for line in cut_lines(items, MAX_SHOWN))


def check_labelled(
    df: pd.DataFrame,
    source: str = "<data>",
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    sentiment_column: Hashable | None = "sentiment",
    *,
    lines: Sequence[int] | None = None,
    require_text: bool = True,
    on_bad_rows: OnBadRows | str = OnBadRows.ERROR,
    skip_blank: bool = False,
    known_reasons: Collection[str] | None = None,
    known_sentiments: Collection[str] | None = None,
    free_labels_hint: bool | None = False,
    free_labels_advice: str = FREE_LABELS_HINT,
    unknown_hint: str = "",
    sheet: str | None = None,
    sheet_given: bool = False,
    bad_rows_hint: str = f"pass {ON_BAD_ROWS.either(['skip'])} to train without them",
    check_split: bool = False,
    columns_hint: str | None = None,
    sentiment_only_hint: bool = False,
    reasons_as_written: bool | None = None,
    sentiments_as_written: bool | None = None,
    reasons_only: bool = False,
    sentiments_only: bool = False,
    unread_sentiment: Hashable | None = None,
    index: Sequence[Hashable] | None = None,
    id_column: Hashable | None = None,
    blank_lines: int = 0,
) -> LabelledTable:
    """Check a labelled frame; return its usable rows with ``primary`` and ``label_set`` and what was left out.

    Labels are turned into ids (:func:`taikai.labels.reason_id`). A row without any label is skipped and counted
    when *skip_blank* (a sheet a person filled in part), else it is a bad row; *blank_lines*, the blank lines and
    empty rows its reader skipped, are counted as rows without any label either way. A row whose text cannot be
    classified (``require_text``) or that lacks one of its labels is bad: ``on_bad_rows="error"`` raises
    :class:`InputError` listing every one at its file line, ``"skip"`` leaves them out and returns them. A label
    outside *known_reasons* / *known_sentiments* (when given) always raises, naming the row and the value (and,
    with *free_labels_hint*, saying *free_labels_advice*, what ``--free-labels`` does instead; ``None``: said when an
    unknown label is close to no known one, which a typo would be; *unknown_hint*, what else to do about it, comes
    before that). *bad_rows_hint* ends the error about bad rows (``fix them, or …``): what else the caller's user
    can do. *sheet*: the xlsx sheet read, named when a column is missing (*sheet_given*: it was chosen by
    ``--sheet``, ``sheet=``). *check_split*: refuse a ``split`` column holding anything but train or test, naming
    the rows. *index*: the labels of the caller's frame's rows (*df* came reset; default: *df*'s own index), named
    with a row without a file line when not its position. *id_column*: the column naming each row (``--id-column``,
    checked there by the caller), whose cell follows the row's place in every message (``FILE:5 (id R-17)``).
    *columns_hint*: why a missing column is to be renamed back in the file rather than named by the column
    arguments (an ``--add`` file, read with the base data's column names or the standard ones).
    *sentiment_only_hint*: a file without the reasons column but with the sentiment one is told how to train on its
    sentiments alone (training data).
    *reasons_as_written* / *sentiments_as_written*: keep labels exactly as written (labels of one's own) instead of
    reading Japanese names and ids in any case as the taxonomy's; by default, when the known labels are one's own
    (:func:`taikai.labels.own_labels`).
    *reasons_only*: a row with a primary reason and an empty sentiment is usable, its sentiment left ``""`` (training
    fits only the reason head on it, evaluation scores only its reasons); else it is a bad row.
    *sentiments_only*: a row with a sentiment and no reason at all (neither column) is usable, its ``label_set`` empty
    and ``primary`` ``""`` (training fits only the sentiment head on it, evaluation scores only its sentiment); else
    it is a bad row. A row with neither is never usable. *unread_sentiment*: the column of a sentiment that is not
    read (no *sentiment_column*: training with ``--no-sentiment``); a row with a value there and no reason is a bad
    row said to have nothing to train, not a blank one.
    """
    check_column_roles(text_column, reasons_column, sentiment_column)  # before any is looked up in the frame
    on_bad_rows = OnBadRows(on_bad_rows)
    if reasons_as_written is None:
        reasons_as_written = own_labels(known_reasons, REASON_IDS)
    if sentiments_as_written is None:
        sentiments_as_written = own_labels(known_sentiments, SENTIMENTS)
    read_reasons = partial(parse_label_cell, as_written=reasons_as_written)
    df = _strip_headers(df)
    refuse_predictions(df, source, (reasons_column, sentiment_column))
    needed = zip((text_column, reasons_column, sentiment_column), (TEXT_COLUMN, REASONS_COLUMN, SENTIMENT_COLUMN))
    missing = [(c, argument) for c, argument in needed if c is not None and c not in df.columns]
    if missing:  # the columns there are, and those that look to hold the labels under other names (理由, 感情)
        label_columns = (reasons_column, sentiment_column)
        hints = (columns_hint, sentiment_only_hint)
        raise missing_columns_error(df, source, missing, label_columns, sheet, sheet_given, *hints)
    read = (text_column, reasons_column, sentiment_column, MORE_REASONS_COLUMN, "split" if check_split else None)
    check_one_column_each(df.columns, source, read)  # a frame of pd.concat(axis=1): each read a frame, not cells
    lines = lines if lines is not None and len(lines) == len(df) else None
    ids = index_labels(df.index if index is None else index) if lines is None else None
    named = df[id_column].tolist() if id_column is not None and id_column in df.columns else None
    if check_split:
        split_column(df, source, lines, ids, named)
    where = partial(row_name, source, lines, labels=ids, ids=named)  # row pos: its file line, else its row (and label)
    check_guesses_kept(df, source, reasons_column, where)  # a sheet's model_reason corrected in place, reasons blank
    more = df[MORE_REASONS_COLUMN].tolist() if MORE_REASONS_COLUMN in df.columns else [None] * len(df)
    sentiments = df[sentiment_column].tolist() if sentiment_column is not None else [None] * len(df)
    single = [c for c in df.columns if list(df.columns).count(c) == 1]  # a column not read is not looked at twice
    unread = sentiment_column is None and unread_sentiment is not None and unread_sentiment in single
    ignored = [label_cell(v) for v in df[unread_sentiment]] if unread else [""] * len(df)
    aside = unread_sentiment if unread_sentiment is not None else "sentiment"  # not read, but told of when swapped
    said_sentiment = aside if sentiment_column is None else sentiment_column  # the column its problems name
    beside = [label_cell(v) for v in df[aside]] if sentiment_column is None and aside in single else None
    label_sets: list[list[str]] = []
    clean_sentiments: list[str] = []
    keep: list[int] = []
    blank = 0
    bad: list[BadRow] = []
    unknown: list[tuple[str, str, str]] = []  # the row, the message, and whether a reason or a sentiment is unknown
    far_from: list[tuple[str, Collection[str]]] = []  # each unknown label, and the labels it was not among
    misplaced: list[tuple[str, list[str]]] = []  # rows with sentiment labels in the reasons column, and those labels
    headers = set(header_rows(df, text_column))  # two exports joined: the header again, neither review nor labels
    for pos, (text, reasons_cell, more_cell, sentiment_cell, unused) in enumerate(
        zip(df[text_column], df[reasons_column], more, sentiments, ignored, strict=True)
    ):
        if pos in headers:  # not read as a review labelled with the column names (an unknown label 'reasons')
            bad.append(BadRow(where(pos), f"{text_column}: {header_message(str(text_column))}", str(text), header=True))
            continue
        primary, further = read_reasons(reasons_cell), read_reasons(more_cell)
        labels = list(dict.fromkeys(primary + further))
        sentiment = label_cell(sentiment_cell) if sentiments_as_written else sentiment_id(label_cell(sentiment_cell))
        shown = text.strip() if isinstance(text, str) else label_cell(text)
        if not labels and not sentiment and not unused and skip_blank:
            blank += 1
            continue
        problems = broken_labels(
            ((reasons_column, primary), (MORE_REASONS_COLUMN, further), (said_sentiment, [sentiment]))
        )
        checked = check_text(text, ignore=NOT_JAPANESE_PLACEHOLDERS)  # as the model judges it (Model.classify)
        text_problem = f"{text_column}: {checked.message}" if require_text and checked.status is not Status.OK else None
        if text_problem is not None:
            problems.append(text_problem)
        if not primary and not (sentiments_only and sentiment and not further):
            # more_reasons alone does not say which reason is the primary one
            only = f" (only {MORE_REASONS_COLUMN})" if further else ""
            if further and sentiment:  # the row is dropped whole: its sentiment with it
                only += f", so its {sentiment_column} was not used either: move the primary reason to {reasons_column}"
                if sentiments_only:
                    only += f", or clear {MORE_REASONS_COLUMN} to keep just the {sentiment_column}"
            if unused and not further:
                only = f" (only {unread_sentiment}, which --no-sentiment does not read: nothing to train)"
            problems.append(f"{reasons_column}: no label{only}")
        if sentiment_column is not None and not sentiment and not (reasons_only and primary):
            problems.append(f"{sentiment_column}: no label")
        said, far_labels, sentiments_here = row_unknowns(
            ((reasons_column, primary), (MORE_REASONS_COLUMN, further)),
            (sentiment_column, sentiment) if sentiment_column is not None else (aside, beside[pos]) if beside else None,
            known_reasons,
            known_sentiments if sentiment_column is not None else None,  # a sentiment not read is not checked
        )
        unknown += [(where(pos), message, kind) for message, kind in said]
        far_from += far_labels  # a label of the other column is no typo
        misplaced += [(where(pos), sentiments_here)] if sentiments_here else []
        if problems:
            bad.append(BadRow(where(pos), "; ".join(problems), shown, text_only=problems == [text_problem]))
            continue
        keep.append(pos)
        label_sets.append(labels)
        clean_sentiments.append(sentiment)
    if len(unknown) > 1 and sum(len(labels) for _, labels in misplaced) == len(unknown):  # the column is wrong
        places, labels = [place for place, _ in misplaced], [x for _, row in misplaced for x in row]
        alone = sentiment_only_hint and sentiment_column is None
        raise InputError(misplaced_sentiments(source, places, labels, reasons_column, alone))
    if unknown:
        far = any(closest_label(label, known) is None for label, known in far_from)
        free = f"; or {free_labels_advice}" if free_labels_hint or (free_labels_hint is None and far) else ""
        kinds = {kind for _, _, kind in unknown}
        grouped = grouped_unknowns(source, [(place, message) for place, message, _ in unknown])
        distinct = f", {len(grouped)} different" if 1 < len(grouped) < len(unknown) else ""
        distinct = ", all one label" if len(grouped) == 1 < len(unknown) else distinct
        raise InputError(
            f"{source}: {len(unknown)} label(s) outside the known labels{distinct}:{_listing(grouped)}\n"
            f"use {known_labels(kinds, known_reasons, known_sentiments)}, or fix the typo"
            + (f"; {unknown_hint}" if unknown_hint else "")
            + free
        )
    if bad and on_bad_rows is OnBadRows.ERROR:
        raise InputError(
            f"{source}: {len(bad)} row(s) cannot be used:{_listing([str(b) for b in bad])}\n"
            f"fix them, or {bad_rows_hint}"
        )
    out = df.iloc[keep].copy()
    out[reasons_column] = [format_reasons(s) for s in label_sets]
    out["label_set"] = label_sets
    out["primary"] = [labels[0] if labels else "" for labels in label_sets]
    if sentiment_column is not None:
        out[sentiment_column] = clean_sentiments
    assert len(out) + blank + len(bad) == len(df)
    aside = blank_lines  # skipped by the reader: counted in train's base DATA file too, as in an --add file
    return LabelledTable(out, source, len(df) + aside, blank + aside, tuple(bad), tuple(map(where, keep)))


def validate_labelled(
    df: pd.DataFrame,
    source: str = "<data>",
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    sentiment_column: Hashable | None = "sentiment",
    require_text: bool = True,
    lines: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Check a labelled frame and return it with ``primary`` and ``label_set`` columns added.

    Every problem is reported, never dropped: at its file line when *lines* gives the line of every row, else as
    ``row N (data row, 1-based)``. With ``require_text=False`` rows whose text cannot be classified pass
    (evaluation reports them as unscored).
    """
    return check_labelled(
        df, source, text_column, reasons_column, sentiment_column, lines=lines, require_text=require_text
    ).frame
