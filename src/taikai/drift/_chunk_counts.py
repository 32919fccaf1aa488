"""What a dump's count holds (:class:`FileStatistics`: the whole file's statistics and each period's, and what the
count noticed) and the counting of it from chunks of rows, of a file or a frame (:func:`count_chunks`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from taikai.drift._column_hint import japanese_column, text_column_hint
from taikai.drift._counting import StatisticsBuilder
from taikai.drift._dump_texts import DumpTexts, TextSurvey
from taikai.drift._gaps import EmptyPeriods
from taikai.drift._periods import PeriodCounter
from taikai.drift._rows import Rows
from taikai.drift._stray import StrayPeriods
from taikai.errors import DATE_COLUMN, TEXT_COLUMN, Argument, period_freq
from taikai.io import DateOrder, YearRange, period_tz
from taikai.model import LABEL_COLUMNS, DriftStatistics, Model, find_column
from taikai.privacy import sum_counts


@dataclass(frozen=True)
class FileStatistics:
    """The statistics of a whole file and, with a date column, of each period (in date order)."""

    source: str
    overall: DriftStatistics
    periods: dict[str, DriftStatistics] = field(default_factory=dict)
    undated: int = 0
    predictions: bool = False
    masks: dict[str, int] | None = None  # personal data masked in the texts, per PiiKind value; None: not masked
    out_of_range: int = 0  # rows whose date lies far outside the others (taikai.io.RANGE_RULE), in undated too
    date_order: DateOrder | None = None
    """The order the date column's year-last dates (``03/04/2026``) were read in (``None``: it has none)."""
    date_years: YearRange | None = None  # the years the dates were counted in
    date_example: str | None = None  # one of its year-last dates that reads either way (05/06/2026)
    blank_dates: int = 0
    """Rows whose date cell is blank (missing, empty or only spaces), counted in ``undated`` too."""
    blank_lines: int = 0
    """Blank lines of the file skipped (not rows: counted in no figure), as ``taikai batch`` skips them."""
    bad_lines: str | None = None
    """Of a predictions file: the malformed records ``taikai batch --on-bad-lines report`` set aside, as its summary
    counts them and names their file (``1 (p.bad_lines.csv)``), which no figure counts; ``None``: none."""
    trial_run: str | None = None
    """Of predictions of a trial run (``taikai batch --limit N``, as its summary records): which rows they are."""
    text_hint: str | None = None
    """What to check when nearly every row is unclassifiable (the text column; :mod:`taikai.drift._column_hint`)."""
    markup_hint: str | None = None
    """How many rows hold HTML markup, and what to do (:meth:`taikai.drift._dump_texts.DumpTexts.markup_hint`)."""
    japanese_column: str | None = None
    """When nearly every row is unclassifiable: the column that holds Japanese text (``text_hint`` names it)."""
    texts: DumpTexts = field(default_factory=DumpTexts)
    """The first row of each unclassifiable kind and the rows holding HTML markup, which the hints cite."""
    unchecked: bool = False
    """Predictions whose model could not be checked: no batch summary beside them names the model that made them
    (a data frame has none), or the model given is not saved (see ``unsaved_model``)."""
    unsaved_model: str | None = None
    """When the batch summary names the model that made the predictions (this name) but the model given is not
    saved (in memory: it has no sha256 to compare with the summary's), so that the two could not be checked."""
    empty_periods: tuple[EmptyPeriods, ...] = ()
    """The runs of periods without rows between the first period with rows and the last, in date order."""
    duplicates: int = 0  # rows whose text an earlier row holds, as the model reads it (counted in every figure)
    one_text: dict[str, int] = field(default_factory=dict)
    """Per part (``all``, the whole file, and each period): the rows holding its most common text, as the duplicates
    are told apart (a month filled by one pasted text)."""
    strays: tuple[StrayPeriods, ...] = ()
    """The first or last periods holding a few rows cut off from the others by empty periods (a mistyped date)."""
    overridden: int = 0
    """Of a predictions file of ``taikai batch --rules-mode override``: the rows whose ``reason`` a rule set apart from
    the model's own (``model_reason``), which the figures count, as the model's statistics do."""
    text_keys: np.ndarray[Any, Any] = field(
        default_factory=lambda: np.empty(0, dtype=np.int64), repr=False, compare=False
    )
    """The hash of each non-blank text, as the model reads it: which rows of a dump a reference holds too."""


def shared_rows(dump: np.ndarray[Any, Any], reference: np.ndarray[Any, Any] | None) -> int:
    """Return how many of the *dump*'s rows hold a text that the *reference* holds too (by their
    :attr:`FileStatistics.text_keys`; 0 without a reference file or frame): a dump compared with itself, or with an
    export that holds its rows (a cumulative one), can hardly drift from it, whatever changed since."""
    if reference is None or not len(dump) or not len(reference):
        return 0
    return int(np.isin(dump, np.unique(reference)).sum())


def count_chunks(
    source: str,
    columns: list[str],
    chunks: Iterable[list[list[Any]]],
    model: Model,
    text_column: Hashable,
    date_column: Hashable | None,
    freq: str | None,
    text_argument: Argument = TEXT_COLUMN,
    mask_pii: bool = False,
    input_format: bool = False,
    shown: Sequence[object] | None = None,
    date_columns: Callable[[int], Iterable[list[Any]]] | None = None,
    labels: Sequence[Hashable] | None = None,
    tz: str | None = None,
    lines: Sequence[Any] | None = None,
) -> FileStatistics:
    """Count chunks of rows (given as columns of values) of *source*, whose columns are *columns* (named ``shown``
    in *source*, before predicted columns got their plain names); with *mask_pii*, their texts masked first
    (*input_format*: the caller takes ``input_format=``, which errors may suggest).

    A date column is refused before anything is classified when none of its values reads as a date: when the
    first chunk holds none, *date_columns* (called with the column's index; it yields the column's values chunk by
    chunk from the start) is read through for one, as the report reads the whole column. Without it, the first
    chunk decides. *freq* (``None``: ``M``) given without *date_column* is refused. *labels*: a frame's index
    labels, which errors name a row by when they are not its position. *tz*: the time zone the periods are counted
    in (:func:`taikai.io.parse_dates`), refused without *date_column* as *freq* is. *lines*: each chunk's file
    lines (an array, -1 where there are none), filled as the chunks are read, which the hints name rows by."""
    freq, tz = period_freq(freq, date_column), period_tz(tz, date_column)
    rows = Rows(model, source, columns, text_column, text_argument, mask_pii, input_format, shown, labels=labels)
    date_index, date_name = -1, None
    if date_column is not None:
        found = find_column(columns, date_column, DATE_COLUMN, source=source, shown=shown, input_format=input_format)
        date_index, date_name = columns.index(str(found)), str(found)
    overall = StatisticsBuilder.for_model(model, source, mask_pii)
    dated = PeriodCounter(date_name, source, freq, overall, mask_pii, tz) if date_name is not None else None
    survey = TextSurvey()
    first: list[list[Any]] | None = None  # its columns are looked at for Japanese text when the texts hold none
    for index, data in enumerate(chunks):
        if index == 0:
            first = data
        if index == 0 and dated is not None:  # before classifying a dump whose date column holds no date
            import pandas as pd

            head = pd.DataFrame(dict(zip(map(str, shown or columns), data, strict=False)))  # named if no dates
            dated.start(data[date_index], date_columns, date_index, head)
        texts, statuses, reason, sentiment = rows.read(data)
        measured = overall.measure(texts, statuses, reason, sentiment, keys=rows.keys)
        overall.add(measured)
        survey.add(texts, measured)
        if dated is not None:
            dated.add(data[date_index], measured)
    periods = dated.build() if dated is not None else {}
    named = list(shown) if shown is not None else list(columns)
    model_made = {str(n) for n, c in zip(named, columns) if c in LABEL_COLUMNS} if rows.predictions else None
    whole = overall.build()
    said = survey.build(lines)
    text = str(named[rows.text])
    japanese = japanese_column(whole, text, named, first, model_made)
    duplicates, most_repeated = rows.repeats()  # the whole input's, of the hashes read: not kept twice
    return FileStatistics(
        source,
        whole,
        periods,
        dated.undated if dated is not None else 0,
        rows.predictions,
        sum_counts([rows.masks]) if mask_pii else None,
        dated.out_of_range if dated is not None else 0,
        dated.survey.order if dated is not None else None,
        dated.survey.years if dated is not None else None,
        blank_dates=dated.blank if dated is not None else 0,
        date_example=dated.survey.either if dated is not None else None,
        text_hint=text_column_hint(whole, text, japanese, text_argument, source, rows.predictions, texts=said),
        markup_hint=said.markup_hint(whole.rows),
        japanese_column=japanese,
        texts=said,
        empty_periods=dated.gaps() if dated is not None else (),
        strays=dated.strays() if dated is not None else (),
        duplicates=duplicates,
        text_keys=rows.text_keys(),
        overridden=rows.overridden,
        one_text={"all": most_repeated, **(dated.most_repeated() if dated is not None else {})},
    )
